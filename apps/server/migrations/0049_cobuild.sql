-- 结对共建 agreements (契约化共建, issue 14; rule set cobuild-2026, ADR 0027).
--
-- cobuild_agreement pairs side A (org_a: e.g. an agency branch) with side B (org_b: a village,
-- community or enterprise Party organization; partner_kind follows from its domain) for a term. The
-- drafting side (drafting_side) writes and sends it; the other side confirms it (生效). Its state
-- moves only through the platform workflow (history in workflow_event, kind 'cobuild_agreement'):
-- draft → pending → active → expired (the job) / terminated. A renewal is the next term's agreement
-- (renewed_from_id; once per agreement, a unique index settles two at once). Either side reads it:
-- every scope check is `org_a_path <@ scope or org_b_path <@ scope`. expiry_reminded_at is set when
-- the job has sent the one reminder of the term's end.
create table cobuild_agreement (
  region_id text not null,
  id uuid not null,
  title text not null,
  term_no integer not null default 1,
  org_a_id uuid not null,
  org_a_path ltree not null,
  org_b_id uuid not null,
  org_b_path ltree not null,
  partner_kind text not null,
  drafting_side text not null,
  start_on date not null,
  end_on date not null,
  -- the content areas, in order (default the 四联四共)
  headings jsonb not null,
  state text not null default 'draft',
  version integer not null default 1,
  renewed_from_id uuid,
  signed_on date,
  signed_by_name text,
  terminated_on date,
  last_reason text,
  expiry_reminded_at timestamptz,
  rule_set text not null,
  created_by uuid,
  created_by_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cobuild_agreement_pkey primary key (region_id, id),
  constraint cobuild_agreement_org_a_fkey foreign key (region_id, org_a_id) references org (region_id, id),
  constraint cobuild_agreement_org_b_fkey foreign key (region_id, org_b_id) references org (region_id, id),
  constraint cobuild_agreement_renewed_from_fkey foreign key (region_id, renewed_from_id) references cobuild_agreement (region_id, id),
  constraint cobuild_agreement_state_check check (state in ('draft', 'pending', 'active', 'expired', 'terminated')),
  constraint cobuild_agreement_kind_check check (partner_kind in ('village', 'community', 'enterprise')),
  constraint cobuild_agreement_side_check check (drafting_side in ('a', 'b')),
  constraint cobuild_agreement_pair_check check (org_a_id <> org_b_id),
  constraint cobuild_agreement_term_check check (end_on > start_on)
);
create unique index cobuild_agreement_renewal_key on cobuild_agreement (region_id, renewed_from_id) where renewed_from_id is not null;
-- the scope of either side (lists, to-dos, statistics)
create index cobuild_agreement_a_idx on cobuild_agreement using gist (region_id, org_a_path);
create index cobuild_agreement_b_idx on cobuild_agreement using gist (region_id, org_b_path);
-- the job: agreements in force by their end
create index cobuild_agreement_end_idx on cobuild_agreement (region_id, state, end_on);
-- one pair's agreements (the overlap check)
create index cobuild_agreement_pair_idx on cobuild_agreement (region_id, org_a_id, org_b_id);

-- named contacts of both sides; the phone encrypted, with its mask for every reader
create table cobuild_contact (
  region_id text not null,
  id uuid not null,
  agreement_id uuid not null,
  side text not null,
  sort integer not null,
  name text not null,
  post text not null,
  phone_enc text not null,
  phone_masked text not null,
  constraint cobuild_contact_pkey primary key (region_id, id),
  constraint cobuild_contact_agreement_fkey foreign key (region_id, agreement_id) references cobuild_agreement (region_id, id) on delete cascade,
  constraint cobuild_contact_side_check check (side in ('a', 'b'))
);
create index cobuild_contact_agreement_idx on cobuild_contact (region_id, agreement_id, side, sort);

-- the yearly plan: commitments under a content area, due within the term, by one side
create table cobuild_commitment (
  region_id text not null,
  id uuid not null,
  agreement_id uuid not null,
  heading text not null,
  content text not null,
  due_on date not null,
  side text not null,
  done_on date,
  done_note text,
  done_by_name text,
  created_by uuid,
  created_at timestamptz not null default now(),
  constraint cobuild_commitment_pkey primary key (region_id, id),
  constraint cobuild_commitment_agreement_fkey foreign key (region_id, agreement_id) references cobuild_agreement (region_id, id) on delete cascade,
  constraint cobuild_commitment_side_check check (side in ('a', 'b'))
);
create index cobuild_commitment_agreement_idx on cobuild_commitment (region_id, agreement_id, due_on);
-- the overdue to-do: open commitments by due date
create index cobuild_commitment_open_idx on cobuild_commitment (region_id, due_on) where done_on is null;

-- the log: joint activities, problems solved (counted) and funds raised (fen), by the side that recorded them
create table cobuild_log (
  region_id text not null,
  id uuid not null,
  agreement_id uuid not null,
  kind text not null,
  on_date date not null,
  heading text,
  title text,
  participants integer,
  count integer,
  amount_fen bigint,
  source text,
  purpose text,
  description text,
  side text not null,
  recorded_by uuid,
  recorded_by_name text,
  created_at timestamptz not null default now(),
  constraint cobuild_log_pkey primary key (region_id, id),
  constraint cobuild_log_agreement_fkey foreign key (region_id, agreement_id) references cobuild_agreement (region_id, id) on delete cascade,
  constraint cobuild_log_side_check check (side in ('a', 'b')),
  constraint cobuild_log_kind_check check (
    (kind = 'activity' and title is not null and participants > 0)
    or (kind = 'problem' and count > 0 and description is not null)
    or (kind = 'fund' and amount_fen > 0 and source is not null and purpose is not null))
);
create index cobuild_log_agreement_idx on cobuild_log (region_id, agreement_id, kind, on_date);
