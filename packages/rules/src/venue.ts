import { VENUE_RULES_2026, type VenueKind, type VenueRuleSet, type VenueStatus } from './venue.rules.ts';

/** One weekly opening period: on `days` (1 = Monday … 7 = Sunday) from `start` to `end` ('HH:MM'). */
export interface OpeningPeriod {
  days: readonly number[];
  start: string;
  end: string;
  /** 延时开放 (after the usual hours), shown as such. */
  extended?: boolean;
}

/** A refusal of a booking or of opening hours: the field it is about and the Chinese message. */
export interface VenueRefusal {
  field: string;
  message: string;
  /** The rule id the refusal applies. */
  rule: string;
}

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of 'HH:MM' (24:00 is 1440); NaN when malformed. */
export function toMinutes(t: string): number {
  const m = HHMM.exec(t);
  if (!m) return Number.NaN;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v > 1440 ? Number.NaN : v;
}

/** 'HH:MM' of minutes after midnight. */
export const fromMinutes = (v: number): string => `${String(Math.floor(v / 60)).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}`;

/** The weekday of a date 'YYYY-MM-DD', 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const DAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
/** 周一至周五, 周六、周日, 周一、周三至周五 … */
export function daysText(days: readonly number[]): string {
  const s = [...new Set(days)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j]! + 1) j++;
    runs.push(
      j - i >= 2
        ? `${DAY_NAMES[s[i]!]}至${DAY_NAMES[s[j]!]}`
        : s
            .slice(i, j + 1)
            .map((d) => DAY_NAMES[d])
            .join('、'),
    );
    i = j + 1;
  }
  return runs.join('、');
}

/** The opening hours as people write them: 周一至周五 08:30-17:30；周六 09:00-12:00（延时）. */
export function hoursText(hours: readonly OpeningPeriod[]): string {
  return hours.map((p) => `${daysText(p.days)} ${p.start}-${p.end}${p.extended ? '（延时）' : ''}`).join('；');
}

/**
 * Rule venue-hours: every period names days 1–7, lies within the rule set's earliest and latest
 * times, starts before it ends, and no two periods of one day overlap. Null when sound.
 */
export function openingHoursRefusal(hours: readonly OpeningPeriod[], rules: VenueRuleSet = VENUE_RULES_2026): VenueRefusal | null {
  const bad = (message: string): VenueRefusal => ({ field: 'hours', message, rule: 'venue-hours' });
  if (hours.length === 0) return bad('请填写开放时间（每周哪几天、几点到几点）');
  const lo = toMinutes(rules.earliestOpen);
  const hi = toMinutes(rules.latestClose);
  for (const p of hours) {
    const s = toMinutes(p.start);
    const e = toMinutes(p.end);
    if (p.days.length === 0 || p.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) return bad('开放时间须选择星期几（周一至周日）');
    if (Number.isNaN(s) || Number.isNaN(e)) return bad(`开放时间“${p.start}-${p.end}”无效，请写成如 08:30-17:30`);
    if (s >= e) return bad(`开放时间 ${p.start}-${p.end} 的开始须早于结束`);
    if (s < lo || e > hi) return bad(`开放时间须在 ${rules.earliestOpen} 至 ${rules.latestClose} 之间（含延时开放），${p.start}-${p.end} 超出`);
  }
  for (let d = 1; d <= 7; d++) {
    const day = hours.filter((p) => p.days.includes(d)).map((p) => [toMinutes(p.start), toMinutes(p.end)] as const);
    day.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < day.length; i++)
      if (day[i]![0] < day[i - 1]![1])
        return bad(
          `${DAY_NAMES[d]}的开放时间段有重叠（${fromMinutes(day[i - 1]![0])}-${fromMinutes(day[i - 1]![1])} 与 ${fromMinutes(day[i]![0])}-${fromMinutes(day[i]![1])}）`,
        );
  }
  return null;
}

