import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { race } from '../../test/contention.ts';
import { buildIdNumber, buildMember, ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';

/** Member records racing each other (an outside run: 20 registrations of one ID number gave 9 × 500). */
describe.each(ENGINES)('member registrations under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
  });
  afterAll(() => server.close());

  it('20 concurrent registrations of one ID number: one record, 19 Chinese 409s, one audit row', async () => {
    const idNumber = buildIdNumber('1979-04-23');
    const { ok } = await race(
      20,
      (i) => t.admin.post<{ id: string }>('/api/members', buildMember(i % 2 ? t.branchA1a : t.branchA1b, { idNumber, name: `同号${i}` })),
      { successes: 1 },
    );
    const created = await server.db.rows<{ id: string }>(sql`select id from member where name like '同号%'`);
    expect(created.map((r) => r.id)).toEqual([(ok[0]!.body as { id: string }).id]);
    const audit = await server.db.one<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'member.create' and entity_id = ${created[0]!.id}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('20 concurrent edits of one member from one version: one saved, 19 STALE_VERSION, one audit row, If-Match honoured', async () => {
    const created = await t.admin.post<{ id: string; version: number }>('/api/members', buildMember(t.branchA1a, { name: '同时编辑' }));
    const id = created.body.id;
    const read = await t.admin.get<{ version: number }>(`/api/members/${id}`);
    expect(read.headers.etag).toBe(`"${read.body.version}"`);
    await race(20, (i) => t.admin.patch(`/api/members/${id}`, { workUnit: `单位${i}`, version: read.body.version }), {
      successes: 1,
      refusals: ['STALE_VERSION'],
    });
    const audit = await server.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'member.update' and entity_id = ${id}`);
    expect(audit!.n).toBe(1);
    const stale = await t.admin.request<{ error: { code: string } }>('PATCH', `/api/members/${id}`, {
      body: { workUnit: '旧' },
      headers: { 'if-match': `"${read.body.version}"` },
    });
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const none = await t.admin.patch<{ error: { code: string } }>(`/api/members/${id}`, { workUnit: '无版本' });
    expect([none.status, none.body.error.code]).toEqual([428, 'VERSION_REQUIRED']);
  });
});
