/**
 * `npm run bench:members [-- --orgs 20000 --pglite-orgs 20000 --roster 100000 --members 1000000
 *  --pglite-members 1000000 --stall-rows 30000 --runs 50 --budget 15 --engines postgres,pglite
 *  --parts import,list,stall]`
 *
 * For each engine, on a synthetic city (bench/city.ts) with the real server running in-process:
 *   1. Import throughput: a roster of `--roster` generated people (bench/roster.ts) as .xlsx files of
 *      at most IMPORT_MAX_ROWS rows (the import's limit per file), each through
 *      POST /api/members/import and polled to 完成, one after the other, vs COPY of the same people (checked, encrypted,
 *      hashed and masked by the member module's own functions) into `member` and
 *      `member_status_event`, in the same database in the same run: COPY before and after the API
 *      import, averaged, each load starting from an emptied table (DELETE + VACUUM FULL).
 *   2. List/search at `--members` members (bench/member-gen.ts, COPY in batches): GET /api/members
 *      with each filter, as the administrator (whole region) and as a street account, p50/p95 of
 *      up to `--runs` requests (at most `--budget` seconds each) vs the repository's SQL for the
 *      same filter sent straight to the database, run alternately.
 *   3. Stall (bench/member-stall.ts): GET /api/members of one branch every 20 ms while one import of
 *      `--stall-rows` rows runs on top of those members, max and p95, vs the same GET with no import.
 * `--parts` picks some of them (the list and stall parts generate the members either way);
 * `--pglite-orgs` gives PGlite a city of its own size (a street-sized deployment).
 * Figures are never asserted; the table ends with the load average (the machine is shared).
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { IMPORT_MAX_ROWS, type MemberListQuery } from '@jiceng/contracts';
import { hashPassword } from '../apps/server/src/modules/account/index.ts';
import { chinaDate } from '../apps/server/src/platform/clock.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { createFieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import type { Actor } from '../apps/server/src/platform/http/actor.ts';
import { createServer } from '../apps/server/src/server.ts';
import { createRandom } from '../apps/server/seeds/random.ts';
import { seedRepository } from '../apps/server/seeds/seed.repository.ts';
import { BENCH_ADMIN, generateCity, planCity, type City } from './city.ts';
import { openCopier } from './copy.ts';
import { engineList, login, open, type Engine } from './engines.ts';
import { generateMembers, type Sample } from './member-gen.ts';
import { copyRoster, importThroughApi, memberCount, resetMembers } from './member-import.ts';
import { benchList, type ListCase } from './member-queries.ts';
import { benchStall, outsideGenerated } from './member-stall.ts';
import { createReport, ms, times } from './report.ts';
import { createPeople, rosterXlsx, type Person } from './roster.ts';

const { values } = parseArgs({
  options: {
    orgs: { type: 'string', default: '20000' },
    'pglite-orgs': { type: 'string' },
    roster: { type: 'string', default: '100000' },
    members: { type: 'string', default: '1000000' },
    'pglite-members': { type: 'string' },
    runs: { type: 'string', default: '50' },
    budget: { type: 'string', default: '15' },
    engines: { type: 'string', default: 'postgres,pglite' },
    'stall-rows': { type: 'string', default: '30000' },
    parts: { type: 'string', default: 'import,list,stall' },
  },
});
const ORGS = { postgres: Number(values.orgs), pglite: Number(values['pglite-orgs'] ?? values.orgs) };
const STALL_ROWS = Number(values['stall-rows']);
const PARTS = new Set(values.parts.split(',').map((p) => p.trim()));
for (const p of PARTS) if (!['import', 'list', 'stall'].includes(p)) throw new Error(`unknown part ${p}`);
const ROSTER = Number(values.roster);
const MEMBERS = { postgres: Number(values.members), pglite: Number(values['pglite-members'] ?? values.members) };
const RUNS = Number(values.runs);
const BUDGET_MS = Number(values.budget) * 1000;
const REGION = '320102';
const STREET_ACCOUNT = { username: 'street', password: BENCH_ADMIN.password };
const report = createReport('members');
const today = chinaDate(new Date());
const started = performance.now();
const say = (s: string) => console.log(`  [${ms(performance.now() - started)}] ${s}`);
const perSecond = (n: number, msTaken: number) => `${Math.round(n / (msTaken / 1000))} rows/s`;

/** A roster of `n` people spread over the city's uniquely named 党支部 (names are deterministic for a city size). */
function buildRoster(orgs: number, n: number, seed = 11): { person: Person; branchName: string }[] {
  const counts = new Map<string, number>();
  for (const o of planCity(orgs, today).orgs) if (o.type === 'branch') counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
  const branches = [...counts].filter(([, k]) => k === 1).map(([name]) => name);
  const rng = createRandom(seed);
  const person = createPeople(rng, today);
  return Array.from({ length: n }, () => ({ person: person(), branchName: rng.pick(branches) }));
}

