import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ServiceFigures, ServiceRequestDetail } from '@jiceng/contracts';
import { ENGINES, movableClock, residentLogin, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { deskRequest, logins, seedServicePlace, step, type ServicePlace } from '../../test/service.ts';
import { spanSplit, serviceFiguresRepository as figures, type FigureGroup } from './service.figures.repository.ts';

const HOUR = 3600;
const DAY = 24 * HOUR;
const dayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString();
const dayEnd = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`) + 86_400_000).toISOString();

describe('spanSplit: whole China months and days from the counts, the rest live', () => {
  it('splits a year to date, a span inside one month, spans starting or ending mid-month and a span off midnight', () => {
    expect(spanSplit(dayStart('2026-01-01'), dayEnd('2026-12-02'))).toEqual({
      months: ['2026-01-01', '2026-12-01'],
      days: [['2026-12-01', '2026-12-03']],
      live: [],
    });
    expect(spanSplit(dayStart('2026-03-05'), dayEnd('2026-03-20'))).toEqual({ months: null, days: [['2026-03-05', '2026-03-21']], live: [] });
    expect(spanSplit(dayStart('2026-10-15'), dayEnd('2026-12-31'))).toEqual({
      months: ['2026-11-01', '2027-01-01'],
      days: [['2026-10-15', '2026-11-01']],
      live: [],
    });
    expect(spanSplit(dayStart('2026-02-01'), dayStart('2026-03-01'))).toEqual({ months: ['2026-02-01', '2026-03-01'], days: [], live: [] });
    expect(spanSplit(dayStart('2026-02-01'), dayStart('2026-02-01'))).toEqual({ months: null, days: [], live: [] });
    // 2026-01-31 10:00 to 2026-03-02 10:00 China time
    expect(spanSplit('2026-01-31T02:00:00.000Z', '2026-03-02T02:00:00.000Z')).toEqual({
      months: ['2026-02-01', '2026-03-01'],
      days: [['2026-03-01', '2026-03-02']],
      live: [
        ['2026-01-31T02:00:00.000Z', dayStart('2026-02-01')],
        [dayStart('2026-03-02'), '2026-03-02T02:00:00.000Z'],
      ],
    });
    expect(spanSplit('2026-01-31T02:00:00.000Z', '2026-01-31T05:00:00.000Z').live).toEqual([['2026-01-31T02:00:00.000Z', '2026-01-31T05:00:00.000Z']]);
  });
});

describe.each(ENGINES)('the figures read model (migration 0041) equals the live aggregate after every kind of step (%s)', (engine) => {
  let server: TestServer;
  let p: ServicePlace;
  let c: Record<string, Client>;
  let resident: Client;
  // Thursday 10:00 China time, two days before the end of October: steps cross into November
  const clock = movableClock('2026-10-29T02:00:00Z');

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    p = await seedServicePlace(server);
    c = await logins(server, ['communityA1', 'communityB1', 'streetA', 'gridA1', 'gridA2']);
    resident = await residentLogin(server, '13900003333', '李大爷');
  });
  afterAll(() => server.close());

  /** Every view's figures from the counts equal the one aggregate over the requests. */
  async function expectSameAsLive(label: string) {
    const now = clock.now().toISOString();
    const today = clock.today();
    const spans = [
      [dayStart(`${today.slice(0, 4)}-01-01`), dayEnd(today)],
      [dayStart('2026-10-15'), dayEnd('2026-11-10')],
      [dayStart('2026-10-01'), dayStart('2026-11-01')],
      [dayStart(today), dayEnd(today)],
      // off midnight: parts of days live
      ['2026-10-29T05:00:00.000Z', new Date(Date.parse(now) + HOUR * 1000).toISOString()],
    ] as const;
    const bases = [
      [
        'root',
        (await server.db.one<{ path: string }>(sql`select path::text as path from org where region_id = ${server.regionId} and id = ${p.rootId}`))!.path,
      ],
      [
        'streetA',
        (await server.db.one<{ path: string }>(sql`select path::text as path from org where region_id = ${server.regionId} and id = ${p.streetA}`))!.path,
      ],
      [
        'communityA1',
        (await server.db.one<{ path: string }>(sql`select path::text as path from org where region_id = ${server.regionId} and id = ${p.communityA1}`))!.path,
      ],
    ] as const;
    for (const [name, basePath] of bases)
      for (const [from, to] of spans)
        for (const group of [null, 'org', 'grid', 'category', 'month'] as (FigureGroup | null)[]) {
          const q = { basePath, from, to, now, group };
          const stored = await figures.counts(server.db, server.regionId, q);
          const live = await figures.liveCounts(server.db, server.regionId, q);
          expect(stored, `${label}: ${name} ${from}…${to} by ${group ?? 'total'}`).toEqual(live);
        }
  }

  let r1: string;
  let r2: string;
  let r3: string;

  it('counts intake at a grid, at another grid and at the community, by resident and desk', async () => {
    r1 = (
      await resident.post<ServiceRequestDetail>('/api/resident/requests', {
        kind: 'help',
        categoryCode: 'repair',
        description: '单元门禁坏了，老人进出不便',
        orgId: p.gridA1,
      })
    ).body.id;
    r2 = (await c.communityA1!.post<ServiceRequestDetail>('/api/service/requests', deskRequest(p.gridA2, { categoryCode: 'property' }))).body.id;
    r3 = (await c.communityA1!.post<ServiceRequestDetail>('/api/service/requests', deskRequest(p.communityA1, { description: '社区广场的健身器材松动' }))).body
      .id;
    await c.communityB1!.post('/api/service/requests', deskRequest(p.gridB1, { categoryCode: 'sanitation', description: '垃圾桶满了没人清' }));
    const count = await server.db.one<{ n: number }>(
      sql`select sum(total)::int as n from service_figures_count where region_id = ${server.regionId} and period_kind = 'month'`,
    );
    expect(count!.n).toBe(4);
    await expectSameAsLive('after intake');
  });

  it('counts accept, dispatch, return, take, resolve, reopen and rating, and a rejection', async () => {
    clock.advance(HOUR);
    await step(c.communityA1!, r1, { action: 'accept' });
    await step(c.communityA1!, r1, { action: 'dispatch' });
    await step(c.gridA1!, r1, { action: 'return', reason: '不属于本网格' });
    await step(c.communityA1!, r1, { action: 'dispatch', assignee: { type: 'grid', orgId: p.gridA1 } });
    await step(c.gridA1!, r1, { action: 'take' });
    await step(c.gridA1!, r1, { action: 'resolve', result: '已联系维修，门禁恢复' });
    await step(c.communityA1!, r3, { action: 'reject', reason: '属于物业维修范围，已告知联系物业' });
    await expectSameAsLive('after the first steps');
    clock.advance(2 * DAY); // into November
    const rated = await resident.post(`/api/resident/requests/${r1}/actions`, { action: 'rate', rating: 'unsatisfied', comment: '又坏了' });
    expect(rated.status).toBe(200);
    await step(c.gridA1!, r1, { action: 'resolve', result: '更换门禁主板，已确认正常' });
    await resident.post(`/api/resident/requests/${r1}/actions`, { action: 'rate', rating: 'basically_satisfied' });
    await expectSameAsLive('after reopen and rating');
  });

  it('counts what the sweep does (overdue, escalation) and a request of a new month', async () => {
    await step(c.communityA1!, r2, { action: 'accept' });
    clock.advance(3 * DAY);
    await server.modules.service.service.sweep();
    await c.communityA1!.post('/api/service/requests', deskRequest(p.gridA1, { categoryCode: 'parking', description: '消防通道被私家车占用' }));
    await expectSameAsLive('after the sweep');
  });

  it('drops a merged-away request and follows a category change (written outside the steps)', async () => {
    await server.db.run(sql`update service_request set merged_into = ${r1} where region_id = ${server.regionId} and id = ${r2}`);
    await server.db.run(sql`update service_request set category_code = 'other' where region_id = ${server.regionId} and id = ${r3}`);
    await expectSameAsLive('after a merge and a category change');
    await server.db.run(sql`update service_request set merged_into = null where region_id = ${server.regionId} and id = ${r2}`);
    await expectSameAsLive('after the merge is undone');
  });

  it('answers the same figures through the API as the live aggregate of the same span', async () => {
    const f = await c.streetA!.get<ServiceFigures>('/api/service/figures?groupBy=category&from=2026-10-01&to=2026-11-30');
    expect(f.status).toBe(200);
    expect(f.body.total.total).toBe(4);
    expect(f.body.rows.map((r) => r.key).sort()).toEqual(['other', 'parking', 'property', 'repair']);
    // rebuilding from the requests gives the counts the trigger kept
    const before = await server.db.rows(sql`select * from service_figures_count where region_id = ${server.regionId} and total > 0 order by 1, 2, 3, 4, 5`);
    await figures.rebuild(server.db, server.regionId);
    const after = await server.db.rows(sql`select * from service_figures_count where region_id = ${server.regionId} order by 1, 2, 3, 4, 5`);
    expect(after).toEqual(before);
  });
});
