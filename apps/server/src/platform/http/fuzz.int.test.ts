import { ErrorCode, rolePermissions, type Permission, type Role } from '@jiceng/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { caseUrl, fuzzCases, type FuzzCase } from '../../test/fuzz.ts';
import { upload } from '../../test/xlsx.ts';
import { ANSWER_ENGINES, client, login, residentLogin, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { buildWorld, paramKind, type World } from '../../test/world.ts';
import type { RegisteredRoute } from './app.ts';

/**
 * The permanent guard: every registered route (today's and every future one, found through the
 * onRoute registry, never listed by hand) gets malformed bodies, queries and path parameters built
 * from its own schemas, as an account allowed to call it. No answer may be a 5xx; every 4xx carries a
 * Chinese message and an error code from contracts, and leaves every table as it was (a refusal
 * may add only its own audit row). Cases are sampled per run; FUZZ_SEED=<n> replays a run and
 * FUZZ_RUNS=<n> sets the cases per route.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const CODES = new Set<string>(Object.values(ErrorCode));
const HAN = /\p{Script=Han}/u;
/** Tables a refused request may touch by design: sessions (sliding expiry) and the login throttle. */
const VOLATILE = /^(session|login_throttle.*)$/;
/** Audit rows a refused request writes on purpose: failed logins and audited refusals. */
const REFUSAL_ACTION = /(^auth\.login_failed$|_refused$)/;
/** Routes that would end the acting session if a case happened to be valid. */
const SKIP = new Set(['POST /api/auth/logout']);

interface ErrBody {
  error?: { code?: string; message?: string };
}

describe.each(ANSWER_ENGINES)('fuzz: malformed input on every route (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  const clients = new Map<string, Client>();
  let world: World;
  let anyId: string;

  /** Row counts of every table, and the audit rows that are not refusals. */
  async function fingerprint(): Promise<Record<string, number>> {
    const db = server.db;
    const tables = (
      await db.rows<{ name: string }>(
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      )
    )
      .map((r) => r.name)
      .filter((n) => !VOLATILE.test(n) && n !== 'audit_log');
    const counts = await db.rows<Record<string, number>>(
      sql.raw(
        `select ${tables.map((n) => `(select count(*)::int from "${n}") as "${n}"`).join(', ')}, (select count(*)::int from audit_log where action !~ '${REFUSAL_ACTION.source}') as audit_log`,
      ),
    );
    return counts[0]!;
  }

  /** The tables whose counts differ, with before → after. */
  const changed = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.keys({ ...a, ...b })
        .filter((k) => a[k] !== b[k])
        .map((k) => [k, `${a[k]} → ${b[k]}`]),
    );

  beforeAll(async () => {
    server = await startTestServer(engine);
    world = await buildWorld(server);
    t = world.tree;
    for (const name of ['admin', 'communityA1', 'secA1a', 'supA', 'memberA1a']) clients.set(name, await login(server, name));
    clients.set('resident', await residentLogin(server, '13800009999'));
    // the 驻区单位 account the world made with its unit's report (regional:unit is only that role's)
    const unit = world.accounts.find((a) => a.role === 'resident_unit' && a.username === 'worldUnitRg')!;
    clients.set('worldUnitRg', await login(server, unit.username, unit.password));
    // no case may disable, re-role or reset an account the suite acts as
    const acting = new Set([...clients.values()].map((c) => c.me!.id));
    world.ids.account = world.ids.account.filter((id) => !acting.has(id));
    anyId = t.branchA1a;
  });
  afterAll(() => server.close());

  const roleOf: Record<string, Role> = {
    admin: 'admin',
    communityA1: 'community',
    secA1a: 'secretary',
    supA: 'supervisor',
    memberA1a: 'member',
    worldUnitRg: 'resident_unit',
  };
  /** The first account that may call the route (null: no session, for public routes). */
  const callerFor = (r: RegisteredRoute): Client | null => {
    if (r.access === 'public') return client(server);
    if (r.access === 'authenticated') return clients.get('admin')!;
    if (r.access === 'resident') return clients.get('resident')!;
    for (const [name, role] of Object.entries(roleOf)) if (rolePermissions[role].includes(r.access as Permission)) return clients.get(name)!;
    return null;
  };
  /** Real ids for each path parameter of a route, by the kind of record its path names. */
  const paramsFor = (url: string): Record<string, string[]> => {
    const parts = url.split('/');
    return Object.fromEntries(
      parts.flatMap((part, i) => {
        if (!part.startsWith(':')) return [];
        const kind = paramKind(parts.slice(0, i).join('/'));
        return [[part.slice(1), kind ? world.ids[kind] : [anyId]]];
      }),
    );
  };

  it('covers every API route', () => {
    const routes = server.app.registeredRoutes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => !SKIP.has(`${r.method} ${r.url}`) && !callerFor(r)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it(
    `answers no 5xx, a Chinese 4xx with a contract code, and changes nothing (seed ${SEED}, ${RUNS} cases per route)`,
    async () => {
      const routes = server.app.registeredRoutes.filter(
        (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD' && !r.upload && !SKIP.has(`${r.method} ${r.url}`),
      );
      // the tables as the last answer left them: read again after each case, so a refusal is compared
      // with what was there just before it (a success may change them) at one read per case
      let last = await fingerprint();
      for (const route of routes) {
        const caller = callerFor(route)!;
        const cases = fuzzCases(route, paramsFor(route.url), anyId);
        await fc.assert(
          fc.asyncProperty(cases, async (c: FuzzCase) => {
            const before = last;
            const headers: Record<string, string> = c.contentType ? { 'content-type': c.contentType } : {};
            const init = c.payload !== undefined ? { payload: c.payload, headers } : c.body !== undefined ? { body: c.body, headers } : { headers };
            const res = await caller.request<ErrBody>(route.method, caseUrl(c), init);
            const where = `${route.method} ${route.url} [${c.label}] → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
            last = await fingerprint();
            expect(res.status, where).toBeLessThan(500);
            if (res.status >= 400) {
              expect(CODES.has(res.body.error?.code ?? ''), `${where}: error code from contracts`).toBe(true);
              expect(res.body.error?.message ?? '', `${where}: Chinese message`).toMatch(HAN);
              expect(changed(before, last), `${where}: nothing changed`).toEqual({});
            }
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      }
    },
    RUNS * 50_000,
  );

  it('refuses malformed uploads on every upload route in Chinese and changes nothing', async () => {
    const routes = server.app.registeredRoutes.filter((r) => r.upload);
    expect(routes.length).toBeGreaterThan(0);
    const boundary = '----jiceng-fuzz';
    for (const route of routes) {
      const caller = callerFor(route)!;
      const url = route.url.replace(/:([A-Za-z]+)/g, (_, k: string) => paramsFor(route.url)[k]![0] ?? anyId);
      const sends = [
        { label: 'JSON instead of a file', run: () => caller.request<ErrBody>(route.method, url, { body: { file: 'x' } }) },
        { label: 'plain text', run: () => caller.request<ErrBody>(route.method, url, { payload: 'abc', headers: { 'content-type': 'text/plain' } }) },
        { label: 'garbage named .xlsx', run: () => upload<ErrBody>(caller, url, Buffer.from('PK\u0003\u0004 not really a zip'), 'x.xlsx', route.method) },
        { label: 'empty file', run: () => upload<ErrBody>(caller, url, Buffer.alloc(0), 'x.xlsx', route.method) },
        { label: 'NUL in the file name', run: () => upload<ErrBody>(caller, url, Buffer.from('x'), 'a\u0000.xlsx', route.method) },
        {
          label: 'wrong field name',
          run: () =>
            caller.request<ErrBody>(route.method, url, {
              payload: `--${boundary}\r\nContent-Disposition: form-data; name="other"; filename="x.xlsx"\r\n\r\nabc\r\n--${boundary}--\r\n`,
              headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
            }),
        },
        {
          label: 'truncated multipart',
          run: () =>
            caller.request<ErrBody>(route.method, url, {
              payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\nab`,
              headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
            }),
        },
      ];
      for (const send of sends) {
        const before = await fingerprint();
        const res = await send.run();
        const where = `${route.method} ${route.url} [${send.label}] → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400) {
          expect(CODES.has(res.body.error?.code ?? ''), where).toBe(true);
          expect(res.body.error?.message ?? '', where).toMatch(HAN);
          expect(changed(before, await fingerprint()), `${where}: nothing changed`).toEqual({});
        }
      }
    }
  });

  it('bounds every request schema: numbers have a minimum and maximum, strings a length, arrays a size', () => {
    const problems: string[] = [];
    const walk = (s: unknown, at: string) => {
      if (!s || typeof s !== 'object') return;
      const o = s as Record<string, unknown>;
      const type = [o.type].flat()[0];
      if ((type === 'integer' || type === 'number') && (o.minimum === undefined || o.maximum === undefined) && !o.enum)
        problems.push(`${at}: number without minimum/maximum`);
      if (type === 'string' && o.maxLength === undefined && !o.enum && !o.format && !o.pattern && o.const === undefined)
        problems.push(`${at}: string without maxLength`);
      if (type === 'array' && o.maxItems === undefined) problems.push(`${at}: array without maxItems`);
      for (const [k, v] of Object.entries(o)) {
        if (k === 'properties') for (const [p, ps] of Object.entries(v as object)) walk(ps, `${at}.${p}`);
        else if (k === 'items' || k === 'additionalProperties') walk(v, `${at}[]`);
        else if (k === 'anyOf' || k === 'allOf' || k === 'oneOf') (v as unknown[]).forEach((x) => walk(x, at));
      }
    };
    for (const r of server.app.registeredRoutes) {
      for (const part of ['body', 'querystring', 'params'] as const) walk(r.schema[part], `${r.method} ${r.url} ${part}`);
    }
    expect(problems).toEqual([]);
  });
});
