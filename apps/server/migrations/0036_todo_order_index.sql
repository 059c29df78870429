-- 待办 list order over the read model (ADR 0006). A page of the district's list sorted every stored
-- row of the scope (42,596 at 20,000 organizations) to return 20. Within one stored source the list's
-- order (severity, due date, key) is due date then key: a dated row is overdue exactly when its due
-- date is past, and the undated rows — one warning per source — sort last. This index holds that
-- order, so each stored source's part of a page is an index walk that stops after the page.
create index todo_item_order_idx on todo_item (region_id, source, due_date, key collate "C");
