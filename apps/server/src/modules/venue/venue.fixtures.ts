import type { VenueDetail, VenueInput, VenueRoomInput } from '@jiceng/contracts';
import { creditCodeCheckChar } from '@jiceng/contracts';
import { login, PASSWORD, type Client, type TestServer } from '../../test/harness.ts';

/** Test bodies and helpers shared by the venue suites and the world builder. */

/** Open every day 08:00–21:00 (the test clock stands at 2026-11-22 12:00 China time, a Sunday). */
export const EVERY_DAY = [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '21:00' }];

export const buildVenue = (over: Partial<VenueInput> = {}): VenueInput => ({
  name: '甲一社区党群服务中心',
  kind: 'service_center',
  address: '甲一路 1 号',
  areaM2: 600,
  hours: EVERY_DAY,
  managerName: '王红',
  managerPhone: '13800001111',
  services: [{ name: '党员教育', description: '三会一课、主题党日' }, { name: '便民服务' }],
  ...over,
});

export const buildRoom = (over: Partial<VenueRoomInput> = {}): VenueRoomInput => ({
  name: '多功能活动室',
  capacity: 40,
  areaM2: 120,
  residentBookable: true,
  ...over,
});

/** A venue with one room, made by `c`; returns the detail (rooms included). */
export async function venueWithRoom(c: Client, venue: Partial<VenueInput> = {}, room: Partial<VenueRoomInput> = {}): Promise<VenueDetail> {
  const v = await c.post<VenueDetail>('/api/venues', buildVenue(venue));
  if (v.status !== 201) throw new Error(`venue: ${v.status} ${JSON.stringify(v.body)}`);
  const r = await c.post<VenueDetail>(`/api/venues/${v.body.id}/rooms`, buildRoom(room));
  if (r.status !== 200) throw new Error(`room: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17)!;

/** A 驻区单位 account bound to `communityId` that filed its unit's report there; returns the account and the report id. */
export async function unitAccount(server: TestServer, username: string, communityId: string, unitName: string, code17: string) {
  await server.modules.account.bootstrap({
    username,
    displayName: username,
    role: 'resident_unit',
    orgId: communityId,
    password: PASSWORD,
    mustChangePassword: false,
  });
  const c = await login(server, username);
  const r = await c.post<{ id: string }>('/api/report-ins/units', {
    communityId,
    unitName,
    creditCode: creditCode(code17),
    contactName: '周经理',
    phone: '13512340000',
    reportDate: '2026-09-01',
  });
  if (r.status !== 201) throw new Error(`unit report: ${r.status} ${JSON.stringify(r.body)}`);
  return { client: c, unitId: r.body.id };
}

/** A booking body on the 8:00–21:00 grid: tomorrow (a Monday) unless told. */
export const buildBooking = (roomId: string, over: Record<string, unknown> = {}) => ({
  roomId,
  date: '2026-11-23',
  start: '09:00',
  end: '11:00',
  purpose: '主题党日活动',
  attendees: 20,
  ...over,
});
