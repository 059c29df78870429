-- 微心愿 (rule wish-workflow-2026): a small wish posted by a resident (awaiting the community's
-- review) or by the community (published at once), claimed by exactly one 党员, fulfilled with a
-- photo (attachment kind 'wish'), confirmed by the community. `org_id`/`org_path` is the community
-- (社区/村 Party organization): the scope of every read and the member's wall. The state moves only
-- through the platform workflow (history in workflow_event, kind 'wish'); the claim is its
-- conditional update `where state = 'published'`, so of simultaneous claims exactly one wins.
create table wish (
  region_id text not null,
  id uuid not null,
  org_id uuid not null,
  org_path ltree not null,
  title text not null,
  description text not null,
  -- for whom, described without personal data (the wall shows it): 独居老人、困难家庭的孩子 …
  beneficiary text not null,
  -- value in fen (rule wish-value-cap: 0 < value, at most the cap, checked by the service)
  value_fen integer not null,
  poster_kind text not null check (poster_kind in ('resident','community')),
  resident_id uuid,
  poster_account_id uuid,
  poster_name text,
  -- the resident's phone, encrypted with its keyed hash (never on the wall)
  contact_phone_enc text,
  contact_phone_hash text,
  state text not null check (state in ('pending','published','claimed','fulfilled','confirmed','cancelled')),
  version integer not null default 1,
  claimer_member_id uuid,
  claimer_account_id uuid,
  claimer_name text,
  claimed_at timestamptz,
  fulfilled_at timestamptz,
  fulfil_note text,
  confirmed_at timestamptz,
  -- the last reason given (不予发布, 撤下, 放弃认领, 退回重办)
  last_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint wish_pkey primary key (region_id, id),
  constraint wish_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint wish_resident_fkey foreign key (region_id, resident_id) references resident (region_id, id),
  constraint wish_claimer_fkey foreign key (region_id, claimer_member_id) references member_row (region_id, id),
  constraint wish_value_check check (value_fen > 0),
  constraint wish_poster_check check ((poster_kind = 'resident') = (resident_id is not null)),
  -- a claimed wish has its claimer, one on the wall has none; a wish taken down while claimed keeps who held it
  constraint wish_claimer_check check ((state not in ('claimed','fulfilled','confirmed') or claimer_member_id is not null)
    and (state not in ('pending','published') or claimer_member_id is null))
);
-- the wall: a community's published wishes, newest first
create index wish_wall_idx on wish (region_id, org_id, state, created_at desc);
create index wish_state_idx on wish (region_id, state, created_at desc);
-- the admin list and the to-dos: everything in a subtree
create index wish_scope_idx on wish using gist (region_id, org_path);
-- a member's own claims (the H5 list and the open-claim limit)
create index wish_claimer_idx on wish (region_id, claimer_member_id, state) where claimer_member_id is not null;
-- a resident's own wishes
create index wish_resident_idx on wish (region_id, resident_id, created_at desc) where resident_id is not null;
