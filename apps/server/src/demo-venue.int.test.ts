import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, TodoPage, Venue, VenueAreaReport, VenueUsage } from '@jiceng/contracts';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_PASSWORD } from '../seeds/demo-accounts.ts';

/** The demo's 阵地: 梅花山社区's venues with the hospital's opened one, bookings past, upcoming and cancelled, the area warning in 孝陵街道. */
describe.each(ENGINES)('demo venues (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  }, 240_000);
  afterAll(() => server.close());

  const as = (username: string) => login(server, username, DEMO_PASSWORD);

  it('shows 梅花山社区 its venues and the hospital’s, meeting 1,000 m² with it; the street the communities below', async () => {
    const shequ = await as('shequ');
    const list = (await shequ.get<{ items: Venue[] }>('/api/venues')).body.items;
    expect(list.map((v) => v.kind).sort()).toEqual(['civilization_station', 'service_center', 'unit_open']);
    const area = (await shequ.get<VenueAreaReport>('/api/venues/area-warnings')).body.items[0]!;
    expect(area).toMatchObject({ countedAreaM2: 1030, unitAreaM2: 200, below: false });
    const street = (await (await as('jiedao')).get<VenueAreaReport>('/api/venues/area-warnings?belowOnly=true')).body.items;
    expect(
      street
        .filter((r) => r.warns)
        .map((r) => r.orgName)
        .sort(),
    ).toEqual(['中共前湖社区总支部委员会', '中共苜蓿园社区委员会']);
    const todos = (await (await as('jiedao')).get<TodoPage>('/api/todos?source=venue.area')).body.items;
    expect(todos).toHaveLength(2);
  });

  it('has bookings used, upcoming and cancelled, counted by kind of booker', async () => {
    const shequ = await as('shequ');
    const centre = (await shequ.get<{ items: Venue[] }>('/api/venues?kind=service_center')).body.items[0]!;
    const day = (n: number) => new Date(Date.parse(`${server.clock.today()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const all = (await shequ.get<Booking[]>(`/api/venues/${centre.id}/bookings?from=${day(-70)}&to=${day(30)}&includeCancelled=true`)).body;
    expect(new Set(all.map((b) => b.status))).toEqual(new Set(['used', 'upcoming', 'cancelled']));
    const usage = (await shequ.get<VenueUsage>('/api/venues/usage')).body;
    expect(usage.total.bookings).toBeGreaterThan(20);
    expect(usage.byMonth.some((r) => r.bookerKind === 'unit')).toBe(true);
    const danwei = await as('danwei');
    expect((await danwei.get<{ items: Venue[] }>('/api/venues')).body.items.some((v) => v.kind === 'unit_open')).toBe(true);
  });
});
