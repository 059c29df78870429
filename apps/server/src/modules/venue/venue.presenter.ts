import type { Booking, BookingStatusId, Venue, VenueRoom } from '@jiceng/contracts';
import { bookingHours, hoursText, toMinutes } from '@jiceng/rules';
import { maskPhone } from '../../platform/crypto/mask.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { isoTime } from '../../platform/db/time.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { ReportedUnit } from '../reportin/index.ts';
import type { BookingRow } from './venue.bookings.repository.ts';
import { bookingRole, isBooker, isOrgSide } from './venue.policy.ts';
import type { RoomRow, VenueRow } from './venue.repository.ts';

/** A venue as the lists show it; the manager's phone masked unless `unmask` (the caller audits that read). */
export function presentVenue(v: VenueRow, crypto: FieldCrypto, unmask = false): Venue {
  return {
    id: v.id,
    orgId: v.org_id,
    orgName: v.org_name,
    streetName: v.street_name,
    unitId: v.unit_id,
    unitName: v.unit_name,
    name: v.name,
    kind: v.kind,
    address: v.address,
    areaM2: Number(v.area_m2),
    hours: v.hours,
    hoursText: hoursText(v.hours),
    extendedHours: v.hours.some((p) => !!p.extended),
    managerName: v.manager_name,
    managerPhone: unmask ? crypto.decrypt(v.manager_phone_enc) : v.manager_phone_masked,
    services: v.services,
    status: v.status,
    statusReason: v.status === 'suspended' ? v.status_reason : null,
    roomCount: v.room_count,
    capacity: v.capacity,
    version: v.version,
    createdAt: isoTime(v.created_at),
    updatedAt: isoTime(v.updated_at),
  };
}

export const presentRoom = (r: RoomRow): VenueRoom => ({
  id: r.id,
  name: r.name,
  capacity: r.capacity,
  areaM2: Number(r.area_m2),
  residentBookable: r.resident_bookable,
  active: r.active,
});

/** 已预约 / 使用中 / 已使用 (its time has passed: it counts as used) / 已取消, judged on `now`. */
export function bookingStatus(b: Pick<BookingRow, 'state' | 'booked_on' | 'start' | 'end'>, now: { today: string; minutes: number }): BookingStatusId {
  if (b.state === 'cancelled') return 'cancelled';
  if (b.booked_on < now.today || (b.booked_on === now.today && toMinutes(b.end) <= now.minutes)) return 'used';
  if (b.booked_on === now.today && toMinutes(b.start) <= now.minutes) return 'in_use';
  return 'upcoming';
}

/** A resident named by surname only (居民张*), so nobody else learns who booked. */
export const residentLabel = (name: string | null) => `居民${name?.trim() ? `${[...name.trim()][0]}*` : ''}`;

/**
 * A booking as `actor` sees it: a resident's phone (masked) only for the venue's community; whether
 * it is the account's own and whether it may still be cancelled by it.
 */
export function presentBooking(
  b: BookingRow,
  actor: Actor,
  units: readonly ReportedUnit[],
  crypto: FieldCrypto,
  now: { today: string; minutes: number },
): Booking {
  const status = bookingStatus(b, now);
  const community = isOrgSide(actor) && pathInScope(actor, b.org_path);
  let phone: string | null = null;
  if (community && b.contact_phone_enc) {
    try {
      phone = maskPhone(crypto.decrypt(b.contact_phone_enc));
    } catch {
      phone = null;
    }
  }
  return {
    ...bookingCore(b, status),
    contactPhone: phone,
    mine: isBooker(actor, units, b),
    canCancel: status === 'upcoming' && bookingRole(actor, units, b) !== null,
  };
}

/** What every reader of a booking sees. */
export function bookingCore(b: BookingRow, status: BookingStatusId) {
  return {
    id: b.id,
    venueId: b.venue_id,
    venueName: b.venue_name,
    orgName: b.org_name,
    roomId: b.room_id,
    roomName: b.room_name,
    date: b.booked_on,
    start: b.start,
    end: b.end,
    hours: bookingHours(b.start, b.end),
    purpose: b.purpose,
    attendees: b.attendees,
    bookerKind: b.booker_kind,
    bookerName: b.booker_name,
    status,
    cancelReason: b.cancel_reason,
    cancelledBy: b.cancelled_by,
    version: b.version,
    createdAt: isoTime(b.created_at),
  };
}
