-- The compliance calendar (issue 9, ADR 0018): what each organization held, counted by period, so a
-- street or a district reads counts instead of every meeting, and the frequencies a subtree sets
-- for itself from a date.
--
-- A 党课 given by the organization's own secretary counts for the 书记讲党课 requirement.
alter table meeting add column lecture_by_secretary boolean not null default false;

-- Meetings per organization, type, state and calendar period (month, quarter and year: each meeting
-- is in three rows), kept by the trigger below in the writing transaction. Which states count as
-- held is the rule set's (COMPLIANCE_COUNTED_STATES), applied when reading.
create table meeting_period_count (
  region_id text not null,
  org_id uuid not null,
  period_kind text not null check (period_kind in ('month', 'quarter', 'year')),
  period_start date not null,
  type text not null,
  state text not null,
  by_secretary boolean not null,
  n integer not null check (n >= 0),
  constraint meeting_period_count_pkey primary key (region_id, org_id, period_kind, period_start, type, state, by_secretary)
);

create function meeting_period_count_add(r meeting, delta integer) returns void language plpgsql as $$
declare
  k text;
begin
  foreach k in array array['month', 'quarter', 'year'] loop
    insert into meeting_period_count as c (region_id, org_id, period_kind, period_start, type, state, by_secretary, n)
      values (r.region_id, r.org_id, k, date_trunc(k, r.meeting_date)::date, r.type, r.state, r.type = 'party_lecture' and r.lecture_by_secretary, greatest(delta, 0))
      on conflict (region_id, org_id, period_kind, period_start, type, state, by_secretary) do update set n = c.n + delta;
  end loop;
end $$;

create function meeting_period_count_trigger() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform meeting_period_count_add(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform meeting_period_count_add(new, 1);
  end if;
  return null;
end $$;

create trigger meeting_period_count_insert_delete after insert or delete on meeting
  for each row execute function meeting_period_count_trigger();
create trigger meeting_period_count_update after update of org_id, type, state, meeting_date, lecture_by_secretary on meeting
  for each row when ((old.org_id, old.type, old.state, old.meeting_date, old.lecture_by_secretary) is distinct from (new.org_id, new.type, new.state, new.meeting_date, new.lecture_by_secretary))
  execute function meeting_period_count_trigger();

insert into meeting_period_count (region_id, org_id, period_kind, period_start, type, state, by_secretary, n)
  select m.region_id, m.org_id, k.kind, date_trunc(k.kind, m.meeting_date)::date, m.type, m.state, m.type = 'party_lecture' and m.lecture_by_secretary, count(*)
  from meeting m cross join (values ('month'), ('quarter'), ('year')) as k(kind)
  group by 1, 2, 3, 4, 5, 6, 7;

-- A subtree's own frequencies: each override names a requirement of the default rule set and its
-- minimum (0: not required there). In force from effective_from for the subtree of org_id; the
-- deepest subtree wins, and within one subtree the latest date not after the period's first day.
create table compliance_rule_set (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  effective_from date not null,
  overrides jsonb not null,
  silent_after_days integer not null check (silent_after_days between 7 and 366),
  note text,
  created_by uuid,
  created_by_name text,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  constraint compliance_rule_set_pkey primary key (region_id, id),
  constraint compliance_rule_set_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint compliance_rule_set_org_date_key unique (region_id, org_id, effective_from)
);
