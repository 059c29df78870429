/**
 * `npm run bench [-- --orgs 20000 --runs 30 --seconds 5 --engines postgres,pglite --parts counts,tree,todos,compliance,service,start]`
 *
 * For each engine, builds the synthetic city (bench/city.ts), starts the real server on it and
 * prints each figure against a baseline measured in the same run, as a ratio:
 *   1. subtree roll-up GET /api/orgs/:id/counts vs the same repository SQL sent straight to the database;
 *   2. GET /api/orgs/tree?parentId=<widest node> under autocannon load vs a bare Fastify route
 *      returning that same JSON as a constant;
 *   3. 待办 (bench/todos.ts): `--todo-members` members over the branches add 组织设置预警 to the
 *      city's 换届 to-dos; GET /api/todos?page=1 and GET /api/todos/summary as a 组织部 account bound
 *      to the root, p50/p95 vs a bare Fastify route returning the same JSON, alternately, and the
 *      summary again with a member edited before each read (the read model catching up);
 *   4. 组织生活 compliance (bench/compliance.ts): 12 months of meetings for every 党支部; the summary
 *      (month and year) as the district and as the widest street vs the repository's SQL, and the
 *      heat map;
 *   5. 群众诉求 (bench/service.ts): three grids under every 社区/村; POST /api/service/requests as a
 *      community desk under autocannon load vs a bare Fastify route inserting the same row into a
 *      plain table (bare before and after); then `--service-requests` requests over a year in every
 *      stage (default 1,000,000 on PostgreSQL, 100,000 on PGlite, whose single connection takes
 *      minutes over a million) and GET /api/service/figures as the district and as the widest
 *      street vs the repository's SQL;
 *   6. 党费台账 (bench/dues.ts): `--dues-members` members (default 1,000,000 on PostgreSQL, 100,000 on
 *      PGlite) with their bases; a month's generation vs a bare insert … select of the same rows, and
 *      the district's and the widest street's year summary from the kept totals vs the live aggregate;
 *   7. cold start of `node --import tsx apps/server/src/main.ts` to a healthy answer (fresh, then
 *      existing database) vs starting `node -e ""`.
 * Each baseline is taken next to its figure (alternating runs, bare load before and after the app,
 * node start right before the cold starts), because other processes on a shared machine move
 * absolute figures between runs; the header prints the load average.
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the
 * maintenance database; each run creates and drops its own databases. Figures are never asserted.
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import type { TreeCounts } from '@jiceng/contracts';
import { TODO_SOURCES } from '@jiceng/contracts';
import { orgRepository } from '../apps/server/src/modules/org/org.repository.ts';
import { chinaDate } from '../apps/server/src/platform/clock.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { createFieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { createServer } from '../apps/server/src/server.ts';
import { BENCH_ADMIN, generateCity } from './city.ts';
import { openCopier } from './copy.ts';
import { engineList, getJson, login, loginCookie, open, type Engine } from './engines.ts';
import { coldStartMs, load, median, medianPairMs, nodeStartMs } from './measure.ts';
import { createReport, ms, times } from './report.ts';
import { addTodoData, benchTodos, DISTRICT_ACCOUNT, memberEdit } from './todos.ts';
import { addMeetings, benchCompliance } from './compliance.ts';
import { addServicePlaces, addServiceRequests, benchServiceFigures, benchServiceIntake, SERVICE_ACCOUNTS } from './service.ts';
import { benchDues } from './dues.ts';
import { hashPassword } from '../apps/server/src/modules/account/index.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { seedRepository } from '../apps/server/seeds/seed.repository.ts';

const { values } = parseArgs({
  options: {
    orgs: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '5' },
    engines: { type: 'string', default: 'postgres,pglite' },
    'todo-members': { type: 'string', default: '100000' },
    /** Seconds at most per 待办 figure (at least 10 pairs are taken). */
    'todo-budget': { type: 'string', default: '20' },
    /** Requests for the 群众诉求 figures (default per engine: 1000000 on PostgreSQL, 100000 on PGlite). */
    'service-requests': { type: 'string' },
    /** Members for the 党费 figures (default per engine: 1000000 on PostgreSQL, 100000 on PGlite). */
    'dues-members': { type: 'string' },
    /** Which of the figures below to measure (all by default). */
    parts: { type: 'string', default: 'counts,tree,todos,compliance,service,dues,start' },
  },
});
const TOTAL = Number(values.orgs);
const RUNS = Number(values.runs);
const SECONDS = Number(values.seconds);
const TODO_MEMBERS = Number(values['todo-members']);
const TODO_BUDGET_MS = Number(values['todo-budget']) * 1000;
const serviceRequests = (engine: Engine) => Number(values['service-requests'] ?? (engine === 'postgres' ? 1_000_000 : 100_000));
const duesMembers = (engine: Engine) => Number(values['dues-members'] ?? (engine === 'postgres' ? 1_000_000 : 100_000));
const CONNECTIONS = 10;
const REGION = '320102';
const report = createReport('bench');
const PARTS = new Set(values.parts.split(','));

