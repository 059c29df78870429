-- 发展党员 (issue 12): an applicant's path through the 25 steps of rule set dev-2014.
--
-- dev_applicant holds the person (personal fields encrypted, hashed for look-up, masked for lists) and
-- the workflow state: the stage (申请人 … 正式党员) or how the path ended (stopped: 终止培养,
-- cancelled: 取消预备党员资格). Every step is a dev_record row; a step is recorded once per 转正 round
-- (a unique index settles two secretaries recording it at once), the 考察 steps as often as they happen.
-- dev_deadline is what the rule set's `devDeadlines` answered at the last write: the to-do sources and
-- the reminder sweep read it, so no deadline is computed in SQL.
create table dev_applicant (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  name text not null,
  gender text not null,
  birth_date date not null,
  id_number_enc text not null,
  id_number_hash text not null,
  id_number_masked text not null,
  phone_enc text,
  phone_hash text,
  phone_masked text,
  ethnicity text not null,
  education text not null,
  occupation text not null,
  work_unit text,
  applied_on date not null,
  state text not null,
  -- the stage the path ended in (stopped, cancelled), else equal to state
  stage text not null,
  end_reason text,
  ended_on date,
  -- the member record made at the approval (预备党员), confirmed at 转正
  member_id uuid,
  rule_set text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint dev_applicant_pkey primary key (region_id, id),
  constraint dev_applicant_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint dev_applicant_state_check check (state in ('applicant', 'activist', 'candidate', 'probationary', 'full', 'stopped', 'cancelled'))
);
-- one path in progress per person
create unique index dev_applicant_person_key on dev_applicant (region_id, id_number_hash) where state not in ('stopped', 'cancelled', 'full');
create index dev_applicant_org_idx on dev_applicant (region_id, org_id);

create table dev_record (
  region_id text not null,
  id uuid not null,
  applicant_id uuid not null,
  step text not null,
  step_no integer not null,
  date date not null,
  round integer not null default 1,
  -- periodic steps (考察) are recorded many times; others once per round
  periodic boolean not null default false,
  outcome text,
  extend_months integer,
  -- people, vote, training, 公示, document number, approving organization, as recorded
  data jsonb not null default '{}'::jsonb,
  reason text,
  note text,
  recorded_by uuid,
  recorded_by_name text,
  recorded_at timestamptz not null default now(),
  constraint dev_record_pkey primary key (region_id, id),
  constraint dev_record_applicant_fkey foreign key (region_id, applicant_id) references dev_applicant (region_id, id) on delete cascade
);
create unique index dev_record_once_key on dev_record (region_id, applicant_id, step, round) where not periodic;
create index dev_record_applicant_idx on dev_record (region_id, applicant_id, date);
create index dev_record_step_date_idx on dev_record (region_id, step, date);

create table dev_deadline (
  region_id text not null,
  applicant_id uuid not null,
  step text not null,
  step_no integer not null,
  label text not null,
  rule text not null,
  what text not null,
  due_on date not null,
  -- branch or superior: who must act
  by_whom text not null,
  constraint dev_deadline_pkey primary key (region_id, applicant_id, step),
  constraint dev_deadline_applicant_fkey foreign key (region_id, applicant_id) references dev_applicant (region_id, id) on delete cascade
);
create index dev_deadline_due_idx on dev_deadline (region_id, due_on);

-- 年度发展计划: the quota an organization plans for a year
create table dev_plan (
  region_id text not null,
  org_id uuid not null,
  year integer not null,
  quota integer not null check (quota >= 0),
  note text,
  updated_by text,
  updated_at timestamptz not null default now(),
  constraint dev_plan_pkey primary key (region_id, org_id, year),
  constraint dev_plan_org_fkey foreign key (region_id, org_id) references org (region_id, id)
);
