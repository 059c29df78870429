import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceActionResult, ServiceRequestDetail } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { SERVICE_INTAKE_RULES_2026 } from '@jiceng/rules';
import { ENGINES, movableClock, residentLogin, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { deskRequest, logins, seedServicePlace, step, type ServicePlace } from '../../test/service.ts';

const HOUR = 3600;

/**
 * 群众诉求 steps racing each other (on PostgreSQL on separate connections): exactly one of the
 * competing steps wins, the others get a Chinese 409, and the row, the history and the audit log
 * agree; two sweeps at once still take each due step once.
 */
describe.each(ENGINES)('群众诉求 under contention (%s)', (engine) => {
  let server: TestServer;
  let p: ServicePlace;
  let c: Record<string, Client>;
  const clock = movableClock('2026-11-23T02:00:00Z'); // Monday 10:00 China time

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    p = await seedServicePlace(server);
    c = await logins(server, ['communityA1', 'gridA1', 'gridA2']);
  });
  afterAll(() => server.close());

  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;
  const act = (client: Client, id: string, body: Record<string, unknown>) => client.post<ServiceActionResult>(`/api/service/requests/${id}/actions`, body);
  async function submitted(description: string): Promise<string> {
    const r = await c.communityA1!.post<ServiceRequestDetail>('/api/service/requests', deskRequest(p.gridA1, { description }));
    expect(r.status).toBe(201);
    return r.body.id;
  }
  const row = async (id: string) =>
    (await server.db.one<{ state: string; version: number }>(
      sql`select state, version from service_request where region_id = ${server.regionId} and id = ${id}`,
    ))!;

  it('20 concurrent 受理 and 不予受理 of one request: one wins, once in the history and the audit log', async () => {
    const id = await submitted('小区二号楼楼道灯不亮，晚上看不清台阶');
    const { ok } = await race(20, (i) => act(c.communityA1!, id, i % 2 ? { action: 'accept' } : { action: 'reject', reason: '不属于本社区受理范围' }), {
      successes: 1,
      refusals: ['CONFLICT'],
    });
    const won = (ok[0]!.body as ServiceActionResult).request!;
    expect((await row(id)).state).toBe(won.state);
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${id} and action in ('accept', 'reject')`)).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from audit_log where entity_id = ${id} and action in ('service_request.accept', 'service_request.reject')`),
    ).toBe(1);
  });

  it('12 concurrent 接单 of one order: one wins; then 6 concurrent 退单: one wins, and the order leaves the grid worker', async () => {
    const id = await submitted('小区东门的井盖松动，车压过去响声很大');
    await step(c.communityA1!, id, { action: 'accept' });
    await step(c.communityA1!, id, { action: 'dispatch', assignee: { type: 'grid', orgId: p.gridA1 } });
    await race(12, () => act(c.gridA1!, id, { action: 'take' }), { successes: 1, refusals: ['CONFLICT'] });
    expect((await row(id)).state).toBe('in_progress');
    // a grid worker the order was not dispatched to never takes it (it is not theirs to see)
    expect((await act(c.gridA2!, id, { action: 'take' })).status).toBe(404);
    // after the winning 退单 the order is back at the desk and out of the grid worker's view: 409 or 404
    await race(6, () => act(c.gridA1!, id, { action: 'return', reason: '不在本网格范围' }), { successes: 1, refusals: ['CONFLICT', 'NOT_FOUND'] });
    expect((await row(id)).state).toBe('accepted');
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${id} and action = 'take'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${id} and action = 'return'`)).toBe(1);
  });

  it('办结 of one version 10 times at once: one result is kept, the rest are told the record changed', async () => {
    const id = await submitted('楼顶水箱漏水，顶楼住户天花板渗水');
    await step(c.communityA1!, id, { action: 'accept' });
    await step(c.communityA1!, id, { action: 'dispatch', assignee: { type: 'grid', orgId: p.gridA1 } });
    const taken = await step(c.gridA1!, id, { action: 'take' });
    const { ok } = await race(10, (i) => act(c.gridA1!, id, { action: 'resolve', result: `已联系物业维修水箱，第${i + 1}次填写`, version: taken!.version }), {
      successes: 1,
      refusals: ['CONFLICT'],
    });
    const kept = (ok[0]!.body as ServiceActionResult).request!;
    expect(kept.state).toBe('resolved');
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${id} and action = 'resolve'`)).toBe(1);
    expect((await row(id)).version).toBe(kept.version);
  });

  it('two sweeps at once still urge an overdue request once and escalate it once', async () => {
    const id = await submitted('小区门口占道经营，早上堵得走不了');
    clock.advance(2.1 * HOUR); // the 2-hour 受理 limit has passed: 催办 is due
    await Promise.all([server.modules.service.service.sweep(), server.modules.service.service.sweep()]);
    clock.advance(2 * HOUR); // 2 hours past due: escalation is due
    await Promise.all([server.modules.service.service.sweep(), server.modules.service.service.sweep()]);
    const actions = (await server.db.rows<{ action: string }>(sql`select action from workflow_event where record_id = ${id} order by at, id`)).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === 'escalate')).toHaveLength(1);
    expect(actions.filter((a) => a === 'urge').length).toBeLessThanOrEqual(2); // the reminder before the limit, the 催办 at it
    expect(actions.filter((a) => a === 'urge').length).toBeGreaterThanOrEqual(1);
  });

  it('a resident submitting 14 at once gets exactly the daily 10 (rule service-intake-2026 residentPerDay), the rest a Chinese 429; a day later again', async () => {
    const resident = await residentLogin(server, '13900003333', '李大爷');
    const limit = SERVICE_INTAKE_RULES_2026.residentPerDay;
    const submit = (i: number) =>
      resident.post('/api/resident/requests', {
        kind: 'help',
        categoryCode: 'repair',
        description: `楼道第${i + 1}层的灯不亮了，请帮忙修一下`,
        orgId: p.gridA1,
      });
    const { refused } = await race(limit + 4, submit, { successes: limit, refusals: ['TOO_MANY_ATTEMPTS'] });
    expect(refused.every((r) => r.status === 429)).toBe(true);
    expect((refused[0]!.body as { error: { message: string } }).error.message).toBe(
      `您在24小时内已提交${limit}条诉求，请稍后再提交；紧急情况请直接拨打110或12345热线`,
    );
    expect(await count(sql`select count(*)::int as n from service_request where description like '楼道第%层的灯不亮了%'`)).toBe(limit);
    clock.advance(24 * HOUR + 60);
    expect((await submit(99)).status).toBe(201);
  });
});
