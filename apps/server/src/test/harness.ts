import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { CSRF_HEADER, idNumberCheckChar, RESIDENT_COOKIE, SESSION_COOKIE, type Me, type MemberInput, type OrgInput, type ResidentMe } from '@jiceng/contracts';
import { loadConfig, type Config } from '../platform/config.ts';
import { fixedClock, type Clock } from '../platform/clock.ts';
import { openPglite, openPostgres, type Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createServer, type Server } from '../server.ts';

/**
 * Integration-test harness: a real server on a freshly migrated database. PGlite (in memory) always;
 * PostgreSQL too when TEST_DATABASE_URL is set, each test file on a database of its own.
 */
export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
/**
 * The one engine of the suites that walk every route as every account and judge only the answers
 * (fuzz, masking): PostgreSQL, the production engine, when TEST_DATABASE_URL is set, else PGlite.
 * Their checks sit in front of the database (validation, presenters); the route-access walk and
 * every module's own tests still run on both.
 */
export const ANSWER_ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['postgres'] : ['pglite'];

export const TEST_TODAY = '2026-11-22T04:00:00Z';
export const PASSWORD = 'Test@2026pw';

let snapshot: Blob | undefined;
/** The migrated PGlite data folder the int run dumped once (`test/int-setup.ts`), read once per worker. */
export function migratedSnapshot(): Blob | undefined {
  const file = process.env.VITEST ? inject('pgliteSnapshot') : undefined;
  if (file && !snapshot) snapshot = new Blob([fs.readFileSync(file)]);
  return snapshot;
}

