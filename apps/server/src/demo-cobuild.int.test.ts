import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CobuildAgreement, CobuildStats, TodoPage } from '@jiceng/contracts';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_PASSWORD } from '../seeds/demo-accounts.ts';

/** The demo's 结对共建: agreements in every state, 梅花山社区's own, the to-dos and the figures. */
describe.each(ENGINES)('demo 结对共建 (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  }, 240_000);
  afterAll(() => server.close());

  const as = (username: string) => login(server, username, DEMO_PASSWORD);

  it('has agreements in every state, one renewed, with 梅花山社区 and 孝陵街道 on the other side', async () => {
    const all = (await (await as('zuzhibu')).get<{ items: CobuildAgreement[] }>('/api/cobuild/agreements?pageSize=200')).body.items;
    expect(new Set(all.map((a) => a.state))).toEqual(new Set(['draft', 'pending', 'active', 'expired', 'terminated']));
    expect(all.some((a) => a.renewedFromId && a.state === 'active')).toBe(true);
    expect(all.some((a) => a.expiring)).toBe(true);
    expect(new Set(all.map((a) => a.partnerKind))).toEqual(new Set(['village', 'community', 'enterprise']));
    const mine = (await (await as('shequ')).get<{ items: CobuildAgreement[] }>('/api/cobuild/agreements')).body.items;
    expect(mine.map((a) => a.orgB.name)).toEqual(['中共梅花山社区委员会', '中共梅花山社区委员会']);
    const main = mine.find((a) => a.state === 'active')!;
    expect(main).toMatchObject({ problems: 5, commitments: { total: 4, done: 1, overdue: 1 } });
    expect(main.fundsFen).toBe(15_500_000);
  });

  it('gives 梅花山 its confirmation, 孝陵街道 the expiring one, and counts the figures', async () => {
    const shequ = (await (await as('shequ')).get<TodoPage>('/api/todos?kind=regional&pageSize=200')).body.items;
    expect(shequ.map((t) => t.source)).toContain('cobuild.confirm');
    const jiedao = (await (await as('jiedao')).get<TodoPage>('/api/todos?source=cobuild.expiring')).body.items;
    expect(jiedao).toHaveLength(1);
    const stats = (await (await as('jiedao')).get<CobuildStats>('/api/cobuild/stats')).body;
    expect(stats.totals.problems).toBeGreaterThanOrEqual(8);
    expect(stats.byKind.find((k) => k.kind === 'community')!.total).toBeGreaterThanOrEqual(5);
  });
});
