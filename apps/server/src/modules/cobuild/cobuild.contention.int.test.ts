import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { race } from '../../test/contention.ts';
import { buildOrg, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { act, agencySide, draft } from './cobuild.fixtures.ts';

const BASE = '/api/cobuild/agreements';

/**
 * Two accounts acting on one agreement at once: the row lock and the workflow's conditional update
 * leave exactly one legal outcome — two confirmations by the other side (the community and its
 * street), a confirmation racing the drafter's withdrawal, both sides terminating, two renewals.
 */
describe.each(ENGINES)('结对共建 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let agency: Client;
  let agencyId: string;
  let community: Client;
  let street: Client;
  let n = 0;
  const events = (id: string, action: string) =>
    server.db.one<{ n: number }>(
      sql`select count(*)::int as n from workflow_event where kind = 'cobuild_agreement' and record_id = ${id} and action = ${action}`,
    );
  const state = async (id: string) => (await server.db.one<{ state: string }>(sql`select state from cobuild_agreement where id = ${id}`))!.state;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    const a = await agencySide(server, t);
    [agency, agencyId] = [a.client, a.orgId];
    [community, street] = await Promise.all([login(server, 'communityA1'), login(server, 'streetA')]);
  });
  afterAll(() => server.close());

  /** A fresh pending agreement with a new community of street A. */
  async function pending(): Promise<string> {
    const org = (await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.communityA1, { name: `竞争测试社区${++n}`, type: 'general_branch' }))).body.id;
    const d = await draft(agency, agencyId, org);
    await act(agency, d.id, 'submit');
    return d.id;
  }

  it('two confirmations at once: one signs, the other is told it is already in force', async () => {
    const id = await pending();
    const { refused } = await race(2, (i) => [community, street][i]!.post(`${BASE}/${id}/actions`, { action: 'confirm' }), { successes: 1 });
    expect((refused[0]!.body as { error: { message: string } }).error.message).toMatch(/当前为「生效」/);
    expect(await state(id)).toBe('active');
    expect((await events(id, 'confirm'))!.n).toBe(1);
  });

  it('a confirmation racing the withdrawal: exactly one of them happens', async () => {
    const id = await pending();
    const { ok } = await race(
      2,
      (i) => (i === 0 ? community.post(`${BASE}/${id}/actions`, { action: 'confirm' }) : agency.post(`${BASE}/${id}/actions`, { action: 'withdraw' })),
      { successes: 1 },
    );
    const won = (ok[0]!.body as { state: string }).state;
    expect(['active', 'draft']).toContain(won);
    expect(await state(id)).toBe(won);
    expect((await events(id, 'confirm'))!.n + (await events(id, 'withdraw'))!.n).toBe(1);
  });

  it('both sides terminating at once: one terminates, one reason stands', async () => {
    const id = await pending();
    await act(community, id, 'confirm');
    const { ok } = await race(2, (i) => [agency, community][i]!.post(`${BASE}/${id}/actions`, { action: 'terminate', reason: `终止${i}` }), { successes: 1 });
    const row = (await server.db.one<{ state: string; last_reason: string }>(sql`select state, last_reason from cobuild_agreement where id = ${id}`))!;
    expect(row.state).toBe('terminated');
    expect(row.last_reason).toBe((ok[0]!.body as { lastReason: string }).lastReason);
    expect((await events(id, 'terminate'))!.n).toBe(1);
  });

  it('two renewals at once: one next term', async () => {
    const id = await pending();
    await act(community, id, 'confirm');
    await race(2, (i) => [agency, community][i]!.post(`${BASE}/${id}/renew`, {}), { successes: 1 });
    const next = await server.db.one<{ n: number }>(sql`select count(*)::int as n from cobuild_agreement where renewed_from_id = ${id}`);
    expect(next!.n).toBe(1);
  });
});