async function openEngine(engine: Engine): Promise<{ db: Database; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openPglite(null, { loadDataDir: migratedSnapshot() });
    return { db, drop: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `jc_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(base, 1);
  await admin.script(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 5);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.script(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

export interface TestServer extends Server {
  close(): Promise<void>;
  config: Config;
}

/** A test server on a fresh database; `env` adds settings of its own (e.g. `LOGIN_LOCKOUT`). */
export async function startTestServer(engine: Engine, opts: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestServer> {
  const { db, drop } = await openEngine(engine);
  await migrate(db);
  return testServerOn(db, drop, opts);
}

/** A test server on a migrated database; `close` stops it and `drop`s the database. */
export async function testServerOn(
  db: Database,
  drop: () => Promise<void>,
  opts: { clock?: Clock; env?: Record<string, string>; fieldKey?: string } = {},
): Promise<TestServer> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', JICENG_JOBS: 'false', ...opts.env }, []), webDist: '/nonexistent' };
  const fieldKey = opts.fieldKey ?? crypto.randomBytes(32).toString('base64');
  const server = await createServer({ config, db, fieldKey, clock: opts.clock ?? fixedClock(TEST_TODAY) });
  await server.app.ready();
  return {
    ...server,
    config,
    close: async () => {
      await server.app.close();
      await drop();
    },
  };
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  raw: Buffer;
}

/** An HTTP client holding one session (cookie + CSRF token), over `fastify.inject`. */
export interface Client {
  me: Me | null;
  get<T = unknown>(url: string): Promise<Response<T>>;
  post<T = unknown>(url: string, body?: unknown): Promise<Response<T>>;
  patch<T = unknown>(url: string, body?: unknown): Promise<Response<T>>;
  put<T = unknown>(url: string, body?: unknown): Promise<Response<T>>;
  del<T = unknown>(url: string): Promise<Response<T>>;
  /** Sends with explicit headers (e.g. no CSRF token) and an optional raw payload. */
  request<T = unknown>(
    method: string,
    url: string,
    init?: { body?: unknown; headers?: Record<string, string>; payload?: Buffer | string },
  ): Promise<Response<T>>;
}

export function client(server: Server, cookie: string | null = null, me: Pick<Me, 'csrfToken'> | null = null, cookieName = SESSION_COOKIE): Client {
  const request = async <T>(
    method: string,
    url: string,
    init: { body?: unknown; headers?: Record<string, string>; payload?: Buffer | string } = {},
  ): Promise<Response<T>> => {
    const headers: Record<string, string> = {
      ...(cookie ? { cookie: `${cookieName}=${cookie}` } : {}),
      ...(me && method !== 'GET' ? { [CSRF_HEADER]: me.csrfToken } : {}),
      ...init.headers,
    };
    const res = await server.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(init.payload !== undefined ? { payload: init.payload } : init.body !== undefined ? { payload: init.body as object } : {}),
    });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, body: (type.includes('json') ? res.json() : res.body) as T, headers: res.headers, raw: res.rawPayload };
  };
  return {
    me: me as Me | null,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, { body: body ?? {} }),
    patch: (url, body) => request('PATCH', url, { body: body ?? {} }),
    put: (url, body) => request('PUT', url, { body: body ?? {} }),
    del: (url) => request('DELETE', url),
  };
}

/** Logs in and returns a client holding the session. */
export async function login(server: Server, username: string, password = PASSWORD): Promise<Client> {
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((k) => k.name === SESSION_COOKIE);
  return client(server, c!.value, res.json<Me>());
}

/** The newest login code the log sender wrote for a resident (MESSAGE_SENDER=log). */
export async function lastResidentCode(server: Server): Promise<string> {
  const row = await server.db.one<{ text: string }>(
    sql`select text from outbound_message where region_id = ${server.regionId} and kind = 'resident.login_code' order by created_at desc, id desc limit 1`,
  );
  const code = /(\d{6})/.exec(row?.text ?? '')?.[1];
  if (!code) throw new Error('no resident login code was logged');
  return code;
}

/** A resident (群众) logged in on H5 by phone and one-time code; the client holds the resident session. */
export async function residentLogin(server: Server, phone: string, name?: string): Promise<Client & { resident: ResidentMe }> {
  const sent = await server.app.inject({ method: 'POST', url: '/api/resident/code', payload: { phone } });
  if (sent.statusCode !== 200) throw new Error(`resident code ${phone}: ${sent.statusCode} ${sent.body}`);
  const code = await lastResidentCode(server);
  const res = await server.app.inject({ method: 'POST', url: '/api/resident/login', payload: { phone, code, ...(name ? { name } : {}) } });
  if (res.statusCode !== 200) throw new Error(`resident login ${phone}: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((k) => k.name === RESIDENT_COOKIE);
  const resident = res.json<ResidentMe>();
  return { ...client(server, c!.value, resident, RESIDENT_COOKIE), resident };
}

/** A valid organization body; override what the test is about. */
export function buildOrg(parentId: string, over: Partial<OrgInput> = {}): OrgInput {
  return {
    name: `测试党支部${crypto.randomBytes(3).toString('hex')}`,
    type: 'branch',
    domain: 'community',
    parentId,
    formationMode: 'single',
    units: [],
    ...over,
  };
}

let idSeq = 0;
/** A valid 18-digit ID number, unique within the test process; born on `birth` (YYYY-MM-DD). */
export function buildIdNumber(birth = '1985-06-15', male = true): string {
  idSeq += 1;
  const seq = (idSeq * 2 + (male ? 1 : 0)) % 1000;
  const region = 320102 + Math.floor((idSeq * 2) / 1000);
  const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A valid member body for `orgId`; override what the test is about. */
export function buildMember(orgId: string, over: Partial<MemberInput> = {}): MemberInput {
  return {
    name: '张建国',
    idNumber: buildIdNumber(),
    ethnicity: '汉族',
    education: 'bachelor',
    occupation: 'professional',
    workUnit: '南京市某研究所',
    phone: '13912345678',
    address: '南京市玄武区孝陵卫街道中山门大街1号',
    appliedDate: '2008-03-01',
    joinedDate: '2009-07-01',
    status: 'full',
    orgId,
    categories: ['employed'],
    ...over,
  };
}

/**
 * A small district: 区委 → 街道A, 街道B; 街道A → 社区A1 → 支部A1a, 支部A1b; 街道B → 社区B1 → 支部B1a;
 * with an account per level (password PASSWORD) and a 督导员 `supA` on 街道A.
 */
export async function seedTree(server: Server) {
  const orgs = server.modules.org.service;
  const rootId = await orgs.createRoot({ name: '中共测试区委员会', type: 'committee', domain: 'agency' });
  const acct = (username: string, role: string, orgId: string) =>
    server.modules.account.bootstrap({ username, displayName: username, role, orgId, password: PASSWORD, mustChangePassword: false });
  await acct('admin', 'admin', rootId);
  const admin = await login(server, 'admin');
  const mk = async (parentId: string, name: string, type: OrgInput['type'], domain: OrgInput['domain']) => {
    const r = await admin.post<{ id: string }>('/api/orgs', buildOrg(parentId, { name, type, domain }));
    if (r.status !== 201) throw new Error(`seed ${name}: ${JSON.stringify(r.body)}`);
    return r.body.id;
  };
  const streetA = await mk(rootId, '中共甲街道工作委员会', 'working_committee', 'community');
  const streetB = await mk(rootId, '中共乙街道工作委员会', 'working_committee', 'community');
  const communityA1 = await mk(streetA, '中共甲一社区委员会', 'committee', 'community');
  const branchA1a = await mk(communityA1, '甲一社区第一党支部', 'branch', 'community');
  const branchA1b = await mk(communityA1, '甲一社区第二党支部', 'branch', 'community');
  const communityB1 = await mk(streetB, '中共乙一社区委员会', 'committee', 'community');
  const branchB1a = await mk(communityB1, '乙一社区第一党支部', 'branch', 'community');
  await acct('streetA', 'street', streetA);
  await acct('streetB', 'street', streetB);
  await acct('communityA1', 'community', communityA1);
  await acct('secA1a', 'secretary', branchA1a);
  await acct('memberA1a', 'member', branchA1a);
  await acct('supA', 'supervisor', streetA);
  return { rootId, streetA, streetB, communityA1, branchA1a, branchA1b, communityB1, branchB1a, admin };
}
export type SeededTree = Awaited<ReturnType<typeof seedTree>>;

/** A test server with the small district seeded. */
export async function startSeeded(engine: Engine): Promise<{ server: TestServer; t: SeededTree }> {
  const server = await startTestServer(engine);
  return { server, t: await seedTree(server) };
}

/** A clock that stands still until a test moves it (login throttling, lockout). */
export function movableClock(iso = TEST_TODAY): Clock & { advance(seconds: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    today: () => fixedClock(new Date(t).toISOString()).today(),
    advance: (seconds) => void (t += seconds * 1000),
  };
}

/** The password accounts get after their first change (`loginChanged`). */
export const CHANGED_PASSWORD = 'Changed@2026pw';

/**
 * Logs in an account created or reset by an administrator and makes the forced first password
 * change (to CHANGED_PASSWORD), so the client can use every route its role allows.
 */
export async function loginChanged(server: Server, username: string, password = PASSWORD): Promise<Client> {
  const first = await login(server, username, password);
  if (!first.me?.mustChangePassword) return first;
  const res = await first.post('/api/auth/password', { oldPassword: password, newPassword: CHANGED_PASSWORD });
  if (res.status !== 200) throw new Error(`password change ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const me = await first.get<Me>('/api/auth/me');
  return { ...first, me: me.body };
}
