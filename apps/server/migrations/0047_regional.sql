-- 区域化党建 三张清单 (issue 14, ADR 0025, rule set rg-2026): needs (需求清单) recorded by a
-- community, village or grid; resources (资源清单) offered by resident units (驻区单位, through their
-- standing 双报到 report) and in-service members; projects (项目清单) joining one need with one or
-- more resources, with the units' consent, activities, results and ratings. States move only through
-- the platform workflow (history in workflow_event, kinds rg_need and rg_project); a unit's claim of
-- a need is the need's conditional update `where state = 'open'`, so of simultaneous claims one wins.

-- the category dictionary (starter set from the rule set, inserted at start; editable)
create table rg_category (
  region_id text not null,
  code text not null,
  name text not null,
  sort integer not null default 0,
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  constraint rg_category_pkey primary key (region_id, code),
  constraint rg_category_code_check check (code ~ '^[a-z][a-z0-9_]{0,31}$')
);
create unique index rg_category_name_key on rg_category (region_id, name);

create table rg_need (
  region_id text not null,
  id uuid not null,
  -- the community, village or grid organization that records it (scope of every read)
  org_id uuid not null,
  org_path ltree not null,
  -- the 社区/村 the need belongs to (the org itself or the one above a grid)
  community_id uuid not null,
  category_code text not null,
  title text not null,
  description text not null,
  -- who benefits, described without personal data, and how many
  beneficiaries text not null,
  beneficiary_count integer,
  place text,
  urgency text not null check (urgency in ('urgent','soon','normal')),
  wanted_by date,
  est_money_fen bigint check (est_money_fen >= 0),
  est_people integer check (est_people >= 0),
  source text not null check (source in ('resident','opinion','visit','joint_meeting','wish','service','other')),
  -- the record it came from in another module (kind and id), when it did
  source_kind text,
  source_id text,
  state text not null check (state in ('open','claimed','in_progress','completed','rated','closed')),
  version integer not null default 1,
  -- the unit (unit_report_in) that claimed it, while claimed by a unit
  claimed_unit_id uuid,
  claimed_at timestamptz,
  claim_note text,
  project_id uuid,
  close_reason text,
  recorded_on date not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rg_need_pkey primary key (region_id, id),
  constraint rg_need_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint rg_need_community_fkey foreign key (region_id, community_id) references org (region_id, id),
  constraint rg_need_category_fkey foreign key (region_id, category_code) references rg_category (region_id, code),
  constraint rg_need_unit_fkey foreign key (region_id, claimed_unit_id) references unit_report_in (region_id, id),
  constraint rg_need_closed_check check ((state = 'closed') = (close_reason is not null)),
  constraint rg_need_source_ref_check check ((source_kind is null) = (source_id is null))
);
create index rg_need_scope_idx on rg_need using gist (region_id, org_path);
create index rg_need_community_idx on rg_need (region_id, community_id, state);

