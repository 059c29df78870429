import os from 'node:os';
import { DUES_RULES_2008 } from '@jiceng/rules';
import { duesLedgerRepository } from '../apps/server/src/modules/dues/dues.ledger.repository.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import type { City } from './city.ts';
import { median, pairedTimes, percentile } from './measure.ts';
import { ms, times, type Report } from './report.ts';

/**
 * The 党费台账 figures of `npm run bench` (issue 11). `members` members (default 1,000,000 on
 * PostgreSQL, 100,000 on PGlite) spread over the city's 党支部, written by one insert … select over
 * generate_series into member_row (most 正式党员, some 预备党员 who joined lately, so later months
 * have more payers, a few suspended or left), and their 党费基数 into dues_basis: 80 % of members
 * one basis from a month of 2020–2025, 10 % that one and a second from a month of 2026, 10 % none
 * (未定基数); about 1 % of bases waived (免交). Both with the row triggers (foreign keys, 待办 marks)
 * off, then vacuumed and analyzed.
 *
 * 1. Generation of one month: `duesLedgerRepository.generate` (one insert … select over the view
 *    `member` with a lateral pick of the basis in effect, into dues_month, whose statement triggers
 *    keep dues_org_month) against a bare `insert … select` of the same rows (same six columns) from
 *    a plain table holding them precomputed into a plain copy of dues_month (`like dues_month`,
 *    primary key only: no foreign keys, triggers or secondary index), alternately, each after a
 *    truncate and a checkpoint (untimed), after one untimed warm-up of each run under EXPLAIN ANALYZE
 *    (with the triggers' times): the plans go to the raw figures, and to the output when the ratio
 *    passes 3×.
 * 2. The summary: 12 months of 2026 made by generate() month by month (each timed: the ledger
 *    growing) for at most SUMMARY_MEMBERS of the members (every k-th, through its memberIds), then
 *    `subtreeTotals` (the kept totals) as the district and as the widest street, alternating with
 *    `liveSubtreeTotals` (the same answer aggregated from dues_month), after checking both answer the
 *    same.
 */

export interface DuesCtx {
  db: Database;
  regionId: string;
  city: City;
  report: Report;
  engine: string;
  /** Members to generate. */
  members: number;
  /** Summary reads per view (pairs of kept and live, all of them: the live side takes about a second at most). */
  runs: number;
}

/** The month generated in figure 1 (bases of 2026 already in effect for some). */
const MONTH = '2026-06';
/**
 * Members the 12 months of figure 2 are made for, at most: every k-th member, so every branch keeps
 * some. 1,000,000 × 12 months took too long on a 2-core machine (some 20 s a month, with the
 * live aggregate over 12 million rows after it); the kept totals are per branch and month, so their
 * read hardly depends on the members, while the live aggregate grows with them.
 */
const SUMMARY_MEMBERS = 250_000;
const YEAR_MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

/** A member's id from its number g: time-ordered like the app's UUIDv7 ids, and the same in both inserts. */
const MEMBER_ID = `(lpad(to_hex(1700000000000 + s.g), 12, '0') || '7' || lpad(to_hex(s.g % 4096), 3, '0') || '8' || lpad(to_hex(s.g), 15, '0'))::uuid`;
/** Numbers 1…$2 with a multiplicative hash each, the source of every choice. */
const NUMBERS = `select g, (g::bigint * 2654435761) % 4294967296 as h from generate_series(1, $2::int) as g`;

