-- Rows of a roster import, checked and encrypted, staged in short transactions before one final
-- transaction moves them into member (with their history rows, the audit row and the job's 完成).
-- On PGlite (one connection) a query outside an open transaction waits for it: writing 30,000
-- members in one transaction held every other request for up to 2.5 s. Staged rows are nobody's
-- record: no reader looks here, and a failed or killed job's rows are deleted (on failure, and at
-- start for every job no longer running). Personal fields are stored as in member (ciphertext, keyed
-- hash, mask), never in clear.
create table member_import_stage (
  region_id text not null,
  job_id uuid not null,
  -- position in the file: the final move keeps the file's order
  seq integer not null,
  -- ids the member and its 'register' history row will have
  id uuid not null,
  event_id uuid not null,
  org_id uuid not null,
  name text not null,
  gender text not null,
  ethnicity text not null,
  birth_date date not null,
  id_number_enc text not null,
  id_number_hash text not null,
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
  status text not null,
  categories text[] not null,
  search tsvector not null,
  constraint member_import_stage_pkey primary key (region_id, job_id, seq),
  constraint member_import_stage_job_id_fkey foreign key (region_id, job_id) references member_import_job (region_id, id) on delete cascade
);
