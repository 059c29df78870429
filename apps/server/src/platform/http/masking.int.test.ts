import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, type Permission } from '@jiceng/contracts';
import { maskIdNumber } from '../crypto/mask.ts';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import { flattenCell } from '../xlsx/cells.ts';
import { ANSWER_ENGINES, login, startTestServer, type Client, type Response, type TestServer } from '../../test/harness.ts';
import { buildWorld, fillParams, paramKind, RECORD_KINDS, type World, type WorldAccount, type WorldPerson } from '../../test/world.ts';
import { openXlsx } from '../../test/xlsx.ts';

/**
 * No masked answer may let its reader rebuild a full 身份证号: the walk calls every registered GET
 * route (found through the onRoute hook, so routes added later are walked too), with every record of
 * the world for its parameters and the query variants its OpenAPI description allows, as every
 * account that lacks personal:unmask but may call it, and reads JSON, .xlsx and HTML answers as text.
 * No answer may contain a person's full number, their birth digits (YYYYMMDD), their birth date in
 * any written form, or an ID-number mask that shows more than 4 characters or any of positions 7–14.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** 18 characters of digits, X and `*` with at least one `*`: an ID-number mask. */
const MASK_TOKEN = /(?<![0-9A-Za-z*])(?=[0-9Xx*]{18}(?![0-9A-Za-z*]))(?=[0-9Xx]*\*)[0-9Xx*]{18}/g;
/** A mask keeps at most the first 2 and last 2 characters. */
const MASK_SHOWN_MAX = 4;

/**
 * GET routes that no account without personal:unmask gets a 200 from, although its permission
 * would let it call them, with the reason. Every other such route must answer 200 at least once,
 * so the walk is known to have read real answers and not only refusals.
 */
const NEVER_OK: Record<string, string> = {};

type Doc = { paths?: Record<string, Record<string, { parameters?: Param[] }>> };
type Param = { in: string; name: string; required?: boolean; schema?: ParamSchema };
type ParamSchema = { type?: string; enum?: unknown[]; maximum?: number; minimum?: number; default?: unknown; anyOf?: ParamSchema[] };

/** Values worth trying for one query parameter (none: leave it out). */
function valuesOf(p: Param, world: World): string[] {
  const s = p.schema?.anyOf?.find((x) => x.type !== 'null') ?? p.schema ?? {};
  if (s.enum) return s.enum.map(String);
  if (s.type === 'boolean') return ['true'];
  if (/year/i.test(p.name)) return world.years.map(String);
  if (/Id$/.test(p.name)) {
    const kind = paramKind(`/${p.name.replace(/Id$/, '').replace(/^community$/, 'org')}s`);
    return kind ? world.ids[kind] : [];
  }
  if (p.name === 'q') return [world.people[1]!.name];
  if (p.required) return [String(s.default ?? s.minimum ?? world.people[1]!.name)];
  return [];
}

/**
 * Query strings for a route: its required parameters in every combination, the page size at its
 * largest (lists show everyone), then each optional parameter with each of its values on top.
 */
function queryVariants(doc: Doc, url: string, world: World): string[] {
  const params = (doc.paths?.[url.replace(/:(\w+)/g, '{$1}')]?.get?.parameters ?? []).filter((p) => p.in === 'query');
  const base: [string, string][] = [];
  const size = params.find((p) => p.name === 'pageSize');
  if (size) base.push(['pageSize', String(size.schema?.maximum ?? 200)]);
  let required: [string, string][][] = [base];
  for (const p of params.filter((x) => x.required)) required = required.flatMap((q) => valuesOf(p, world).map((v) => [...q, [p.name, v] as [string, string]]));
  const optional = params
    .filter((p) => !p.required && p.name !== 'page' && p.name !== 'pageSize')
    .flatMap((p) => valuesOf(p, world).map((v) => [...required[0]!, [p.name, v] as [string, string]]));
  return [...required, ...optional].map((q) => (q.length ? `?${new URLSearchParams(q).toString()}` : ''));
}

/** Every string and number of a JSON answer, keys included. */
function jsonLeaves(v: unknown, out: string[] = []): string[] {
  if (v === null || v === undefined) return out;
  if (typeof v !== 'object') out.push(String(v));
  else if (Array.isArray(v)) for (const x of v) jsonLeaves(x, out);
  else
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      jsonLeaves(x, out);
    }
  return out;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** An answer as text: JSON leaves, every cell of every sheet (dates as YYYY-MM-DD and as shown), HTML with entities decoded. Null for images. */
