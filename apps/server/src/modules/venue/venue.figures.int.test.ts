import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, BookingDetail, ResidentVenueRoom, RoomBusy, Todo, VenueAreaReport, VenueDetail, VenueUsage } from '@jiceng/contracts';
import { ENGINES, login, residentLogin, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable } from '../../test/xlsx.ts';
import { buildBooking, unitAccount, venueWithRoom } from './venue.fixtures.ts';

type Err = { error: { code: string; message: string } };

/**
 * The area warning (rule venue-min-area, units' opened venues counted) as a list and a 待办, usage
 * figures by month and kind of booker, the .xlsx ledger and bookings, and residents booking on H5.
 */
describe.each(ENGINES)('阵地 figures, warning, exports and residents (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let communityA1: Client;
  let streetA: Client;
  let secA1a: Client;
  let unit: Client;
  let centre: VenueDetail;
  let station: VenueDetail;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [communityA1, streetA, secA1a] = await Promise.all([login(server, 'communityA1'), login(server, 'streetA'), login(server, 'secA1a')]);
    ({ client: unit } = await unitAccount(server, 'unitA1', t.communityA1, '甲一某物业公司', '91320102MA1N4K7P4'));
    centre = await venueWithRoom(communityA1, { areaM2: 500 });
    station = await venueWithRoom(
      communityA1,
      { name: '甲一红色驿站', kind: 'red_station', areaM2: 100 },
      { name: '驿站', capacity: 10, residentBookable: false },
    );
  });
  afterAll(() => server.close());

  const area = async (c: Client) => (await c.get<VenueAreaReport>('/api/venues/area-warnings')).body;
  const areaTodos = async (c: Client) => (await c.get<{ items: Todo[] }>('/api/todos?source=venue.area&pageSize=50')).body.items;

  describe('the area warning (rule venue-min-area)', () => {
    it('lists every community against 1,000 m²; one with venues below it raises a 待办, one with none registered does not', async () => {
      const r = await area(t.admin);
      expect(r).toMatchObject({ ruleSetId: 'venue-2026', requiredAreaM2: 1000 });
      const a1 = r.items.find((i) => i.orgId === t.communityA1)!;
      expect(a1).toMatchObject({ venues: 2, countedVenues: 2, countedAreaM2: 600, shortfallM2: 400, below: true, warns: true });
      const b1 = r.items.find((i) => i.orgId === t.communityB1)!;
      expect(b1).toMatchObject({ venues: 0, countedAreaM2: 0, below: true, warns: false });
      expect(r.items[0]!.orgId).toBe(t.communityA1);
      expect((await area(streetA)).items.map((i) => i.orgName)).toEqual(['中共甲一社区委员会']);
      const todos = await areaTodos(streetA);
      expect(todos.map((x) => [x.title, x.orgId, x.severity, x.dueDate])).toEqual([['阵地面积不足：中共甲一社区委员会', t.communityA1, 'alert', null]]);
      expect(todos[0]!.detail).toMatch(/合计 600 平方米.*还差 400 平方米/);
      expect((await streetA.get<{ items: Todo[] }>('/api/todos?kind=regional&pageSize=50')).body.items.some((x) => x.source === 'venue.area')).toBe(true);
      expect(await areaTodos(await login(server, 'streetB'))).toEqual([]);
    });

    it('counts a unit’s opened venue and only open venues; meeting the rule clears the 待办', async () => {
      await venueWithRoom(unit, { name: '物业公司党群活动室', kind: 'unit_open', areaM2: 450 }, { name: '会议室', residentBookable: false });
      let a1 = (await area(communityA1)).items[0]!;
      expect(a1).toMatchObject({ venues: 3, countedAreaM2: 1050, unitAreaM2: 450, below: false, warns: false });
      expect(await areaTodos(communityA1)).toEqual([]);
      await communityA1.post(`/api/venues/${station.id}/status`, { action: 'suspend', reason: '改造' });
      a1 = (await area(communityA1)).items[0]!;
      expect(a1).toMatchObject({ countedVenues: 2, countedAreaM2: 950, shortfallM2: 50, warns: true });
      expect((await areaTodos(communityA1)).map((x) => x.title)).toEqual(['阵地面积不足：中共甲一社区委员会']);
      expect((await communityA1.get<VenueAreaReport>('/api/venues/area-warnings?belowOnly=true')).body.items).toHaveLength(1);
      expect((await streetA.get(`/api/venues/area-warnings?orgId=${t.communityB1}`)).status).toBe(404);
      expect((await unit.get('/api/venues/area-warnings')).status).toBe(403);
    });
  });

  describe('usage figures', () => {
    it('counts bookings and hours per venue and month by kind of booker, cancelled ones left out', async () => {
      const room = centre.rooms[0]!.id;
      const b = (c: Client, over: Record<string, unknown>) => c.post<BookingDetail>(`/api/venues/${centre.id}/bookings`, buildBooking(room, over));
      expect((await b(secA1a, { start: '09:00', end: '11:00' })).status).toBe(201);
      expect((await b(unit, { start: '14:00', end: '15:30' })).status).toBe(201);
      const gone = await b(communityA1, { date: '2026-12-01', start: '09:00', end: '10:00' });
      await communityA1.post(`/api/venue-bookings/${gone.body.id}/cancel`, { reason: '改期' });
      expect((await b(communityA1, { date: '2026-12-02', start: '09:00', end: '12:00' })).status).toBe(201);
      const u = (await streetA.get<VenueUsage>('/api/venues/usage?from=2026-11&to=2026-12')).body;
      expect(u.months).toEqual(['2026-11', '2026-12']);
      expect(u.total).toEqual({ bookings: 3, hours: 6.5 });
      const v = u.venues.find((x) => x.venueId === centre.id)!;
      expect(v.byKind).toEqual({ org: { bookings: 2, hours: 5 }, unit: { bookings: 1, hours: 1.5 }, resident: { bookings: 0, hours: 0 } });
      expect(v.byMonth).toEqual([
        { month: '2026-11', bookings: 2, hours: 3.5 },
        { month: '2026-12', bookings: 1, hours: 3 },
      ]);
      expect(u.byMonth).toContainEqual({ month: '2026-11', bookerKind: 'unit', bookings: 1, hours: 1.5 });
      const def = (await streetA.get<VenueUsage>('/api/venues/usage')).body;
      expect([def.from, def.to]).toEqual(['2026-06', '2026-11']);
      expect((await streetA.get<Err>('/api/venues/usage?from=2024-01&to=2026-12')).body.error.message).toMatch(/最多统计 24 个月/);
      expect((await (await login(server, 'streetB')).get<VenueUsage>('/api/venues/usage?from=2026-11&to=2026-12')).body.total.bookings).toBe(0);
    });
  });

  describe('exports', () => {
    it('exports the ledger with Chinese headers and masked phones, and the bookings of a range', async () => {
      const res = await streetA.get('/api/venues/export');
      expect(res.status).toBe(200);
      const table = sheetTable((await openXlsx(res.raw)).getWorksheet('阵地台账')!);
      expect(table.headers.slice(0, 4)).toEqual(['阵地名称', '类型', '所属社区', '所属街道']);
      expect(table.rows.map((r) => r['联系电话'])).toContain('138****1111');
      expect(table.rows.find((r) => r['类型'] === '单位开放阵地')?.['开放单位']).toBe('甲一某物业公司');
      const bk = await streetA.get('/api/venue-bookings/export?from=2026-11-01&to=2026-12-31&includeCancelled=true');
      const rows = sheetTable((await openXlsx(bk.raw)).getWorksheet('阵地预约记录')!).rows;
      expect(rows.map((r) => r['状态'])).toEqual(['已预约', '已预约', '已取消', '已预约']);
      expect(rows.map((r) => r['预约方类型'])).toContain('驻区单位');
    });
  });

  describe('residents on H5', () => {
    it('book rooms open to them, see taken times without bookers, keep at most 2 upcoming, cancel their own', async () => {
      const me = await residentLogin(server, '13800005555', '张阿姨');
      const rooms = (await me.get<ResidentVenueRoom[]>('/api/resident/venues')).body;
      expect(rooms.map((r) => r.roomName)).toEqual(['多功能活动室']); // 驿站 is not open to residents, and suspended
      const room = rooms[0]!.roomId;
      const busy = (await me.get<RoomBusy>(`/api/resident/venues/rooms/${room}/busy?date=2026-11-23`)).body;
      expect(busy.taken).toEqual([
        { start: '09:00', end: '11:00' },
        { start: '14:00', end: '15:30' },
      ]);
      const post = (over: Record<string, unknown>) =>
        me.post<Booking & Err>('/api/resident/venue-bookings', buildBooking(room, { purpose: '广场舞排练', attendees: 15, ...over }));
      const first = await post({ date: '2026-11-25' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ bookerKind: 'resident', bookerName: '居民张*', canCancel: true });
      expect((await post({ date: '2026-11-25' })).status).toBe(409);
      expect((await post({ date: '2026-11-26' })).status).toBe(201);
      const third = await post({ date: '2026-11-27' });
      expect(third.status).toBe(400);
      expect(third.body.error.message).toMatch(/最多保留 2 个未使用的预约/);
      expect((await me.post('/api/resident/venue-bookings', buildBooking(station.rooms[0]!.id))).status).toBe(404);
      const seen = (await communityA1.get<Booking[]>(`/api/venues/${centre.id}/bookings?from=2026-11-25&to=2026-11-25`)).body[0]!;
      expect(seen).toMatchObject({ bookerName: '居民张*', contactPhone: '138****5555' });
      expect((await unit.get<Booking[]>(`/api/venues/${centre.id}/bookings?from=2026-11-25&to=2026-11-25`)).body[0]!.contactPhone).toBeNull();
      const other = await residentLogin(server, '13800006666');
      expect((await other.post(`/api/resident/venue-bookings/${first.body.id}/cancel`, { reason: '不是我的' })).status).toBe(404);
      const c = await me.post<Booking>(`/api/resident/venue-bookings/${first.body.id}/cancel`, { reason: '临时有事' });
      expect(c.body).toMatchObject({ status: 'cancelled', cancelReason: '临时有事' });
      expect((await me.get<Booking[]>('/api/resident/venue-bookings')).body.map((b) => b.status)).toEqual(['upcoming', 'cancelled']);
      expect((await server.db.one<{ n: number }>(sql`select count(*)::int as n from workflow_event where kind = 'venue_booking'`))!.n).toBe(2);
    });
  });
});