/** Members over the 党支部 and their bases, in bulk; returns what was written. */
export async function addDuesData(
  db: Database,
  regionId: string,
  total: number,
): Promise<{ branches: number; members: number; bases: number; twoBases: number }> {
  await db.transaction(async (tx) => {
    await tx.script(`set local session_replication_role = replica`);
    // status by u: 4 % 预备党员 (joined 2025-05…2026-07: some start paying within 2026), 93 % 正式党员,
    // 1.5 % suspended, 1.5 % left (neither pays)
    await tx.raw(
      `with b as (select id, row_number() over (order by path) - 1 as i from org where region_id = $1 and type = 'branch' and status = 'active'),
        bn as (select count(*) as n from b),
        s as (select x.*, (x.h / 7) % 1000 as u from (${NUMBERS}) x)
      insert into member_row (region_id, id, org_id, name, gender, ethnicity, birth_date, id_number_enc, id_number_hash, id_number_masked, education,
        occupation, joined_date, confirmed_date, status, leave_reason, left_date, search)
      select $1, ${MEMBER_ID}, b.id, '压测党员' || s.g, case when s.h % 3 = 0 then 'female' else 'male' end, '汉族',
        date '1940-01-01' + (s.h % 22000)::int, 'enc', 'dues-bench-' || s.g, '3201**********' || lpad((s.g % 10000)::text, 4, '0'), '本科', '公务员',
        case when s.u < 40 then date '2025-05-01' + (s.h % 450)::int else date '2024-06-01' - ((s.h / 3) % 20000)::int end,
        case when s.u >= 40 then date '2025-06-01' - ((s.h / 3) % 20000)::int end,
        case when s.u < 40 then 'probationary' when s.u < 970 then 'full' when s.u < 985 then 'suspended' else 'left' end,
        case when s.u >= 985 then 'deceased' end, case when s.u >= 985 then date '2025-01-01' end, ''::tsvector
      from s cross join bn join b on b.i = (s.h / 1000) % bn.n`,
      [regionId, total],
    );
    // kind 0: no basis, 1: two (the second from a month of 2026), else one from a month of 2020–2025;
    // category by cat: salaried, retired (brackets of base_fen), farmer (a chosen 0.2–1 元), student (0.2 元)
    await tx.raw(
      `with s as (${NUMBERS}),
        k as (select s.*, s.h % 10 as kind from s),
        r as (
          select g, h, (h / 17) % 20 as cat, 200000 + (h / 101) % 1500000 as base, (h / 31) % 100 = 0 as waived,
            (date '2020-01-01' + make_interval(months => ((h / 13) % 72)::int))::date as eff
          from k where kind <> 0
          union all
          select g, h, ((h / 17) + 7) % 20, 250000 + (h / 101) % 1500000, false, make_date(2026, 1 + ((h / 7) % 12)::int, 1)
          from k where kind = 1),
        c as (
          select r.*, case when r.cat < 12 then 'salaried' when r.cat < 17 then 'retired' when r.cat < 19 then 'farmer' else 'student' end as category,
            case when r.base <= 300000 then 50 when r.base <= 500000 then 100 when r.base <= 1000000 then 150 else 200 end as rate
          from r),
        d as (select c.*, case when c.cat < 17 then (c.base * c.rate / 10000)::int when c.cat < 19 then 20 + (c.h % 81)::int else 20 end as computed from c)
      insert into dues_basis (region_id, member_id, effective_month, category, base_fen, chosen_fen, relief_kind, relief_approval, computed_fen, amount_fen,
        bracket_label, bracket_rate_bp, rule_set, explanation)
      select $1, ${MEMBER_ID}, s.eff, s.category, case when s.cat < 17 then s.base end, case when s.cat between 17 and 18 then s.computed end,
        case when s.waived then 'waive' end, case when s.waived then '压测批准' end, s.computed, case when s.waived then 0 else s.computed end,
        case when s.cat < 17 then s.rate::text end, case when s.cat < 17 then s.rate end, $3, '压测基数'
      from d as s`,
      [regionId, total, DUES_RULES_2008.id],
    );
  });
  // vacuumed as autovacuum would have by now (bases are written long before a month is made)
  await db.script('vacuum analyze member_row');
  await db.script('vacuum analyze dues_basis');
  const [r] = (
    await db.raw(
      `select (select count(distinct org_id) from member_row where region_id = $1 and id_number_hash like 'dues-bench-%')::int as branches,
        (select count(*) from member_row where region_id = $1 and id_number_hash like 'dues-bench-%')::int as members,
        (select count(*) from dues_basis where region_id = $1)::int as bases,
        (select count(*) from (select 1 from dues_basis where region_id = $1 group by member_id having count(*) = 2) x)::int as two_bases`,
      [regionId],
    )
  ).rows as { branches: number; members: number; bases: number; two_bases: number }[];
  return { branches: r!.branches, members: r!.members, bases: r!.bases, twoBases: r!.two_bases };
}

type SQL = Parameters<Database['run']>[0];

