-- 流动党员 (floating members: 流出登记, 凡进必登, 凡登必核, 返回) and 失联党员 (lost contact).

create table floating_member (
  region_id text not null,
  id uuid not null,
  member_id uuid not null,
  -- snapshot at registration: the destination side never reads the member record
  member_name text not null,
  member_gender text not null,
  member_id_number_masked text not null,
  home_org_id uuid not null,
  home_org_name text not null,
  destination_place text not null,
  -- the destination branch when it is in this platform (may be in another street)
  destination_org_id uuid,
  -- start of the six-month count at the current destination
  destination_since date not null,
  reason text not null check (reason in ('work','study','family','other')),
  reason_note text,
  contact_phone_enc text not null,
  contact_phone_masked text not null,
  left_date date not null,
  expected_return_date date,
  cert_no text,
  cert_issued_date date,
  cert_valid_until date,
  status text not null,
  arrival_date date,
  arrival_contact text,
  arrival_note text,
  arrival_by text,
  verified_date date,
  verified_note text,
  verified_by text,
  returned_date date,
  returned_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint floating_member_pkey primary key (region_id, id),
  constraint floating_member_member_id_fkey foreign key (region_id, member_id) references member (region_id, id),
  constraint floating_member_home_org_id_fkey foreign key (region_id, home_org_id) references org (region_id, id),
  constraint floating_member_destination_org_id_fkey foreign key (region_id, destination_org_id) references org (region_id, id),
  constraint floating_member_status_check check (
    (status = 'pending_arrival' and arrival_date is null and verified_date is null and returned_date is null)
    or (status = 'pending_verify' and arrival_date is not null and verified_date is null and returned_date is null)
    or (status = 'verified' and arrival_date is not null and verified_date is not null and returned_date is null)
    or (status = 'returned' and returned_date is not null)),
  constraint floating_member_dates_check check (
    (expected_return_date is null or expected_return_date >= left_date)
    and (returned_date is null or returned_date >= left_date)
    and destination_since >= left_date
    and (cert_valid_until is null or cert_issued_date is null or cert_valid_until >= cert_issued_date))
);
-- one open registration per member
create unique index floating_member_member_id_key on floating_member (region_id, member_id) where status <> 'returned';
create index floating_member_member_idx on floating_member (region_id, member_id);
create index floating_member_destination_idx on floating_member (region_id, destination_org_id) where destination_org_id is not null;

create table lost_contact (
  region_id text not null,
  id uuid not null,
  member_id uuid not null,
  last_contact_date date not null,
  measures text not null,
  status text not null check (status in ('lost','found')),
  found_date date,
  found_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint lost_contact_pkey primary key (region_id, id),
  constraint lost_contact_member_id_fkey foreign key (region_id, member_id) references member (region_id, id),
  constraint lost_contact_found_check check ((status = 'found') = (found_date is not null)),
  constraint lost_contact_dates_check check (found_date is null or found_date >= last_contact_date)
);
create unique index lost_contact_member_id_key on lost_contact (region_id, member_id) where status = 'lost';
create index lost_contact_member_idx on lost_contact (region_id, member_id);

create table lost_contact_attempt (
  region_id text not null,
  id uuid not null,
  lost_contact_id uuid not null,
  attempt_date date not null,
  method text not null check (method in ('phone','visit','relatives','unit','notice','other')),
  result text not null,
  actor_id uuid,
  actor_name text,
  created_at timestamptz not null default now(),
  constraint lost_contact_attempt_pkey primary key (region_id, id),
  constraint lost_contact_attempt_lost_contact_id_fkey foreign key (region_id, lost_contact_id) references lost_contact (region_id, id)
);
create index lost_contact_attempt_record_idx on lost_contact_attempt (region_id, lost_contact_id, attempt_date);
