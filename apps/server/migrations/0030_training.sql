-- 党员教育培训: training sessions organized by an organization, and each member's attendance with
-- the hours credited. A session's hours count in the year it starts.
create table training_session (
  region_id text not null,
  id uuid not null,
  -- the organizing organization: the session and its attendance are in scope of its subtree
  org_id uuid not null,
  kind text not null,
  title text not null,
  start_date date not null,
  end_date date not null,
  -- 学时 for attending the whole session, in half 学时 (rule training-rounding)
  hours numeric(5,1) not null,
  online boolean not null default false,
  place text,
  provider text,
  -- made by an online-course import rather than the form
  imported boolean not null default false,
  created_by text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint training_session_pkey primary key (region_id, id),
  constraint training_session_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint training_session_kind_check check (kind in ('rotation','mobile_class','delivered','party_school','online')),
  constraint training_session_dates_check check (end_date >= start_date),
  constraint training_session_hours_check check (hours > 0 and hours <= 200)
);
create index training_session_org_idx on training_session (region_id, org_id, start_date);
create index training_session_start_idx on training_session (region_id, start_date);

create table training_attendance (
  region_id text not null,
  session_id uuid not null,
  member_id uuid not null,
  status text not null,
  -- 学时 credited: the session's for 全程参加, fewer for 部分参加, none for 缺席
  hours numeric(5,1) not null,
  recorded_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- a member once per session (a second record of the same member updates the first)
  constraint training_attendance_pkey primary key (region_id, session_id, member_id),
  constraint training_attendance_session_id_fkey foreign key (region_id, session_id) references training_session (region_id, id) on delete cascade,
  constraint training_attendance_member_id_fkey foreign key (region_id, member_id) references member_row (region_id, id),
  constraint training_attendance_status_check check (status in ('attended','partial','absent')),
  constraint training_attendance_hours_check check (hours >= 0 and hours <= 200 and ((status = 'absent') = (hours = 0)))
);
create index training_attendance_member_idx on training_attendance (region_id, member_id);
