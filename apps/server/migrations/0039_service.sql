-- Residents on H5 (ADR 0021): a resident is a phone number, kept encrypted with its keyed hash for
-- look-up; one-time login codes (hashed, never stored in the clear) and sessions of their own.
create table resident (
  region_id text not null,
  id uuid not null,
  phone_hash text not null,
  phone_enc text not null,
  name text,
  created_at timestamptz not null default now(),
  last_login_at timestamptz,
  constraint resident_pkey primary key (region_id, id),
  constraint resident_phone_key unique (region_id, phone_hash)
);

create table resident_code (
  region_id text not null,
  id uuid not null,
  phone_hash text not null,
  ip text,
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  used_at timestamptz,
  constraint resident_code_pkey primary key (region_id, id)
);
create index resident_code_phone_idx on resident_code (region_id, phone_hash, created_at desc);
create index resident_code_ip_idx on resident_code (region_id, ip, created_at desc);

create table resident_session (
  region_id text not null,
  token_hash text not null,
  resident_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  constraint resident_session_pkey primary key (region_id, token_hash),
  constraint resident_session_resident_fkey foreign key (region_id, resident_id) references resident (region_id, id) on delete cascade
);

-- 事项类别: the region's editable dictionary of service categories.
create table service_category (
  region_id text not null,
  code text not null,
  name text not null,
  complexity text not null default 'general' check (complexity in ('urgent','general','complex')),
  sort integer not null default 0,
  active boolean not null default true,
  constraint service_category_pkey primary key (region_id, code),
  constraint service_category_name_key unique (region_id, name)
);

-- Numbers of requests (SQ + 8 digits): a sequence, so concurrent intake never waits on a counter row.
create sequence service_request_no_seq;

-- 群众诉求 (issue 10, ADR 0020/0021). `org_id`/`org_path` is where it is (the grid when known, else
-- the community): the scope of every read. The state moves only through the platform workflow
-- (history in workflow_event, kind 'service_request'). `due_at` is the current stage's due time,
-- kept with each step for the sweep and the lists' clock filters.
create table service_request (
  region_id text not null,
  id uuid not null,
  code text not null,
  kind text not null check (kind in ('consult','help','complaint','suggestion','report')),
  category_code text not null,
  complexity text not null check (complexity in ('urgent','general','complex')),
  description text not null,
  search tsvector not null,
  community_id uuid not null,
  grid_id uuid,
  org_id uuid not null,
  org_path ltree not null,
  place text,
  lat double precision,
  lng double precision,
  anonymous boolean not null default false,
  contact_name_enc text,
  contact_phone_enc text,
  contact_phone_hash text,
  resident_id uuid,
  source text not null check (source in ('h5','desk','grid','hotline','open311')),
  open311_key_id uuid,
  -- the account that registered it (desk, grid worker); null for a resident's own or an Open311 client's
  recorded_by uuid,
  state text not null default 'submitted' check (state in ('submitted','accepted','rejected','dispatched','in_progress','awaiting_info','resolved','closed','withdrawn')),
  level text not null default 'community' check (level in ('community','area','street','joint')),
  version integer not null default 1,
  assignee_type text check (assignee_type in ('grid','member','team','department')),
  assignee_org_id uuid,
  assignee_org_path ltree,
  assignee_member_id uuid,
  assignee_name text,
  stage text,
  -- the time-limit rule of the current stage, and the 延期 taken in it
  clock_rule text,
  extension_count integer not null default 0,
  due_at timestamptz,
  -- a paused clock (待补充材料): the counted time it had left
  paused_left_ms bigint,
  -- when the sweep must look at it next (a reminder, the due time, escalation, auto-close); null: never
  sweep_after timestamptz,
  submitted_at timestamptz not null,
  accepted_at timestamptz,
  taken_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  result text,
  rating text check (rating in ('satisfied','basically_satisfied','unsatisfied')),
  rating_comment text,
  auto_closed boolean not null default false,
  -- on time: each stage's first finish against its due time (null while not reached)
  accepted_on_time boolean,
  responded_on_time boolean,
  resolved_on_time boolean,
  reopen_count integer not null default 0,
  return_count integer not null default 0,
  follower_count integer not null default 0,
  merged_into uuid,
  updated_at timestamptz not null default now(),
  constraint service_request_pkey primary key (region_id, id),
  constraint service_request_code_key unique (region_id, code),
  constraint service_request_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint service_request_category_fkey foreign key (region_id, category_code) references service_category (region_id, code),
  constraint service_request_resident_fkey foreign key (region_id, resident_id) references resident (region_id, id),
  constraint service_request_merged_fkey foreign key (region_id, merged_into) references service_request (region_id, id)
);
create index service_request_scope_idx on service_request using gist (region_id, org_path, submitted_at);
create index service_request_submitted_idx on service_request (region_id, submitted_at desc, id desc);
create index service_request_state_idx on service_request (region_id, state, submitted_at desc);
create index service_request_assignee_idx on service_request using gist (region_id, assignee_org_path) where assignee_org_path is not null;
create index service_request_member_idx on service_request (region_id, assignee_member_id) where assignee_member_id is not null;
create index service_request_resident_idx on service_request (region_id, resident_id, submitted_at desc) where resident_id is not null;
-- the sweep: what is due for a look; the lists' clock filters: open clocks by due time
create index service_request_sweep_idx on service_request (region_id, sweep_after) where sweep_after is not null;
create index service_request_due_idx on service_request (region_id, due_at) where due_at is not null;
create index service_request_dup_idx on service_request (region_id, org_id, category_code, submitted_at desc);
create index service_request_search_idx on service_request using gin (search);