/** EXPLAIN (ANALYZE, BUFFERS) of a statement as Drizzle's dialect renders it (a write is done, not rolled back). */
async function planOf(db: Database, q: SQL): Promise<string[]> {
  const dialect = (db.orm as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect;
  const { sql: text, params } = dialect.sqlToQuery(q);
  return planOfText(db, text, params);
}

async function planOfText(db: Database, text: string, params: unknown[]): Promise<string[]> {
  const opts = db.engine === 'postgres' ? 'analyze, buffers' : 'analyze';
  return ((await db.raw(`explain (${opts}) ${text}`, params)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']);
}

/** The plan of what `call` runs through db.run (its one statement), executed by EXPLAIN ANALYZE. */
async function explainRun(db: Database, call: (db: Database) => Promise<unknown>): Promise<string[]> {
  let plan: string[] = [];
  await call({
    ...db,
    run: async (q) => {
      plan = await planOf(db, q);
      return 0;
    },
  });
  return plan;
}

/** Flushes dirty pages (untimed) so the next timed write does not pay for the previous one's; a no-op where not allowed. */
const checkpoint = (db: Database) => db.script('checkpoint').catch(() => undefined);

const loadAvg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

type Totals = Awaited<ReturnType<typeof duesLedgerRepository.subtreeTotals>>;
const canonical = (rows: Totals) =>
  JSON.stringify(
    [...rows]
      .map((r) => ({ ...r, due_fen: Number(r.due_fen), paid_fen: Number(r.paid_fen) }))
      .sort((a, b) => `${a.month} ${a.child ?? ''}`.localeCompare(`${b.month} ${b.child ?? ''}`)),
  );

export async function benchDues(ctx: DuesCtx): Promise<void> {
  const { db, regionId, report, engine } = ctx;
  const add = (measure: string, value: string, baseline = '', ratio = '') => report.add(engine, measure, value, baseline, ratio);
  const started = performance.now();
  add('党费: load average (1 / 5 / 15 min) at the start of the part', loadAvg());

  const t0 = performance.now();
  const data = await addDuesData(db, regionId, ctx.members);
  add(
    `党费: generate ${data.members} members over ${data.branches} branches and ${data.bases} bases (${data.twoBases} members with two), insert … select + vacuum analyze`,
    ms(performance.now() - t0),
  );

  // 1. One month's generation vs a bare insert … select of the same rows.
  // the untimed warm-up of each side runs under EXPLAIN ANALYZE (it writes the rows as it would)
  await db.script('truncate dues_month, dues_org_month');
  await checkpoint(db);
  const plan = await explainRun(db, (d) => duesLedgerRepository.generate(d, regionId, MONTH, DUES_RULES_2008));
  const [made] = (await db.raw(`select count(*)::int as n from dues_month where region_id = $1`, [regionId])).rows as { n: number }[];
  const warm = made!.n;
  await db.script(`drop table if exists dues_bench_src, dues_bench_plain;
    create table dues_bench_src as select member_id, org_id, due_fen, basis_month from dues_month;
    create table dues_bench_plain (like dues_month including defaults);
    alter table dues_bench_plain add primary key (region_id, member_id, month);
    analyze dues_bench_src`);
  const bareText = `insert into dues_bench_plain (region_id, member_id, month, org_id, due_fen, basis_month)
    select $1, member_id, $2::date, org_id, due_fen, basis_month from dues_bench_src`;
  const bareParams = [regionId, `${MONTH}-01`];
  const bare = () => db.raw(bareText, bareParams);
  const barePlan = await planOfText(db, bareText, bareParams);
  const appMs: number[] = [];
  const bareMs: number[] = [];
  const REPS = 3;
  for (let i = 0; i < REPS; i++) {
    await db.script('truncate dues_month, dues_org_month');
    await checkpoint(db);
    let t = performance.now();
    const n = await duesLedgerRepository.generate(db, regionId, MONTH, DUES_RULES_2008);
    appMs.push(performance.now() - t);
    if (n !== warm) throw new Error(`generate made ${n} rows, the warm-up ${warm}`);
    await db.script('truncate dues_bench_plain');
    await checkpoint(db);
    t = performance.now();
    await bare();
    bareMs.push(performance.now() - t);
  }
  const [kept] = (await db.raw(`select coalesce(sum(members), 0)::int as members, count(*)::int as orgs from dues_org_month where region_id = $1`, [regionId]))
    .rows as { members: number; orgs: number }[];
  const [plain] = (await db.raw(`select count(*)::int as n from dues_bench_plain`)).rows as { n: number }[];
  if (kept!.members !== warm || plain!.n !== warm) throw new Error(`rows: generate ${warm}, kept totals ${kept!.members}, bare ${plain!.n}`);
  const [noBasis] = (await db.raw(`select count(*) filter (where due_fen is null)::int as n from dues_month`)).rows as { n: number }[];
  const ratio = median(appMs) / median(bareMs);
  add(
    `党费: duesLedgerRepository.generate(${MONTH}) of ${warm} rows (${noBasis!.n} 未定基数) into ${kept!.orgs} branches' totals, median of ${REPS}`,
    ms(median(appMs)),
    `${ms(median(bareMs))} bare insert … select into a plain copy`,
    times(median(appMs), median(bareMs)),
  );
  add(`  runs of generate / of the bare insert`, appMs.map(ms).join(', '), bareMs.map(ms).join(', '));
  report.raw[`${engine}.dues.generate`] = { rows: warm, appMs, bareMs, plan, barePlan };
  report.raw[`${engine}.dues.data`] = data;
  if (ratio > 3) {
    console.log(`  EXPLAIN ANALYZE of generate (${ratio.toFixed(2)}× the bare insert):`);
    for (const line of plan) console.log(`    ${line}`);
    console.log(`  EXPLAIN ANALYZE of the bare insert:`);
    for (const line of barePlan) console.log(`    ${line}`);
  }
  await db.script('drop table if exists dues_bench_src, dues_bench_plain');

  // 2. Twelve months, then the summary from the kept totals vs the live aggregate.
  await db.script('truncate dues_month, dues_org_month');
  await checkpoint(db);
  const every = Math.ceil(data.members / SUMMARY_MEMBERS);
  const subset =
    every > 1
      ? (
          (await db.raw(`select ${MEMBER_ID}::text as id from generate_series(1, $1::int) as s(g) where s.g % $2::int = 0`, [ctx.members, every])).rows as {
            id: string;
          }[]
        ).map((r) => r.id)
      : undefined;
  const over = subset ? `every ${every}th member: ${subset.length} of ${data.members}, through generate's memberIds` : `all ${data.members} members`;
  const monthMs: number[] = [];
  let rows = 0;
  for (const month of YEAR_MONTHS) {
    const t = performance.now();
    rows += await duesLedgerRepository.generate(db, regionId, month, DUES_RULES_2008, subset);
    monthMs.push(performance.now() - t);
  }
  await db.script('analyze dues_month; analyze dues_org_month');
  const [om] = (await db.raw(`select count(*)::int as n from dues_org_month where region_id = $1`, [regionId])).rows as { n: number }[];
  add(
    `党费: generate() 2026-01…2026-12 one month after another over ${over} (${rows} rows, ${om!.n} kept totals): all 12 / median month`,
    ms(monthMs.reduce((s, x) => s + x, 0)),
    `${ms(median(monthMs))} a month (first ${ms(monthMs[0]!)}, last ${ms(monthMs.at(-1)!)})`,
  );
  const [street] = (
    await db.raw(
      `select s.path::text as path, (select count(*) from org o where o.region_id = s.region_id and o.path <@ s.path)::int as n
       from org s where s.region_id = $1 and s.parent_id = $2 order by n desc limit 1`,
      [regionId, ctx.city.rootId],
    )
  ).rows as { path: string; n: number }[];
  for (const [label, path, orgs] of [
    ['district', ctx.city.rootPath, ctx.city.total],
    ['widest street', street!.path, street!.n],
  ] as const) {
    const from = YEAR_MONTHS[0]!;
    const to = YEAR_MONTHS.at(-1)!;
    const keptRows = await duesLedgerRepository.subtreeTotals(db, regionId, path, from, to);
    const liveRows = await duesLedgerRepository.liveSubtreeTotals(db, regionId, path, from, to);
    if (canonical(keptRows) !== canonical(liveRows)) throw new Error(`kept and live totals differ for the ${label}`);
    const members = keptRows.reduce((s, r) => s + r.members, 0);
    const [keptMs, liveMs] = await pairedTimes(
      () => duesLedgerRepository.subtreeTotals(db, regionId, path, from, to),
      () => duesLedgerRepository.liveSubtreeTotals(db, regionId, path, from, to),
      { runs: ctx.runs, warmup: 1 },
    );
    const fmt = (xs: number[]) => `p95 ${ms(percentile(xs, 95))} (p50 ${ms(median(xs))})`;
    add(
      `党费: subtreeTotals 2026-01…12 as ${label} (${orgs} orgs, ${members} member-months, ${keptRows.length} rows), n=${keptMs.length}`,
      fmt(keptMs),
      `${fmt(liveMs)} live from dues_month`,
      times(percentile(keptMs, 95), percentile(liveMs, 95)),
    );
    report.raw[`${engine}.dues.summary.${label}`] = {
      orgs,
      memberMonths: members,
      summaryMembers: subset?.length ?? data.members,
      rows: keptRows.length,
      keptMs,
      liveMs,
    };
  }
  add('党费: the part took (load average at its end)', ms(performance.now() - started), loadAvg());
}
