-- The training shortfall to-dos (training.shortfall) live in the to-do read model (migration 0020):
-- judging every member's hours at read time took 0.7–1.8 s for a district of 100,000 members. What
-- changes a branch's shortfall marks the organizations of the members concerned: attendance
-- recorded or removed, a session's hours, kind or dates changed (its attendees), and attendance at
-- a meeting (党课 hours; a meeting's own changes already mark its organization, migration 0033).
-- Members and committee seats mark their organizations already (migration 0020).
create function todo_mark_member_orgs() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into todo_dirty (region_id, org_id)
      select distinct m.region_id, m.org_id from new_rows n join member m on m.region_id = n.region_id and m.id = n.member_id;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into todo_dirty (region_id, org_id)
      select distinct m.region_id, m.org_id from old_rows o join member m on m.region_id = o.region_id and m.id = o.member_id;
  end if;
  return null;
end $$;

create function todo_mark_session_attendees() returns trigger language plpgsql as $$
begin
  insert into todo_dirty (region_id, org_id)
    select distinct m.region_id, m.org_id from new_rows n
    join training_attendance a on a.region_id = n.region_id and a.session_id = n.id
    join member m on m.region_id = a.region_id and m.id = a.member_id;
  return null;
end $$;

create trigger training_attendance_todo_insert after insert on training_attendance referencing new table as new_rows for each statement execute function todo_mark_member_orgs();
create trigger training_attendance_todo_update after update on training_attendance referencing old table as old_rows new table as new_rows for each statement execute function todo_mark_member_orgs();
create trigger training_attendance_todo_delete after delete on training_attendance referencing old table as old_rows for each statement execute function todo_mark_member_orgs();
create trigger training_session_todo_update after update on training_session referencing new table as new_rows for each statement execute function todo_mark_session_attendees();
create trigger meeting_attendee_todo_insert after insert on meeting_attendee referencing new table as new_rows for each statement execute function todo_mark_member_orgs();
create trigger meeting_attendee_todo_update after update on meeting_attendee referencing old table as old_rows new table as new_rows for each statement execute function todo_mark_member_orgs();
create trigger meeting_attendee_todo_delete after delete on meeting_attendee referencing old table as old_rows for each statement execute function todo_mark_member_orgs();
