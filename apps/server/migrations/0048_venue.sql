-- 阵地 (venues) of 区域化党建 (issue 14, ADR 0026): 党群服务中心, 红色驿站, 新时代文明实践站 and the rooms
-- resident units open to the community (单位开放阵地, owned by the unit's standing report). Every
-- venue belongs to one community (社区/村 Party organization, `org_id`): the scope of every read is
-- that organization's path, joined at read time (never copied, so a moved community carries its
-- venues along). Status 开放/暂停 moves through the platform workflow (kind 'venue'); a booking
-- booked/cancelled too (kind 'venue_booking').
create table venue (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  -- 单位开放阵地: the unit's report (双报到, migration 0007) to this community
  unit_id uuid,
  name text not null,
  kind text not null check (kind in ('service_center','red_station','civilization_station','unit_open')),
  address text not null,
  area_m2 numeric(10,2) not null check (area_m2 > 0),
  -- weekly opening periods: [{days: [1..7], start: 'HH:MM', end: 'HH:MM', extended?: bool}]
  hours jsonb not null,
  manager_name text not null,
  manager_phone_enc text not null,
  manager_phone_masked text not null,
  -- 服务清单: [{name, description?}]
  services jsonb not null default '[]'::jsonb,
  status text not null default 'open' check (status in ('open','suspended')),
  status_reason text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint venue_pkey primary key (region_id, id),
  constraint venue_org_id_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint venue_unit_id_fkey foreign key (region_id, unit_id) references unit_report_in (region_id, id),
  constraint venue_unit_kind_check check ((kind = 'unit_open') = (unit_id is not null))
);
create unique index venue_name_key on venue (region_id, org_id, name);
create index venue_org_idx on venue (region_id, org_id, status);
create index venue_unit_idx on venue (region_id, unit_id) where unit_id is not null;

create table venue_room (
  region_id text not null,
  id uuid not null,
  venue_id uuid not null,
  name text not null,
  capacity integer not null check (capacity > 0),
  area_m2 numeric(10,2) not null check (area_m2 > 0),
  resident_bookable boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint venue_room_pkey primary key (region_id, id),
  constraint venue_room_venue_id_fkey foreign key (region_id, venue_id) references venue (region_id, id)
);
create unique index venue_room_name_key on venue_room (region_id, venue_id, name);

-- A booking of one room on one day, [starts_at, ends_at) (rule venue-overlap). The service locks the
-- room row `for update` and checks for an overlapping active booking in the same transaction; the
-- exclusion constraint is the second lock for any path that might bypass it.
create table venue_booking (
  region_id text not null,
  id uuid not null,
  venue_id uuid not null,
  room_id uuid not null,
  booked_on date not null,
  starts_at time not null,
  ends_at time not null,
  purpose text not null,
  attendees integer not null check (attendees > 0),
  booker_kind text not null check (booker_kind in ('org','unit','resident')),
  booker_account_id uuid,
  booker_org_id uuid,
  booker_unit_id uuid,
  resident_id uuid,
  booker_name text not null,
  -- a resident's phone, encrypted (from the resident session), shown masked to the community
  contact_phone_enc text,
  state text not null default 'booked' check (state in ('booked','cancelled')),
  cancel_reason text,
  cancelled_at timestamptz,
  cancelled_by text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint venue_booking_pkey primary key (region_id, id),
  constraint venue_booking_venue_id_fkey foreign key (region_id, venue_id) references venue (region_id, id),
  constraint venue_booking_room_id_fkey foreign key (region_id, room_id) references venue_room (region_id, id),
  constraint venue_booking_booker_org_id_fkey foreign key (region_id, booker_org_id) references org (region_id, id),
  constraint venue_booking_booker_unit_id_fkey foreign key (region_id, booker_unit_id) references unit_report_in (region_id, id),
  constraint venue_booking_resident_id_fkey foreign key (region_id, resident_id) references resident (region_id, id),
  constraint venue_booking_time_check check (starts_at < ends_at),
  constraint venue_booking_booker_check check (
    (booker_kind = 'org' and booker_org_id is not null) or (booker_kind = 'unit' and booker_unit_id is not null)
    or (booker_kind = 'resident' and resident_id is not null)),
  constraint venue_booking_no_overlap exclude using gist (
    region_id with =, room_id with =, tsrange(booked_on + starts_at, booked_on + ends_at) with &&) where (state = 'booked')
);
create index venue_booking_venue_idx on venue_booking (region_id, venue_id, booked_on);
create index venue_booking_room_idx on venue_booking (region_id, room_id, booked_on) where state = 'booked';
create index venue_booking_resident_idx on venue_booking (region_id, resident_id) where resident_id is not null;
