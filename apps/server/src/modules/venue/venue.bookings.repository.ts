import { sql } from 'drizzle-orm';
import type { BookerKindId, VenueKindId } from '@jiceng/contracts';
import type { VenueRuleSet } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { communityWhere, inList, scopeWhere, type VenueScope } from './venue.repository.ts';

/** A booking with its room, venue and the venue's community (path joined at read time). */
export interface BookingRow {
  id: string;
  venue_id: string;
  venue_name: string;
  venue_unit_id: string | null;
  org_id: string;
  org_name: string;
  org_path: string;
  room_id: string;
  room_name: string;
  booked_on: string;
  start: string;
  end: string;
  purpose: string;
  attendees: number;
  booker_kind: BookerKindId;
  booker_account_id: string | null;
  booker_org_id: string | null;
  booker_unit_id: string | null;
  resident_id: string | null;
  booker_name: string;
  contact_phone_enc: string | null;
  state: 'booked' | 'cancelled';
  cancel_reason: string | null;
  cancelled_by: string | null;
  version: number;
  created_at: string;
}

export interface BookingWrite {
  id: string;
  venueId: string;
  roomId: string;
  date: string;
  start: string;
  end: string;
  purpose: string;
  attendees: number;
  bookerKind: BookerKindId;
  bookerAccountId: string | null;
  bookerOrgId: string | null;
  bookerUnitId: string | null;
  residentId: string | null;
  bookerName: string;
  contactPhoneEnc: string | null;
}

const select = sql`select b.id, b.venue_id, v.name as venue_name, v.unit_id as venue_unit_id, v.org_id, o.name as org_name, o.path::text as org_path,
  b.room_id, r.name as room_name, b.booked_on::text as booked_on, to_char(b.starts_at, 'HH24:MI') as start,
  case when b.ends_at = '24:00'::time then '24:00' else to_char(b.ends_at, 'HH24:MI') end as "end",
  b.purpose, b.attendees, b.booker_kind, b.booker_account_id, b.booker_org_id, b.booker_unit_id, b.resident_id, b.booker_name, b.contact_phone_enc,
  b.state, b.cancel_reason, b.cancelled_by, b.version, b.created_at::text as created_at
  from venue_booking b join venue v on v.region_id = b.region_id and v.id = b.venue_id
  join org o on o.region_id = v.region_id and o.id = v.org_id
  join venue_room r on r.region_id = b.region_id and r.id = b.room_id`;

const order = sql`order by b.booked_on, b.starts_at, r.name, b.id`;

/** Minutes of a booking, in SQL. */
const minutes = sql`(extract(epoch from (b.ends_at - b.starts_at)) / 60)`;

export interface UsageRow {
  venue_id: string;
  venue_name: string;
  org_name: string;
  kind: VenueKindId;
  month: string;
  booker_kind: BookerKindId;
  bookings: number;
  minutes: number;
}

export interface AreaRow {
  org_id: string;
  org_name: string;
  org_path: string;
  street_name: string | null;
  venues: number;
  counted_venues: number;
  counted_m2: number;
  unit_m2: number;
}

/** A community's counted venues (rule venue-area-counts) as SQL aggregates over `v`. */
export const areaAggregates = (rules: VenueRuleSet) => {
  const counted = sql`v.kind in (${inList(rules.areaCountsKinds)}) and v.status in (${inList(rules.areaCountsStatuses)})`;
  return {
    venues: sql`count(v.id)::int`,
    countedVenues: sql`(count(v.id) filter (where ${counted}))::int`,
    countedM2: sql`coalesce(sum(v.area_m2) filter (where ${counted}), 0)::float8`,
    unitM2: sql`coalesce(sum(v.area_m2) filter (where ${counted} and v.unit_id is not null), 0)::float8`,
  };
};

