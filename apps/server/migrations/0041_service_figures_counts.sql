-- 接诉即办 figures read model (issue 10). The figures were one aggregate over service_request per
-- view: a district's year of 1,000,000 requests took about 2 s a query on PostgreSQL, two queries a
-- view. What the rates count is kept here instead, per place (the request's org_path and grid),
-- category and China calendar month of submission: a district's year is some 160,000 rows at that
-- size. A view reads whole months here and the days of a partial month at either end live from
-- service_request; what is overdue depends on the hour of the read and is counted live over the open
-- requests alone. Merged-away requests are not counted, as before.
--
-- Kept by the row trigger below in the writing transaction (as meeting_period_count, migration
-- 0031): intake, every step and the sweep write service_request, so no path of the module can leave
-- the counts behind, and a figure read right after a step sees it. A test compares the figures with
-- the live aggregate after every kind of step.
create table service_figures_count (
  region_id text not null,
  org_path ltree not null,
  grid_id uuid,
  category_code text not null,
  -- the first day of the China calendar month the requests were submitted in
  month date not null,
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
  (region_id, org_path, category_code, month, coalesce(grid_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index service_figures_count_scope_idx on service_figures_count using gist (region_id, org_path, month);

create function service_figures_count_add(r service_request, delta integer) returns void language plpgsql as $$
begin
  if r.merged_into is not null then
    return;
  end if;
  insert into service_figures_count as c (region_id, org_path, grid_id, category_code, month, total, accepted, responded, responded_on_time,
      resolved, rated, satisfied, on_time, returned, reopened)
    -- the proposed row passes the checks before the conflict is found (as meeting_period_count_add)
    values (r.region_id, r.org_path, r.grid_id, r.category_code, date_trunc('month', r.submitted_at at time zone 'Asia/Shanghai')::date,
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
    on conflict (region_id, org_path, category_code, month, coalesce(grid_id, '00000000-0000-0000-0000-000000000000'::uuid)) do update set
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

create trigger service_figures_count_insert_delete after insert or delete on service_request
  for each row execute function service_figures_count_trigger();
create trigger service_figures_count_update after update of org_path, grid_id, category_code, submitted_at, accepted_at, taken_at, responded_on_time,
    resolved_at, rating, resolved_on_time, return_count, reopen_count, merged_into on service_request
  for each row when ((old.org_path, old.grid_id, old.category_code, old.submitted_at, old.accepted_at is null, old.taken_at is null, old.responded_on_time,
      old.resolved_at is null, old.rating, old.resolved_on_time, old.return_count > 0, old.reopen_count > 0, old.merged_into)
    is distinct from (new.org_path, new.grid_id, new.category_code, new.submitted_at, new.accepted_at is null, new.taken_at is null, new.responded_on_time,
      new.resolved_at is null, new.rating, new.resolved_on_time, new.return_count > 0, new.reopen_count > 0, new.merged_into))
  execute function service_figures_count_trigger();

insert into service_figures_count (region_id, org_path, grid_id, category_code, month, total, accepted, responded, responded_on_time, resolved, rated,
    satisfied, on_time, returned, reopened)
  select r.region_id, r.org_path, r.grid_id, r.category_code, date_trunc('month', r.submitted_at at time zone 'Asia/Shanghai')::date, count(*),
    count(*) filter (where r.accepted_at is not null), count(*) filter (where r.taken_at is not null), count(*) filter (where r.responded_on_time),
    count(*) filter (where r.resolved_at is not null), count(*) filter (where r.rating is not null),
    count(*) filter (where r.rating in ('satisfied', 'basically_satisfied')), count(*) filter (where r.resolved_on_time),
    count(*) filter (where r.return_count > 0), count(*) filter (where r.reopen_count > 0)
  from service_request r where r.merged_into is null
  group by 1, 2, 3, 4, 5;
