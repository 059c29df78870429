import { describe, expect, it } from 'vitest';
import { BOOKING_WORKFLOW, VENUE_KINDS, VENUE_RULES_2026, VENUE_WORKFLOW } from './venue.rules.ts';
import {
  bookingHours,
  bookingRefusal,
  bookingsOverlap,
  daysText,
  hoursText,
  openingHoursRefusal,
  toMinutes,
  venueAreaCounts,
  venueAreaShortfall,
  venueAreaWarns,
  weekdayOf,
  type BookingCheck,
} from './venue.ts';
import { transition, workflowProblems } from './workflow.ts';

const HOURS = [
  { days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' },
  { days: [1, 2, 3, 4, 5], start: '18:00', end: '21:00', extended: true },
  { days: [6], start: '09:00', end: '12:00' },
];
// 2026-11-23 is a Monday; the test clock stands at 2026-11-22 12:00 China time (a Sunday)
const base: BookingCheck = {
  date: '2026-11-23',
  start: '09:00',
  end: '11:00',
  attendees: 20,
  room: { capacity: 30, residentBookable: true, name: '多功能活动室' },
  venue: { status: 'open', hours: HOURS, name: '党群服务中心' },
  today: '2026-11-22',
  nowMinutes: 12 * 60,
};
const refusal = (over: Partial<BookingCheck>) => bookingRefusal({ ...base, ...over });

describe('rule set venue-2026', () => {
  it('carries its id and sources', () => {
    expect(VENUE_RULES_2026.id).toBe('venue-2026');
    expect(VENUE_RULES_2026.source).toMatch(/domain-rules §11/);
  });

  it('rule venue-min-area [V1]: 1,000 m² per community; the shortfall is what is missing', () => {
    expect(VENUE_RULES_2026.minAreaPerCommunityM2).toBe(1000);
    expect(venueAreaShortfall(999.5)).toBe(0.5);
    expect(venueAreaShortfall(1000)).toBe(0);
    expect(venueAreaShortfall(1500)).toBe(0);
    expect(venueAreaShortfall(600, { ...VENUE_RULES_2026, minAreaPerCommunityM2: 800 })).toBe(200);
  });

  it('rule venue-area-counts [V1]: open venues of every kind count, units’ opened venues included; suspended ones do not', () => {
    expect(VENUE_RULES_2026.areaCountsKinds).toEqual(VENUE_KINDS);
    for (const kind of VENUE_KINDS) expect(venueAreaCounts({ kind, status: 'open' }), kind).toBe(true);
    expect(venueAreaCounts({ kind: 'unit_open', status: 'open' })).toBe(true);
    expect(venueAreaCounts({ kind: 'service_center', status: 'suspended' })).toBe(false);
  });

  it('rule venue-area-unregistered: a community without any venue is no 待办 unless the rule set says so', () => {
    expect(venueAreaWarns({ countedM2: 0, venues: 0 })).toBe(false);
    expect(venueAreaWarns({ countedM2: 0, venues: 0 }, { ...VENUE_RULES_2026, warnWithoutVenues: true })).toBe(true);
    expect(venueAreaWarns({ countedM2: 800, venues: 2 })).toBe(true);
    expect(venueAreaWarns({ countedM2: 1200, venues: 2 })).toBe(false);
  });

  it('rule venue-hours: within 06:00–23:00 (extended hours allowed), start before end, no overlap on a day', () => {
    expect(openingHoursRefusal(HOURS)).toBeNull();
    expect(openingHoursRefusal([{ days: [7], start: '19:00', end: '23:00', extended: true }])).toBeNull();
    expect(openingHoursRefusal([])?.rule).toBe('venue-hours');
    expect(openingHoursRefusal([{ days: [1], start: '05:00', end: '12:00' }])?.message).toMatch(/06:00 至 23:00/);
    expect(openingHoursRefusal([{ days: [1], start: '12:00', end: '09:00' }])?.message).toMatch(/开始须早于结束/);
    expect(openingHoursRefusal([{ days: [], start: '08:00', end: '09:00' }])?.message).toMatch(/星期/);
    expect(openingHoursRefusal([{ days: [8], start: '08:00', end: '09:00' }])?.message).toMatch(/星期/);
    expect(openingHoursRefusal([{ days: [1], start: '8点', end: '09:00' }])?.message).toMatch(/无效/);
    expect(
      openingHoursRefusal([
        { days: [1, 2], start: '08:00', end: '12:00' },
        { days: [2], start: '11:00', end: '14:00' },
      ])?.message,
    ).toMatch(/周二的开放时间段有重叠/);
  });

  it('writes opening hours as people do', () => {
    expect(daysText([1, 2, 3, 4, 5])).toBe('周一至周五');
    expect(daysText([6, 7])).toBe('周六、周日');
    expect(daysText([1, 3, 4, 5])).toBe('周一、周三至周五');
    expect(hoursText(HOURS)).toBe('周一至周五 08:30-17:30；周一至周五 18:00-21:00（延时）；周六 09:00-12:00');
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-22')).toBe(7);
    expect(toMinutes('24:00')).toBe(1440);
    expect(toMinutes('24:30')).toBeNaN();
  });

  it('accepts a booking inside the hours, the capacity and the limits', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ start: '18:00', end: '21:00' })).toBeNull(); // an extended period
    expect(bookingHours('09:00', '11:30')).toBe(2.5);
  });

  it('rule venue-slot [V2]: on the 30-minute grid', () => {
    expect(refusal({ start: '09:15' })?.rule).toBe('venue-slot');
    expect(refusal({ end: '10:45' })?.message).toMatch(/30 分钟为单位/);
  });

  it('rule venue-length [V2]: 30 minutes to 4 hours, end after start', () => {
    expect(refusal({ end: '09:00' })?.rule).toBe('venue-length');
    expect(refusal({ start: '10:00', end: '09:00' })?.message).toMatch(/结束时间须晚于开始时间/);
    expect(refusal({ start: '09:00', end: '13:30' })?.message).toMatch(/最长 4 小时/);
    expect(refusal({ start: '09:00', end: '13:00' })).toBeNull(); // exactly 4 hours
  });

  it('rule venue-ahead [V2]: after now, at most 30 days ahead', () => {
    expect(refusal({ date: '2026-11-21' })?.rule).toBe('venue-ahead');
    expect(
      refusal({ date: '2026-11-22', start: '11:00', end: '12:00', venue: { ...base.venue, hours: [{ days: [7], start: '08:00', end: '20:00' }] } })?.rule,
    ).toBe('venue-ahead');
    expect(
      refusal({ date: '2026-11-22', start: '13:00', end: '14:00', venue: { ...base.venue, hours: [{ days: [7], start: '08:00', end: '20:00' }] } }),
    ).toBeNull();
    expect(refusal({ date: '2026-12-22', venue: { ...base.venue, hours: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00' }] } })).toBeNull();
    expect(refusal({ date: '2026-12-23' })?.message).toMatch(/最多可提前 30 天预约（最晚 2026-12-22）/);
  });

  it('rule venue-within-hours: inside one opening period of the weekday', () => {
    expect(refusal({ start: '17:00', end: '18:30' })?.rule).toBe('venue-within-hours');
    expect(refusal({ date: '2026-11-29' })?.message).toMatch(/当天不开放/); // a Sunday
    expect(refusal({ date: '2026-11-28', start: '11:00', end: '13:00' })?.message).toMatch(/当天开放时间为 09:00-12:00/);
  });

  it('rule venue-capacity: attendees within the room’s capacity', () => {
    expect(refusal({ attendees: 30 })).toBeNull();
    expect(refusal({ attendees: 31 })).toMatchObject({ rule: 'venue-capacity', field: 'attendees' });
  });

  it('rule venue-resident [V2]: residents book rooms open to them, at most 2 upcoming', () => {
    expect(refusal({ resident: { openBookings: 1 } })).toBeNull();
    expect(refusal({ resident: { openBookings: 2 } })?.rule).toBe('venue-resident');
    expect(refusal({ resident: { openBookings: 0 }, room: { ...base.room, residentBookable: false } })?.message).toMatch(/不对居民开放预约/);
    expect(refusal({ room: { ...base.room, residentBookable: false } })).toBeNull(); // organizations may
  });

  it('rule venue-status: a suspended venue takes no bookings; 开放 ⇄ 暂停开放 with a reason to suspend', () => {
    expect(refusal({ venue: { ...base.venue, status: 'suspended' } })?.message).toMatch(/已暂停开放/);
    expect(workflowProblems(VENUE_WORKFLOW)).toEqual([]);
    expect(transition(VENUE_WORKFLOW, 'open', 'suspend', { role: 'manager', reason: ' ' })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(transition(VENUE_WORKFLOW, 'open', 'suspend', { role: 'manager', reason: '装修' })).toMatchObject({ ok: true, to: 'suspended' });
    expect(transition(VENUE_WORKFLOW, 'suspended', 'reopen', { role: 'manager' })).toMatchObject({ ok: true, to: 'open' });
    expect(transition(VENUE_WORKFLOW, 'open', 'reopen', { role: 'manager' })).toMatchObject({ ok: false, code: 'illegal_transition' });
  });

  it('rule venue-overlap [V3]: half-open intervals; back to back is no overlap', () => {
    const at = (s: string, e: string) => ({ start: toMinutes(s), end: toMinutes(e) });
    expect(bookingsOverlap(at('09:00', '10:00'), at('09:30', '10:30'))).toBe(true);
    expect(bookingsOverlap(at('09:00', '12:00'), at('10:00', '11:00'))).toBe(true);
    expect(bookingsOverlap(at('10:00', '11:00'), at('09:00', '12:00'))).toBe(true);
    expect(bookingsOverlap(at('09:00', '10:00'), at('10:00', '11:00'))).toBe(false);
    expect(bookingsOverlap(at('10:00', '11:00'), at('09:00', '10:00'))).toBe(false);
  });

  it('rule venue-booking-2026: booked → cancelled by the booker or the community, with a reason', () => {
    expect(workflowProblems(BOOKING_WORKFLOW)).toEqual([]);
    for (const role of ['booker', 'community'] as const)
      expect(transition(BOOKING_WORKFLOW, 'booked', 'cancel', { role, reason: '活动改期' })).toMatchObject({ ok: true, to: 'cancelled' });
    expect(transition(BOOKING_WORKFLOW, 'booked', 'cancel', { role: 'booker' })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(transition(BOOKING_WORKFLOW, 'cancelled', 'cancel', { role: 'booker', reason: 'x' })).toMatchObject({ ok: false, code: 'illegal_transition' });
  });
});