export const bookingRepository = {
  byId(db: Database, regionId: string, id: string): Promise<BookingRow | undefined> {
    return db.one<BookingRow>(sql`${select} where b.region_id = ${regionId} and b.id = ${id}`);
  },

  /** A venue's bookings from `from` to `to` (inclusive). */
  ofVenue(db: Database, regionId: string, venueId: string, from: string, to: string, includeCancelled: boolean): Promise<BookingRow[]> {
    return db.rows<BookingRow>(sql`${select} where b.region_id = ${regionId} and b.venue_id = ${venueId} and b.booked_on between ${from}::date and ${to}::date
      ${includeCancelled ? sql`` : sql`and b.state = 'booked'`} ${order} limit 2000`);
  },

  /** Bookings of the venues in scope (the export). */
  inScope(
    db: Database,
    regionId: string,
    scope: VenueScope,
    orgPath: string | null,
    from: string,
    to: string,
    includeCancelled: boolean,
  ): Promise<BookingRow[]> {
    return db.rows<BookingRow>(sql`${select} where b.region_id = ${regionId} and ${scopeWhere(scope)} ${orgPath ? sql`and o.path <@ ${orgPath}::ltree` : sql``}
      and b.booked_on between ${from}::date and ${to}::date ${includeCancelled ? sql`` : sql`and b.state = 'booked'`} ${order} limit 20000`);
  },

  /** The active bookings of a room on a day that overlap [start, end) (rule venue-overlap), read under the room's lock. */
  overlapping(tx: Database, regionId: string, roomId: string, date: string, start: string, end: string): Promise<{ start: string; end: string }[]> {
    return tx.rows(sql`select to_char(b.starts_at, 'HH24:MI') as start, case when b.ends_at = '24:00'::time then '24:00' else to_char(b.ends_at, 'HH24:MI') end as "end"
      from venue_booking b where b.region_id = ${regionId} and b.room_id = ${roomId} and b.booked_on = ${date}::date and b.state = 'booked'
        and b.starts_at < ${end}::time and ${start}::time < b.ends_at order by b.starts_at`);
  },

  /** The taken times of a room on a day (residents see no bookers). */
  taken(db: Database, regionId: string, roomId: string, date: string): Promise<{ start: string; end: string }[]> {
    return db.rows(sql`select to_char(b.starts_at, 'HH24:MI') as start, case when b.ends_at = '24:00'::time then '24:00' else to_char(b.ends_at, 'HH24:MI') end as "end"
      from venue_booking b where b.region_id = ${regionId} and b.room_id = ${roomId} and b.booked_on = ${date}::date and b.state = 'booked' order by b.starts_at`);
  },

  async insert(tx: Database, regionId: string, b: BookingWrite): Promise<void> {
    await tx.run(sql`insert into venue_booking (region_id, id, venue_id, room_id, booked_on, starts_at, ends_at, purpose, attendees, booker_kind,
        booker_account_id, booker_org_id, booker_unit_id, resident_id, booker_name, contact_phone_enc)
      values (${regionId}, ${b.id}, ${b.venueId}, ${b.roomId}, ${b.date}::date, ${b.start}::time, ${b.end}::time, ${b.purpose}, ${b.attendees}, ${b.bookerKind},
        ${b.bookerAccountId}, ${b.bookerOrgId}, ${b.bookerUnitId}, ${b.residentId}, ${b.bookerName}, ${b.contactPhoneEnc})`);
  },

  /** A resident's bookings, newest first. */
  ofResident(db: Database, regionId: string, residentId: string): Promise<BookingRow[]> {
    return db.rows<BookingRow>(
      sql`${select} where b.region_id = ${regionId} and b.resident_id = ${residentId} order by b.booked_on desc, b.starts_at desc limit 200`,
    );
  },

  /** A resident's bookings not yet over (rule venue-resident), counted under the resident's lock. */
  async residentOpen(tx: Database, regionId: string, residentId: string, today: string, nowTime: string): Promise<number> {
    const r = await tx.one<{ n: number }>(sql`select count(*)::int as n from venue_booking where region_id = ${regionId} and resident_id = ${residentId}
      and state = 'booked' and (booked_on > ${today}::date or (booked_on = ${today}::date and ends_at > ${nowTime}::time))`);
    return r?.n ?? 0;
  },

  /** Serializes one resident's bookings (the open-booking limit holds under a race). */
  async lockResident(tx: Database, regionId: string, residentId: string): Promise<void> {
    await tx.run(sql`select id from resident where region_id = ${regionId} and id = ${residentId} for update`);
  },

  /** Bookings and minutes by venue, month and kind of booker, cancelled ones left out. */
  usage(db: Database, regionId: string, scope: VenueScope, orgPath: string | null, from: string, to: string): Promise<UsageRow[]> {
    return db.rows<UsageRow>(sql`select v.id as venue_id, v.name as venue_name, o.name as org_name, v.kind, to_char(b.booked_on, 'YYYY-MM') as month,
        b.booker_kind, count(*)::int as bookings, sum(${minutes})::int as minutes
      from venue_booking b join venue v on v.region_id = b.region_id and v.id = b.venue_id join org o on o.region_id = v.region_id and o.id = v.org_id
      where b.region_id = ${regionId} and ${scopeWhere(scope)} ${orgPath ? sql`and o.path <@ ${orgPath}::ltree` : sql``}
        and b.state = 'booked' and b.booked_on between ${from}::date and ${to}::date
      group by v.id, v.name, o.name, o.path, v.kind, to_char(b.booked_on, 'YYYY-MM'), b.booker_kind
      order by o.path, v.name, v.id, month`);
  },

  /** Every community under `path` with its venues' areas (rules venue-area-counts, venue-min-area). */
  area(db: Database, regionId: string, path: string, rules: VenueRuleSet): Promise<AreaRow[]> {
    const a = areaAggregates(rules);
    return db.rows<AreaRow>(sql`select c.id as org_id, c.name as org_name, c.path::text as org_path, p.name as street_name,
        ${a.venues} as venues, ${a.countedVenues} as counted_venues, ${a.countedM2} as counted_m2, ${a.unitM2} as unit_m2
      from org c left join org p on p.region_id = c.region_id and p.id = c.parent_id
      left join venue v on v.region_id = c.region_id and v.org_id = c.id
      where c.region_id = ${regionId} and c.path <@ ${path}::ltree and ${communityWhere(rules)}
      group by c.id, c.name, c.path, p.name order by c.path limit 5000`);
  },
};
export type BookingRepository = typeof bookingRepository;
