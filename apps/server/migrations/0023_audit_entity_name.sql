-- The audit log names the record an entry is about (the member's or organization's name, the unit,
-- the committee member …) as it was when the entry was written, so the viewer and its export read
-- names instead of record ids, also after the record was renamed or removed. Older entries have none:
-- the viewer looks their names up by kind, within the reader's scope.
alter table audit_log add column entity_name text;