/** The roster as .xlsx files of at most IMPORT_MAX_ROWS rows (the import's limit per file), as a user would split it. */
async function rosterFiles(roster: { person: Person; branchName: string }[]): Promise<Buffer[]> {
  const files: Buffer[] = [];
  for (let k = 0; k < roster.length; k += IMPORT_MAX_ROWS) files.push(await rosterXlsx(roster.slice(k, k + IMPORT_MAX_ROWS)));
  return files;
}

async function orgRows(db: Database, where: string, values: unknown[]): Promise<{ id: string; name: string; path: string }[]> {
  return (await db.raw(`select id::text as id, name, path::text as path from org where region_id = $1 and ${where}`, [REGION, ...values])).rows as {
    id: string;
    name: string;
    path: string;
  }[];
}

/** The child of `parentId` with the largest subtree (by organizations: members are spread evenly over branches). */
async function widestChild(db: Database, parentId: string): Promise<{ id: string; name: string; path: string }> {
  const [r] = (
    await db.raw(
      `select c.id::text as id, c.name, c.path::text as path, (select count(*) from org o where o.region_id = c.region_id and o.path <@ c.path) as n
         from org c where c.region_id = $1 and c.parent_id = $2 order by n desc limit 1`,
      [REGION, parentId],
    )
  ).rows as { id: string; name: string; path: string }[];
  return r!;
}

/** The list queries of one account, with search terms taken from members inside its scope. */
function listCases(scopePath: string, sub: { id: string; path: string }, samples: (Sample & { path: string })[]): ListCase[] {
  const inScope = samples.filter((s) => s.path === scopePath || s.path.startsWith(`${scopePath}.`));
  const three = inScope.find((s) => [...s.name].length === 3)!;
  const other = inScope.filter((s) => s !== three);
  const q = (label: string, query: MemberListQuery, path = scopePath): ListCase => ({ label, query, scopePath: path });
  return [
    q('first page', {}),
    q(`q=${[...three.name].slice(0, 2).join('')} (2 chars)`, { q: [...three.name].slice(0, 2).join('') }),
    q(`q=${three.name} (full name)`, { q: three.name }),
    q('idNumber=<exact>', { idNumber: other[0]!.idNumber }),
    q('phone=<exact>', { phone: other[1]!.phone }),
    q('ageMin=30&ageMax=35', { ageMin: 30, ageMax: 35 }),
    q('orgId=<widest child>', { orgId: sub.id }, sub.path),
  ];
}

