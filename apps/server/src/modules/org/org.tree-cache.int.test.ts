import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org, OrgSummary } from '@jiceng/contracts';
import { changeMarkRepository, COMPACT_AFTER } from '../../platform/cache/change-marks.ts';
import { fixedClock } from '../../platform/clock.ts';
import { buildOrg, ENGINES, login, TEST_TODAY, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { createServer, type Server } from '../../server.ts';

/**
 * Tree levels are kept in server memory while the org generation is unchanged (ADR 0009). A kept
 * level must never outlive a committed write — made here, on another server over the same
 * database, or by SQL outside any module — and must never reach an account outside its scope.
 */
describe.each(ENGINES)('tree levels kept in memory (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let other: Server;
  let otherAdmin: Client;
  let streetB: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    // A second server process over the same database: its own memory, its own kept levels.
    other = await createServer({ config: server.config, db: server.db, fieldKey: crypto.randomBytes(32).toString('base64'), clock: fixedClock(TEST_TODAY) });
    await other.app.ready();
    otherAdmin = await login(other, 'admin');
    streetB = await login(server, 'streetB');
  });
  afterAll(async () => {
    await other.app.close();
    await server.close();
  });

  const level = async (c: Client, parentId: string, includeDissolved = false) => {
    const r = await c.get<OrgSummary[]>(`/api/orgs/tree?parentId=${parentId}${includeDissolved ? '&includeDissolved=true' : ''}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const names = async (c: Client, parentId: string) => (await level(c, parentId)).map((o) => o.name).sort();
  const create = async (c: Client, parentId: string, name: string) => {
    const r = await c.post<Org>('/api/orgs', buildOrg(parentId, { name, type: 'branch', domain: 'community' }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };

  it('answers what the database holds after every kind of write, on this server and on another', async () => {
    const community = t.communityA1;
    const before = await names(t.admin, community);
    expect(await names(otherAdmin, community)).toEqual(before);
    // kept on both servers now; a create on one is seen by both at once
    const made = await create(t.admin, community, '缓存甲社区第三党支部');
    expect(await names(t.admin, community)).toEqual([...before, made.name].sort());
    expect(await names(otherAdmin, community)).toEqual([...before, made.name].sort());
    // a rename on the other server
    const renamed = await otherAdmin.patch<Org>(`/api/orgs/${made.id}`, { name: '缓存甲社区第四党支部', version: made.version });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(await names(t.admin, community)).toContain('缓存甲社区第四党支部');
    // a move away and a dissolve
    expect((await t.admin.post(`/api/orgs/${made.id}/move`, { newParentId: t.communityB1 })).status).toBe(200);
    expect(await names(otherAdmin, community)).toEqual(before);
    expect(await names(otherAdmin, t.communityB1)).toContain('缓存甲社区第四党支部');
    expect((await otherAdmin.post(`/api/orgs/${made.id}/dissolve`)).status).toBe(200);
    expect(await names(t.admin, t.communityB1)).not.toContain('缓存甲社区第四党支部');
    expect((await level(t.admin, t.communityB1, true)).map((o) => o.name)).toContain('缓存甲社区第四党支部');
    // a new term changes the term status the level shows
    const branch = (await level(t.admin, community)).find((o) => o.id === t.branchA1a)!;
    expect(branch.termStatus).toBe('no_term');
    const term = await otherAdmin.post(`/api/orgs/${t.branchA1a}/terms`, { termNo: 1, startDate: '2026-10-01' });
    expect(term.status, JSON.stringify(term.body)).toBe(201);
    expect((await level(t.admin, community)).find((o) => o.id === t.branchA1a)!.termStatus).not.toBe('no_term');
  });

  it('sees writes made by SQL outside any module', async () => {
    const first = await level(otherAdmin, t.streetA);
    await server.db.raw(`update org set name = name || '（改）' where region_id = $1 and parent_id = $2`, [server.regionId, t.streetA]);
    const after = await level(otherAdmin, t.streetA);
    expect(after.map((o) => o.name)).toEqual(first.map((o) => `${o.name}（改）`));
    await server.db.raw(`update org set name = replace(name, '（改）', '') where region_id = $1 and parent_id = $2`, [server.regionId, t.streetA]);
    expect(await level(t.admin, t.streetA)).toEqual(first);
  });

  it('never gives a kept level to an account outside its scope', async () => {
    await level(t.admin, t.communityA1); // kept by the district
    const r = await streetB.get(`/api/orgs/tree?parentId=${t.communityA1}`);
    expect(r.status).toBe(404);
    expect((await streetB.get(`/api/orgs/tree?parentId=${t.communityB1}`)).status).toBe(200);
  });

  it('answers the same bytes from memory as from the query', async () => {
    const a = await t.admin.get(`/api/orgs/tree?parentId=${t.rootId}`);
    const b = await t.admin.get(`/api/orgs/tree?parentId=${t.rootId}`);
    expect(b.raw.equals(a.raw)).toBe(true);
    expect(String(b.headers['content-type'])).toMatch(/^application\/json/);
    // the response schema still decides the fields: nothing of the row beyond the summary
    for (const o of b.body as OrgSummary[]) expect(Object.keys(o).sort()).toEqual(Object.keys((a.body as OrgSummary[])[0]!).sort());
    expect(Object.keys((a.body as OrgSummary[])[0]!)).not.toContain('parentPath');
  });

  it('keeps the generation through compaction, also two at once, and while writes go on', async () => {
    const { regionId, db } = server;
    for (let i = 0; i < COMPACT_AFTER + 5; i++) await db.raw(`update org set name = name where region_id = $1 and id = $2`, [regionId, t.branchB1a]);
    const g0 = (await changeMarkRepository.generations(db, regionId)).org!;
    expect(await changeMarkRepository.markCount(db, regionId, 'org')).toBeGreaterThan(COMPACT_AFTER);
    const writes = Array.from({ length: 6 }, () => () => db.raw(`update org set name = name where region_id = $1 and id = $2`, [regionId, t.branchB1a]));
    await Promise.all([changeMarkRepository.compact(db, regionId, 'org'), changeMarkRepository.compact(db, regionId, 'org'), ...writes.map((w) => w())]);
    expect((await changeMarkRepository.generations(db, regionId)).org).toBe(g0 + 6);
    await changeMarkRepository.compact(db, regionId, 'org');
    expect(await changeMarkRepository.markCount(db, regionId, 'org')).toBe(1);
    expect((await changeMarkRepository.generations(db, regionId)).org).toBe(g0 + 6);
    // a statement that writes no row leaves the generation alone
    await db.raw(`update org set name = name where region_id = $1 and id = $2`, [regionId, crypto.randomUUID()]);
    expect((await changeMarkRepository.generations(db, regionId)).org).toBe(g0 + 6);
  });

  it('compacts on its own as requests go by', async () => {
    const { regionId, db } = server;
    for (let i = 0; i < COMPACT_AFTER * 2; i++) await db.raw(`update org set name = name where region_id = $1 and id = $2`, [regionId, t.branchB1a]);
    const g = (await changeMarkRepository.generations(db, regionId)).org!;
    await level(t.admin, t.rootId);
    await expect.poll(() => changeMarkRepository.markCount(db, regionId, 'org')).toBeLessThan(COMPACT_AFTER);
    expect((await changeMarkRepository.generations(db, regionId)).org).toBe(g);
  });
});
