-- 大党委 joint meetings (联席会议), the yearly 双报告 and the 双向评价 (issue 14, ADR 0028, rule set
-- rm-2026). A community's joint meeting has an agenda (open needs, live projects, free items),
-- attendance by resident unit, decisions (free text, a need created, a note on a project) and
-- follow-up items with owners; it moves 草稿 → 已召开 → 已归档 through the platform workflow (kind
-- rm_meeting). Each standing resident unit and reported-in member gets one report a year, its figures
-- a snapshot of the records, confirmed or corrected once (kind rm_report). The community rates each
-- unit and each unit rates its community, once a year each (a unique index settles a race).

create table rm_meeting (
  region_id text not null,
  id uuid not null,
  -- the community (社区/村) Party organization whose 大党委 meets
  org_id uuid not null,
  org_path ltree not null,
  title text not null,
  held_on date not null,
  place text not null,
  host text,
  state text not null default 'draft' check (state in ('draft','held','archived','cancelled')),
  version integer not null default 1,
  minutes text,
  minutes_at timestamptz,
  held_at timestamptz,
  cancel_reason text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rm_meeting_pkey primary key (region_id, id),
  constraint rm_meeting_org_fkey foreign key (region_id, org_id) references org (region_id, id)
);
create index rm_meeting_scope_idx on rm_meeting using gist (region_id, org_path);
create index rm_meeting_org_idx on rm_meeting (region_id, org_id, held_on);

create table rm_agenda_item (
  region_id text not null,
  id uuid not null,
  meeting_id uuid not null,
  seq integer not null,
  kind text not null check (kind in ('need','project','free')),
  -- the rg_need or rg_project it puts on the table
  ref_id uuid,
  title text not null,
  note text,
  constraint rm_agenda_item_pkey primary key (region_id, id),
  constraint rm_agenda_item_meeting_fkey foreign key (region_id, meeting_id) references rm_meeting (region_id, id),
  constraint rm_agenda_item_ref_check check ((kind = 'free') = (ref_id is null))
);
create unique index rm_agenda_item_ref_key on rm_agenda_item (region_id, meeting_id, ref_id) where ref_id is not null;
create index rm_agenda_item_meeting_idx on rm_agenda_item (region_id, meeting_id, seq);

create table rm_attendance (
  region_id text not null,
  meeting_id uuid not null,
  unit_id uuid not null,
  status text not null check (status in ('present','absent','leave')),
  attendee text,
  note text,
  constraint rm_attendance_pkey primary key (region_id, meeting_id, unit_id),
  constraint rm_attendance_meeting_fkey foreign key (region_id, meeting_id) references rm_meeting (region_id, id),
  constraint rm_attendance_unit_fkey foreign key (region_id, unit_id) references unit_report_in (region_id, id)
);

create table rm_decision (
  region_id text not null,
  id uuid not null,
  meeting_id uuid not null,
  seq integer not null,
  kind text not null check (kind in ('text','need','project')),
  text text not null,
  -- the need the decision created (kind need), the project it changes (kind project)
  need_id uuid,
  project_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  constraint rm_decision_pkey primary key (region_id, id),
  constraint rm_decision_meeting_fkey foreign key (region_id, meeting_id) references rm_meeting (region_id, id),
  constraint rm_decision_need_fkey foreign key (region_id, need_id) references rg_need (region_id, id),
  constraint rm_decision_project_fkey foreign key (region_id, project_id) references rg_project (region_id, id),
  constraint rm_decision_ref_check check ((kind = 'need') = (need_id is not null) and (kind = 'project') = (project_id is not null))
);
create index rm_decision_meeting_idx on rm_decision (region_id, meeting_id, seq);

create table rm_followup (
  region_id text not null,
  id uuid not null,
  meeting_id uuid not null,
  org_path ltree not null,
  title text not null,
  owner_kind text not null check (owner_kind in ('unit','community')),
  owner_unit_id uuid,
  due_on date not null,
  done_on date,
  done_note text,
  done_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rm_followup_pkey primary key (region_id, id),
  constraint rm_followup_meeting_fkey foreign key (region_id, meeting_id) references rm_meeting (region_id, id),
  constraint rm_followup_unit_fkey foreign key (region_id, owner_unit_id) references unit_report_in (region_id, id),
  constraint rm_followup_owner_check check ((owner_kind = 'unit') = (owner_unit_id is not null))
);
create index rm_followup_meeting_idx on rm_followup (region_id, meeting_id);
create index rm_followup_open_idx on rm_followup (region_id, due_on) where done_on is null;

create table rm_report (
  region_id text not null,
  id uuid not null,
  year integer not null check (year between 2000 and 2099),
  subject_kind text not null check (subject_kind in ('unit','member')),
  -- a unit's standing report (unit_report_in), or the member and their report (member_report_in)
  unit_id uuid,
  member_id uuid,
  member_report_id uuid,
  community_id uuid not null,
  org_path ltree not null,
  subject_name text not null,
  -- the figures assembled from the records (RmFigures), as they stood when assembled
  figures jsonb not null,
  assembled_at timestamptz not null,
  state text not null default 'pending' check (state in ('pending','confirmed','corrected')),
  version integer not null default 1,
  -- the unit's or member's corrected figures (the fields they changed) and note
  corrected jsonb,
  response_note text,
  responded_by uuid,
  responded_by_name text,
  responded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rm_report_pkey primary key (region_id, id),
  constraint rm_report_unit_fkey foreign key (region_id, unit_id) references unit_report_in (region_id, id),
  constraint rm_report_member_fkey foreign key (region_id, member_id) references member_row (region_id, id),
  constraint rm_report_member_report_fkey foreign key (region_id, member_report_id) references member_report_in (region_id, id),
  constraint rm_report_community_fkey foreign key (region_id, community_id) references org (region_id, id),
  constraint rm_report_subject_check check ((subject_kind = 'unit') = (unit_id is not null) and (subject_kind = 'member') = (member_id is not null)),
  constraint rm_report_corrected_check check ((state = 'corrected') = (response_note is not null))
);
-- one report per unit and year, one per member and year
create unique index rm_report_unit_year_key on rm_report (region_id, unit_id, year) where unit_id is not null;
create unique index rm_report_member_year_key on rm_report (region_id, member_id, year) where member_id is not null;
create index rm_report_scope_idx on rm_report using gist (region_id, org_path);
create index rm_report_year_idx on rm_report (region_id, year, community_id);

create table rm_rating (
  region_id text not null,
  id uuid not null,
  year integer not null check (year between 2000 and 2099),
  -- community: the community rates the unit; unit: the unit rates its community
  rater text not null check (rater in ('community','unit')),
  unit_id uuid not null,
  community_id uuid not null,
  org_path ltree not null,
  rule_set text not null,
  -- points by criterion code (rule set's criteria)
  scores jsonb not null,
  total integer not null check (total >= 0),
  grade text not null check (grade in ('excellent','good','fair','poor')),
  comment text,
  version integer not null default 1,
  rated_by uuid,
  rated_by_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rm_rating_pkey primary key (region_id, id),
  constraint rm_rating_unit_fkey foreign key (region_id, unit_id) references unit_report_in (region_id, id),
  constraint rm_rating_community_fkey foreign key (region_id, community_id) references org (region_id, id)
);
-- each side rates the other once a year
create unique index rm_rating_pair_key on rm_rating (region_id, year, rater, unit_id);
create index rm_rating_scope_idx on rm_rating using gist (region_id, org_path);
