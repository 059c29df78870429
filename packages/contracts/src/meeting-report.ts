import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common.ts';

/** 组织生活台账 (one branch, one year) and 会议统计 (a subtree by type and month; issue 9). */

const Year = Type.Integer({ minimum: 2000, maximum: 2099, description: '年度' });

export const MeetingLedgerQuery = Type.Object({
  orgId: Type.Unsafe<string>({ ...Id, description: '党支部' }),
  year: Year,
});
export type MeetingLedgerQuery = Static<typeof MeetingLedgerQuery>;

export const MeetingStatsQuery = Type.Object({
  orgId: Type.Optional(Type.Unsafe<string>({ ...Id, description: '党组织（默认本级）' })),
  year: Year,
  quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: '季度（不填为全年）' })),
});
export type MeetingStatsQuery = Static<typeof MeetingStatsQuery>;

const TypeCounts = Type.Record(Type.String(), Type.Integer(), { description: '会议类型 → 次数' });

export const MeetingStats = Type.Object({
  orgId: Id,
  orgName: Type.String(),
  year: Type.Integer(),
  quarter: Type.Union([Type.Integer(), Type.Null()]),
  /** The months of the period, `YYYY-MM`. */
  months: Type.Array(Type.String()),
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
