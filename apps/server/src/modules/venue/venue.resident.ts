import type { Booking, BookingCancelInput, ResidentBookingInput, ResidentVenueRoom, RoomBusy } from '@jiceng/contracts';
import { hoursText } from '@jiceng/rules';
import { notFound } from '../../platform/errors.ts';
import type { Resident } from '../../platform/residents/resident.service.ts';
import { BOOKING_KIND, type VenueCore } from './venue.core.ts';
import { bookingCore, bookingStatus, residentLabel } from './venue.presenter.ts';
import { createVenueBookings } from './venue.booking.service.ts';
import type { BookingRow } from './venue.bookings.repository.ts';

/** Residents on H5: the rooms open to them, a room's taken times, their bookings (rule venue-resident) and 取消. */
export function createVenueResidentSide(core: VenueCore) {
  const { db, regionId, audit, bookings, venues, now } = core;
  const { insertChecked, cancelAs } = createVenueBookings(core);
  const who = (r: Resident) => ({ id: null, displayName: `${residentLabel(r.name)}（${r.phone}）`, ip: null });
  const view = (b: BookingRow): Booking => {
    const status = bookingStatus(b, now());
    return { ...bookingCore(b, status), contactPhone: null, mine: true, canCancel: status === 'upcoming' };
  };

  async function ownBooking(tx: typeof db, resident: Resident, id: string): Promise<BookingRow> {
    const b = await bookings.byId(tx, regionId, id);
    if (!b || b.resident_id !== resident.id) throw notFound('预约');
    return b;
  }

  return {
    /** Rooms of open venues marked bookable by residents, by community. */
    async residentRooms(): Promise<ResidentVenueRoom[]> {
      const rows = await venues.residentRooms(db, regionId);
      return rows.map((r) => ({
        venueId: r.venue_id,
        venueName: r.venue_name,
        orgName: r.org_name,
        address: r.address,
        hoursText: hoursText(r.hours),
        services: r.services,
        roomId: r.room_id,
        roomName: r.room_name,
        capacity: r.capacity,
      }));
    },

    /** A room's taken times on a day (default today), without who booked them. */
    async roomBusy(roomId: string, date: string | undefined): Promise<RoomBusy> {
      const room = await venues.residentRoom(db, regionId, roomId);
      if (!room) throw notFound('活动室');
      const day = date ?? now().today;
      return { roomId, date: day, taken: await bookings.taken(db, regionId, roomId, day) };
    },

    async residentBookings(resident: Resident): Promise<Booking[]> {
      return (await bookings.ofResident(db, regionId, resident.id)).map(view);
    },

    residentBook(resident: Resident, input: ResidentBookingInput): Promise<Booking> {
      return db.transaction(async (tx) => {
        const room = await venues.residentRoom(tx, regionId, input.roomId);
        if (!room) throw notFound('活动室');
        const v = (await venues.byId(tx, regionId, room.venue_id))!;
        await bookings.lockResident(tx, regionId, resident.id);
        const t = now();
        const openBookings = await bookings.residentOpen(tx, regionId, resident.id, t.today, t.time);
        const name = residentLabel(resident.name);
        const { id, room: r } = await insertChecked(
          tx,
          v,
          input,
          {
            bookerKind: 'resident',
            bookerAccountId: null,
            bookerOrgId: null,
            bookerUnitId: null,
            residentId: resident.id,
            bookerName: name,
            contactPhoneEnc: resident.phoneEnc,
          },
          { openBookings },
        );
        await audit.record(tx, who(resident), {
          action: 'venue_booking.create',
          entity: BOOKING_KIND,
          entityId: id,
          entityName: `${v.name} ${r.name} ${input.date} ${input.start}-${input.end}`,
          orgPath: v.org_path,
          after: { venue: v.name, room: r.name, date: input.date, start: input.start, end: input.end, booker: name, attendees: input.attendees },
        });
        return view((await bookings.byId(tx, regionId, id))!);
      });
    },

    residentCancel(resident: Resident, id: string, input: BookingCancelInput): Promise<Booking> {
      return db.transaction(async (tx) => {
        const b = await ownBooking(tx, resident, id);
        await cancelAs(tx, b, 'booker', who(resident), input);
        return view((await bookings.byId(tx, regionId, id))!);
      });
    },
  };
}
