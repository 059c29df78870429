import { Type, type Static } from '@sinclair/typebox';
import { DATE_PATTERN, DateOnly, Id } from './common.ts';

/** 组织生活台账 (one branch, one year) and 会议统计 (a subtree by type and month; issue 9). */

const Year = (description = '年度') => Type.Integer({ minimum: 2000, maximum: 2099, description });
const Day = (description: string) => Type.String({ pattern: DATE_PATTERN, description });

export const MeetingLedgerQuery = Type.Object({
  orgId: Type.Unsafe<string>({ ...Id, description: '党支部' }),
  year: Year(),
});
export type MeetingLedgerQuery = Static<typeof MeetingLedgerQuery>;

/** The longest range of dates 会议统计 covers: calendar months touched, both ends' months included. */
export const MEETING_STATS_RANGE_MAX_MONTHS = 24;

/**
 * 会议统计's period is one of two kinds, never both: a year (`year`, optionally `quarter`), or a
 * range of dates (`from` and `to` together, at most MEETING_STATS_RANGE_MAX_MONTHS calendar months).
 * Mixing them, or giving neither, is a 400 that says which to clear or fill in.
 */
export const MeetingStatsQuery = Type.Object({
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '党组织（默认本级）' })),
  year: Type.Optional(Year('年度（与起止日期二选一）')),
  quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: '季度（随年度填写，不填为全年）' })),
  from: Type.Optional(Day('开始日期 YYYY-MM-DD（与年度、季度二选一，须与结束日期同时填写）')),
  to: Type.Optional(Day(`结束日期 YYYY-MM-DD（含当日，不早于开始日期，跨度不超过${MEETING_STATS_RANGE_MAX_MONTHS}个月）`)),
});
export type MeetingStatsQuery = Static<typeof MeetingStatsQuery>;

const TypeCounts = Type.Record(Type.String(), Type.Integer(), { description: '会议类型 → 次数' });

export const MeetingStats = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  /** The year asked for; null for a range of dates. */
  year: Type.Union([Type.Integer(), Type.Null()]),
  quarter: Type.Union([Type.Integer(), Type.Null()]),
  /** First and last day counted (a year's or quarter's bounds, or the range asked for). */
  from: DateOnly,
  to: DateOnly,
  /** The period in words: 「2026年」「2026年第一季度」「2025年11月15日至2026年2月10日」. */
  periodLabel: Type.String(),
  /** The months of the period, `YYYY-MM` (the first and last may be partly in the range). */
  months: Type.Array(Type.String()),
  /** Column headings of `months`: 「3月」, or 「2025年12月」 when the months span two years. */
  monthLabels: Type.Array(Type.String()),
  /** Meeting types in display order, with their labels. */
  types: Type.Array(Type.Object({ type: Type.String(), label: Type.String() })),
  /** Per type: count in each month (same order as `months`) and the total. */
  byType: Type.Array(Type.Object({ type: Type.String(), label: Type.String(), months: Type.Array(Type.Integer()), total: Type.Integer() })),
  /** Per direct child organization (and 本级 when the organization holds meetings itself). */
  byChild: Type.Array(Type.Object({ orgId: Id, orgName: Type.String(), counts: TypeCounts, total: Type.Integer() })),
  total: Type.Integer(),
  /** Which states count as held (the compliance rule set's), in words. */
  countedNote: Type.String(),
});
export type MeetingStats = Static<typeof MeetingStats>;
