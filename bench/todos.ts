import Fastify from 'fastify';
import { hashPassword } from '../apps/server/src/modules/account/index.ts';
import type { FieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { seedRepository } from '../apps/server/seeds/seed.repository.ts';
import type { City } from './city.ts';
import type { Copier } from './copy.ts';
import { request } from './engines.ts';
import { generateMembers } from './member-gen.ts';
import { median, percentile } from './measure.ts';
import { ms, times, type Report } from './report.ts';

/**
 * The 待办 figures of `npm run bench`: the city already carries 换届 to-dos (its terms are built
 * due soon, overdue, seriously overdue or missing in fixed shares); members spread over the 党支部
 * add 组织设置预警 (a branch with 7 正式党员 and no 支部委员会 is one, and the city has no committees).
 * A 组织部 account bound to the root (the district account of the outside load test) reads the list
 * and the summary; each GET is timed against a bare Fastify route returning the same JSON as a
 * constant, run alternately (measure.ts pairedTimes), so machine load moves both.
 */

export const DISTRICT_ACCOUNT = { username: 'district', password: 'Bench@2026pw' } as const;

/** A write the 待办 must catch up with: one member's 工作单位 changes (its branch is recomputed on the next read). */
export function memberEdit(db: Database, regionId: string): () => Promise<unknown> {
  let n = 0;
  return () =>
    db.raw(`update member set work_unit = $2 where region_id = $1 and id = (select id from member where region_id = $1 order by id offset $3 limit 1)`, [
      regionId,
      `压测单位${n}`,
      (n++ * 7919) % 1000,
    ]);
}

/** Members over every 党支部 of the city, and the district account. */
export async function addTodoData(
  db: Database,
  copier: Copier,
  opts: { regionId: string; today: string; crypto: FieldCrypto; city: City; members: number },
): Promise<{ branches: number }> {
  const { rows } = await db.raw(`select id::text as id from org where region_id = $1 and type = 'branch' order by path`, [opts.regionId]);
  const branchIds = (rows as { id: string }[]).map((r) => r.id);
  await generateMembers(db, copier, { regionId: opts.regionId, total: opts.members, today: opts.today, crypto: opts.crypto, branchIds, seed: 19 });
  await seedRepository.insertAccounts(db, opts.regionId, [
    {
      id: newId(),
      username: DISTRICT_ACCOUNT.username,
      displayName: '压测组织部',
      role: 'department',
      orgId: opts.city.rootId,
      passwordHash: await hashPassword(DISTRICT_ACCOUNT.password),
    },
  ]);
  await db.script('analyze');
  return { branches: branchIds.length };
}

export interface TodoCase {
  label: string;
  /** Path and query of the GET, e.g. `/api/todos?page=1`. */
  path: string;
  /** What the answer holds, for the label (e.g. its total). */
  describe(body: unknown): string;
  /** Run before each timed GET, untimed (e.g. a write the read must catch up with). */
  before?: () => Promise<unknown>;
}

/** Times of `api` and `bare` run alternately (`before` untimed ahead of each `api`), for `runs` pairs or `budgetMs` (at least 10 pairs). */
async function alternate(api: () => Promise<void>, bare: () => Promise<void>, before: (() => Promise<unknown>) | undefined, runs: number, budgetMs: number) {
  for (let i = 0; i < 2; i++) await Promise.all([api(), bare()]);
  const ta: number[] = [];
  const tb: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs && (i < 10 || performance.now() - started < budgetMs); i++) {
    await before?.();
    let t0 = performance.now();
    await api();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await bare();
    tb.push(performance.now() - t0);
  }
  return [ta, tb] as const;
}

/**
 * p50/p95 of each GET as `cookie`'s account vs the bare route serving its JSON, alternately, for
 * at most `budgetMs` per case (at least 10 pairs).
 */
export async function benchTodos(
  ctx: { base: string; cookie: string; report: Report; engine: string; runs: number; budgetMs: number },
  cases: TodoCase[],
): Promise<void> {
  for (const c of cases) {
    const url = `${ctx.base}${c.path}`;
    const res = await request(url, { headers: { cookie: ctx.cookie } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${c.path}: ${res.status} ${text.slice(0, 200)}`);
    const constant: unknown = JSON.parse(text);
    const bare = Fastify({ logger: false });
    bare.get('/bare', async () => constant);
    const bareUrl = `${await bare.listen({ port: 0, host: '127.0.0.1' })}/bare`;
    try {
      const get =
        (u: string, headers: Record<string, string> = {}) =>
        async () => {
          const r = await request(u, { headers });
          if (r.status !== 200) throw new Error(`${u}: ${r.status}`);
          await r.arrayBuffer();
        };
      const [apiMs, bareMs] = await alternate(get(url, { cookie: ctx.cookie }), get(bareUrl), c.before, ctx.runs, ctx.budgetMs);
      const fmt = (xs: number[]) => `p95 ${ms(percentile(xs, 95))} (p50 ${ms(median(xs))})`;
      const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
      ctx.report.add(
        ctx.engine,
        `GET ${c.path} as district${c.before ? `, ${c.label}` : ''} (${c.describe(constant)}, ${kb} KB), n=${apiMs.length}`,
        fmt(apiMs),
        `${fmt(bareMs)} bare`,
        times(percentile(apiMs, 95), percentile(bareMs, 95)),
      );
      ctx.report.raw[`${ctx.engine}.todos.${c.label}`] = { bytes: Buffer.byteLength(text), apiMs, bareMs };
    } finally {
      await bare.close();
    }
  }
}
