-- A member's photo (证件照): one small image per member, kept with the record.
create table member_photo (
  region_id text not null,
  member_id uuid not null,
  content_type text not null check (content_type in ('image/jpeg','image/png')),
  data bytea not null,
  updated_at timestamptz not null default now(),
  constraint member_photo_pkey primary key (region_id, member_id),
  constraint member_photo_member_id_fkey foreign key (region_id, member_id) references member (region_id, id) on delete cascade
);
