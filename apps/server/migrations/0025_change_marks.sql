-- Change marks (ADR 0009): read caches in server memory (the tree's levels) must never answer
-- with data older than a committed write, on either engine and across server processes sharing
-- one PostgreSQL database. Every statement that writes rows of a watched table appends a mark
-- (append-only, like todo_dirty, so writers never wait on each other here); the sum of a topic's
-- weights is its generation. The session look-up reads the generations in the same query, so a
-- request learns of every write committed before its session was looked up at no extra round
-- trip, and a cache entry is used only while its generation is unchanged.
--
-- Compaction replaces a topic's marks by one row carrying their summed weight, in one statement:
-- the sum never goes down and never repeats (a count or a max would: rows are deleted, and
-- identities are handed out in another order than commits make them visible).
create table change_mark (
  region_id text not null,
  topic text not null,
  id bigint generated always as identity,
  weight bigint not null default 1,
  constraint change_mark_pkey primary key (region_id, topic, id),
  constraint change_mark_weight_check check (weight > 0)
);

-- One mark per statement and region that wrote org rows (none when a statement wrote nothing).
create function change_mark_org() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into change_mark (region_id, topic) select distinct o.region_id, 'org' from old_rows o;
  else
    insert into change_mark (region_id, topic) select distinct n.region_id, 'org' from new_rows n;
  end if;
  return null;
end $$;

create trigger org_change_insert after insert on org referencing new table as new_rows for each statement execute function change_mark_org();
create trigger org_change_update after update on org referencing new table as new_rows for each statement execute function change_mark_org();
create trigger org_change_delete after delete on org referencing old table as old_rows for each statement execute function change_mark_org();
