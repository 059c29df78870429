-- Attachments and sign-in codes (ADR 0015).

-- The bytes of attached files, once per region and content: the same photo on two records is kept
-- once. Never deleted with an attachment (removal is soft), so nothing dangles.
create table attachment_content (
  region_id text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size integer not null check (size > 0),
  data bytea not null,
  created_at timestamptz not null default now(),
  constraint attachment_content_pkey primary key (region_id, sha256)
);
-- JPEG, PNG, WebP, PDF and zip files are compressed already: store them out of line without trying.
alter table attachment_content alter column data set storage external;

-- A file kept with a record. `owner_kind` names the record's kind (meeting, member …), `owner_id`
-- the record; `org_id` is the organization whose subtree may read it (the record's, kept current by
-- the owning module when the record moves; the org's path is read at query time, so org moves need
-- nothing).
create table attachment (
  region_id text not null,
  id uuid not null,
  owner_kind text not null,
  owner_id uuid not null,
  org_id uuid not null,
  file_name text not null check (length(file_name) between 1 and 100),
  content_type text not null,
  size integer not null check (size > 0),
  sha256 text not null,
  width integer,
  height integer,
  created_by uuid,
  created_by_name text,
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_by uuid,
  constraint attachment_pkey primary key (region_id, id),
  constraint attachment_content_fkey foreign key (region_id, sha256) references attachment_content (region_id, sha256),
  constraint attachment_org_id_fkey foreign key (region_id, org_id) references org (region_id, id)
);
-- one live copy of a content per record: a second upload of the same file answers the first
create unique index attachment_owner_sha256_key on attachment (region_id, owner_kind, owner_id, sha256) where deleted_at is null;
-- the record's list, in upload order
create index attachment_owner_idx on attachment (region_id, owner_kind, owner_id, created_at, id);

-- The live sign-in code of a record (a meeting, a volunteer activity): one per record, replaced
-- when issued again. `code` is what people type; the QR image carries a signed token naming it.
create table signin_code (
  region_id text not null,
  kind text not null,
  record_id uuid not null,
  code text not null check (code ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6,8}$'),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  created_at timestamptz not null default now(),
  constraint signin_code_pkey primary key (region_id, kind, record_id),
  constraint signin_code_code_key unique (region_id, code),
  constraint signin_code_window_check check (closes_at > opens_at)
);

-- Attendance: once per record and person, whatever the way (code, QR, recorded by the secretary).
-- `member_id` is the person signing in (a member for meetings); no foreign key, since kinds differ.
create table signin (
  region_id text not null,
  kind text not null,
  record_id uuid not null,
  member_id uuid not null,
  at timestamptz not null,
  method text not null check (method in ('code', 'qr', 'secretary')),
  recorded_by uuid,
  constraint signin_pkey primary key (region_id, kind, record_id, member_id)
);
