-- The platform workflow's history (ADR 0014): one row per state change of any module's record
-- (meetings, service requests, opinions, applicants, tasks, projects …), written in the change's
-- transaction next to its audit row. `kind` names the record's table; `org_path` is the record's
-- organization at the time, for scoped reads. Append-only, like the audit log.
create table workflow_event (
  region_id text not null,
  id uuid not null,
  kind text not null,
  record_id uuid not null,
  org_path ltree not null,
  from_state text not null,
  to_state text not null,
  action text not null,
  actor_id uuid,
  actor_name text,
  reason text,
  at timestamptz not null default now(),
  data jsonb,
  constraint workflow_event_pkey primary key (region_id, id)
);
-- the history of one record, in order
create index workflow_event_record_idx on workflow_event (region_id, kind, record_id, at, id);
-- the events of one kind in a scope by time: `org_path <@ $scope` needs GiST; btree_gist adds the
-- equality and time-range columns to the same index
create index workflow_event_scope_idx on workflow_event using gist (region_id, kind, org_path, at);
-- the latest events of one kind across the region (statistics, dashboards)
create index workflow_event_at_idx on workflow_event (region_id, kind, at desc);

create function workflow_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'workflow_event is append-only';
end $$;
create trigger workflow_event_append_only before update or delete on workflow_event
  for each row execute function workflow_event_append_only();
