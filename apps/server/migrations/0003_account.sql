-- Accounts, sessions, in-app notifications, the append-only audit log and per-region settings.
create table account (
  region_id text not null,
  id uuid not null,
  username text not null,
  display_name text not null,
  role text not null check (role in ('admin','department','street','community','secretary','grid_worker','supervisor','member','resident_unit')),
  org_id uuid not null,
  password_hash text not null,
  disabled boolean not null default false,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  must_change_password boolean not null default false,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint account_pkey primary key (region_id, id),
  constraint account_username_key unique (region_id, username),
  constraint account_org_id_fkey foreign key (region_id, org_id) references org (region_id, id)
);
create index account_org_idx on account (region_id, org_id);

create table session (
  region_id text not null,
  token_hash text not null,
  account_id uuid not null,
  csrf_token text not null,
  ip text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  constraint session_pkey primary key (region_id, token_hash),
  constraint session_account_id_fkey foreign key (region_id, account_id) references account (region_id, id) on delete cascade
);
create index session_account_idx on session (region_id, account_id);

create table notification (
  region_id text not null,
  id uuid not null,
  account_id uuid not null,
  dedupe_key text not null,
  title text not null,
  body text not null,
  link text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  constraint notification_pkey primary key (region_id, id),
  constraint notification_account_id_fkey foreign key (region_id, account_id) references account (region_id, id) on delete cascade,
  constraint notification_account_id_dedupe_key_key unique (region_id, account_id, dedupe_key)
);

create table audit_log (
  region_id text not null,
  id uuid not null,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  action text not null,
  entity text not null,
  entity_id text,
  -- the organization path the record belongs to, so the viewer can apply data scope
  org_path ltree,
  before jsonb,
  after jsonb,
  ip text,
  constraint audit_log_pkey primary key (region_id, id)
);
create index audit_log_at_idx on audit_log (region_id, at desc);
create index audit_log_entity_idx on audit_log (region_id, entity, entity_id);
create index audit_log_path_idx on audit_log using gist (org_path);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();

create table region_setting (
  region_id text not null,
  key text not null,
  value jsonb not null,
  constraint region_setting_pkey primary key (region_id, key)
);
