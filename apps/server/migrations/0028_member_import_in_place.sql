-- A roster import writes its members in place, in short statements, invisible until one small
-- update makes them all visible at once (ADR 0008, option (b)).
--
-- Before, the checked rows were staged in member_import_stage and moved into member by one
-- transaction at the end: on PGlite (one connection) that transaction held every other request for
-- 2.3–2.9 s at 30,000 rows, and it was index maintenance and foreign-key checks, which any atomic
-- write of the rows pays. Now the table is member_row and each row of an import carries its job:
-- the view `member` shows a row when it has no job or its job is 完成. Rows of a running job (or a
-- failed or killed one) are nobody's record: no reader sees them, and they are deleted like the
-- staged rows were. Marking the job 完成 is the flip.
--
-- Every reader and writer keeps using `member` (an automatically updatable view: insert, update,
-- delete, on conflict and for update go to member_row, and its triggers fire). Only the import and
-- its clean-up use member_row. The view names its columns as they are now: a migration that adds a
-- column to member_row must recreate the view.
--
-- todo_mark_dirty's branch for tg_table_name = 'member' no longer matches (the trigger now fires on
-- member_row); its last branch does the same for inserts and deletes (the organizations of the
-- rows), so it is left as it is. Its insert marks while the rows are still invisible: the flip
-- marks the job's organizations again (member.import.flip).
alter table member rename to member_row;
alter table member_row add column import_job_id uuid;
alter table member_row add constraint member_row_import_job_id_fkey
  foreign key (region_id, import_job_id) references member_import_job (region_id, id);
create index member_row_import_job_idx on member_row (region_id, import_job_id) where import_job_id is not null;

-- the few jobs not (yet) 完成, read by every query of the view
create index member_import_job_unfinished_idx on member_import_job (id) where phase <> 'done';

create view member as
  select * from member_row m
  where m.import_job_id is null
     or m.import_job_id not in (select j.id from member_import_job j where j.phase <> 'done');

drop table member_import_stage;
