-- Party members: the record, its status history and its extended tabs.
-- Personal fields are encrypted by the app (*_enc) with keyed hashes (*_hash) for exact look-ups.
create table member (
  region_id text not null,
  id uuid not null,
  -- the one branch holding the member's organization relation (never two, never none)
  org_id uuid not null,
  name text not null,
  gender text not null check (gender in ('male','female')),
  ethnicity text not null,
  birth_date date not null,
  id_number_enc text not null,
  id_number_hash text not null,
  -- masked forms (3201**********1234), so lists never decrypt
  id_number_masked text not null,
  education text not null,
  occupation text not null,
  work_unit text,
  position text,
  phone_enc text,
  phone_hash text,
  phone_masked text,
  address_enc text,
  address_masked text,
  applied_date date,
  joined_date date not null,
  confirmed_date date,
  status text not null check (status in ('probationary','full','suspended','left')),
  leave_reason text check (leave_reason in ('self_dropped','persuaded','removed','expelled','deceased','emigrated','probation_cancelled')),
  left_date date,
  probation_extended_months integer,
  suspended_from_status text,
  discipline_until date,
  categories text[] not null default '{}',
  search tsvector not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint member_pkey primary key (region_id, id),
  constraint member_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint member_id_number_hash_key unique (region_id, id_number_hash),
  constraint member_left_check check ((status = 'left') = (leave_reason is not null))
);
create index member_org_idx on member (region_id, org_id);
create index member_search_idx on member using gin (search);
create index member_phone_idx on member (region_id, phone_hash);
create index member_birth_idx on member (region_id, birth_date);
create index member_confirmed_idx on member (region_id, confirmed_date);
create index member_categories_idx on member using gin (categories);

create table member_status_event (
  region_id text not null,
  id uuid not null,
  member_id uuid not null,
  event text not null,
  from_status text not null,
  to_status text not null,
  event_date date not null,
  reason text not null,
  detail jsonb,
  actor_id uuid,
  actor_name text,
  created_at timestamptz not null default now(),
  constraint member_status_event_pkey primary key (region_id, id),
  constraint member_status_event_member_id_fkey foreign key (region_id, member_id) references member (region_id, id)
);
create index member_status_event_member_idx on member_status_event (region_id, member_id, created_at);

-- The national system's repeating tabs: 职务, 奖惩, 出国出境, 家庭成员. One row per entry.
create table member_detail (
  region_id text not null,
  id uuid not null,
  member_id uuid not null,
  kind text not null check (kind in ('post','reward','abroad','family')),
  data jsonb not null,
  start_date date,
  end_date date,
  created_at timestamptz not null default now(),
  constraint member_detail_pkey primary key (region_id, id),
  constraint member_detail_member_id_fkey foreign key (region_id, member_id) references member (region_id, id) on delete cascade
);
create index member_detail_member_idx on member_detail (region_id, member_id, kind);

-- A 党员 account is bound to its own member record.
alter table account add column member_id uuid;
alter table account add constraint account_member_id_fkey foreign key (region_id, member_id) references member (region_id, id);
create unique index account_member_idx on account (region_id, member_id) where member_id is not null;