async function answerText(res: Response): Promise<string | null> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('json')) return jsonLeaves(JSON.parse(res.raw.toString('utf8'))).join('\n');
  if (type.includes('spreadsheetml')) {
    const wb = await openXlsx(res.raw);
    const cells: string[] = [];
    wb.eachSheet((ws) => {
      cells.push(ws.name);
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = flattenCell(cell.value);
          cells.push(v instanceof Date ? isoDay(v) : String(v ?? ''), cell.text);
        }),
      );
    });
    return cells.join('\n');
  }
  if (type.startsWith('text/')) return res.raw.toString('utf8').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
  return null;
}

/** The birth date written as YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD or YYYY年M月D日, padded or not, spaced or not. */
function birthDatePattern(birth: string): RegExp {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  return new RegExp(`(?<!\\d)${y}\\s*[-/.年]\\s*0?${m}\\s*[-/.月]\\s*0?${d}(?!\\d)`);
}

/** What of `people` the text gives away, and any mask that shows too much. */
function leaks(text: string, people: readonly WorldPerson[]): string[] {
  const flat = text.replace(UUID, ' ');
  const upper = flat.toUpperCase();
  const found: string[] = [];
  for (const p of people) {
    if (upper.includes(p.idNumber.toUpperCase())) found.push(`${p.key}: full ID number ${p.idNumber}`);
    if (flat.includes(p.birthDate.replaceAll('-', ''))) found.push(`${p.key}: birth digits ${p.birthDate.replaceAll('-', '')}`);
    const date = birthDatePattern(p.birthDate).exec(flat);
    if (date) found.push(`${p.key}: birth date "${date[0]}"`);
  }
  for (const [token] of flat.matchAll(MASK_TOKEN)) {
    const shown = [...token].filter((c) => c !== '*').length;
    if (shown > MASK_SHOWN_MAX || /[^*]/.test(token.slice(6, 14))) found.push(`mask ${token} shows too much`);
  }
  return found;
}

const mayUnmask = (a: WorldAccount) => rolePermissions[a.role].includes('personal:unmask');

