-- 双报到 (domain-rules §8, 吹哨报到): in-service members and resident units (驻区单位) report to the
-- community (village) Party organization where they live or sit. The community may be anywhere in
-- the region, outside the member's own street.
create table member_report_in (
  region_id text not null,
  id uuid not null,
  member_id uuid not null,
  -- the community (village) committee, general branch or branch reported to
  community_id uuid not null,
  report_date date not null,
  -- 服务意向及特长
  intentions text,
  status text not null default 'reported',
  cancelled_date date,
  cancel_reason text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint member_report_in_pkey primary key (region_id, id),
  constraint member_report_in_member_id_fkey foreign key (region_id, member_id) references member (region_id, id),
  constraint member_report_in_community_id_fkey foreign key (region_id, community_id) references org (region_id, id),
  constraint member_report_in_created_by_fkey foreign key (region_id, created_by) references account (region_id, id),
  constraint member_report_in_status_check check (status in ('reported','cancelled') and (status = 'cancelled') = (cancelled_date is not null))
);
-- a member reports to one community at a time
create unique index member_report_in_member_id_key on member_report_in (region_id, member_id) where status = 'reported';
create index member_report_in_community_idx on member_report_in (region_id, community_id, status);

create table unit_report_in (
  region_id text not null,
  id uuid not null,
  community_id uuid not null,
  unit_name text not null,
  -- 统一社会信用代码 (public register data, not personal)
  credit_code text not null,
  contact_name text not null,
  phone_enc text not null,
  phone_masked text not null,
  -- 可提供的资源
  resources text,
  report_date date not null,
  status text not null default 'reported',
  cancelled_date date,
  cancel_reason text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint unit_report_in_pkey primary key (region_id, id),
  constraint unit_report_in_community_id_fkey foreign key (region_id, community_id) references org (region_id, id),
  constraint unit_report_in_created_by_fkey foreign key (region_id, created_by) references account (region_id, id),
  constraint unit_report_in_status_check check (status in ('reported','cancelled') and (status = 'cancelled') = (cancelled_date is not null))
);
-- a unit reports to one community once while its report stands
create unique index unit_report_in_credit_code_key on unit_report_in (region_id, community_id, credit_code) where status = 'reported';
create index unit_report_in_community_idx on unit_report_in (region_id, community_id, status);