create table rg_resource (
  region_id text not null,
  id uuid not null,
  owner_kind text not null check (owner_kind in ('unit','member')),
  unit_id uuid,
  member_report_id uuid,
  -- the community the owner reported to (scope of the community's reads)
  org_id uuid not null,
  org_path ltree not null,
  owner_name text not null,
  category_code text not null,
  title text not null,
  description text not null,
  capacity_people integer check (capacity_people >= 0),
  capacity_hours_month numeric(8,1) check (capacity_hours_month >= 0),
  capacity_money_fen bigint check (capacity_money_fen >= 0),
  -- a venue offered: its name and opening times
  venue text,
  available_from date,
  available_to date,
  contact_name text not null,
  contact_phone_enc text not null,
  contact_phone_masked text not null,
  state text not null default 'offered' check (state in ('offered','withdrawn')),
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rg_resource_pkey primary key (region_id, id),
  constraint rg_resource_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint rg_resource_unit_fkey foreign key (region_id, unit_id) references unit_report_in (region_id, id),
  constraint rg_resource_member_fkey foreign key (region_id, member_report_id) references member_report_in (region_id, id),
  constraint rg_resource_category_fkey foreign key (region_id, category_code) references rg_category (region_id, code),
  constraint rg_resource_owner_check check ((owner_kind = 'unit') = (unit_id is not null) and (owner_kind = 'member') = (member_report_id is not null)),
  constraint rg_resource_period_check check (available_from is null or available_to is null or available_from <= available_to)
);
create index rg_resource_scope_idx on rg_resource using gist (region_id, org_path);
create index rg_resource_unit_idx on rg_resource (region_id, unit_id) where unit_id is not null;

-- the communities a resource is offered to (its owner's own community always among them)
create table rg_resource_offer (
  region_id text not null,
  resource_id uuid not null,
  community_id uuid not null,
  constraint rg_resource_offer_pkey primary key (region_id, resource_id, community_id),
  constraint rg_resource_offer_resource_fkey foreign key (region_id, resource_id) references rg_resource (region_id, id),
  constraint rg_resource_offer_community_fkey foreign key (region_id, community_id) references org (region_id, id)
);
create index rg_resource_offer_community_idx on rg_resource_offer (region_id, community_id);

create table rg_project (
  region_id text not null,
  id uuid not null,
  need_id uuid not null,
  org_id uuid not null,
  org_path ltree not null,
  title text not null,
  plan text not null,
  start_date date not null,
  end_date date not null,
  budget_fen bigint not null default 0 check (budget_fen >= 0),
  planned_people integer check (planned_people >= 0),
  state text not null check (state in ('proposed','active','completed','rated','withdrawn')),
  version integer not null default 1,
  results text,
  -- money actually raised or spent on it, in fen
  funds_fen bigint check (funds_fen >= 0),
  -- practical problems it solved (counted in the statistics)
  problems_solved integer check (problems_solved >= 0),
  completed_on date,
  rating integer check (rating between 1 and 5),
  rating_comment text,
  rated_on date,
  withdraw_reason text,
  imported boolean not null default false,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rg_project_pkey primary key (region_id, id),
  constraint rg_project_need_fkey foreign key (region_id, need_id) references rg_need (region_id, id),
  constraint rg_project_org_fkey foreign key (region_id, org_id) references org (region_id, id),
  constraint rg_project_dates_check check (start_date <= end_date),
  constraint rg_project_completed_check check ((state in ('completed','rated')) = (completed_on is not null)),
  constraint rg_project_rated_check check ((state = 'rated') = (rating is not null))
);
-- one live project per need
create unique index rg_project_need_key on rg_project (region_id, need_id) where state <> 'withdrawn';
create index rg_project_scope_idx on rg_project using gist (region_id, org_path);

-- the resources (and their units) a project joins, with each unit's consent
create table rg_project_part (
  region_id text not null,
  project_id uuid not null,
  resource_id uuid,
  unit_id uuid,
  member_report_id uuid,
  owner_name text not null,
  consent text not null check (consent in ('pending','agreed','declined')),
  decided_at timestamptz,
  decided_by uuid,
  decline_reason text,
  constraint rg_project_part_project_fkey foreign key (region_id, project_id) references rg_project (region_id, id),
  constraint rg_project_part_resource_fkey foreign key (region_id, resource_id) references rg_resource (region_id, id),
  constraint rg_project_part_unit_fkey foreign key (region_id, unit_id) references unit_report_in (region_id, id),
  constraint rg_project_part_declined_check check ((consent = 'declined') = (decline_reason is not null))
);
-- a resource joins a project once; a unit without a listed resource (the claimer) once
create unique index rg_project_part_resource_key on rg_project_part (region_id, project_id, resource_id) where resource_id is not null;
create unique index rg_project_part_unit_key on rg_project_part (region_id, project_id, unit_id) where resource_id is null and unit_id is not null;
create index rg_project_part_project_idx on rg_project_part (region_id, project_id);
create index rg_project_part_unit_idx on rg_project_part (region_id, unit_id) where unit_id is not null;

create table rg_activity (
  region_id text not null,
  id uuid not null,
  project_id uuid not null,
  org_path ltree not null,
  held_on date not null,
  title text not null,
  description text,
  participants integer not null check (participants >= 0),
  -- the volunteer hours all participants gave together
  hours numeric(8,1) not null check (hours >= 0),
  beneficiaries integer not null default 0 check (beneficiaries >= 0),
  -- the unit whose people took part, when one did
  unit_id uuid,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  constraint rg_activity_pkey primary key (region_id, id),
  constraint rg_activity_project_fkey foreign key (region_id, project_id) references rg_project (region_id, id),
  constraint rg_activity_unit_fkey foreign key (region_id, unit_id) references unit_report_in (region_id, id)
);
create index rg_activity_project_idx on rg_activity (region_id, project_id, held_on);

-- the beneficiaries' ratings of a completed project (满意 / 基本满意 / 不满意)
create table rg_feedback (
  region_id text not null,
  id uuid not null,
  project_id uuid not null,
  verdict text not null check (verdict in ('satisfied','fair','unsatisfied')),
  comment text,
  -- who said it, as the community wrote it down (no personal data needed)
  rater text,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  constraint rg_feedback_pkey primary key (region_id, id),
  constraint rg_feedback_project_fkey foreign key (region_id, project_id) references rg_project (region_id, id)
);
create index rg_feedback_project_idx on rg_feedback (region_id, project_id);
