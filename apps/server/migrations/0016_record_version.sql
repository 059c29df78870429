-- Records people edit in forms carry a version: reads return it (and an ETag), writes must send the
-- version they started from, and a stale one is refused instead of silently overwriting a colleague's
-- edit (an outside run: 20 concurrent edits of one member all answered 200, last writer won).
alter table org add column version integer not null default 1;
alter table org_committee_member add column version integer not null default 1;
alter table member add column version integer not null default 1;
