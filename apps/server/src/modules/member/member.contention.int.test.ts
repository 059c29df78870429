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
});
