-- Which server process runs a background import, so a process starting up can mark failed at once
-- the jobs of processes that are gone (killed mid-import: before, the job read "running" for about a
-- minute until its heartbeat went stale).
alter table member_import_job add column runner text;