async function benchEngine(engine: Engine): Promise<void> {
  const add = (measure: string, value: string, baseline = '', ratio = '') => report.add(engine, measure, value, baseline, ratio);
  const raw = report.raw;
  console.log(`[${engine}]`);
  const h = await open(engine);
  const { db } = h;
  try {
    await migrate(db);
    const t0 = performance.now();
    const city = await generateCity(db, { total: TOTAL, regionId: REGION, today: chinaDate(new Date()) });
    add(`generate ${city.total} orgs (bulk insert + analyze)`, ms(performance.now() - t0));

    const config = loadConfig({ LOG_LEVEL: 'silent', JICENG_JOBS: 'false', DATA_DIR: h.dataDir, WEB_DIST: '/nonexistent', REGION_ID: REGION }, []);
    const fieldKey = crypto.randomBytes(32).toString('base64');
    const server = await createServer({ config, db, fieldKey });
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const cookie = await loginCookie(base, BENCH_ADMIN);

      // 1. Subtree roll-up through the API vs the repository's SQL on the same connection.
      if (PARTS.has('counts')) await benchCounts();
      async function benchCounts() {
        const [street] = (
          await db.raw(
            `select s.id::text as id, s.path::text as path, (select count(*)::int from org o where o.region_id = s.region_id and o.path <@ s.path) as n
             from org s where s.region_id = $1 and s.parent_id = $2 order by n desc limit 1`,
            [REGION, city.rootId],
          )
        ).rows as { id: string; path: string; n: number }[];
        for (const [label, id, orgPath] of [
          ['root', city.rootId, city.rootPath],
          ['street', street!.id, street!.path],
        ] as const) {
          const api = await getJson<TreeCounts>(`${base}/api/orgs/${id}/counts`, cookie);
          const direct = await orgRepository.subtreeCountsByType(db, REGION, orgPath);
          if (api.total !== direct.reduce((s, r) => s + r.n, 0)) throw new Error(`counts differ for ${label}`);
          const [apiMs, sqlMs] = await medianPairMs(
            () => getJson(`${base}/api/orgs/${id}/counts`, cookie),
            () => orgRepository.subtreeCountsByType(db, REGION, orgPath),
            RUNS,
          );
          add(`counts under ${label} (${api.total} orgs), median of ${RUNS}`, ms(apiMs), `${ms(sqlMs)} SQL`, times(apiMs, sqlMs));
          raw[`${engine}.counts.${label}`] = { orgs: api.total, apiMs, sqlMs };
        }
      }

      // 2. One level of the tree under load vs a bare Fastify route serving the same JSON.
      if (PARTS.has('tree')) await benchTree();
      async function benchTree() {
        const [widest] = (
          await db.raw(
            `select parent_id::text as id, count(*)::int as n from org where region_id = $1 and parent_id is not null group by parent_id order by n desc limit 1`,
            [REGION],
          )
        ).rows as { id: string; n: number }[];
        const treeUrl = `${base}/api/orgs/tree?parentId=${widest!.id}`;
        const body = await (await fetch(treeUrl, { headers: { cookie } })).text();
        const constant: unknown = JSON.parse(body);
        const bare = Fastify({ logger: false });
        bare.get('/tree', async () => constant);
        const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
        try {
          const opts = { connections: CONNECTIONS, seconds: SECONDS };
          await load(`${bareBase}/tree`, { ...opts, seconds: 1 });
          await load(treeUrl, { ...opts, seconds: 1, headers: { cookie } });
          // Bare before and after the app, averaged, so a change in machine load shows in both.
          const b1 = await load(`${bareBase}/tree`, opts);
          const a = await load(treeUrl, { ...opts, headers: { cookie } });
          const b2 = await load(`${bareBase}/tree`, opts);
          const b = { rps: (b1.rps + b2.rps) / 2, p99: (b1.p99 + b2.p99) / 2, failures: b1.failures + b2.failures };
          if (a.failures || b.failures) throw new Error(`failed requests under load: api ${a.failures}, bare ${b.failures}`);
          const what = `tree ?parentId (${widest!.n} children, ${(Buffer.byteLength(body) / 1024).toFixed(0)} KB), ${CONNECTIONS} conn × ${SECONDS} s`;
          add(`${what}: req/s`, a.rps.toFixed(0), `${b.rps.toFixed(0)} bare`, times(a.rps, b.rps));
          add(`${what}: p99`, ms(a.p99), `${ms(b.p99)} bare`, times(a.p99, b.p99));
          raw[`${engine}.tree`] = { children: widest!.n, bytes: Buffer.byteLength(body), api: a, bare: b };
        } finally {
          await bare.close();
        }
      }

      // 3. 待办 of the district: the paged list and the summary vs a bare route serving the same JSON.
      if (PARTS.has('todos')) await benchTodoPart();
      async function benchTodoPart() {
        const copier = await openCopier(h);
        const t1 = performance.now();
        const { branches } = await addTodoData(db, copier, {
          regionId: REGION,
          today: chinaDate(new Date()),
          crypto: createFieldCrypto(fieldKey),
          city,
          members: TODO_MEMBERS,
        }).finally(() => copier.close());
        add(`generate ${TODO_MEMBERS} members over ${branches} branches for the 待办 (COPY + analyze)`, ms(performance.now() - t1));
        const district = await loginCookie(base, DISTRICT_ACCOUNT);
        const described = (b: unknown) =>
          `${(b as { total?: number; counts?: { total: number } }).total ?? (b as { counts: { total: number } }).counts.total} to-dos`;
        await benchTodos({ base, cookie: district, report, engine, runs: RUNS, budgetMs: TODO_BUDGET_MS }, [
          { label: 'list', path: '/api/todos?page=1', describe: described },
          { label: 'summary', path: '/api/todos/summary', describe: described },
          { label: 'after a member edit', path: '/api/todos/summary', describe: described, before: memberEdit(db, REGION) },
        ]);
        // What each source costs of the list: its own first page, median of 3 after one warm-up.
        for (const source of TODO_SOURCES) {
          const url = `${base}/api/todos?source=${source}&pageSize=1`;
          await getJson(url, district);
          const runs: number[] = [];
          for (let i = 0; i < 3; i++) {
            const t = performance.now();
            await getJson(url, district);
            runs.push(performance.now() - t);
          }
          add(`GET /api/todos?source=${source} as district, median of 3`, ms(median(runs)));
        }
      }
      // 4. 组织生活 compliance calendar: 12 months of meetings, the district's and a street's views vs their SQL.
      if (PARTS.has('compliance')) await benchCompliancePart();
      async function benchCompliancePart() {
        const today = chinaDate(new Date());
        const t2 = performance.now();
        const { meetings, counts } = await addMeetings(db, REGION, today);
        add(`generate ${meetings} meetings over 12 months (${counts} period counts)`, ms(performance.now() - t2));
        const [street] = (
          await db.raw(
            `select s.id::text as id, s.path::text as path from org s where s.region_id = $1 and s.parent_id = $2
             order by (select count(*) from org o where o.region_id = s.region_id and o.path <@ s.path) desc limit 1`,
            [REGION, city.rootId],
          )
        ).rows as { id: string; path: string }[];
        await seedRepository.insertAccounts(db, REGION, [
          {
            id: newId(),
            username: 'street',
            displayName: '压测街道',
            role: 'street',
            orgId: street!.id,
            passwordHash: await hashPassword(BENCH_ADMIN.password),
          },
        ]);
        const streetCookie = await loginCookie(base, { username: 'street', password: BENCH_ADMIN.password });
        await benchCompliance({ base, db, regionId: REGION, today, report, engine, runs: RUNS, budgetMs: TODO_BUDGET_MS }, [
          { label: 'district', cookie, scopePath: city.rootPath },
          { label: 'street', cookie: streetCookie, scopePath: street!.path },
        ]);
      }

      // 5. 群众诉求: intake under load vs a bare insert; the figures over a year of requests vs their SQL.
      if (PARTS.has('service')) await benchServicePart();
      async function benchServicePart() {
        const today = chinaDate(new Date());
        const places = await addServicePlaces(db, REGION, city);
        const n = serviceRequests(engine);
        const t3 = performance.now();
        const { byState, counts } = await addServiceRequests(db, REGION, n, new Date());
        const states = Object.entries(byState)
          .map(([s, k]) => `${s} ${k}`)
          .join(', ');
        add(
          `generate ${n} requests over ${places.communities} communities and ${places.grids} grids (insert … select, ${counts} month and day counts, vacuum analyze): ${states}`,
          ms(performance.now() - t3),
        );
        await benchServiceIntake({ base, db, regionId: REGION, report, engine, places, connections: CONNECTIONS, seconds: SECONDS });
        const district = await login(base, SERVICE_ACCOUNTS.district);
        const street = await login(base, SERVICE_ACCOUNTS.street);
        await benchServiceFigures({ base, db, regionId: REGION, report, engine, today, runs: RUNS, budgetMs: TODO_BUDGET_MS }, [
          { label: 'district', session: district, basePath: city.rootPath },
          { label: 'street', session: street, basePath: places.street.path },
        ]);
      }

      // 6. 党费台账: a month's generation vs a bare insert; the year's summary from the kept totals vs live.
      if (PARTS.has('dues')) await benchDues({ db, regionId: REGION, city, report, engine, members: duesMembers(engine), runs: RUNS });
    } finally {
      await server.app.close();
    }
  } finally {
    await h.close();
  }

  // 7. Cold start of the real entry point, fresh then existing database, next to its baseline.
  if (!PARTS.has('start')) return;
  const fresh = await h.fresh();
  try {
    const nodeRuns: number[] = [];
    for (let i = 0; i < 5; i++) nodeRuns.push(await nodeStartMs());
    const nodeMs = median(nodeRuns);
    const first = await coldStartMs(fresh.env);
    const again = await coldStartMs(fresh.env);
    add('cold start to healthy, fresh database (migrate + admin)', ms(first), `${ms(nodeMs)} node -e ""`, times(first, nodeMs));
    add('cold start to healthy, existing database', ms(again), `${ms(nodeMs)} node -e ""`, times(again, nodeMs));
    raw[`${engine}.coldStart`] = { freshMs: first, existingMs: again, nodeMs };
  } finally {
    await fresh.cleanup();
  }
}

for (const engine of engineList(values.engines)) await benchEngine(engine);
report.finish(`Jiceng bench — ${TOTAL} orgs`, {
  total: TOTAL,
  runs: RUNS,
  seconds: SECONDS,
  connections: CONNECTIONS,
  todoMembers: TODO_MEMBERS,
  serviceRequests: values['service-requests'] ?? 'per engine',
  duesMembers: values['dues-members'] ?? 'per engine',
});
