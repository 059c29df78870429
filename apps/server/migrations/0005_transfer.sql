-- 组织关系转接: transfers between branches of the deployment, outgoing introduction letters (介绍信)
-- and members arriving with a letter from outside. The member row holds the one branch; it changes
-- only when a transfer is accepted (in the same transaction), so a member is never in two or none.
create table transfer (
  region_id text not null,
  id uuid not null,
  kind text not null,
  status text not null,
  member_id uuid not null,
  -- the sending branch (null: a letter from outside) and the receiving branch (null: a letter to outside)
  from_org_id uuid,
  to_org_id uuid,
  -- names as they stood when the transfer started (free text for organizations outside)
  from_org_name text not null,
  to_org_name text not null,
  -- what the receiving side sees until it accepts: a snapshot, not the member record
  member_name text not null,
  member_gender text not null,
  member_birth_date date not null,
  member_id_number_masked text not null,
  member_status text not null,
  reason text,
  started_on date not null,
  completed_on date,
  return_reason text,
  cancel_reason text,
  -- outgoing letters: one number per region and year (letter_year, letter_seq); incoming: as printed
  letter_year integer,
  letter_seq integer,
  letter_no text,
  valid_until date,
  dues_paid_to text,
  receipt_note text,
  created_by uuid,
  created_by_name text,
  decided_by uuid,
  decided_by_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint transfer_pkey primary key (region_id, id),
  constraint transfer_member_id_fkey foreign key (region_id, member_id) references member (region_id, id),
  constraint transfer_from_org_id_fkey foreign key (region_id, from_org_id) references org (region_id, id),
  constraint transfer_to_org_id_fkey foreign key (region_id, to_org_id) references org (region_id, id),
  constraint transfer_letter_seq_key unique (region_id, letter_year, letter_seq),
  constraint transfer_kind_check check (
    (kind = 'internal' and from_org_id is not null and to_org_id is not null and from_org_id <> to_org_id
      and status in ('pending','accepted','returned','cancelled'))
    or (kind = 'letter_out' and from_org_id is not null and to_org_id is null and letter_year is not null
      and letter_seq is not null and letter_no is not null and valid_until is not null and dues_paid_to is not null
      and status in ('pending','received','cancelled'))
    or (kind = 'letter_in' and from_org_id is null and to_org_id is not null and letter_no is not null
      and status = 'accepted')),
  constraint transfer_dues_paid_to_check check (dues_paid_to ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  constraint transfer_completed_on_check check ((status in ('accepted','received')) = (completed_on is not null))
);
-- At most one open transfer per member: the database, not the app, settles concurrent starts.
create unique index transfer_member_id_pending_key on transfer (region_id, member_id) where status = 'pending';
create index transfer_member_idx on transfer (region_id, member_id);
create index transfer_from_org_idx on transfer (region_id, from_org_id, started_on);
create index transfer_to_org_idx on transfer (region_id, to_org_id, started_on);
create index transfer_letter_pending_idx on transfer (region_id, valid_until) where kind = 'letter_out' and status = 'pending';

-- The last letter number issued per region and year; bumped in the issuing transaction (row lock),
-- so concurrent letters get consecutive numbers without a per-table sequence.
create table transfer_letter_counter (
  region_id text not null,
  year integer not null,
  last_seq integer not null,
  constraint transfer_letter_counter_pkey primary key (region_id, year)
);
