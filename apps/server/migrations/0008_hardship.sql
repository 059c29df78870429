-- 困难党员帮扶: hardship records (detail encrypted by the app), helping cadres, visits (走访慰问).
create table hardship_cadre (
  region_id text not null,
  id uuid not null,
  -- the organization that registered the cadre (drives who may see and assign them)
  org_id uuid not null,
  name text not null,
  -- the cadre's own member record, when they are a party member
  member_id uuid,
  phone_enc text not null,
  phone_hash text not null,
  phone_masked text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint hardship_cadre_pkey primary key (region_id, id),
  constraint hardship_cadre_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint hardship_cadre_member_id_fkey foreign key (region_id, member_id) references member (region_id, id),
  -- one cadre per person, so the 1–3 limit cannot be dodged by registering someone twice
  constraint hardship_cadre_phone_hash_key unique (region_id, phone_hash)
);
create unique index hardship_cadre_member_id_key on hardship_cadre (region_id, member_id) where member_id is not null;
create index hardship_cadre_org_idx on hardship_cadre (region_id, org_id);

create table hardship (
  region_id text not null,
  id uuid not null,
  member_id uuid not null,
  type text not null,
  -- 困难情况: sensitive, AES-GCM ciphertext written by the app
  detail_enc text not null,
  start_date date not null,
  closed_date date,
  close_reason text,
  cadre_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint hardship_pkey primary key (region_id, id),
  constraint hardship_member_id_fkey foreign key (region_id, member_id) references member (region_id, id),
  constraint hardship_cadre_id_fkey foreign key (region_id, cadre_id) references hardship_cadre (region_id, id),
  constraint hardship_type_check check (type in ('living','illness','disaster','elderly_alone','disability','other')),
  constraint hardship_closed_date_check check (closed_date is null or closed_date >= start_date)
);
-- one open record per member
create unique index hardship_member_id_key on hardship (region_id, member_id) where closed_date is null;
create index hardship_cadre_idx on hardship (region_id, cadre_id) where closed_date is null;

create table hardship_visit (
  region_id text not null,
  id uuid not null,
  hardship_id uuid not null,
  visit_date date not null,
  visitor text not null,
  content text not null,
  -- 慰问金, 元
  amount numeric(12,2) not null default 0,
  recorded_by text,
  created_at timestamptz not null default now(),
  constraint hardship_visit_pkey primary key (region_id, id),
  constraint hardship_visit_hardship_id_fkey foreign key (region_id, hardship_id) references hardship (region_id, id),
  constraint hardship_visit_amount_check check (amount >= 0)
);
create index hardship_visit_hardship_idx on hardship_visit (region_id, hardship_id, visit_date);
