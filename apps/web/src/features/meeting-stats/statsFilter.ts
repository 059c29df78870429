import { MEETING_STATS_RANGE_MAX_MONTHS } from '@jiceng/contracts';
import type { Dayjs } from 'dayjs';
import type { StatsFilter } from './api.ts';

/**
 * The period the 会议统计 page asks for: a year (and quarter), or a range of dates picked in the
 * RangePicker — one or the other, as the server takes them (MeetingStatsQuery); choosing one clears
 * the other on the page.
 */
export type StatsPeriodChoice = { kind: 'year'; year: number; quarter?: number } | { kind: 'range'; from: Dayjs; to: Dayjs };

/** The query of a choice: year/quarter or from/to, never both. */
export function statsFilter(orgId: string | undefined, p: StatsPeriodChoice): StatsFilter {
  if (p.kind === 'year') return { orgId, year: p.year, quarter: p.quarter };
  return { orgId, from: p.from.format('YYYY-MM-DD'), to: p.to.format('YYYY-MM-DD') };
}

/** Calendar months from `a`'s to `b`'s, both included (how the server measures a range). */
export const monthsTouched = (a: Dayjs, b: Dayjs) => Math.abs((b.year() - a.year()) * 12 + b.month() - a.month()) + 1;

/** RangePicker's disabledDate: once one end is picked, the days that would make the range longer than the server takes. */
export function outOfRange(current: Dayjs, info?: { from?: Dayjs }): boolean {
  return !!info?.from && monthsTouched(info.from, current) > MEETING_STATS_RANGE_MAX_MONTHS;
}