describe.each(ANSWER_ENGINES)('masked answers give no full ID number away (%s)', (engine) => {
  let server: TestServer;
  let world: World;

  beforeAll(async () => {
    server = await startTestServer(engine);
    world = await buildWorld(server);
  });
  afterAll(() => server.close());

  it('builds a world with records of every kind and accounts without personal:unmask', () => {
    for (const kind of RECORD_KINDS) expect(world.ids[kind].length, kind).toBeGreaterThan(0);
    expect(world.accounts.length).toBeGreaterThan(3);
    expect(world.accounts.filter(mayUnmask)).toEqual([]);
    expect(fillParams('/api/members/:id/details/:detailId', world)).toHaveLength(world.ids.member.length * world.ids.memberDetail.length);
    expect(fillParams('/api/report-ins/members/:id/cancel', world)).toEqual(world.ids.memberReport.map((id) => `/api/report-ins/members/${id}/cancel`));
    expect(fillParams('/api/things/:id', world).length).toBeGreaterThan(world.ids.member.length);
  });

  it('finds what it looks for in answers that may show it (the checks are not blind)', async () => {
    const self = world.accounts.find((a) => a.memberId)!;
    const me = await login(server, self.username, self.password);
    const own = await me.get('/api/me/member');
    expect(leaks((await answerText(own))!, world.people).some((l) => l.includes('full ID number'))).toBe(true);
    const sec = await login(server, 'secA1a');
    const full = await sec.get(`/api/members/export?unmask=true&includeLeft=true`);
    const found = leaks((await answerText(full))!, world.people);
    expect(found.some((l) => l.includes('birth date'))).toBe(true);
    expect(leaks('3201**********7489 1961-1-2 1961年01月02日 1961 年 1 月 2 日', [{ ...world.people[0]!, birthDate: '1961-01-02' }])).toEqual([
      'self: birth date "1961-1-2"',
      'mask 3201**********7489 shows too much',
    ]);
    expect(leaks('32**************89 1961-01-20 19610102', [{ ...world.people[0]!, birthDate: '1961-01-02' }])).toEqual(['self: birth digits 19610102']);
  });

  it('walks every GET route as every account without personal:unmask and finds nothing to rebuild an ID number from', { timeout: 600_000 }, async () => {
    const doc = server.app.swagger() as Doc;
    const routes = server.app.registeredRoutes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    /** Which route failed for which account (the details follow in `failures`). */
    const failed = new Set<string>();
    const answered = new Map<string, Set<number>>();
    let read = 0;
    for (const account of world.accounts) {
      const c: Client = await login(server, account.username, account.password);
      const held = new Set<string>(rolePermissions[account.role]);
      // a 党员 account sees its own record in full (its own data, docs/adr/0004)
      const others = world.people.filter((p) => p.memberId !== account.memberId);
      for (const route of routes) {
        if (route.access !== 'public' && route.access !== 'authenticated' && !held.has(route.access as Permission)) continue;
        const key = `GET ${route.url}`;
        const statuses = answered.get(key) ?? new Set<number>();
        answered.set(key, statuses);
        for (const url of fillParams(route.url, world)) {
          for (const query of queryVariants(doc, route.url, world)) {
            const res = await c.get(url + query);
            statuses.add(res.status);
            const who = `${account.username} (${account.role})`;
            if (res.status >= 500) {
              failures.push(`${who} GET ${url}${query}: ${res.status}`);
              failed.add(`${key} as ${who}`);
            }
            if (res.status !== 200) continue;
            const text = await answerText(res);
            if (text === null) continue;
            read++;
            for (const leak of leaks(text, others)) {
              failures.push(`${who} GET ${url}${query}: ${leak}`);
              failed.add(`${key} as ${who}`);
            }
          }
        }
      }
    }
    expect(failures, `routes and accounts that failed:\n${[...failed].join('\n')}\nfirst answers:\n${failures.slice(0, 30).join('\n')}`).toEqual([]);
    const neverOk = [...answered].filter(([key, s]) => !s.has(200) && !(key in NEVER_OK)).map(([key, s]) => `${key} (${[...s].join(', ')})`);
    expect(neverOk, 'routes that never answered 200 to an account without personal:unmask').toEqual([]);
    expect(read).toBeGreaterThan(500);
  });

  it('prints the introduction letter with the full ID number only for personal:unmask, and audits that read', async () => {
    const letter = world.people.find((p) => p.key === 'letterPending')!;
    const { id } = (await server.db.one<{ id: string }>(sql`select id from transfer where member_id = ${letter.memberId} and kind = 'letter_out'`))!;
    const audits = async () =>
      (await server.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.unmask' and entity_id = ${letter.memberId}`))!
        .n;
    const before = await audits();
    const sup = await login(server, 'supA');
    const masked = await sup.get<string>(`/api/transfers/${id}/letter`);
    expect(masked.status).toBe(200);
    expect(masked.body).not.toContain(letter.idNumber);
    expect(masked.body).toContain(maskIdNumber(letter.idNumber));
    expect(await audits()).toBe(before);
    const sec = await login(server, 'secA1a');
    const full = await sec.get<string>(`/api/transfers/${id}/letter`);
    expect(full.body).toContain(letter.idNumber);
    expect(await audits()).toBe(before + 1);
  });

  it('migration 0014 rewrites every stored mask of the old form into the new one', async () => {
    const old = (id: string) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
    const file = fs.readFileSync(path.join(MIGRATIONS_DIR, '0014_id_mask_no_birth.sql'), 'utf8');
    const tables = [
      { table: 'member', column: 'id_number_masked', key: 'id' },
      { table: 'transfer', column: 'member_id_number_masked', key: 'member_id' },
      { table: 'floating_member', column: 'member_id_number_masked', key: 'member_id' },
    ];
    const stored = async () => {
      const out: string[] = [];
      for (const { table, column, key } of tables) {
        for (const p of world.people) {
          for (const r of await server.db.rows<{ m: string }>(sql`select ${sql.raw(column)} as m from ${sql.raw(table)} where ${sql.raw(key)} = ${p.memberId}`))
            out.push(`${table} ${p.key} ${r.m === maskIdNumber(p.idNumber) ? 'new' : r.m}`);
        }
      }
      return out;
    };
    const now = await stored();
    expect(now.length).toBeGreaterThan(world.people.length + 10);
    expect(now.filter((s) => !s.endsWith(' new'))).toEqual([]);
    // put the old masks back, as rows written before the change hold them
    for (const { table, column, key } of tables) {
      for (const p of world.people)
        await server.db.run(sql`update ${sql.raw(table)} set ${sql.raw(column)} = ${old(p.idNumber)} where ${sql.raw(key)} = ${p.memberId}`);
    }
    expect((await stored()).filter((s) => s.endsWith(' new'))).toEqual([]);
    await server.db.script(file);
    expect(await stored()).toEqual(now);
    await server.db.script(file);
    expect(await stored()).toEqual(now);
  });
});
