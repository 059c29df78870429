-- 重点任务 (issue 13): a committee's annual plan of key tasks, 揭榜认领 with named owners, progress on
-- milestones, the 调度会 that reviews every task, acceptance and the accountability record.
--
-- kt_task.state is the workflow (kt-workflow-2026: draft → open → assigned → completed → accepted,
-- cancelled); the status people read (未启动 / 推进中 / 滞后 …) is computed by the rule set on the
-- day. `behind` and `status` are what it answered at the last write or sweep: the to-do sources read
-- them, so no lag is computed in SQL. One confirmed lead per task: a unique index settles two
-- confirmations at once, the workflow's conditional update settles the state.
create table kt_plan (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  year integer not null,
  title text not null,
  note text,
  state text not null default 'draft',
  published_on date,
  rule_set text not null,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kt_plan_pkey primary key (region_id, id),
  constraint kt_plan_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint kt_plan_state_check check (state in ('draft', 'published', 'archived'))
);
create unique index kt_plan_title_key on kt_plan (region_id, org_id, year, title);

create table kt_task (
  region_id text not null,
  id uuid not null,
  plan_id uuid not null,
  no integer not null,
  category text not null,
  title text not null,
  description text,
  target text not null,
  deadline date not null,
  acceptance_standard text not null,
  weight numeric(7, 2) not null check (weight > 0),
  state text not null default 'draft',
  -- the day it went on the board: its time runs from here
  published_on date,
  -- the latest percent reported on the task itself (a task with sub-tasks rolls them up)
  progress numeric(5, 1) not null default 0,
  reported boolean not null default false,
  last_reported_on date,
  completed_on date,
  -- what the rule set answered at the last write or sweep (to-dos read them)
  status text,
  behind boolean not null default false,
  status_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kt_task_pkey primary key (region_id, id),
  constraint kt_task_plan_fkey foreign key (region_id, plan_id) references kt_plan (region_id, id),
  constraint kt_task_state_check check (state in ('draft', 'open', 'assigned', 'completed', 'accepted', 'cancelled'))
);
create unique index kt_task_no_key on kt_task (region_id, plan_id, no);
create index kt_task_state_idx on kt_task (region_id, state, deadline);

create table kt_subtask (
  region_id text not null,
  id uuid not null,
  task_id uuid not null,
  position integer not null,
  title text not null,
  weight numeric(7, 2) not null check (weight > 0),
  progress numeric(5, 1) not null default 0,
  constraint kt_subtask_pkey primary key (region_id, id),
  constraint kt_subtask_task_fkey foreign key (region_id, task_id) references kt_task (region_id, id) on delete cascade
);
create index kt_subtask_task_idx on kt_subtask (region_id, task_id, position);

create table kt_milestone (
  region_id text not null,
  id uuid not null,
  task_id uuid not null,
  title text not null,
  due_on date not null,
  done_on date,
  constraint kt_milestone_pkey primary key (region_id, id),
  constraint kt_milestone_task_fkey foreign key (region_id, task_id) references kt_task (region_id, id) on delete cascade
);
create index kt_milestone_task_idx on kt_milestone (region_id, task_id, due_on);
create index kt_milestone_due_idx on kt_milestone (region_id, due_on) where done_on is null;

create table kt_claim (
  region_id text not null,
  id uuid not null,
  task_id uuid not null,
  org_id uuid not null,
  unit_name text not null,
  role text not null,
  owner_name text not null,
  post text not null,
  duty text not null,
  state text not null default 'pending',
  reason text,
  claimed_by uuid,
  claimed_by_name text,
  claimed_at timestamptz not null default now(),
  decided_by_name text,
  decided_at timestamptz,
  constraint kt_claim_pkey primary key (region_id, id),
  constraint kt_claim_task_fkey foreign key (region_id, task_id) references kt_task (region_id, id) on delete cascade,
  constraint kt_claim_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint kt_claim_role_check check (role in ('lead', 'support')),
  constraint kt_claim_state_check check (state in ('pending', 'confirmed', 'declined', 'withdrawn'))
);
-- exactly one confirmed lead per task
create unique index kt_claim_lead_key on kt_claim (region_id, task_id) where role = 'lead' and state = 'confirmed';
-- a department claims a task once at a time
create unique index kt_claim_once_key on kt_claim (region_id, task_id, org_id, unit_name) where state in ('pending', 'confirmed');
create index kt_claim_org_idx on kt_claim (region_id, org_id) where state = 'confirmed';

