-- 党费基数 (issue 11): what a member's monthly dues are computed from, from an effective month on.
-- One basis per member and month (a second write of the month replaces it, under the row's version);
-- the amount, the bracket and the explanation are stored as the rule set computed them at the write,
-- so a ledger built later reads what the branch saw when it set the basis.
create table dues_basis (
  region_id text not null,
  member_id uuid not null,
  -- the month the basis applies from: its first day
  effective_month date not null,
  category text not null,
  -- 每月工资收入（税后）等, in fen (bracket categories)
  base_fen bigint,
  -- the member's chosen monthly amount in fen (农民 0.2–1 元)
  chosen_fen integer,
  -- 少交 / 免交 after the branch's review and the upper committee's approval (中组发〔2008〕3号 第七条)
  relief_kind text,
  relief_fen integer,
  relief_approval text,
  -- computed by the rule set at the write: before relief, due after relief, the bracket that applied
  computed_fen integer not null,
  amount_fen integer not null,
  bracket_label text,
  bracket_rate_bp integer,
  rule_set text not null,
  explanation text not null,
  recorded_by text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint dues_basis_pkey primary key (region_id, member_id, effective_month),
  constraint dues_basis_member_id_fkey foreign key (region_id, member_id) references member_row (region_id, id),
  constraint dues_basis_category_check check (category in ('salaried','annual_salary','self_employed','retired','farmer','student','unemployed','relief','low_income')),
  constraint dues_basis_month_check check (extract(day from effective_month) = 1),
  constraint dues_basis_base_fen_check check (base_fen is null or base_fen >= 0),
  constraint dues_basis_chosen_fen_check check (chosen_fen is null or chosen_fen >= 0),
  constraint dues_basis_relief_check check (
    (relief_kind is null and relief_fen is null and relief_approval is null)
    or (relief_kind = 'waive' and relief_fen is null and relief_approval is not null)
    or (relief_kind = 'reduce' and relief_fen >= 0 and relief_approval is not null)),
  constraint dues_basis_amount_check check (amount_fen >= 0 and computed_fen >= 0)
);
