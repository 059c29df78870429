import { sql, type SQL } from 'drizzle-orm';
import type { DuesRuleSet } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';

/** A ledger month as read: months as `YYYY-MM`, with the member's and the collecting branch's names. */
export interface DuesMonthRow {
  member_id: string;
  member_name: string;
  member_status: string;
  org_id: string;
  org_name: string;
  month: string;
  due_fen: number | null;
  basis_month: string | null;
  paid_fen: number | null;
  paid_on: string | null;
  channel: string | null;
  proxy_name: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  reason: string | null;
  version: number;
}

export interface DuesTotalsRow {
  members: number;
  owing_members: number;
  paid_members: number;
  waived_members: number;
  no_basis_members: number;
  due_fen: number;
  paid_fen: number;
}

export interface DuesArrearsDbRow {
  member_id: string;
  member_name: string;
  org_id: string;
  org_name: string;
  consecutive: number;
  without_reason: number;
  unpaid_months: number;
  owe_fen: number;
  since: string | null;
}

export interface DuesPaymentWrite {
  paidFen: number;
  paidOn: string;
  channel: string;
  proxyName: string | null;
  note: string | null;
  recordedBy: string;
}

/** The first day of a `YYYY-MM` month as a date. */
export const monthDate = (month: string): SQL => sql`${`${month}-01`}::date`;

const select = sql`select d.member_id, m.name as member_name, m.status as member_status, d.org_id, o.name as org_name, to_char(d.month, 'YYYY-MM') as month,
  d.due_fen, to_char(d.basis_month, 'YYYY-MM') as basis_month, d.paid_fen, d.paid_on::text as paid_on, d.channel, d.proxy_name, d.note, d.recorded_by,
  d.recorded_at::text as recorded_at, d.reason, d.version
  from dues_month d
  join member m on m.region_id = d.region_id and m.id = d.member_id
  join org o on o.region_id = d.region_id and o.id = d.org_id`;

/**
 * The basis in effect for the month `month` (an SQL date) of the member `memberId` (an SQL uuid),
 * as packages/rules `duesBasisFor` chooses it: the latest effective at or before the month
 * ('on_change'), or the one in effect that January, else the year's first ('january'). A test
 * holds the two equal.
 */
function basisFor(regionId: SQL, memberId: SQL, month: SQL, rules: DuesRuleSet): SQL {
  const order =
    rules.baseReset === 'january'
      ? sql`order by (b.effective_month <= date_trunc('year', ${month})::date) desc,
          case when b.effective_month <= date_trunc('year', ${month})::date then b.effective_month end desc nulls last, b.effective_month`
      : sql`order by b.effective_month desc`;
  return sql`select b.amount_fen, b.effective_month from dues_basis b
    where b.region_id = ${regionId} and b.member_id = ${memberId} and b.effective_month <= ${month} ${order} limit 1`;
}

/**
 * Who pays in a month: 预备党员 and 正式党员 of the region (the view `member`: none of an unfinished
 * import) whose first dues month (the month they were accepted) has come, and whose relation had
 * not been transferred out before the month began (the sending branch collects the month of the
 * transfer; the letter says 党费缴至).
 */
const payers = (regionId: string, month: SQL) => sql`m.region_id = ${regionId} and m.status in ('probationary', 'full')
  and m.joined_date < (${month} + interval '1 month')::date
  and (m.transferred_out_date is null or m.transferred_out_date >= ${month})`;