create table kt_progress (
  region_id text not null,
  id uuid not null,
  task_id uuid not null,
  subtask_id uuid,
  milestone_id uuid,
  milestone_done boolean not null default false,
  reported_on date not null,
  percent integer not null check (percent between 0 and 100),
  narrative text not null,
  risks text,
  org_id uuid not null,
  reported_by uuid,
  reported_by_name text,
  created_at timestamptz not null default now(),
  constraint kt_progress_pkey primary key (region_id, id),
  constraint kt_progress_task_fkey foreign key (region_id, task_id) references kt_task (region_id, id) on delete cascade
);
create index kt_progress_task_idx on kt_progress (region_id, task_id, reported_on desc, created_at desc);

-- a change of 推进目标 or 完成时限 on a published task, with the decision that made it
create table kt_change (
  region_id text not null,
  id uuid not null,
  task_id uuid not null,
  field text not null check (field in ('target', 'deadline')),
  before text not null,
  after text not null,
  decision text not null,
  review_id uuid,
  decided_by_name text,
  at timestamptz not null default now(),
  constraint kt_change_pkey primary key (region_id, id),
  constraint kt_change_task_fkey foreign key (region_id, task_id) references kt_task (region_id, id) on delete cascade
);
create index kt_change_task_idx on kt_change (region_id, task_id, at);

create table kt_acceptance (
  region_id text not null,
  id uuid not null,
  task_id uuid not null,
  passed boolean not null,
  score numeric(5, 1) not null,
  opinion text not null,
  accepted_on date not null,
  accepted_by_name text,
  created_at timestamptz not null default now(),
  constraint kt_acceptance_pkey primary key (region_id, id),
  constraint kt_acceptance_task_fkey foreign key (region_id, task_id) references kt_task (region_id, id) on delete cascade
);
create index kt_acceptance_task_idx on kt_acceptance (region_id, task_id, created_at);

create table kt_accountability (
  region_id text not null,
  id uuid not null,
  task_id uuid not null,
  level text not null check (level in ('remind', 'criticize', 'interview', 'accountable')),
  subject text not null,
  reason text not null,
  decided_by text not null,
  decided_on date not null,
  recorded_by_name text,
  created_at timestamptz not null default now(),
  constraint kt_accountability_pkey primary key (region_id, id),
  constraint kt_accountability_task_fkey foreign key (region_id, task_id) references kt_task (region_id, id) on delete cascade
);
create index kt_accountability_task_idx on kt_accountability (region_id, task_id);

-- 调度会: a review of a plan's tasks on a day; its items keep each task as it was when assembled
create table kt_review (
  region_id text not null,
  id uuid not null,
  plan_id uuid not null,
  held_on date not null,
  title text not null,
  place text,
  host text,
  state text not null default 'draft' check (state in ('draft', 'held')),
  attendees text,
  minutes text,
  version integer not null default 1,
  created_by_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kt_review_pkey primary key (region_id, id),
  constraint kt_review_plan_fkey foreign key (region_id, plan_id) references kt_plan (region_id, id)
);
create index kt_review_plan_idx on kt_review (region_id, plan_id, held_on);

create table kt_review_item (
  region_id text not null,
  review_id uuid not null,
  task_id uuid not null,
  position integer not null,
  snapshot jsonb not null,
  decision_kind text,
  decision_text text,
  new_target text,
  new_deadline date,
  -- who must act on it (the lead's organization when the meeting was held) and by when
  owner_org_id uuid,
  due_on date,
  done_on date,
  done_note text,
  done_by_name text,
  constraint kt_review_item_pkey primary key (region_id, review_id, task_id),
  constraint kt_review_item_review_fkey foreign key (region_id, review_id) references kt_review (region_id, id) on delete cascade,
  constraint kt_review_item_task_fkey foreign key (region_id, task_id) references kt_task (region_id, id)
);
create index kt_review_item_task_idx on kt_review_item (region_id, task_id);
create index kt_review_item_due_idx on kt_review_item (region_id, due_on) where due_on is not null and done_on is null;
