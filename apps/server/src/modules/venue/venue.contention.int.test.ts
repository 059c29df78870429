import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VenueDetail } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { buildBooking, unitAccount, venueWithRoom } from './venue.fixtures.ts';

/**
 * Rule venue-overlap under contention: 12 accounts (organizations and a 驻区单位) book overlapping
 * times of one room at once — exactly one 201, the other 11 a Chinese 409 saying the slot was just
 * taken, one booking row, one audit row. The room row is locked `for update` and the overlap read
 * in the same transaction; on PostgreSQL the requests really run at once on separate connections.
 */
describe.each(ENGINES)('阵地预约 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let venue: VenueDetail;
  const clients: Client[] = [];
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    const community = await login(server, 'communityA1');
    venue = await venueWithRoom(community, {}, { capacity: 100 });
    const { client: unit } = await unitAccount(server, 'unitA1', t.communityA1, '甲一某物业公司', '91320102MA1N4K7P4');
    const others = await Promise.all(['streetA', 'secA1a', 'admin'].map((u) => login(server, u)));
    for (let i = 0; i < 12; i++) clients.push([community, unit, ...others][i % 5]!);
  });
  afterAll(() => server.close());

  it('12 overlapping bookings of one room at once: exactly one 201, eleven 409s saying the slot was just taken', async () => {
    const room = venue.rooms[0]!.id;
    // every request overlaps every other: all contain 10:00–10:30
    const { ok, refused } = await race(
      12,
      (i) =>
        clients[i]!.post(
          `/api/venues/${venue.id}/bookings`,
          buildBooking(room, { start: i % 2 ? '09:00' : '10:00', end: i % 3 ? '11:00' : '10:30', purpose: `并发预约${i}` }),
        ),
      { successes: 1, refusals: ['CONFLICT'] },
    );
    expect(refused).toHaveLength(11);
    for (const r of refused) expect((r.body as { error: { message: string } }).error.message).toMatch(/该时段刚刚已被预约/);
    expect(await count(sql`select count(*)::int as n from venue_booking where room_id = ${room} and state = 'booked'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'venue_booking.create'`)).toBe(1);
    expect((ok[0]!.body as { status: string }).status).toBe('upcoming');
  });

  it('12 back-to-back bookings of one room at once all succeed (half-open intervals do not overlap)', async () => {
    const room = venue.rooms[0]!.id;
    const slot = (i: number) => {
      const m = 8 * 60 + i * 60;
      const hh = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
      return { start: hh(m), end: hh(m + 60) };
    };
    await race(12, (i) => clients[i]!.post(`/api/venues/${venue.id}/bookings`, buildBooking(room, { date: '2026-11-24', ...slot(i) })), { successes: 12 });
    expect(await count(sql`select count(*)::int as n from venue_booking where room_id = ${room} and booked_on = '2026-11-24'`)).toBe(12);
  });

  it('the exclusion constraint refuses an overlap that bypasses the service', async () => {
    const b = (await server.db.one<{ id: string }>(sql`select id from venue_booking where booked_on = '2026-11-23' and state = 'booked'`))!;
    await expect(
      server.db
        .run(sql`insert into venue_booking (region_id, id, venue_id, room_id, booked_on, starts_at, ends_at, purpose, attendees, booker_kind, booker_org_id, booker_name)
        select region_id, '00000000-0000-4000-8000-00000000beef', venue_id, room_id, booked_on, starts_at, ends_at, 'x', 1, 'org', ${t.communityA1}, 'x'
        from venue_booking where id = ${b.id}`),
    ).rejects.toThrow();
  });
});
