import type { Booking, BookingCancelInput, BookingDetail, BookingInput, BookingQuery } from '@jiceng/contracts';
import { bookingRefusal, type BookingRole } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { dbErrorOf } from '../../platform/db/db-errors.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { ReportedUnit } from '../reportin/index.ts';
import type { BookingRow, BookingWrite } from './venue.bookings.repository.ts';
import { addDays, BOOKING_KIND, field, type VenueCore } from './venue.core.ts';
import { bookingRole, isOrgSide, isUnitSide, mayBook, maySeeVenue, unitsBookingHere } from './venue.policy.ts';
import { bookingStatus, presentBooking } from './venue.presenter.ts';
import type { RoomRow, VenueRow } from './venue.repository.ts';

/** The longest date range a bookings table or export covers. */
export const BOOKING_RANGE_MAX_DAYS = 366;

/** 409 of rule venue-overlap: the slot was just taken (or overlaps one already there). */
export function slotTaken(room: string, date: string, start: string, end: string, other?: { start: string; end: string }): Error {
  const clash = other ? `与已有预约 ${other.start}-${other.end} 重叠` : '与刚刚提交的预约重叠';
  return conflict(`该时段刚刚已被预约：「${room}」${date} ${start}-${end} ${clash}，请刷新后选择其他时段`);
}

/** A date range from the query: default today and 30 days on; `to` not before `from`, at most a year. */
export function dateRange(q: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const from = q.from ?? today;
  const to = q.to ?? addDays(from, 30);
  if (Number.isNaN(Date.parse(from))) throw field('from', '起始日期无效');
  if (Number.isNaN(Date.parse(to))) throw field('to', '截止日期无效');
  if (to < from) throw field('to', '截止日期不能早于起始日期');
  if (to > addDays(from, BOOKING_RANGE_MAX_DAYS)) throw field('to', `一次最多查看 ${BOOKING_RANGE_MAX_DAYS} 天的预约`);
  return { from, to };
}

/**
 * Bookings (rule venue-booking-2026). A booking locks its room row `for update`, then reads the
 * room's active bookings of that day that overlap (rule venue-overlap) and inserts in the same
 * transaction: of simultaneous overlapping bookings exactly one commits, on both engines; the
 * exclusion constraint `venue_booking_no_overlap` would refuse any that got past.
 */
