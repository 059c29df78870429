-- 组织生活 compliance read model (ADR 0018). Judging a district's 20,000 organizations live meant
-- joining every organization × requirement-period with the meeting counts on every view: 0.7–2.6 s a
-- query on PostgreSQL, three queries a summary. The judgement's inputs that do not change with the
-- day are kept here instead, one row per organization × requirement × period of every year a view
-- has asked for: what was held, the minimum (the subtree's rule set applied) and whether the period
-- was partial; rows are narrow (no path, no label): a district's year is 423,000 of them. The status (done, due, due soon, overdue, exempt, upcoming) is judged on the day of
-- the read, as before, from the period's dates.
--
-- Kept current like the 待办 read model (migration 0020): statement triggers mark the organizations a
-- write touched (compliance_dirty, append-only); before each read the module recomputes the marked
-- organizations' rows of every built year with the live judgement's own SQL, in one transaction
-- under the region's compliance_store rows. A rule set marks its subtree. A test compares the result
-- with the live judgement after every kind of change.
create table compliance_item (
  region_id text not null,
  org_id uuid not null,
  requirement_id text not null,
  period_kind text not null,
  period_start date not null,
  period_end date not null,
  -- the organization's minimum (a subtree's rule set applied); the label is the requirement's with it
  min_count integer not null,
  held integer not null,
  -- the organization was set up after the period began and the rule set exempts such periods
  partial boolean not null,
  due_soon_days integer not null,
  constraint compliance_item_pkey primary key (region_id, org_id, requirement_id, period_start)
);
-- A view reads the items of its periods (a month: the month's, its quarter's and its year's); the
-- scope and the organizations' paths come from org, so a move rewrites no item.
create index compliance_item_period_idx on compliance_item (region_id, period_kind, period_start);
-- A quarter and a month (and a year) share their first day: without these the planner multiplied
-- the two columns' selectivities, took a view's 124,000 items for 9,000, and probed org per item.
create statistics compliance_item_period_stats (mcv, dependencies) on period_kind, period_start from compliance_item;

-- The years built for a region, and the day their committees were judged on (a committee counts
-- with its seats in office on that day: the rows of organizations whose seats began or ended since
-- are recomputed on the next read).
create table compliance_store (
  region_id text not null,
  year integer not null,
  judged_on date not null,
  constraint compliance_store_pkey primary key (region_id, year)
);
-- One row per region, locked by every refresh (refreshes of a region run one at a time).
create table compliance_store_lock (
  region_id text not null,
  constraint compliance_store_lock_pkey primary key (region_id)
);

create table compliance_dirty (
  region_id text not null,
  id uuid not null default gen_random_uuid(),
  org_id uuid not null,
  -- a rule set: every organization of the subtree follows it
  subtree boolean not null default false,
  constraint compliance_dirty_pkey primary key (region_id, id)
);

create function compliance_mark_dirty() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'org' then
    if tg_op = 'INSERT' then
      insert into compliance_dirty (region_id, org_id) select n.region_id, n.id from new_rows n;
    elsif tg_op = 'UPDATE' then
      insert into compliance_dirty (region_id, org_id)
        select n.region_id, n.id from new_rows n join old_rows o on o.region_id = n.region_id and o.id = n.id
        where (n.path, n.type, n.status, n.approval_date) is distinct from (o.path, o.type, o.status, o.approval_date);
    else
      insert into compliance_dirty (region_id, org_id) select o.region_id, o.id from old_rows o;
    end if;
  else
    -- meeting, org_committee_member, compliance_rule_set: the organization they belong to
    if tg_op in ('INSERT', 'UPDATE') then
      insert into compliance_dirty (region_id, org_id, subtree)
        select distinct n.region_id, n.org_id, tg_table_name = 'compliance_rule_set' from new_rows n;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
      insert into compliance_dirty (region_id, org_id, subtree)
        select distinct o.region_id, o.org_id, tg_table_name = 'compliance_rule_set' from old_rows o;
    end if;
  end if;
  return null;
end $$;

create trigger org_compliance_insert after insert on org referencing new table as new_rows for each statement execute function compliance_mark_dirty();
create trigger org_compliance_update after update on org referencing old table as old_rows new table as new_rows for each statement execute function compliance_mark_dirty();
create trigger org_compliance_delete after delete on org referencing old table as old_rows for each statement execute function compliance_mark_dirty();
create trigger meeting_compliance_insert after insert on meeting referencing new table as new_rows for each statement execute function compliance_mark_dirty();
create trigger meeting_compliance_update after update on meeting referencing old table as old_rows new table as new_rows for each statement execute function compliance_mark_dirty();
create trigger meeting_compliance_delete after delete on meeting referencing old table as old_rows for each statement execute function compliance_mark_dirty();
create trigger org_committee_member_compliance_insert after insert on org_committee_member referencing new table as new_rows for each statement execute function compliance_mark_dirty();
create trigger org_committee_member_compliance_update after update on org_committee_member referencing old table as old_rows new table as new_rows for each statement execute function compliance_mark_dirty();
create trigger org_committee_member_compliance_delete after delete on org_committee_member referencing old table as old_rows for each statement execute function compliance_mark_dirty();
create trigger compliance_rule_set_compliance_insert after insert on compliance_rule_set referencing new table as new_rows for each statement execute function compliance_mark_dirty();
create trigger compliance_rule_set_compliance_update after update on compliance_rule_set referencing old table as old_rows new table as new_rows for each statement execute function compliance_mark_dirty();
create trigger compliance_rule_set_compliance_delete after delete on compliance_rule_set referencing old table as old_rows for each statement execute function compliance_mark_dirty();