/** 党费台账: SQL only here. */
export const duesLedgerRepository = {
  /**
   * Makes the month's rows of everyone who pays in it (of `memberIds` only when given) with the due
   * of the basis in effect; rows already there are left as they are. Returns the rows made.
   */
  generate(db: Database, regionId: string, month: string, rules: DuesRuleSet, memberIds?: readonly string[]): Promise<number> {
    const m = monthDate(month);
    const only = memberIds ? sql`and m.id = any(${`{${memberIds.join(',')}}`}::uuid[])` : sql``;
    return db.run(sql`insert into dues_month (region_id, member_id, month, org_id, due_fen, basis_month)
      select m.region_id, m.id, ${m}, m.org_id, b.amount_fen, b.effective_month
      from member m
      left join lateral (${basisFor(sql`m.region_id`, sql`m.id`, m, rules)}) b on true
      where ${payers(regionId, m)} ${only}
      on conflict (region_id, member_id, month) do nothing`);
  },

  /** Whether the member pays in the month (the generation's condition for one member). */
  async pays(db: Database, regionId: string, memberId: string, month: string): Promise<boolean> {
    const r = await db.one<{ ok: boolean }>(sql`select true as ok from member m where ${payers(regionId, monthDate(month))} and m.id = ${memberId}`);
    return !!r;
  },

  /** The due of a month not in the ledger yet: the amount of the basis in effect (null: none). */
  async dueOf(db: Database, regionId: string, memberId: string, month: string, rules: DuesRuleSet): Promise<number | null> {
    const r = await db.one<{ amount_fen: number }>(basisFor(sql`${regionId}`, sql`${memberId}::uuid`, monthDate(month), rules));
    return r?.amount_fen ?? null;
  },

  /**
   * Claims the month for the job: true for the one run that records it (a second run at once waits
   * on the key until the first commits, then finds it there).
   */
  async claimRun(db: Database, regionId: string, month: string): Promise<boolean> {
    const n = await db.run(sql`insert into dues_ledger_run (region_id, month, rows) values (${regionId}, ${monthDate(month)}, 0) on conflict do nothing`);
    return n === 1;
  },

  /** Records a month as made (the demo's months, which it makes itself). */
  async markRun(db: Database, regionId: string, month: string, rows: number): Promise<void> {
    await db.run(sql`insert into dues_ledger_run (region_id, month, rows) values (${regionId}, ${monthDate(month)}, ${rows}) on conflict do nothing`);
  },

  async setRunRows(db: Database, regionId: string, month: string, rows: number): Promise<void> {
    await db.run(sql`update dues_ledger_run set rows = ${rows}, generated_at = now() where region_id = ${regionId} and month = ${monthDate(month)}`);
  },

  /**
   * Holds the members' rows against other changes to their dues until commit (in id order), so
   * each member's months and arrears are written by one transaction at a time. No key update: rows
   * that reference the member may still be written meanwhile.
   */
  async lockMembers(db: Database, regionId: string, memberIds: readonly string[]): Promise<void> {
    if (memberIds.length === 0) return;
    await db.rows(sql`select id from member where region_id = ${regionId} and id = any(${`{${memberIds.join(',')}}`}::uuid[]) order by id for no key update`);
  },

  /** Every month the job has made (oldest first). */
  async allRuns(db: Database, regionId: string): Promise<string[]> {
    const rows = await db.rows<{ month: string }>(
      sql`select to_char(month, 'YYYY-MM') as month from dues_ledger_run where region_id = ${regionId} order by month`,
    );
    return rows.map((r) => r.month);
  },

  async runs(db: Database, regionId: string, months: readonly string[]): Promise<string[]> {
    if (months.length === 0) return [];
    const rows = await db.rows<{ month: string }>(
      sql`select to_char(month, 'YYYY-MM') as month from dues_ledger_run where region_id = ${regionId} and month = any(${`{${months.map((x) => `${x}-01`).join(',')}}`}::date[])`,
    );
    return rows.map((r) => r.month);
  },

  /** Re-prices the member's unpaid months from their bases (after a basis was set or deleted). */
  repriceUnpaid(db: Database, regionId: string, memberId: string, rules: DuesRuleSet): Promise<number> {
    // a sub-select without a row sets both columns to null: no basis for the month any more
    return db.run(sql`update dues_month d set (due_fen, basis_month) = (${basisFor(sql`d.region_id`, sql`d.member_id`, sql`d.month`, rules)}),
        version = d.version + 1, updated_at = now()
      where d.region_id = ${regionId} and d.member_id = ${memberId} and d.paid_fen is null`);
  },

  /** A member's months (newest first), or those of `months`; `lock` holds them in month order until commit. */
  memberMonths(db: Database, regionId: string, memberId: string, opts: { months?: readonly string[]; lock?: boolean } = {}) {
    const only = opts.months ? sql`and d.month = any(${`{${opts.months.map((x) => `${x}-01`).join(',')}}`}::date[])` : sql``;
    return db.rows<DuesMonthRow>(
      sql`${select} where d.region_id = ${regionId} and d.member_id = ${memberId} ${only}
        ${opts.lock ? sql`order by d.month for update of d` : sql`order by d.month desc`}`,
    );
  },

  /** Records the month's payment if it is still unpaid; false when it is not. */
  async pay(db: Database, regionId: string, memberId: string, month: string, w: DuesPaymentWrite): Promise<boolean> {
    // the branch that records the payment collects the month (a member moved since the row was made)
    const n =
      await db.run(sql`update dues_month set org_id = coalesce((select m.org_id from member m where m.region_id = ${regionId} and m.id = ${memberId}), org_id),
        paid_fen = ${w.paidFen}, paid_on = ${w.paidOn}::date, channel = ${w.channel}, proxy_name = ${w.proxyName},
        note = ${w.note}, recorded_by = ${w.recordedBy}, recorded_at = now(), version = version + 1, updated_at = now()
      where region_id = ${regionId} and member_id = ${memberId} and month = ${monthDate(month)} and paid_fen is null`);
    return n === 1;
  },

  /** Clears the month's payment if it is still at `expected`; false when it moved on. */
  async cancel(db: Database, regionId: string, memberId: string, month: string, expected: number): Promise<boolean> {
    const n = await db.run(sql`update dues_month set paid_fen = null, paid_on = null, channel = null, proxy_name = null, note = null, recorded_at = null,
        recorded_by = null, version = version + 1, updated_at = now()
      where region_id = ${regionId} and member_id = ${memberId} and month = ${monthDate(month)} and paid_fen is not null and version = ${expected}`);
    return n === 1;
  },

  async setReason(db: Database, regionId: string, memberId: string, month: string, reason: string | null, expected: number): Promise<boolean> {
    const n = await db.run(sql`update dues_month set reason = ${reason}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and member_id = ${memberId} and month = ${monthDate(month)} and version = ${expected}`);
    return n === 1;
  },

  /** The month's rows of the members a branch collects from, in the roster's order. */
  orgMonth(db: Database, regionId: string, orgId: string, month: string) {
    return db.rows<DuesMonthRow>(
      sql`${select} where d.region_id = ${regionId} and d.org_id = ${orgId} and d.month = ${monthDate(month)} order by m.name, d.member_id`,
    );
  },

  /** A branch's rows of a year's months, for the publication. */
  orgYear(db: Database, regionId: string, orgId: string, year: number) {
    return db.rows<DuesMonthRow>(
      sql`${select} where d.region_id = ${regionId} and d.org_id = ${orgId} and d.month >= ${`${year}-01-01`}::date and d.month < ${`${year + 1}-01-01`}::date
        order by m.name, d.member_id, d.month`,
    );
  },

  /**
   * The kept totals of the subtree `path` over the months [from, to], per month and per child of the
   * path (`child` = the child's path, or null for the organization's own rows).
   */
  subtreeTotals(db: Database, regionId: string, path: string, from: string, to: string) {
    return db.rows<DuesTotalsRow & { month: string; child: string | null }>(sql`select to_char(t.month, 'YYYY-MM') as month,
        case when nlevel(o.path) = nlevel(${path}::ltree) then null else subpath(o.path, 0, nlevel(${path}::ltree) + 1)::text end as child,
        sum(t.members)::int as members, sum(t.owing_members)::int as owing_members, sum(t.paid_members)::int as paid_members,
        sum(t.waived_members)::int as waived_members, sum(t.no_basis_members)::int as no_basis_members,
        sum(t.due_fen)::float8 as due_fen, sum(t.paid_fen)::float8 as paid_fen
      from dues_org_month t join org o on o.region_id = t.region_id and o.id = t.org_id
      where t.region_id = ${regionId} and o.path <@ ${path}::ltree and t.month >= ${monthDate(from)} and t.month <= ${monthDate(to)}
      group by 1, 2`);
  },

  /** The same totals straight from the ledger rows (what the kept ones must equal; tests and the benchmark). */
  liveSubtreeTotals(db: Database, regionId: string, path: string, from: string, to: string) {
    return db.rows<DuesTotalsRow & { month: string; child: string | null }>(sql`select to_char(d.month, 'YYYY-MM') as month,
        case when nlevel(o.path) = nlevel(${path}::ltree) then null else subpath(o.path, 0, nlevel(${path}::ltree) + 1)::text end as child,
        count(*)::int as members, count(*) filter (where d.due_fen is null or d.due_fen > 0)::int as owing_members,
        count(*) filter (where d.paid_fen is not null and (d.due_fen is null or d.due_fen > 0))::int as paid_members,
        count(*) filter (where d.due_fen = 0)::int as waived_members, count(*) filter (where d.due_fen is null)::int as no_basis_members,
        coalesce(sum(d.due_fen), 0)::float8 as due_fen, coalesce(sum(d.paid_fen), 0)::float8 as paid_fen
      from dues_month d join org o on o.region_id = d.region_id and o.id = d.org_id
      where d.region_id = ${regionId} and o.path <@ ${path}::ltree and d.month >= ${monthDate(from)} and d.month <= ${monthDate(to)}
      group by 1, 2`);
  },

  /** Organizations by path (the children a summary names). */
  orgsByPath(db: Database, regionId: string, paths: readonly string[]) {
    if (paths.length === 0) return Promise.resolve([]);
    return db.rows<{ id: string; name: string; path: string }>(
      sql`select id, name, path::text as path from org where region_id = ${regionId} and path = any(${`{${paths.join(',')}}`}::ltree[])`,
    );
  },

  /**
   * Rewrites the arrears of the members `memberIds` (all of the region when null) as of `current`:
   * over the last 24 months before it, the run of unpaid months up to the month before (a month
   * paid, with nothing due, or without a row ends it), the part of it before a recorded reason, and
   * the unpaid months and amount. Mirrors packages/rules `duesArrears` (a test holds them equal).
   */
  async refreshArrears(db: Database, regionId: string, current: string, memberIds: readonly string[] | null): Promise<void> {
    const cur = monthDate(current);
    const only = (col: SQL) => (memberIds ? sql`and ${col} = any(${`{${memberIds.join(',')}}`}::uuid[])` : sql``);
    // the whole region's rewrite waits for the members' rewrites in flight, and they for it
    if (!memberIds) await db.run(sql`lock table dues_arrears in share row exclusive mode`);
    await db.run(sql`delete from dues_arrears where region_id = ${regionId} ${only(sql`member_id`)}`);
    await db.run(sql`insert into dues_arrears (region_id, member_id, as_of, consecutive, without_reason, unpaid_months, owe_fen, since)
      select ${regionId}, member_id, ${cur},
        coalesce(min(rn) filter (where not owing or back <> rn - 1), count(*) + 1) - 1,
        coalesce(min(rn) filter (where not owing or back <> rn - 1 or reason is not null), count(*) + 1) - 1,
        count(*) filter (where owing), coalesce(sum(due_fen) filter (where owing), 0), min(month) filter (where owing)
      from (
        select d.member_id, d.month, d.due_fen, d.reason, coalesce(d.due_fen > 0 and d.paid_fen is null, false) as owing,
          row_number() over (partition by d.member_id order by d.month desc) as rn,
          ((extract(year from ${cur}) - extract(year from d.month)) * 12 + extract(month from ${cur}) - extract(month from d.month))::int - 1 as back
        from dues_month d
        where d.region_id = ${regionId} and d.month < ${cur} and d.month >= (${cur} - interval '24 months')::date ${only(sql`d.member_id`)}
      ) x
      group by member_id
      having count(*) filter (where owing) > 0`);
  },

  /** Members in arrears under `path` as of `current` with at least `minMonths` in a row (or any unpaid month when 0). */
  arrears(db: Database, regionId: string, path: string, current: string, minMonths: number) {
    return db.rows<DuesArrearsDbRow>(sql`select a.member_id, m.name as member_name, m.org_id, o.name as org_name, a.consecutive, a.without_reason,
        a.unpaid_months, a.owe_fen::float8 as owe_fen, to_char(a.since, 'YYYY-MM') as since
      from dues_arrears a
      join member m on m.region_id = a.region_id and m.id = a.member_id
      join org o on o.region_id = m.region_id and o.id = m.org_id
      where a.region_id = ${regionId} and a.as_of = ${monthDate(current)} and o.path <@ ${path}::ltree and a.consecutive >= ${minMonths}
        and m.status in ('probationary', 'full')
      order by a.without_reason desc, a.consecutive desc, m.name
      limit 2000`);
  },
};
export type DuesLedgerRepository = typeof duesLedgerRepository;

/** Members by ID-number hash with what the import checks (scope, name, status). */
export function duesMembersByIdHash(db: Database, regionId: string, hashes: readonly string[]) {
  if (hashes.length === 0) return Promise.resolve([]);
  return db.rows<{
    id: string;
    name: string;
    status: string;
    joined_date: string;
    transferred_out_date: string | null;
    org_path: string;
    id_number_hash: string;
  }>(
    sql`select m.id, m.name, m.status, m.joined_date::text as joined_date, m.transferred_out_date::text as transferred_out_date, o.path::text as org_path,
        m.id_number_hash
      from member m join org o on o.region_id = m.region_id and o.id = m.org_id
      where m.region_id = ${regionId} and m.id_number_hash = any(${`{${hashes.join(',')}}`}::text[])`,
  );
}