export function createVenueBookings(core: VenueCore) {
  const { db, regionId, audit, crypto, rules, bookingFlow, bookings, venues, unitsOf, loadVenue, now } = core;

  async function loadBooking(tx: Database, actor: Actor, id: string): Promise<{ b: BookingRow; units: ReportedUnit[] }> {
    const units = await unitsOf(tx, actor);
    const b = await bookings.byId(tx, regionId, id);
    if (!b || !maySeeVenue(actor, units, { org_id: b.org_id, org_path: b.org_path, unit_id: b.venue_unit_id })) throw notFound('预约');
    return { b, units };
  }

  /** The checks every booker shares, then the overlap under the room's lock, then the insert. Returns the new id. */
  async function insertChecked(
    tx: Database,
    v: VenueRow,
    input: { roomId: string; date: string; start: string; end: string; purpose: string; attendees: number },
    who: Omit<BookingWrite, 'id' | 'venueId' | 'roomId' | 'date' | 'start' | 'end' | 'purpose' | 'attendees'>,
    resident?: { openBookings: number },
  ): Promise<{ id: string; room: RoomRow }> {
    const room = await venues.room(tx, regionId, input.roomId, true);
    if (!room || room.venue_id !== v.id) throw notFound('活动室');
    if (!room.active) throw field('roomId', `「${room.name}」已停用，请选择其他活动室`);
    const t = now();
    const refusal = bookingRefusal(
      {
        date: input.date,
        start: input.start,
        end: input.end,
        attendees: input.attendees,
        room: { capacity: room.capacity, residentBookable: room.resident_bookable, name: room.name },
        venue: { status: v.status, hours: v.hours, name: v.name },
        today: t.today,
        nowMinutes: t.minutes,
        ...(resident ? { resident } : {}),
      },
      rules,
    );
    if (refusal) throw field(refusal.field, refusal.message);
    const clash = await bookings.overlapping(tx, regionId, room.id, input.date, input.start, input.end);
    if (clash.length > 0) throw slotTaken(room.name, input.date, input.start, input.end, clash[0]);
    const id = newId();
    try {
      await bookings.insert(tx, regionId, { ...input, id, venueId: v.id, roomId: room.id, purpose: input.purpose.trim(), ...who });
    } catch (e) {
      // the exclusion constraint: only a path that bypassed the room's lock can get here
      if (dbErrorOf(e)?.code === '23P01') throw slotTaken(room.name, input.date, input.start, input.end);
      throw e;
    }
    return { id, room };
  }

  async function detail(tx: Database, actor: Actor, id: string): Promise<BookingDetail> {
    const { b, units } = await loadBooking(tx, actor, id);
    return { ...presentBooking(b, actor, units, crypto, now()), history: await bookingFlow.history(tx, id) };
  }

  return {
    insertChecked,

    /** A venue's bookings for a date range (the venue's page). */
    async bookings(actor: Actor, venueId: string, q: BookingQuery): Promise<Booking[]> {
      const { units } = await loadVenue(db, actor, venueId);
      const t = now();
      const { from, to } = dateRange(q, t.today);
      return (await bookings.ofVenue(db, regionId, venueId, from, to, q.includeCancelled ?? false)).map((b) => presentBooking(b, actor, units, crypto, t));
    },

    booking: (actor: Actor, id: string): Promise<BookingDetail> => detail(db, actor, id),

    /** 预约: an organization (regional:record or regional:manage in scope) or a 驻区单位 account for its unit. */
    book(actor: Actor, venueId: string, input: BookingInput): Promise<BookingDetail> {
      return db.transaction(async (tx) => {
        const { venue: v, units } = await loadVenue(tx, actor, venueId);
        if (!mayBook(actor, units, v)) throw forbidden('您没有预约该阵地活动室的权限');
        let who: Parameters<typeof insertChecked>[3];
        if (isOrgSide(actor)) {
          if (input.unitId) throw field('unitId', '党组织预约不填写驻区单位');
          who = {
            bookerKind: 'org',
            bookerAccountId: actor.id,
            bookerOrgId: actor.orgId,
            bookerUnitId: null,
            residentId: null,
            bookerName: actor.orgName,
            contactPhoneEnc: null,
          };
        } else if (isUnitSide(actor)) {
          const here = unitsBookingHere(units, v);
          const unit = input.unitId ? here.find((u) => u.id === input.unitId) : here[0];
          if (!unit) throw field('unitId', '所选单位未向该阵地所在社区报到，不能以其名义预约');
          who = {
            bookerKind: 'unit',
            bookerAccountId: actor.id,
            bookerOrgId: null,
            bookerUnitId: unit.id,
            residentId: null,
            bookerName: unit.unitName,
            contactPhoneEnc: null,
          };
        } else throw forbidden();
        const { id, room } = await insertChecked(tx, v, input, who);
        await audit.record(tx, actor, {
          action: 'venue_booking.create',
          entity: BOOKING_KIND,
          entityId: id,
          entityName: `${v.name} ${room.name} ${input.date} ${input.start}-${input.end}`,
          orgPath: v.org_path,
          after: { venue: v.name, room: room.name, date: input.date, start: input.start, end: input.end, booker: who.bookerName, attendees: input.attendees },
        });
        return detail(tx, actor, id);
      });
    },

    /** 取消预约 (with a reason): its booker or the venue's community, before it starts. */
    cancel(actor: Actor, id: string, input: BookingCancelInput): Promise<BookingDetail> {
      return db.transaction(async (tx) => {
        const { b, units } = await loadBooking(tx, actor, id);
        const role = bookingRole(actor, units, b);
        if (!role) throw forbidden('只有预约人或阵地所属社区可以取消预约');
        await cancelAs(tx, b, role, { id: actor.id, displayName: actor.displayName, ip: actor.ip }, input);
        return detail(tx, actor, id);
      });
    },

    /** The cancel step itself (the residents' side too): not once it has started; the workflow records it. */
    cancelAs,
  };

  async function cancelAs(
    tx: Database,
    b: BookingRow,
    role: BookingRole,
    who: { id: string | null; displayName: string | null; ip: string | null },
    input: BookingCancelInput,
  ): Promise<void> {
    const status = bookingStatus(b, now());
    if (status === 'used' || status === 'in_use') throw conflict(`该预约${status === 'used' ? '已使用' : '正在使用中'}，不能取消`);
    const reason = input.reason.trim();
    await bookingFlow.apply(tx, {
      recordId: b.id,
      orgPath: b.org_path,
      action: 'cancel',
      actor: { ...who, role },
      currentState: b.state,
      reason,
      version: input.version,
      entityName: `${b.venue_name} ${b.room_name} ${b.booked_on} ${b.start}-${b.end}`,
      fields: { cancel_reason: reason, cancelled_at: new Date(core.clock.now()).toISOString(), cancelled_by: who.displayName },
      data: { room: b.room_name, date: b.booked_on, start: b.start, end: b.end },
    });
  }
}
