-- The compliance to-dos (组织生活待开展) live in the to-do read model (migration 0020): a meeting
-- written, or a subtree's rule set, marks its organization for recomputation (the source widens
-- a mark to the organization's subtree). The generic branch of todo_mark_dirty reads org_id.
create trigger meeting_todo_insert after insert on meeting referencing new table as new_rows for each statement execute function todo_mark_dirty();
create trigger meeting_todo_update after update on meeting referencing old table as old_rows new table as new_rows for each statement execute function todo_mark_dirty();
create trigger meeting_todo_delete after delete on meeting referencing old table as old_rows for each statement execute function todo_mark_dirty();
create trigger compliance_rule_set_todo_insert after insert on compliance_rule_set referencing new table as new_rows for each statement execute function todo_mark_dirty();
create trigger compliance_rule_set_todo_delete after delete on compliance_rule_set referencing old table as old_rows for each statement execute function todo_mark_dirty();
