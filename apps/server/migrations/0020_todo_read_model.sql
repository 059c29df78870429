-- 待办 read model (ADR 0006). The two sources that must judge every organization of a scope — 换届
-- (latest term of each organization) and 组织设置预警 (member counts, committee, units) — cost
-- seconds per request at district scale when derived at read time (20,000 organizations, 100,000
-- members: 26 s per GET /api/todos on PostgreSQL). Their rows are kept here instead, one per
-- candidate (every organization with an elected term, every setup finding), with the dates the
-- severity is judged from at read time; all other sources stay derived at read time.
--
-- Kept current without any module's code: a statement trigger on each table the two sources read
-- marks the organizations a write touched (todo_dirty, append-only, so writers never wait on each
-- other here); before each read the registry recomputes the rows of the marked organizations (and,
-- for setup, their ancestors) with the sources' own SQL and rule sets, in one transaction under
-- todo_state's row lock. A test compares the incremental result with a full rebuild.
create table todo_item (
  region_id text not null,
  source text not null,
  -- `<source>:<record>[:<part>]`, as the list shows it
  key text not null,
  -- the organization whose change recomputes this row
  ref uuid not null,
  org_id uuid not null,
  org_path ltree not null,
  -- what the list's `q` searches
  name text not null,
  -- null: no deadline; else overdue after it
  due_date date,
  -- a to-do from this day on (null with due_date null: always)
  due_from date,
  -- what the source's presenter needs for the title and detail
  data jsonb not null,
  constraint todo_item_pkey primary key (region_id, source, key),
  constraint todo_item_due_check check ((due_date is null) = (due_from is null))
);
create index todo_item_ref_idx on todo_item (region_id, source, ref);
create index todo_item_due_idx on todo_item (region_id, due_from);
create index todo_item_path_idx on todo_item using gist (org_path);

create table todo_dirty (
  region_id text not null,
  id uuid not null default gen_random_uuid(),
  org_id uuid not null,
  constraint todo_dirty_pkey primary key (region_id, id)
);

-- One row per region: the day the rows were last brought up to date (null: never built).
create table todo_state (
  region_id text not null,
  refreshed_on date,
  constraint todo_state_pkey primary key (region_id)
);

-- Marks the organizations of the rows a statement wrote. For org, only changes of what the sources
-- read (path, type, status, name), and a moved organization's old ancestors too (their subtrees lost
-- members).
create function todo_mark_dirty() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'org' then
    if tg_op = 'INSERT' then
      insert into todo_dirty (region_id, org_id) select distinct n.region_id, n.id from new_rows n;
    elsif tg_op = 'UPDATE' then
      -- what the sources read of an organization (not its counters or version)
      insert into todo_dirty (region_id, org_id)
        select distinct n.region_id, n.id from new_rows n join old_rows o on o.region_id = n.region_id and o.id = n.id
        where (n.path, n.type, n.status, n.name) is distinct from (o.path, o.type, o.status, o.name);
      insert into todo_dirty (region_id, org_id)
        select distinct a.region_id, a.id from old_rows o
        join new_rows n on n.region_id = o.region_id and n.id = o.id and n.path is distinct from o.path
        join org a on a.region_id = o.region_id and a.path @> o.path and a.id <> o.id;
    else
      insert into todo_dirty (region_id, org_id) select distinct o.region_id, o.id from old_rows o;
      insert into todo_dirty (region_id, org_id)
        select distinct a.region_id, a.id from old_rows o join org a on a.region_id = o.region_id and a.path @> o.path and a.id <> o.id;
    end if;
  elsif tg_table_name = 'member' then
    if tg_op = 'INSERT' then
      insert into todo_dirty (region_id, org_id) select distinct n.region_id, n.org_id from new_rows n;
    else
      insert into todo_dirty (region_id, org_id) select distinct o.region_id, o.org_id from old_rows o;
    end if;
  else
    -- org_term, org_committee_member, org_unit: the organization they belong to
    if tg_op in ('INSERT', 'UPDATE') then
      insert into todo_dirty (region_id, org_id) select distinct n.region_id, n.org_id from new_rows n;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
      insert into todo_dirty (region_id, org_id) select distinct o.region_id, o.org_id from old_rows o;
    end if;
  end if;
  return null;
end $$;

-- A member's update marks only when what the setup checks count changed: its branch, status or 工作单位
-- (a row trigger with a column list: an edit of anything else does not fire at all).
create function todo_mark_member() returns trigger language plpgsql as $$
begin
  insert into todo_dirty (region_id, org_id) values (old.region_id, old.org_id);
  if new.org_id is distinct from old.org_id then
    insert into todo_dirty (region_id, org_id) values (new.region_id, new.org_id);
  end if;
  return null;
end $$;

create trigger org_todo_insert after insert on org referencing new table as new_rows for each statement execute function todo_mark_dirty();
create trigger org_todo_update after update on org referencing old table as old_rows new table as new_rows for each statement execute function todo_mark_dirty();
create trigger org_todo_delete after delete on org referencing old table as old_rows for each statement execute function todo_mark_dirty();
create trigger member_todo_insert after insert on member referencing new table as new_rows for each statement execute function todo_mark_dirty();
create trigger member_todo_update after update of org_id, status, work_unit on member for each row
  when ((old.org_id, old.status, old.work_unit) is distinct from (new.org_id, new.status, new.work_unit)) execute function todo_mark_member();
create trigger member_todo_delete after delete on member referencing old table as old_rows for each statement execute function todo_mark_dirty();
create trigger org_term_todo_insert after insert on org_term referencing new table as new_rows for each statement execute function todo_mark_dirty();
create trigger org_term_todo_update after update on org_term referencing old table as old_rows new table as new_rows for each statement execute function todo_mark_dirty();
create trigger org_term_todo_delete after delete on org_term referencing old table as old_rows for each statement execute function todo_mark_dirty();
create trigger org_committee_member_todo_insert after insert on org_committee_member referencing new table as new_rows for each statement execute function todo_mark_dirty();
create trigger org_committee_member_todo_update after update on org_committee_member referencing old table as old_rows new table as new_rows for each statement execute function todo_mark_dirty();
create trigger org_committee_member_todo_delete after delete on org_committee_member referencing old table as old_rows for each statement execute function todo_mark_dirty();
create trigger org_unit_todo_insert after insert on org_unit referencing new table as new_rows for each statement execute function todo_mark_dirty();
create trigger org_unit_todo_update after update on org_unit referencing old table as old_rows new table as new_rows for each statement execute function todo_mark_dirty();
create trigger org_unit_todo_delete after delete on org_unit referencing old table as old_rows for each statement execute function todo_mark_dirty();
