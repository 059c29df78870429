import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, BookingDetail, Venue, VenueDetail } from '@jiceng/contracts';
import { ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { buildBooking, buildRoom, buildVenue, unitAccount, venueWithRoom } from './venue.fixtures.ts';

type Err = { error: { code: string; message: string; details?: { fields?: { field: string }[] } } };
type Page<T> = { items: T[]; total: number };

/**
 * 阵地 over HTTP: scope (a community sees its venues, a street its communities', a 驻区单位 account
 * the venues of the communities it reported to and its own opened venue, everyone else 404), bad
 * input refused in Chinese with nothing changed, bookings within the rules (venue-2026), cancelling,
 * the masked phone and its audited unmask.
 */
describe.each(ENGINES)('阵地 over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let communityA1: Client;
  let communityB1: Client;
  let streetA: Client;
  let streetB: Client;
  let secA1a: Client;
  let supA: Client;
  let unit: Client;
  let unitId: string;
  let a1: VenueDetail;
  let b1: VenueDetail;
  const count = async (table: string) => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [communityA1, streetA, streetB, secA1a, supA] = await Promise.all([
      login(server, 'communityA1'),
      login(server, 'streetA'),
      login(server, 'streetB'),
      login(server, 'secA1a'),
      login(server, 'supA'),
    ]);
    await server.modules.account.bootstrap({
      username: 'communityB1',
      displayName: '乙一社区',
      role: 'community',
      orgId: t.communityB1,
      password: PASSWORD,
      mustChangePassword: false,
    });
    communityB1 = await login(server, 'communityB1');
    ({ client: unit, unitId } = await unitAccount(server, 'unitB1', t.communityB1, '南京某科技有限公司', '91320102MA1N4K7P3'));
    a1 = await venueWithRoom(communityA1);
    b1 = await venueWithRoom(
      communityB1,
      { name: '乙一社区红色驿站', kind: 'red_station', areaM2: 200 },
      { name: '驿站活动室', capacity: 12, residentBookable: false },
    );
  });
  afterAll(() => server.close());

  describe('the ledger and its scope', () => {
    it('lets a community register its venue with rooms, hours and 服务清单; the phone is masked', () => {
      expect(a1).toMatchObject({
        name: '甲一社区党群服务中心',
        kind: 'service_center',
        orgName: '中共甲一社区委员会',
        areaM2: 600,
        managerPhone: '138****1111',
        hoursText: '周一至周日 08:00-21:00',
        roomCount: 1,
        capacity: 40,
        status: 'open',
        can: { edit: true, setStatus: true, rooms: true, book: true },
      });
      expect(a1.services).toEqual([{ name: '党员教育', description: '三会一课、主题党日' }, { name: '便民服务' }]);
      expect(a1.rooms[0]).toMatchObject({ name: '多功能活动室', capacity: 40, residentBookable: true, active: true });
    });

    it('shows a street its communities’ venues and answers 404 outside', async () => {
      const a = await streetA.get<Page<Venue>>('/api/venues');
      expect(a.body.items.map((v) => v.name)).toEqual(['甲一社区党群服务中心']);
      expect((await streetB.get<Page<Venue>>('/api/venues')).body.items.map((v) => v.name)).toEqual(['乙一社区红色驿站']);
      expect((await streetB.get(`/api/venues/${a1.id}`)).status).toBe(404);
      expect((await streetB.put(`/api/venues/${a1.id}`, { ...buildVenue(), version: a1.version })).status).toBe(404);
      expect((await streetA.get(`/api/venues?orgId=${t.communityB1}`)).status).toBe(404);
      const filtered = await t.admin.get<Page<Venue>>(`/api/venues?kind=red_station&orgId=${t.streetB}`);
      expect(filtered.body.items.map((v) => v.id)).toEqual([b1.id]);
    });

    it('offers a reader without regional:manage no edit, and refuses it', async () => {
      const d = await supA.get<VenueDetail>(`/api/venues/${a1.id}`);
      expect(d.body.can).toMatchObject({ edit: false, setStatus: false, rooms: false, book: false });
      expect((await supA.post(`/api/venues/${a1.id}/rooms`, buildRoom({ name: '另一间' }))).status).toBe(403);
      // a branch reads and books the rooms of the community it belongs to, and manages nothing there
      const sec = await secA1a.get<VenueDetail>(`/api/venues/${a1.id}`);
      expect(sec.body.can).toMatchObject({ edit: false, book: true });
      expect((await secA1a.get<Page<Venue>>('/api/venues')).body.items.map((v) => v.id)).toEqual([a1.id]);
      expect((await secA1a.get(`/api/venues/${b1.id}`)).status).toBe(404);
      expect((await (await login(server, 'memberA1a')).get('/api/venues')).status).toBe(403);
    });

    it('shows the phone in full only with personal:unmask, and audits it', async () => {
      const full = await communityA1.get<VenueDetail>(`/api/venues/${a1.id}?unmask=true`);
      expect(full.body).toMatchObject({ managerPhone: '13800001111', unmasked: true });
      const audits = await t.admin.get<Page<{ entityId: string }>>(`/api/audit?action=personal.unmask&entityId=${a1.id}`);
      expect(audits.body.total).toBe(1);
      expect((await supA.get(`/api/venues/${a1.id}?unmask=true`)).status).toBe(403);
    });

    it('refuses bad input in Chinese and changes nothing', async () => {
      const before = [await count('venue'), await count('venue_room'), await count('audit_log')];
      const bad: [Record<string, unknown>, RegExp][] = [
        [{ hours: [{ days: [1], start: '12:00', end: '09:00' }] }, /开始须早于结束/],
        [{ hours: [{ days: [1], start: '05:00', end: '09:00' }] }, /06:00 至 23:00/],
        [
          {
            hours: [
              { days: [1, 2], start: '08:00', end: '12:00' },
              { days: [2], start: '11:00', end: '13:00' },
            ],
          },
          /重叠/,
        ],
        [{ kind: 'unit_open' }, /开放阵地的驻区单位/],
        [{ orgId: t.branchA1a }, /不是社区（村）党组织/],
        [{ unitId, name: '带单位的服务中心' }, /只有“单位开放阵地”/],
        [{ services: [{ name: '便民服务' }, { name: '便民服务' }] }, /重复/],
        [{ areaM2: 10.125 }, /两位小数/],
        [{ managerPhone: '12345' }, /./],
        [{ areaM2: -5 }, /./],
        [{ name: '甲一社区党群服务中心' }, /同名阵地/],
      ];
      for (const [over, message] of bad) {
        const res = await communityA1.post<Err>('/api/venues', { ...buildVenue({ name: '新阵地' }), ...over });
        expect([400, 409], JSON.stringify(over)).toContain(res.status);
        expect(res.body.error.message, JSON.stringify(over)).toMatch(message);
        expect(res.body.error.message).toMatch(/\p{Script=Han}/u);
      }
      expect((await communityA1.post<Err>(`/api/venues/${a1.id}/rooms`, buildRoom())).body.error.message).toMatch(/已有名为“多功能活动室”/);
      expect((await communityA1.put<Err>(`/api/venues/${a1.id}`, { ...buildVenue(), kind: 'unit_open', version: a1.version })).status).toBe(400);
      expect([await count('venue'), await count('venue_room'), await count('audit_log')]).toEqual(before);
    });

    it('edits with the version and refuses a stale one', async () => {
      const cur = (await communityA1.get<VenueDetail>(`/api/venues/${a1.id}`)).body;
      const ok = await communityA1.put<VenueDetail>(`/api/venues/${a1.id}`, { ...buildVenue({ areaM2: 650 }), version: cur.version });
      expect(ok.body).toMatchObject({ areaM2: 650, version: cur.version + 1 });
      expect((await communityA1.put<Err>(`/api/venues/${a1.id}`, { ...buildVenue(), version: cur.version })).body.error.code).toBe('STALE_VERSION');
    });
  });

  describe('a 驻区单位 account', () => {
    let own: VenueDetail;

    it('opens its own venue to the community it reported to, and manages only that one', async () => {
      own = await venueWithRoom(unit, { name: '科技公司党员活动室', kind: 'unit_open', areaM2: 300 }, { name: '会议室', capacity: 20 });
      expect(own).toMatchObject({ kind: 'unit_open', unitName: '南京某科技有限公司', orgName: '中共乙一社区委员会', can: { edit: true, book: true } });
      expect((await unit.post<Err>('/api/venues', buildVenue({ name: '单位的服务中心' }))).body.error.message).toMatch(/只能登记本单位的开放阵地/);
      const other = await unit.get<VenueDetail>(`/api/venues/${b1.id}`);
      expect(other.body.can).toMatchObject({ edit: false, book: true });
      expect(other.body.bookAs).toEqual([{ unitId, unitName: '南京某科技有限公司' }]);
      expect((await unit.post(`/api/venues/${b1.id}/rooms`, buildRoom({ name: '加一间' }))).status).toBe(403);
      expect((await communityB1.get<VenueDetail>(`/api/venues/${own.id}`)).body.can.edit).toBe(true);
    });

    it('sees the venues of the communities it reported to and its own, nothing else', async () => {
      const list = await unit.get<Page<Venue>>('/api/venues');
      expect(list.body.items.map((v) => v.name).sort()).toEqual(['乙一社区红色驿站', '科技公司党员活动室']);
      expect((await unit.get(`/api/venues/${a1.id}`)).status).toBe(404);
      expect((await unit.get(`/api/venues/${a1.id}/bookings`)).status).toBe(404);
      expect((await unit.post(`/api/venues/${a1.id}/bookings`, buildBooking(a1.rooms[0]!.id))).status).toBe(404);
      expect((await unit.get(`/api/venues?orgId=${t.communityA1}`)).status).toBe(404);
    });

    it('books a room of its community as its unit; the community may cancel it', async () => {
      const res = await unit.post<BookingDetail>(
        `/api/venues/${b1.id}/bookings`,
        buildBooking(b1.rooms[0]!.id, { attendees: 10, purpose: '单位党支部主题党日' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ bookerKind: 'unit', bookerName: '南京某科技有限公司', status: 'upcoming', mine: true, canCancel: true });
      const seen = await communityB1.get<Booking[]>(`/api/venues/${b1.id}/bookings`);
      expect(seen.body.map((b) => [b.bookerName, b.mine, b.canCancel])).toEqual([['南京某科技有限公司', false, true]]);
      const cancelled = await communityB1.post<BookingDetail>(`/api/venue-bookings/${res.body.id}/cancel`, { reason: '社区临时征用' });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '社区临时征用', cancelledBy: '乙一社区' });
      expect(cancelled.body.history.map((h) => h.actionLabel)).toEqual(['取消预约']);
    });
  });

  describe('bookings', () => {
    const room = () => a1.rooms[0]!.id;
    const book = (c: Client, over: Record<string, unknown> = {}) => c.post<BookingDetail & Err>(`/api/venues/${a1.id}/bookings`, buildBooking(room(), over));

    it('books within hours and capacity; an overlap is a Chinese 409; back to back is fine', async () => {
      const first = await book(secA1a);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ bookerKind: 'org', bookerName: '甲一社区第一党支部', hours: 2, roomName: '多功能活动室' });
      const clash = await book(communityA1, { start: '10:00', end: '12:00' });
      expect(clash.status).toBe(409);
      expect(clash.body.error.message).toMatch(/该时段刚刚已被预约.*与已有预约 09:00-11:00 重叠/);
      expect((await book(communityA1, { start: '11:00', end: '12:00' })).status).toBe(201);
      expect((await book(communityA1, { start: '08:00', end: '09:00' })).status).toBe(201);
    });

    it('refuses what the rules forbid, naming the field, and books nothing', async () => {
      const before = await count('venue_booking');
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ start: '20:00', end: '22:00' }, 'start', /不在「甲一社区党群服务中心」的开放时间内/],
        [{ attendees: 41 }, 'attendees', /最多容纳 40 人/],
        [{ start: '09:15', end: '10:00' }, 'start', /30 分钟为单位/],
        [{ start: '13:00', end: '18:00' }, 'end', /最长 4 小时/],
        [{ date: '2026-11-22', start: '09:00', end: '10:00' }, 'date', /已经过去/],
        [{ date: '2027-01-30' }, 'date', /最多可提前 30 天/],
        [{ start: '11:00', end: '10:00' }, 'end', /晚于开始时间/],
      ];
      for (const [over, f, message] of cases) {
        const res = await book(secA1a, { date: '2026-11-25', ...over });
        expect(res.status, JSON.stringify(over)).toBe(400);
        expect(res.body.error.message).toMatch(message);
        expect(res.body.error.details?.fields?.[0]?.field).toBe(f);
      }
      expect((await book(secA1a, { start: '9点' })).status).toBe(400);
      expect((await secA1a.post(`/api/venues/${a1.id}/bookings`, buildBooking(b1.rooms[0]!.id))).status).toBe(404);
      expect((await supA.post(`/api/venues/${a1.id}/bookings`, buildBooking(room(), { date: '2026-11-26' }))).status).toBe(403);
      expect(await count('venue_booking')).toBe(before);
    });

    it('lets the booker or the community cancel with a reason, before it starts; another account may not', async () => {
      const mine = await book(secA1a, { date: '2026-11-24' });
      expect((await secA1a.post(`/api/venue-bookings/${mine.body.id}/cancel`, {})).status).toBe(400);
      expect((await streetB.post(`/api/venue-bookings/${mine.body.id}/cancel`, { reason: '越权' })).status).toBe(404);
      expect((await supA.post<Err>(`/api/venue-bookings/${mine.body.id}/cancel`, { reason: '督导' })).status).toBe(403);
      const done = await secA1a.post<BookingDetail>(`/api/venue-bookings/${mine.body.id}/cancel`, { reason: '活动改期' });
      expect(done.body).toMatchObject({ status: 'cancelled', canCancel: false });
      const again = await secA1a.post<Err>(`/api/venue-bookings/${mine.body.id}/cancel`, { reason: '再取消' });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/当前为「已取消」/);
      // the freed time may be booked again
      expect((await book(communityA1, { date: '2026-11-24' })).status).toBe(201);
    });

    it('counts a booking whose time has passed as used, and it may no longer be cancelled', async () => {
      const b = await book(secA1a, { date: '2026-11-27' });
      await server.db.run(sql`update venue_booking set booked_on = '2026-11-20' where id = ${b.body.id}`);
      const d = await secA1a.get<BookingDetail>(`/api/venue-bookings/${b.body.id}`);
      expect(d.body).toMatchObject({ status: 'used', canCancel: false });
      expect((await secA1a.post<Err>(`/api/venue-bookings/${b.body.id}/cancel`, { reason: '补取消' })).body.error.message).toMatch(/已使用，不能取消/);
      const past = await secA1a.get<Booking[]>(`/api/venues/${a1.id}/bookings?from=2026-11-01&to=2026-11-30`);
      expect(past.body.some((x) => x.id === b.body.id && x.status === 'used')).toBe(true);
    });

    it('takes no bookings while suspended (with a reason), and again after reopening', async () => {
      const cur = (await communityA1.get<VenueDetail>(`/api/venues/${a1.id}`)).body;
      expect((await communityA1.post<Err>(`/api/venues/${a1.id}/status`, { action: 'suspend' })).body.error.message).toMatch(/须填写原因/);
      const s = await communityA1.post<VenueDetail>(`/api/venues/${a1.id}/status`, { action: 'suspend', reason: '内部装修', version: cur.version });
      expect(s.body).toMatchObject({ status: 'suspended', statusReason: '内部装修', can: { book: false } });
      expect((await book(secA1a, { date: '2026-11-30' })).body.error.message).toMatch(/已暂停开放/);
      const r = await communityA1.post<VenueDetail>(`/api/venues/${a1.id}/status`, { action: 'reopen' });
      expect(r.body).toMatchObject({ status: 'open', statusReason: null });
      expect(r.body.history.map((h) => [h.actionLabel, h.reason])).toEqual([
        ['暂停开放', '内部装修'],
        ['恢复开放', null],
      ]);
      expect((await book(secA1a, { date: '2026-11-30' })).status).toBe(201);
    });
  });
});
