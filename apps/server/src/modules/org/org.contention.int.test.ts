import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { race } from '../../test/contention.ts';
import { buildOrg, ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';

/**
 * Structural changes racing each other (an outside run on PostgreSQL: 20 concurrent moves of one
 * 党总支 all answered 200 while 16–17 never happened, and opposite moves made two organizations each
 * other's parent). On PGlite the engine serializes them; on PostgreSQL they truly overlap.
 */
describe.each(ENGINES)('organization moves under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
  });
  afterAll(() => server.close());

  const create = async (parentId: string, name: string, type: 'committee' | 'general_branch' | 'branch') => {
    const r = await t.admin.post<{ id: string }>('/api/orgs', buildOrg(parentId, { name, type, domain: 'community' }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id;
  };
  const label = (id: string) => id.replaceAll('-', '');

  /** Every organization's path agrees with its parent's, and no organization is its own ancestor. */
  async function expectTreeConsistent(): Promise<void> {
    const rows = await server.db.rows<{ id: string; parent_id: string | null; path: string }>(sql`select id, parent_id, path::text as path from org`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      const labels = r.path.split('.');
      expect(labels.at(-1), `path of ${r.id} ends with itself`).toBe(label(r.id));
      expect(new Set(labels).size, `no cycle in ${r.path}`).toBe(labels.length);
      if (r.parent_id) expect(r.path, `${r.id} sits under its parent`).toBe(`${byId.get(r.parent_id)!.path}.${label(r.id)}`);
    }
  }

  /** The org.move audit rows of `id`: each one's parent agrees with its own path. */
  async function moveAudit(id: string) {
    const rows = await server.db.rows<{ after: { parentId: string; path: string }; before: { parentId: string; path: string } }>(
      sql`select before, after from audit_log where action = 'org.move' and entity_id = ${id}`,
    );
    for (const r of rows) {
      expect(r.after.path.split('.').at(-2), 'audit after.parentId matches after.path').toBe(label(r.after.parentId));
      expect(r.before.path.split('.').at(-2), 'audit before.parentId matches before.path').toBe(label(r.before.parentId));
    }
    return rows;
  }

  it('20 concurrent moves of one 党总支 to 20 parents: each 200 is applied and audited truthfully', async () => {
    const home = await create(t.streetA, '原属社区党委', 'committee');
    const x = await create(home, '被调整党总支', 'general_branch');
    await create(x, '被调整党总支第一支部', 'branch');
    await create(x, '被调整党总支第二支部', 'branch');
    const parents: string[] = [];
    for (let i = 0; i < 20; i++) parents.push(await create(i % 2 ? t.streetA : t.streetB, `目标社区党委${i}`, 'committee'));

    const { ok } = await race(20, (i) => t.admin.post(`/api/orgs/${x}/move`, { newParentId: parents[i] }), { successes: [1, 20] });
    await expectTreeConsistent();
    const audit = await moveAudit(x);
    expect(audit.length, 'one audit row per move answered 200').toBe(ok.length);
    // the moves form one chain: each starts where another ended, and the last one is where X is now
    const final = await server.db.one<{ parent_id: string }>(sql`select parent_id from org where id = ${x}`);
    const from = audit.map((a) => a.before.parentId).sort();
    const to = audit.map((a) => a.after.parentId).sort();
    expect([...from.filter((p) => p !== home), final!.parent_id].sort()).toEqual(to);
  });

  it('opposite moves (X under Y while Y under X), 12 rounds: at most one wins, never a cycle', async () => {
    for (let round = 0; round < 12; round++) {
      const x = await create(t.streetA, `对调甲${round}`, 'committee');
      const y = await create(t.streetA, `对调乙${round}`, 'committee');
      await race(2, (i) => t.admin.post(`/api/orgs/${i ? y : x}/move`, { newParentId: i ? x : y }), { successes: 1, refusals: ['VALIDATION', 'CONFLICT'] });
      await moveAudit(x);
      await moveAudit(y);
    }
    await expectTreeConsistent();
  });

  it("a child created while its parent moves lands under the parent's final path", async () => {
    const a = await create(t.streetA, '移动中的社区党委', 'committee');
    const target = await create(t.streetB, '接收社区党委', 'committee');
    const answers = await Promise.all([
      t.admin.post(`/api/orgs/${a}/move`, { newParentId: target }),
      ...Array.from({ length: 5 }, (_, i) => t.admin.post('/api/orgs', buildOrg(a, { name: `移动中新建支部${i}`, type: 'branch', domain: 'community' }))),
    ]);
    expect(answers.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    await expectTreeConsistent();
  });

  it('20 concurrent edits from one version: one saved, 19 told someone else changed it, one audit row', async () => {
    const id = await create(t.communityA1, '被同时编辑的支部', 'branch');
    const read = await t.admin.get<{ version: number }>(`/api/orgs/${id}`);
    expect(read.headers.etag).toBe(`"${read.body.version}"`);
    const { ok, refused } = await race(20, (i) => t.admin.patch(`/api/orgs/${id}`, { shortName: `简称${i}`, version: read.body.version }), {
      successes: 1,
      refusals: ['STALE_VERSION'],
    });
    expect(refused[0]!.body).toMatchObject({ error: { message: expect.stringContaining('已被他人修改') } });
    const audit = await server.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'org.update' and entity_id = ${id}`);
    expect(audit!.n).toBe(1);
    expect((ok[0]!.body as { version: number }).version).toBe(read.body.version + 1);
  });

  it('a write names its version (body or If-Match); none is 428, a stale one 409, an out-of-scope record still 404', async () => {
    const id = await create(t.communityA1, '带版本的支部', 'branch');
    const { version } = (await t.admin.get<{ version: number }>(`/api/orgs/${id}`)).body;
    const none = await t.admin.patch<{ error: { code: string } }>(`/api/orgs/${id}`, { shortName: '无版本' });
    expect([none.status, none.body.error.code]).toEqual([428, 'VERSION_REQUIRED']);
    const viaHeader = await t.admin.request<{ version: number }>('PATCH', `/api/orgs/${id}`, {
      body: { shortName: '头部版本' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.headers.etag).toBe(`"${version + 1}"`);
    const stale = await t.admin.patch<{ error: { code: string } }>(`/api/orgs/${id}`, { shortName: '旧版本', version });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
    const streetB = await import('../../test/harness.ts').then((h) => h.login(server, 'streetB'));
    expect((await streetB.patch(`/api/orgs/${id}`, { shortName: 'x', version: version + 1 })).status).toBe(404);
  });

  it('committee members are versioned too: 10 concurrent edits, one saved', async () => {
    const add = await t.admin.post<{ id: string; version: number }>(`/api/orgs/${t.branchA1a}/committee`, {
      personName: '赵敏',
      post: 'member',
      startDate: '2024-01-01',
    });
    expect(add.body.version).toBe(1);
    await race(
      10,
      (i) => t.admin.put(`/api/orgs/${t.branchA1a}/committee/${add.body.id}`, { personName: `赵敏${i}`, post: 'member', startDate: '2024-01-01', version: 1 }),
      { successes: 1, refusals: ['STALE_VERSION'] },
    );
  });
});
