import { normalizeIdNumber, type MemberListQuery } from '@jiceng/contracts';
import { memberRepository, type MemberFilter } from '../apps/server/src/modules/member/member.repository.ts';
import type { FieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { getJson } from './engines.ts';
import { median, pairedTimes, percentile } from './measure.ts';
import { ms, times, type Report } from './report.ts';

/**
 * GET /api/members with one query string, timed against the repository's SQL for the same filter
 * sent straight to the database (run alternately); the SQL side also times its statements (the
 * page, then the capped count when the page is full) and keeps their plans (EXPLAIN ANALYZE) in the
 * raw figures.
 */

export interface ListCase {
  label: string;
  query: MemberListQuery;
  /** The subtree the query covers (the account's scope, or orgId's). */
  scopePath: string;
}

type SQL = Parameters<Database['rows']>[0];

type Call = { ms: number; query: SQL };

/** A Database whose rows() and one() calls are timed and remembered, one list per run (statement order: page, count). */
function timedDb(db: Database) {
  const runs: Call[][] = [];
  const timed =
    <R>(fn: (q: SQL) => Promise<R>) =>
    async (q: SQL): Promise<R> => {
      const t0 = performance.now();
      const r = await fn(q);
      runs.at(-1)!.push({ ms: performance.now() - t0, query: q });
      return r;
    };
  const proxy: Database = { ...db, rows: timed((q) => db.rows(q)), one: timed((q) => db.one(q)) };
  return { db: proxy, runs, begin: () => runs.push([]) };
}

/** A statement's text and parameters as Drizzle's dialect renders them. */
function rendered(db: Database, q: SQL): { text: string; params: unknown[] } {
  const dialect = (db.orm as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect;
  const { sql: text, params } = dialect.sqlToQuery(q);
  return { text, params };
}

/** EXPLAIN ANALYZE of a statement (its text and parameters as Drizzle's dialect renders them). */
async function planOf(db: Database, q: SQL): Promise<string[]> {
  const dialect = (db.orm as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect;
  const { sql: text, params } = dialect.sqlToQuery(q);
  return ((await db.raw(`explain analyze ${text}`, params)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']);
}

export async function benchList(
  ctx: { base: string; db: Database; regionId: string; crypto: FieldCrypto; today: string; report: Report; engine: string; runs: number; budgetMs: number },
  account: { label: string; cookie: string },
  c: ListCase,
): Promise<void> {
  const params = new URLSearchParams(Object.entries(c.query).map(([k, v]): [string, string] => [k, String(v)]));
  const url = `${ctx.base}/api/members${params.size ? `?${params}` : ''}`;
  const filter: MemberFilter = {
    ...c.query,
    scopePath: c.scopePath,
    today: ctx.today,
    idNumberHash: c.query.idNumber ? ctx.crypto.lookupHash(normalizeIdNumber(c.query.idNumber)) : undefined,
    phoneHash: c.query.phone ? ctx.crypto.lookupHash(c.query.phone.trim()) : undefined,
  };
  const t = timedDb(ctx.db);
  const api = () => getJson<{ total: number }>(url, account.cookie);
  const direct = () => (t.begin(), memberRepository.list(t.db, ctx.regionId, filter));
  const [first, base] = await Promise.all([api(), direct()]);
  if (first.total !== base.total) throw new Error(`${c.label}: API total ${first.total} ≠ SQL total ${base.total}`);
  const [apiMs, sqlMs] = await pairedTimes(api, direct, { runs: ctx.runs, warmup: 2, budgetMs: ctx.budgetMs, minRuns: 10 });
  const page = t.runs.map((r) => r[0]!.ms);
  // a page that is not full needs no count: 0 ms
  const count = t.runs.map((r) => r[1]?.ms ?? 0);
  const countShare = median(count) / (median(page) + median(count));
  const fmt = (xs: number[]) => `p95 ${ms(percentile(xs, 95))} (p50 ${ms(median(xs))})`;
  const total = `${base.total}${base.capped ? '+' : ''}`;
  ctx.report.add(
    ctx.engine,
    `${account.label} ${c.label} → ${total} of scope, n=${apiMs.length}`,
    fmt(apiMs),
    `${fmt(sqlMs)} SQL, count(*) ${(countShare * 100).toFixed(0)}%`,
    times(percentile(apiMs, 95), percentile(sqlMs, 95)),
  );
  const [pageCall, countCall] = t.runs[0]!;
  // What the view `member` costs (migration 0028: it hides the members of imports not 完成): the
  // same statements on the table itself, run alternately with the view's.
  const statements = [pageCall!, ...(countCall ? [countCall] : [])].map((c) => rendered(ctx.db, c.query));
  const onTable = statements.map(({ text, params }) => ({ text: text.replace(/\bmember\b(?!_)/g, 'member_row'), params }));
  const runAll = (xs: { text: string; params: unknown[] }[]) => async () => {
    for (const x of xs) await ctx.db.raw(x.text, x.params);
  };
  const [viewMs, tableMs] = await pairedTimes(runAll(statements), runAll(onTable), {
    runs: Math.min(ctx.runs, 20),
    warmup: 2,
    budgetMs: ctx.budgetMs,
    minRuns: 5,
  });
  ctx.report.add(
    ctx.engine,
    `${account.label} ${c.label}: its SQL through the view member, n=${viewMs.length}`,
    fmt(viewMs),
    `${fmt(tableMs)} on member_row`,
    times(percentile(viewMs, 95), percentile(tableMs, 95)),
  );
  ctx.report.raw[`${ctx.engine}.list.${account.label}.${c.label}`] = {
    url,
    total: base.total,
    capped: base.capped,
    apiMs,
    sqlMs,
    pageMs: page,
    countMs: count,
    plans: { page: await planOf(ctx.db, pageCall!.query), count: countCall ? await planOf(ctx.db, countCall.query) : null },
  };
}