/** Rule venue-overlap [V3]: half-open intervals [start, end) in minutes intersect. */
export const bookingsOverlap = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** What a booking is checked against. */
export interface BookingCheck {
  date: string;
  start: string;
  end: string;
  attendees: number;
  room: { capacity: number; residentBookable: boolean; name: string };
  venue: { status: VenueStatus; hours: readonly OpeningPeriod[]; name: string };
  /** Today in China and the minutes after midnight now. */
  today: string;
  nowMinutes: number;
  /** A resident on H5 (rule venue-resident), with their upcoming bookings. */
  resident?: { openBookings: number };
}

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * Every rule a booking must meet before the overlap check (which needs the room's other bookings,
 * read under the room's lock): venue open, slot grid, length, ahead, within hours, capacity, the
 * resident's limits. Null when it may be booked.
 */
export function bookingRefusal(b: BookingCheck, rules: VenueRuleSet = VENUE_RULES_2026): VenueRefusal | null {
  const s = toMinutes(b.start);
  const e = toMinutes(b.end);
  if (b.venue.status !== 'open') return { field: 'roomId', message: `「${b.venue.name}」已暂停开放，暂不接受预约`, rule: 'venue-status' };
  if (b.resident && !b.room.residentBookable)
    return { field: 'roomId', message: `「${b.room.name}」不对居民开放预约，请选择其他活动室`, rule: 'venue-resident' };
  if (Number.isNaN(s) || Number.isNaN(e)) return { field: 'start', message: '请填写如 09:00 的开始和结束时间', rule: 'venue-slot' };
  if (s % rules.slotMinutes !== 0 || e % rules.slotMinutes !== 0)
    return { field: 'start', message: `预约时间须以 ${rules.slotMinutes} 分钟为单位（如 09:00、09:30）`, rule: 'venue-slot' };
  if (e <= s) return { field: 'end', message: '结束时间须晚于开始时间', rule: 'venue-length' };
  if (e - s < rules.minBookingMinutes) return { field: 'end', message: `每次预约至少 ${rules.minBookingMinutes} 分钟`, rule: 'venue-length' };
  if (e - s > rules.maxBookingMinutes)
    return { field: 'end', message: `每次预约最长 ${rules.maxBookingMinutes / 60} 小时，请分次预约或缩短时间`, rule: 'venue-length' };
  if (b.date < b.today || (b.date === b.today && s <= b.nowMinutes))
    return { field: 'date', message: '不能预约已经过去的时间，请选择今后的时段', rule: 'venue-ahead' };
  if (b.date > addDays(b.today, rules.maxDaysAhead))
    return { field: 'date', message: `最多可提前 ${rules.maxDaysAhead} 天预约（最晚 ${addDays(b.today, rules.maxDaysAhead)}）`, rule: 'venue-ahead' };
  const wd = weekdayOf(b.date);
  const fits = b.venue.hours.some((p) => p.days.includes(wd) && toMinutes(p.start) <= s && e <= toMinutes(p.end));
  if (!fits) {
    const today = b.venue.hours.filter((p) => p.days.includes(wd));
    const open = today.length ? `当天开放时间为 ${today.map((p) => `${p.start}-${p.end}`).join('、')}` : '当天不开放';
    return { field: 'start', message: `${b.start}-${b.end} 不在「${b.venue.name}」的开放时间内（${open}）`, rule: 'venue-within-hours' };
  }
  if (b.attendees > b.room.capacity)
    return { field: 'attendees', message: `「${b.room.name}」最多容纳 ${b.room.capacity} 人，预计 ${b.attendees} 人超出`, rule: 'venue-capacity' };
  if (b.resident && b.resident.openBookings >= rules.residentOpenLimit)
    return { field: 'roomId', message: `每位居民同时最多保留 ${rules.residentOpenLimit} 个未使用的预约，请先使用或取消已有预约`, rule: 'venue-resident' };
  return null;
}

/** A venue's share of its community's area (rule venue-area-counts): counted or not. */
export const venueAreaCounts = (v: { kind: VenueKind; status: VenueStatus }, rules: VenueRuleSet = VENUE_RULES_2026): boolean =>
  rules.areaCountsKinds.includes(v.kind) && rules.areaCountsStatuses.includes(v.status);

/** Rule venue-min-area: how many m² the community lacks (0 when it meets the rule). */
export const venueAreaShortfall = (countedM2: number, rules: VenueRuleSet = VENUE_RULES_2026): number =>
  Math.max(0, Math.round((rules.minAreaPerCommunityM2 - countedM2) * 100) / 100);

/** Rules venue-min-area and venue-area-unregistered: whether the community raises a 待办. */
export const venueAreaWarns = (c: { countedM2: number; venues: number }, rules: VenueRuleSet = VENUE_RULES_2026): boolean =>
  venueAreaShortfall(c.countedM2, rules) > 0 && (c.venues > 0 || rules.warnWithoutVenues);

/** Hours of a booking (one decimal). */
export const bookingHours = (start: string, end: string): number => Math.round(((toMinutes(end) - toMinutes(start)) / 60) * 10) / 10;
