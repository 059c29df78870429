import type { BookingDetail, VenueDetail } from '@jiceng/contracts';
import { login } from '../harness.ts';
import type { WorldAccount } from '../world.ts';
import { expectOk, type WorldContext } from './context.ts';

const HOURS = [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '21:00' }];
const venue = (name: string, kind: string, over: object = {}) => ({
  name,
  kind,
  address: '甲一路 1 号',
  areaM2: 300,
  hours: HOURS,
  managerName: '王红',
  managerPhone: '13800001111',
  services: [{ name: '党员教育', description: '三会一课' }],
  ...over,
});
const room = (name: string) => ({ name, capacity: 30, areaM2: 80, residentBookable: true });

/**
 * 阵地: 社区A1's 党群服务中心 with a room (booked by the community, one booking cancelled), and the
 * world's 驻区单位 account's opened venue in 社区B1 with a room it booked — so every venue route
 * answers with real ids. After the accounts and report-ins exist.
 */
export async function worldVenues(w: WorldContext, accounts: readonly WorldAccount[]): Promise<void> {
  const { server, add, post, communityA1 } = w;
  const a1 = await post<VenueDetail>(communityA1, 'venue', '/api/venues', venue('甲一社区党群服务中心', 'service_center'));
  const withRoom = await post<VenueDetail>(communityA1, 'venue room', `/api/venues/${a1.id}/rooms`, room('多功能活动室'));
  add('venue', a1.id);
  add('venueRoom', withRoom.rooms[0]!.id);
  const book = (c: typeof communityA1, v: VenueDetail, date: string) =>
    post<BookingDetail>(c, 'venue booking', `/api/venues/${v.id}/bookings`, {
      roomId: v.rooms[0]!.id,
      date,
      start: '09:00',
      end: '11:00',
      purpose: '主题党日活动',
      attendees: 20,
    });
  add('venueBooking', (await book(communityA1, withRoom, '2026-11-23')).id);
  const gone = await book(communityA1, withRoom, '2026-11-24');
  expectOk('venue cancel', await communityA1.post(`/api/venue-bookings/${gone.id}/cancel`, { reason: '活动改期' }));
  add('venueBooking', gone.id);

  const unitAccount = accounts.find((a) => a.role === 'resident_unit');
  if (!unitAccount) return;
  const unit = await login(server, unitAccount.username, unitAccount.password);
  const own = await post<VenueDetail>(unit, 'unit venue', '/api/venues', venue('某科技公司党员活动室', 'unit_open', { areaM2: 120 }));
  const ownRoom = await post<VenueDetail>(unit, 'unit venue room', `/api/venues/${own.id}/rooms`, room('会议室'));
  add('venue', own.id);
  add('venueRoom', ownRoom.rooms[0]!.id);
  add('venueBooking', (await book(unit, ownRoom, '2026-11-25')).id);
}
