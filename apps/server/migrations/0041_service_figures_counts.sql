-- 接诉即办 figures read model (issue 10). The figures were one aggregate over service_request per
-- view: a district's year of 1,000,000 requests took 0.7–1.8 s a view on PostgreSQL (two queries,
-- by how much of the table was cached and vacuumed). What the rates count is kept here instead, per
-- place (the request's org_path and grid), category and China calendar month and day of submission
-- (each request is in two rows): a view reads the whole months of its span from the month rows and
-- the days at either end from the day rows, so a district's year is some 130,000 month rows and at
-- most two months of day rows. What is
-- overdue depends on the hour of the read and is counted live over the open requests alone (the
-- partial index below). Merged-away requests are not counted, as before.
--
-- Kept by the row trigger below in the writing transaction, at its commit (as meeting_period_count,
-- migration 0031, but deferred): intake, every step and the sweep write service_request, so no path
-- of the module can leave the counts behind, and a figure read right after a step sees it. A test compares the figures with
-- the live aggregate after every kind of step.
create table service_figures_count (
  region_id text not null,
  period_kind text not null check (period_kind in ('month', 'day')),
  -- the first day of the China calendar month, or the day, the requests were submitted in
  period_start date not null,
  org_path ltree not null,
  grid_id uuid,
  category_code text not null,
  total integer not null check (total >= 0),
  accepted integer not null,
  responded integer not null,
  responded_on_time integer not null,
  resolved integer not null,
  rated integer not null,
  satisfied integer not null,
  on_time integer not null,
  returned integer not null,
  reopened integer not null
);
create unique index service_figures_count_key on service_figures_count
  (region_id, period_kind, period_start, org_path, category_code, coalesce(grid_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- what is overdue now: the open requests by due time, with what a view filters them by
create index service_request_open_due_idx on service_request (region_id, due_at) include (org_path, submitted_at, merged_into)
  where state in ('submitted', 'accepted', 'dispatched', 'in_progress');

create function service_figures_count_add(r service_request, delta integer) returns void language plpgsql as $$
declare
  k text;
begin
  if r.merged_into is not null then
    return;
  end if;
  foreach k in array array['month', 'day'] loop
    insert into service_figures_count as c (region_id, period_kind, period_start, org_path, grid_id, category_code, total, accepted, responded,
        responded_on_time, resolved, rated, satisfied, on_time, returned, reopened)
      -- the proposed row passes the checks before the conflict is found (as meeting_period_count_add)
      values (r.region_id, k, date_trunc(k, r.submitted_at at time zone 'Asia/Shanghai')::date, r.org_path, r.grid_id, r.category_code,
        greatest(delta, 0),
        case when r.accepted_at is not null then delta else 0 end,
        case when r.taken_at is not null then delta else 0 end,
        case when r.responded_on_time then delta else 0 end,
        case when r.resolved_at is not null then delta else 0 end,
        case when r.rating is not null then delta else 0 end,
        case when r.rating in ('satisfied', 'basically_satisfied') then delta else 0 end,
        case when r.resolved_on_time then delta else 0 end,
        case when r.return_count > 0 then delta else 0 end,
        case when r.reopen_count > 0 then delta else 0 end)
      on conflict (region_id, period_kind, period_start, org_path, category_code, coalesce(grid_id, '00000000-0000-0000-0000-000000000000'::uuid))
      do update set
        total = c.total + delta,
        accepted = c.accepted + excluded.accepted,
        responded = c.responded + excluded.responded,
        responded_on_time = c.responded_on_time + excluded.responded_on_time,
        resolved = c.resolved + excluded.resolved,
        rated = c.rated + excluded.rated,
        satisfied = c.satisfied + excluded.satisfied,
        on_time = c.on_time + excluded.on_time,
        returned = c.returned + excluded.returned,
        reopened = c.reopened + excluded.reopened;
  end loop;
end $$;

create function service_figures_count_trigger() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform service_figures_count_add(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform service_figures_count_add(new, 1);
  end if;
  return null;
end $$;

-- Deferred to the commit: a count row is locked from its upsert to the end of the transaction, and
-- intake writes the workflow and audit rows after the request, so a burst at one grid and category
-- (a burst pipe) would queue on the row for the whole transaction instead of its commit.
create constraint trigger service_figures_count_insert_delete after insert or delete on service_request
  deferrable initially deferred
  for each row execute function service_figures_count_trigger();
create constraint trigger service_figures_count_update after update of org_path, grid_id, category_code, submitted_at, accepted_at, taken_at, responded_on_time,
    resolved_at, rating, resolved_on_time, return_count, reopen_count, merged_into on service_request
  deferrable initially deferred
  for each row when ((old.org_path, old.grid_id, old.category_code, old.submitted_at, old.accepted_at is null, old.taken_at is null, old.responded_on_time,
      old.resolved_at is null, old.rating, old.resolved_on_time, old.return_count > 0, old.reopen_count > 0, old.merged_into)
    is distinct from (new.org_path, new.grid_id, new.category_code, new.submitted_at, new.accepted_at is null, new.taken_at is null, new.responded_on_time,
      new.resolved_at is null, new.rating, new.resolved_on_time, new.return_count > 0, new.reopen_count > 0, new.merged_into))
  execute function service_figures_count_trigger();

insert into service_figures_count (region_id, period_kind, period_start, org_path, grid_id, category_code, total, accepted, responded, responded_on_time,
    resolved, rated, satisfied, on_time, returned, reopened)
  select r.region_id, k.kind, date_trunc(k.kind, r.submitted_at at time zone 'Asia/Shanghai')::date, r.org_path, r.grid_id, r.category_code, count(*),
    count(*) filter (where r.accepted_at is not null), count(*) filter (where r.taken_at is not null), count(*) filter (where r.responded_on_time),
    count(*) filter (where r.resolved_at is not null), count(*) filter (where r.rating is not null),
    count(*) filter (where r.rating in ('satisfied', 'basically_satisfied')), count(*) filter (where r.resolved_on_time),
    count(*) filter (where r.return_count > 0), count(*) filter (where r.reopen_count > 0)
  from service_request r cross join (values ('month'), ('day')) as k(kind) where r.merged_into is null
  group by 1, 2, 3, 4, 5, 6;
