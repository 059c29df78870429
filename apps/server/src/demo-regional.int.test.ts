import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgNeed, RgProject, RgResource, RgStats, RgUnitLedger, RgUnitSummary, TodoPage } from '@jiceng/contracts';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_PASSWORD } from '../seeds/demo-accounts.ts';

type Page<T> = { items: T[]; total: number };

/** The demo's 三张清单: needs and projects in every state in 梅花山社区, the unit's side for danwei, figures for the street. */
describe.each(ENGINES)('demo 三张清单 (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  }, 240_000);
  afterAll(() => server.close());

  const as = (username: string) => login(server, username, DEMO_PASSWORD);

  it('shows needs and projects in every state, some overdue, with the units’ resources', async () => {
    const shequ = await as('shequ');
    const needs = (await shequ.get<Page<RgNeed>>('/api/regional/needs?pageSize=100')).body.items;
    expect(new Set(needs.map((n) => n.state))).toEqual(new Set(['open', 'claimed', 'in_progress', 'completed', 'rated', 'closed']));
    expect(needs.some((n) => n.overdue)).toBe(true);
    const projects = (await shequ.get<Page<RgProject>>('/api/regional/projects?pageSize=100')).body.items;
    expect(new Set(projects.map((p) => p.state))).toEqual(new Set(['proposed', 'active', 'completed', 'rated', 'withdrawn']));
    expect(projects.find((p) => p.state === 'active')!.activities).toBeGreaterThan(0);
    const resources = (await shequ.get<Page<RgResource>>('/api/regional/resources?pageSize=100')).body.items;
    expect(new Set(resources.map((r) => r.state))).toEqual(new Set(['offered', 'withdrawn']));
    const todos = (await shequ.get<TodoPage>('/api/todos?kind=regional&pageSize=200')).body.items.map((t) => t.source);
    expect(todos).toEqual(expect.arrayContaining(['regional.need', 'regional.rate']));
  });

  it('gives the demo unit its needs, its own resources, a consent to give and its ledger', async () => {
    const danwei = await as('danwei');
    const units = (await danwei.get<RgUnitSummary[]>('/api/regional/units')).body;
    expect(units.map((u) => u.unitName)).toEqual(['演示区人民医院']);
    const own = (await danwei.get<Page<RgResource>>('/api/regional/resources')).body.items;
    expect(own.every((r) => r.ownerName === '演示区人民医院')).toBe(true);
    const todos = (await danwei.get<TodoPage>('/api/todos?pageSize=50')).body.items.map((t) => t.source);
    expect(todos).toContain('regional.consent');
    const ledger = (await danwei.get<RgUnitLedger>(`/api/regional/units/${units[0]!.unitId}/ledger`)).body;
    expect(ledger.totals.hours).toBeGreaterThan(0);
  });

  it('counts the street’s communities in its figures', async () => {
    const stats = (await (await as('jiedao')).get<RgStats>('/api/regional/stats')).body;
    expect(stats.totals.projects).toBeGreaterThan(2);
    expect(stats.byChild.filter((c) => c.projects > 0).length).toBeGreaterThan(1);
  });
});