async function benchEngine(engine: Engine): Promise<void> {
  const add = (measure: string, value: string, baseline = '', ratio = '') => report.add(engine, measure, value, baseline, ratio);
  console.log(`[${engine}]`);
  const h = await open(engine);
  const { db } = h;
  const copier = await openCopier(h);
  try {
    await migrate(db);
    const city: City = await generateCity(db, { total: ORGS[engine], regionId: REGION, today });
    const street = await widestChild(db, city.rootId);
    const passwordHash = await hashPassword(STREET_ACCOUNT.password);
    await seedRepository.insertAccounts(db, REGION, [
      { id: newId(), username: STREET_ACCOUNT.username, displayName: '压测街道账号', role: 'street', orgId: street.id, passwordHash },
    ]);
    say(`city of ${city.total} organizations; street account on ${street.name}`);

    const fieldKey = crypto.randomBytes(32).toString('base64');
    const fieldCrypto = createFieldCrypto(fieldKey);
    const config = loadConfig({ LOG_LEVEL: 'silent', JICENG_JOBS: 'false', DATA_DIR: h.dataDir, WEB_DIST: '/nonexistent', REGION_ID: REGION }, []);
    const server = await createServer({ config, db, fieldKey });
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const admin = await login(base, BENCH_ADMIN);
      const [adminRow] = (
        await db.raw(`select id::text as id, display_name as name from account where region_id = $1 and username = $2`, [REGION, BENCH_ADMIN.username])
      ).rows as { id: string; name: string }[];

      const branchIds = new Map((await orgRows(db, `type = 'branch'`, [])).map((o) => [o.name, o.id]));
      const copyOpts = { regionId: REGION, crypto: fieldCrypto, today, actor: adminRow! };
      // 1. Roster import through the API vs COPY of the same rows, COPY before and after.
      if (PARTS.has('import')) {
        const roster = buildRoster(ORGS[engine], ROSTER);
        const files = await rosterFiles(roster);
        say(`roster of ${ROSTER} rows in ${files.length} files`);
        const rows = roster.map((r) => ({ person: r.person, orgId: branchIds.get(r.branchName)! }));
        const bytes = files.reduce((n, f) => n + f.length, 0);
        const copy1 = await copyRoster(copier, copyOpts, rows);
        await resetMembers(db);
        say(`COPY ${ROSTER}: ${ms(copy1.ms)}`);
        const api = await importThroughApi(base, admin, files);
        if ((await memberCount(db)) !== ROSTER || api.created !== ROSTER) throw new Error(`the import created ${api.created} members`);
        await resetMembers(db);
        say(
          `API import ${ROSTER}: ${ms(api.ms)} (phases first seen at ${JSON.stringify(api.phases.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Math.round(v)]))))})`,
        );
        const copy2 = await copyRoster(copier, copyOpts, rows);
        await resetMembers(db);
        const copyMs = (copy1.ms + copy2.ms) / 2;
        const copyOnly = (copy1.copyMs + copy2.copyMs) / 2;
        add(
          `import ${ROSTER} rows (${files.length} .xlsx of ≤ ${IMPORT_MAX_ROWS}, ${(bytes / 1048576).toFixed(1)} MB), upload to 完成`,
          `${perSecond(ROSTER, api.ms)} (${ms(api.ms)})`,
          `${perSecond(ROSTER, copyMs)} check+encrypt+COPY (${ms(copyMs)}; COPY alone ${ms(copyOnly)})`,
          times(api.ms, copyMs),
        );
        report.raw[`${engine}.import`] = { rows: ROSTER, files: files.length, bytes, apiMs: api.ms, phases: api.phases, copy: [copy1, copy2] };
      }
      if (!PARTS.has('list') && !PARTS.has('stall')) return;

      // 2. List and search at MEMBERS[engine] members.
      const total = MEMBERS[engine];
      const t0 = performance.now();
      const branches = [...branchIds.values()];
      const samples = await generateMembers(db, copier, {
        regionId: REGION,
        total,
        today,
        crypto: fieldCrypto,
        branchIds: branches,
        onBatch: (n) => (n % 200_000 === 0 || n === total) && say(`${n} members`),
      });
      await db.script('analyze');
      const genMs = performance.now() - t0;
      add(`generate ${total} members over ${branches.length} branches (COPY in batches + analyze)`, `${perSecond(total, genMs)} (${ms(genMs)})`);
      report.raw[`${engine}.generate`] = { members: total, ms: genMs };

      const paths = new Map((await orgRows(db, `id = any($2::uuid[])`, [samples.map((s) => s.orgId)])).map((o) => [o.id, o.path]));
      const located = samples.map((s) => ({ ...s, path: paths.get(s.orgId)! }));
      const streetSession = await login(base, STREET_ACCOUNT);
      const ctx = { base, db, regionId: REGION, crypto: fieldCrypto, today, report, engine, runs: RUNS, budgetMs: BUDGET_MS };
      const accounts = [
        { label: 'admin', cookie: admin.cookie, scopePath: city.rootPath, sub: street },
        { label: 'street', cookie: streetSession.cookie, scopePath: street.path, sub: await widestChild(db, street.id) },
      ];
      if (PARTS.has('list')) {
        for (const a of accounts) {
          for (const c of listCases(a.scopePath, a.sub, located)) await benchList(ctx, a, c);
        }
      }

      // 3. A cheap GET while one large import writes on top of those members.
      if (PARTS.has('stall')) {
        const stallRoster = buildRoster(ORGS[engine], STALL_ROWS, 13).map((r) => ({ ...r, person: outsideGenerated(r.person) }));
        const [stallFile] = await rosterFiles(stallRoster);
        const importer = server.modules.member.importer;
        const phaseOf = async (jobId: string) => (await importer.job({ id: adminRow!.id } as Actor, jobId)).phase;
        await benchStall({ base, engine, report }, admin, stallFile!, STALL_ROWS, phaseOf, `/api/members?orgId=${branches[0]}&pageSize=1`);
      }
    } finally {
      await server.app.close();
    }
  } finally {
    await copier.close();
    await h.close();
  }
}

if (STALL_ROWS > IMPORT_MAX_ROWS) throw new Error(`--stall-rows is one file: at most ${IMPORT_MAX_ROWS}`);
for (const engine of engineList(values.engines)) await benchEngine(engine);
report.finish(
  `Jiceng member bench — ${ORGS.postgres} / ${ORGS.pglite} orgs, roster ${ROSTER}, members ${MEMBERS.postgres} / ${MEMBERS.pglite}, stall import ${STALL_ROWS} (PostgreSQL / PGlite; parts ${[...PARTS].join(',')})`,
  {
    orgs: ORGS,
    roster: ROSTER,
    members: MEMBERS,
    runs: RUNS,
    budgetMs: BUDGET_MS,
  },
);
