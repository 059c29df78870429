import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org, OrgSummary } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { buildOrg, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { orgRepository } from './org.repository.ts';

/**
 * Each organization's active child count and latest term are stored on its row (migration 0018,
 * ADR 0007) and kept current by the writes that change them: create, move, dissolve, a new term.
 * Each step here is compared with a recount, and the tree route's answers with what it lists.
 */
describe.each(ENGINES)('stored child counts and latest terms (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    streetA = await login(server, 'streetA');
  });
  afterAll(() => server.close());

  const create = async (parentId: string, name: string, type: 'committee' | 'general_branch' | 'branch' = 'branch') => {
    const r = await t.admin.post<Org>('/api/orgs', buildOrg(parentId, { name, type, domain: 'community' }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id;
  };
  const children = async (parentId: string, includeDissolved = false) => {
    const r = await t.admin.get<OrgSummary[]>(`/api/orgs/tree?parentId=${parentId}${includeDissolved ? '&includeDissolved=true' : ''}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const childCount = async (id: string) => (await t.admin.get<Org>(`/api/orgs/${id}`)).body.childCount;

  /** The stored columns equal a recount, and every listed row's count equals its listed children. */
  async function expectCountsRight(parents: string[]): Promise<void> {
    expect(await orgRepository.storedColumnDrift(server.db, server.regionId)).toEqual([]);
    for (const p of parents) {
      const level = await children(p);
      expect(await childCount(p), `count of ${p}`).toBe(level.length);
      for (const row of level) expect(row.childCount, `count of ${row.name}`).toBe((await children(row.id)).length);
    }
  }

  it('equal a rebuild after creates, moves and dissolves', async () => {
    const home = await create(t.streetA, '计数甲社区党委', 'committee');
    const away = await create(t.streetA, '计数乙社区党委', 'committee');
    const general = await create(home, '计数甲社区党总支', 'general_branch');
    const branches: string[] = [];
    for (let i = 1; i <= 4; i++) branches.push(await create(home, `计数甲社区第${i}党支部`));
    await create(general, '计数甲社区党总支第一支部');
    await expectCountsRight([t.streetA, home, away, general]);
    expect(await childCount(home)).toBe(5);

    // a move: one less under the old parent, one more under the new one, the subtree's own counts kept
    expect((await t.admin.post(`/api/orgs/${general}/move`, { newParentId: away })).status).toBe(200);
    expect((await t.admin.post(`/api/orgs/${branches[0]}/move`, { newParentId: away })).status).toBe(200);
    await expectCountsRight([t.streetA, home, away, general]);
    expect([await childCount(home), await childCount(away), await childCount(general)]).toEqual([3, 2, 1]);

    // a dissolve: the parent counts one less; the dissolved row is still listed on request, with 0
    expect((await t.admin.post(`/api/orgs/${branches[1]}/dissolve`)).status).toBe(200);
    await expectCountsRight([home, away]);
    expect(await childCount(home)).toBe(2);
    const all = await children(home, true);
    expect(all.map((o) => [o.id, o.status, o.childCount]).find(([id]) => id === branches[1])).toEqual([branches[1], 'dissolved', 0]);
    expect(all).toHaveLength(3);

    // a dissolved organization moved elsewhere changes no count
    expect((await t.admin.post(`/api/orgs/${branches[1]}/move`, { newParentId: away })).status).toBe(200);
    await expectCountsRight([home, away]);
    expect([await childCount(home), await childCount(away)]).toEqual([2, 2]);

    // refused changes change no count
    expect((await t.admin.post(`/api/orgs/${home}/dissolve`)).status).toBe(409);
    expect((await t.admin.post(`/api/orgs/${away}/move`, { newParentId: general })).status).toBe(400);
    expect((await t.admin.post('/api/orgs', buildOrg(branches[1]!, { name: '撤销组织下的支部' }))).status).toBe(400);
    await expectCountsRight([t.streetA, home, away, general]);

    // the rebuild finds nothing to change
    expect(await server.db.transaction((tx) => orgRepository.rebuildStoredColumns(tx, server.regionId))).toBe(0);
  });

  it('follow the latest term, also when two terms are recorded at once', async () => {
    const branch = await create(t.communityB1, '届次乙一社区党支部');
    const level = async () => (await children(t.communityB1)).find((o) => o.id === branch)!;
    expect(await level()).toMatchObject({ termStatus: 'no_term', termEndDate: null });
    expect((await t.admin.post(`/api/orgs/${branch}/terms`, { termNo: 1, startDate: '2019-06-01' })).status).toBe(201);
    expect(await level()).toMatchObject({ termStatus: 'seriously_overdue', termEndDate: '2024-05-31' });
    expect((await t.admin.post(`/api/orgs/${branch}/terms`, { termNo: 2, startDate: '2024-06-01' })).status).toBe(201);
    // refused (an earlier number): the stored term stays
    expect((await t.admin.post(`/api/orgs/${branch}/terms`, { termNo: 1, startDate: '2025-01-01' })).status).toBe(409);
    expect(await level()).toMatchObject({ termStatus: 'ok', termEndDate: '2029-05-31' });
    expect((await t.admin.get<Org>(`/api/orgs/${branch}`)).body).toMatchObject({ termStatus: 'ok', termEndDate: '2029-05-31' });
    await expectCountsRight([t.communityB1]);

    const other = await create(t.communityB1, '届次乙一社区第二党支部');
    await race(2, (i) => t.admin.post(`/api/orgs/${other}/terms`, { termNo: 5 + i, startDate: '2022-01-01' }), { successes: [1, 2] });
    await expectCountsRight([t.communityB1]);
  });

  it('count each of 12 concurrent creates under one parent, and moves racing them out', async () => {
    const parent = await create(t.streetB, '并发计数社区党委', 'committee');
    const target = await create(t.streetB, '并发计数目标党委', 'committee');
    const first = await create(parent, '并发计数第0党支部');
    await race(12, (i) => t.admin.post('/api/orgs', buildOrg(parent, { name: `并发计数第${i + 1}党支部`, domain: 'community' })), { successes: 12 });
    expect(await childCount(parent)).toBe(13);
    await race(
      4,
      (i) =>
        i
          ? t.admin.post('/api/orgs', buildOrg(parent, { name: `并发计数补${i}党支部`, domain: 'community' }))
          : t.admin.post(`/api/orgs/${first}/move`, { newParentId: target }),
      {
        successes: 4,
      },
    );
    await expectCountsRight([t.streetB, parent, target]);
    expect([await childCount(parent), await childCount(target)]).toEqual([15, 1]);
  });

  it('answers one level in scope, [] for a leaf, 404 for a parent outside scope even when a child is inside', async () => {
    expect((await streetA.get<OrgSummary[]>(`/api/orgs/tree?parentId=${t.branchA1b}`)).body).toEqual([]);
    expect((await streetA.get(`/api/orgs/tree?parentId=${t.communityB1}`)).status).toBe(404);
    expect((await streetA.get('/api/orgs/tree?parentId=01890a5d-ac96-774b-b9aa-7b0a4e9b1d4b')).status).toBe(404);
    // 支部A1a's secretary sees only the own branch, not its siblings through the parent
    const secA1a = await login(server, 'secA1a');
    expect((await secA1a.get(`/api/orgs/tree?parentId=${t.communityA1}`)).status).toBe(404);
    expect((await secA1a.get(`/api/orgs/tree?parentId=${t.branchA1a}`)).status).toBe(200);
  });
});
