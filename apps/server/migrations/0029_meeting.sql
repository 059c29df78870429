-- 三会一课 and 组织生活 records (issue 9, ADR 0017). The state moves only through the platform
-- workflow (history in workflow_event); `version` is the optimistic lock of the forms (ADR 0010).
create table meeting (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  type text not null check (type in ('branch_assembly','committee_meeting','group_meeting','party_lecture','theme_day','org_life','appraisal','heart_talk','other')),
  title text not null,
  topics text not null,
  meeting_date date not null,
  start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  -- the start as a moment (China time), for the sign-in window
  starts_at timestamptz not null,
  place text,
  online boolean not null default false,
  state text not null default 'plan' check (state in ('plan','notice','held','recorded','submitted','returned','reviewed','archived','cancelled')),
  version integer not null default 1,
  host_name text,
  recorder_name text,
  speakers_points text,
  decisions text,
  open_items text,
  -- 谈心谈话 and 其他: the people chosen at planning (the attendees are fixed at notice time)
  chosen_member_ids uuid[] not null default '{}',
  guests text[] not null default '{}',
  review_score numeric(4, 1),
  review_passed boolean,
  review_marks jsonb,
  review_comment text,
  reviewed_by_name text,
  return_reason text,
  cancel_reason text,
  submitted_at timestamptz,
  created_by uuid,
  created_by_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meeting_pkey primary key (region_id, id),
  constraint meeting_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint meeting_time_check check (end_time > start_time)
);
create index meeting_org_date_idx on meeting (region_id, org_id, meeting_date desc);
-- the to-dos: open meetings by state and date
create index meeting_state_date_idx on meeting (region_id, state, meeting_date);

-- Who is expected (应到, computed from the organization when the notice goes out) and who sat in
-- (列席, by name). `member_id` is null for a committee member or guest without a member record here.
-- `member_status` and `discipline_until` are the member's at notice time: the vote counts use them.
create table meeting_attendee (
  region_id text not null,
  meeting_id uuid not null,
  id uuid not null,
  seq integer not null,
  role text not null check (role in ('expected','guest')),
  member_id uuid,
  name text not null,
  post text,
  member_status text,
  discipline_until date,
  attendance text check (attendance in ('present','leave','absent')),
  reason text,
  signed_at timestamptz,
  method text check (method in ('code','qr','secretary')),
  constraint meeting_attendee_pkey primary key (region_id, meeting_id, id),
  constraint meeting_attendee_meeting_fkey foreign key (region_id, meeting_id) references meeting (region_id, id),
  constraint meeting_attendee_guest_check check (role = 'expected' or attendance is null or attendance = 'present')
);
create unique index meeting_attendee_member_key on meeting_attendee (region_id, meeting_id, member_id) where member_id is not null;
-- a member's own meetings
create index meeting_attendee_member_idx on meeting_attendee (region_id, member_id) where member_id is not null;

-- Votes held at a meeting, with the counts the rule set judged them on (vote.rules.ts).
create table meeting_vote (
  region_id text not null,
  meeting_id uuid not null,
  id uuid not null,
  motion text not null,
  kind text not null check (kind in ('resolution','admission','election','committee')),
  method text not null check (method in ('show_of_hands','secret_ballot')),
  yes integer not null check (yes >= 0),
  no integer not null check (no >= 0),
  abstain integer not null check (abstain >= 0),
  written_yes integer not null default 0 check (written_yes >= 0),
  written_no integer not null default 0 check (written_no >= 0),
  written_abstain integer not null default 0 check (written_abstain >= 0),
  entitled integer not null,
  entitled_present integer not null,
  quorum_met boolean not null,
  passed boolean not null,
  explanation text not null,
  created_by_name text,
  created_at timestamptz not null default now(),
  constraint meeting_vote_pkey primary key (region_id, meeting_id, id),
  constraint meeting_vote_meeting_fkey foreign key (region_id, meeting_id) references meeting (region_id, id)
);

-- Corrections of an approved record: the record never changes; each correction names the field,
-- the value before and after, who, when and why. Append-only.
create table meeting_amendment (
  region_id text not null,
  meeting_id uuid not null,
  id uuid not null,
  field text not null,
  before text,
  after text not null,
  reason text not null,
  actor_id uuid,
  actor_name text,
  at timestamptz not null default now(),
  constraint meeting_amendment_pkey primary key (region_id, meeting_id, id),
  constraint meeting_amendment_meeting_fkey foreign key (region_id, meeting_id) references meeting (region_id, id)
);

create function meeting_amendment_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'meeting_amendment is append-only';
end $$;
create trigger meeting_amendment_append_only before update or delete on meeting_amendment
  for each row execute function meeting_amendment_append_only();
