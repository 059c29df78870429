-- 民主评议党员: one grade per member per year, given by the branch that ran the appraisal, and the
-- 组织处置 a 不合格 grade starts (《不合格党员组织处置办法》2024).
create table appraisal (
  region_id text not null,
  id uuid not null,
  -- the branch that ran the appraisal (评议 is counted by the running organization)
  org_id uuid not null,
  year integer not null,
  member_id uuid not null,
  grade text not null,
  remark text,
  -- the reason given when this 优秀 took the branch above one third (also in the audit log)
  override_reason text,
  graded_by uuid,
  graded_by_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint appraisal_pkey primary key (region_id, id),
  constraint appraisal_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint appraisal_member_id_fkey foreign key (region_id, member_id) references member (region_id, id),
  constraint appraisal_member_id_year_key unique (region_id, member_id, year),
  constraint appraisal_grade_check check (grade in ('excellent','qualified','basically_qualified','unqualified')),
  constraint appraisal_year_check check (year between 2000 and 2100)
);
create index appraisal_org_year_idx on appraisal (region_id, org_id, year);

create table appraisal_disposition (
  region_id text not null,
  id uuid not null,
  appraisal_id uuid not null,
  member_id uuid not null,
  org_id uuid not null,
  kind text not null,
  start_date date not null,
  -- 整改期限, for 限期改正 only
  deadline date,
  status text not null default 'in_progress',
  result text,
  completed_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint appraisal_disposition_pkey primary key (region_id, id),
  constraint appraisal_disposition_appraisal_id_fkey foreign key (region_id, appraisal_id) references appraisal (region_id, id),
  constraint appraisal_disposition_member_id_fkey foreign key (region_id, member_id) references member (region_id, id),
  constraint appraisal_disposition_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint appraisal_disposition_appraisal_id_key unique (region_id, appraisal_id),
  constraint appraisal_disposition_kind_check check (kind in ('correction','persuade','remove')),
  constraint appraisal_disposition_status_check check (status in ('in_progress','done')),
  constraint appraisal_disposition_deadline_check check ((kind = 'correction') = (deadline is not null) and (deadline is null or deadline > start_date)),
  constraint appraisal_disposition_completed_check check ((status = 'done') = (completed_date is not null))
);
create index appraisal_disposition_due_idx on appraisal_disposition (region_id, status, deadline);
create index appraisal_disposition_member_idx on appraisal_disposition (region_id, member_id);