-- Residents who joined a request by the duplicate hint (or whose request was merged into it): each
-- is told of every step as the submitter is.
create table service_request_follower (
  region_id text not null,
  request_id uuid not null,
  id uuid not null,
  resident_id uuid,
  phone_enc text,
  phone_hash text,
  from_request_id uuid,
  joined_at timestamptz not null default now(),
  constraint service_request_follower_pkey primary key (region_id, id),
  constraint service_request_follower_request_fkey foreign key (region_id, request_id) references service_request (region_id, id)
);
create unique index service_request_follower_phone_key on service_request_follower (region_id, request_id, phone_hash) where phone_hash is not null;
create index service_request_follower_resident_idx on service_request_follower (region_id, resident_id) where resident_id is not null;

-- 派单规则: where (a street, a community or a grid and everything under it) and, optionally, which
-- category goes to whom. The deepest place wins, then a rule naming the category.
create table service_dispatch_rule (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  org_path ltree not null,
  category_code text,
  assignee_type text not null check (assignee_type in ('grid','member','team','department')),
  assignee_org_id uuid not null,
  assignee_member_id uuid,
  assignee_name text not null,
  note text,
  created_at timestamptz not null default now(),
  constraint service_dispatch_rule_pkey primary key (region_id, id),
  constraint service_dispatch_rule_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint service_dispatch_rule_assignee_fkey foreign key (region_id, assignee_org_id) references org (region_id, id),
  constraint service_dispatch_rule_category_fkey foreign key (region_id, category_code) references service_category (region_id, code)
);
create unique index service_dispatch_rule_key on service_dispatch_rule (region_id, org_id, coalesce(category_code, ''));
create index service_dispatch_rule_path_idx on service_dispatch_rule using gist (region_id, org_path);

-- Open311 GeoReport v2 API keys (managed by the administrator): the key is shown once, kept hashed.
create table open311_key (
  region_id text not null,
  id uuid not null,
  name text not null,
  key_hash text not null,
  key_prefix text not null,
  org_id uuid not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_used_at timestamptz,
  constraint open311_key_pkey primary key (region_id, id),
  constraint open311_key_hash_key unique (region_id, key_hash),
  constraint open311_key_org_fkey foreign key (region_id, org_id) references org (region_id, id)
);
