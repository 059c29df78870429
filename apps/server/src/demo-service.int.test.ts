import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_STATE_IDS, type ServiceFigures, type ServiceRequest, type TodoPage } from '@jiceng/contracts';
import { ENGINES, lastResidentCode, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_PASSWORD } from '../seeds/demo-accounts.ts';
import { DEMO_RESIDENT } from '../seeds/demo-service.ts';

type List = { items: ServiceRequest[]; total: number };

describe.each(ENGINES)('demo service requests (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  });
  afterAll(() => server.close());

  it('holds requests in every state in the demo community, some overdue, one paused, and a year of closed ones everywhere', async () => {
    const shequ = await login(server, 'shequ', DEMO_PASSWORD);
    const all = (await shequ.get<List>('/api/service/requests?pageSize=200')).body;
    expect(new Set(all.items.map((r) => r.state))).toEqual(new Set(SERVICE_STATE_IDS));
    expect(all.items.some((r) => r.clock?.status === 'overdue')).toBe(true);
    expect(all.items.some((r) => r.clock?.status === 'paused')).toBe(true);
    expect(all.items.some((r) => r.autoClosed)).toBe(true);
    expect(all.items.some((r) => r.reopenCount > 0 && r.rating === 'satisfied')).toBe(true);
    expect(all.items.some((r) => r.level === 'street')).toBe(true);
    const overdue = (await shequ.get<List>('/api/service/requests?clock=overdue')).body;
    expect(overdue.total).toBeGreaterThan(0);
    const r = await server.db.one<{ communities: number; months: number }>(sql`select count(distinct community_id)::int as communities,
      count(distinct to_char(submitted_at, 'YYYY-MM'))::int as months from service_request`);
    expect(r!.communities).toBeGreaterThan(20);
    expect(r!.months).toBeGreaterThanOrEqual(12);
  });

  it('gives the grid worker an order to take, the desk its to-dos, the district its figures', async () => {
    const wangge = await login(server, 'wangge', DEMO_PASSWORD);
    const orders = (await wangge.get<List>('/api/service/requests?mine=true')).body;
    expect(orders.items.some((o) => o.state === 'dispatched' && o.actions.includes('take'))).toBe(true);
    expect(orders.items.some((o) => o.state === 'in_progress' && o.clock?.status === 'overdue')).toBe(true);
    const shequ = await login(server, 'shequ', DEMO_PASSWORD);
    expect((await shequ.get<TodoPage>('/api/todos?source=service.pending')).body.total).toBeGreaterThan(0);
    expect((await wangge.get<TodoPage>('/api/todos?source=service.orders')).body.total).toBeGreaterThan(0);
    const zuzhibu = await login(server, 'zuzhibu', DEMO_PASSWORD);
    const f = (await zuzhibu.get<ServiceFigures>(`/api/service/figures?from=${server.clock.today().slice(0, 4)}-01-01`)).body;
    expect(f.total.total).toBeGreaterThan(200);
    expect(f.rows.length).toBeGreaterThan(2);
    for (const k of ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate', 'bounceRate', 'reopenRate'] as const) {
      expect(f.total[k], k).toBeGreaterThan(0);
      expect(f.total[k], k).toBeLessThanOrEqual(1);
    }
  });

  it('lets the demo resident log in and see their requests; the sweep runs over the demo without a failure', async () => {
    const sent = await server.app.inject({ method: 'POST', url: '/api/resident/code', payload: { phone: DEMO_RESIDENT.phone } });
    expect(sent.statusCode).toBe(200);
    const code = await lastResidentCode(server);
    const res = await server.app.inject({ method: 'POST', url: '/api/resident/login', payload: { phone: DEMO_RESIDENT.phone, code } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'jc_rid')!.value;
    const mine = await server.app.inject({ method: 'GET', url: '/api/resident/requests', headers: { cookie: `jc_rid=${cookie}` } });
    const items = mine.json<ServiceRequest[]>();
    expect(items.length).toBeGreaterThan(4);
    expect(items.some((i) => i.actions.includes('rate'))).toBe(true);
    const result = await server.modules.service.service.sweep();
    expect(result.failed).toBe(0);
  });
});
