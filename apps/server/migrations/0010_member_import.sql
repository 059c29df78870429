-- Roster import jobs (党员名册导入): a background import's phase and progress for the polling web app,
-- and the row errors of a failed one. The uploaded file itself is never stored (it holds ID numbers
-- in clear): it lives in the server's memory while the job runs. A job found "running" that no
-- process is working on any more (restart mid-way) is marked failed when read; its transaction
-- never committed, so nothing of it was imported.
create table member_import_job (
  region_id text not null,
  id uuid not null,
  account_id uuid not null,
  file_name text not null,
  phase text not null default 'reading',
  done integer not null default 0,
  total integer not null default 0,
  created integer,
  message text,
  errors jsonb not null default '[]'::jsonb,
  error_count integer not null default 0,
  started_at timestamptz not null default now(),
  -- heartbeat of the process running the job
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  constraint member_import_job_pkey primary key (region_id, id),
  constraint member_import_job_account_id_fkey foreign key (region_id, account_id) references account (region_id, id),
  constraint member_import_job_phase_check check (phase in ('reading','checking','writing','done','failed'))
);
create index member_import_job_account_idx on member_import_job (region_id, account_id, started_at);
