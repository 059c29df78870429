-- Organization tree: parent_id plus a materialized ltree path (labels are ids without dashes).
create table org (
  region_id text not null,
  id uuid not null,
  parent_id uuid,
  path ltree not null,
  depth integer not null,
  name text not null,
  short_name text,
  code text,
  type text not null check (type in ('committee','working_committee','general_branch','branch','joint_branch','temporary_branch','group','grid')),
  domain text not null check (domain in ('rural','community','agency','institution','state_enterprise','private_enterprise','social_org','school','other')),
  status text not null default 'active' check (status in ('active','dissolved')),
  formation_mode text not null default 'single' check (formation_mode in ('single','joint')),
  approval_doc_no text,
  approval_date date,
  search tsvector not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  dissolved_at timestamptz,
  constraint org_pkey primary key (region_id, id),
  constraint org_parent_id_fkey foreign key (region_id, parent_id) references org (region_id, id),
  constraint org_code_key unique (region_id, code)
);
create index org_path_idx on org using gist (path);
create index org_parent_idx on org (region_id, parent_id);
create index org_search_idx on org using gin (search);

create table org_unit (
  region_id text not null,
  org_id uuid not null,
  seq integer not null,
  name text not null,
  credit_code text,
  category text not null,
  constraint org_unit_pkey primary key (region_id, org_id, seq),
  constraint org_unit_org_id_fkey foreign key (region_id, org_id) references org (region_id, id) on delete cascade
);
create index org_unit_credit_code_idx on org_unit (region_id, credit_code);

create table org_committee_member (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  person_name text not null,
  post text not null check (post in ('secretary','deputy_secretary','organization','publicity','discipline','member','part_time')),
  unit_name text,
  start_date date not null,
  end_date date,
  created_at timestamptz not null default now(),
  constraint org_committee_member_pkey primary key (region_id, id),
  constraint org_committee_member_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint org_committee_member_dates_check check (end_date is null or end_date >= start_date)
);
create index org_committee_member_org_idx on org_committee_member (region_id, org_id);

create table org_term (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  term_no integer not null,
  start_date date not null,
  end_date date not null,
  term_years integer not null,
  created_at timestamptz not null default now(),
  constraint org_term_pkey primary key (region_id, id),
  constraint org_term_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint org_term_org_id_term_no_key unique (region_id, org_id, term_no),
  constraint org_term_dates_check check (end_date > start_date)
);
