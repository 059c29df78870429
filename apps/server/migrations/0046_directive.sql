-- 下发任务与督办 (issue 13): tasks and notices a committee sends down the tree.
--
-- directive is what was sent (by org_id): a 任务 needs 签收 and 上报完成, a 通知 only 签收; it is open
-- until its sender closes it. directive_target is one row per receiving organization (once per
-- directive: a unique key settles two forwards naming the same organization at once), its state a
-- workflow (sent → acknowledged → done; extension while a request for more time waits; unfinished when
-- the directive closed first). A recipient that passed the task further down is the parent
-- (parent_target_id) and the issuer (issuer_org_id) of the rows it made; the sender is the issuer of
-- its own recipients. due_on is per recipient: a granted extension moves it. The reminder counts and the
-- last day reminded let 催办 reach a recipient at most once a day (a conditional update decides).
create table directive (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  kind text not null,
  title text not null,
  content text not null,
  due_on date not null,
  evidence text,
  files_required boolean not null default false,
  state text not null default 'open',
  closed_note text,
  closed_at timestamptz,
  closed_by_name text,
  rule_set text not null,
  version integer not null default 1,
  created_by uuid,
  created_by_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint directive_pkey primary key (region_id, id),
  constraint directive_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint directive_kind_check check (kind in ('task', 'notice')),
  constraint directive_state_check check (state in ('open', 'closed'))
);
create index directive_org_idx on directive (region_id, org_id, created_at);

create table directive_target (
  region_id text not null,
  id uuid not null,
  directive_id uuid not null,
  org_id uuid not null,
  parent_target_id uuid,
  issuer_org_id uuid not null,
  state text not null default 'sent',
  due_on date not null,
  acknowledged_at timestamptz,
  acknowledged_by_name text,
  report text,
  -- the forwarded organizations' answers as they stood at the report
  rollup jsonb,
  reported_at timestamptz,
  reported_by_name text,
  extension_count integer not null default 0,
  extension_state text,
  extension_due_on date,
  extension_reason text,
  extension_requested_on date,
  extension_requested_at timestamptz,
  extension_decision_reason text,
  extension_decided_at timestamptz,
  extension_decided_by_name text,
  reminded_count integer not null default 0,
  last_reminded_on date,
  last_reminded_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint directive_target_pkey primary key (region_id, id),
  constraint directive_target_directive_fkey foreign key (region_id, directive_id) references directive (region_id, id) on delete cascade,
  constraint directive_target_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint directive_target_issuer_fkey foreign key (region_id, issuer_org_id) references org (region_id, id),
  constraint directive_target_parent_fkey foreign key (region_id, parent_target_id) references directive_target (region_id, id),
  constraint directive_target_state_check check (state in ('sent', 'acknowledged', 'extension', 'done', 'unfinished')),
  constraint directive_target_extension_check check (extension_state is null or extension_state in ('requested', 'granted', 'refused', 'withdrawn'))
);
create unique index directive_target_once_key on directive_target (region_id, directive_id, org_id);
create index directive_target_org_idx on directive_target (region_id, org_id, state);
create index directive_target_issuer_idx on directive_target (region_id, issuer_org_id, state);
create index directive_target_parent_idx on directive_target (region_id, parent_target_id);
create index directive_target_open_due_idx on directive_target (region_id, due_on) where state in ('sent', 'acknowledged', 'extension');
