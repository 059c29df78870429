import { Type, type Static } from '@sinclair/typebox';

/**
 * Age bands of the annual statistics (domain-rules §6.1): 30 and under, 5-year bands 31–35 … 56–60,
 * 61 and over. `max` is inclusive; ages are full years on the day of the read.
 */
export const MEMBER_AGE_BANDS: readonly { key: string; label: string; min?: number; max?: number }[] = [
  { key: '-30', label: '30岁及以下', max: 30 },
  ...[31, 36, 41, 46, 51, 56].map((min) => ({ key: `${min}-${min + 4}`, label: `${min}～${min + 4}岁`, min, max: min + 4 })),
  { key: '61-', label: '61岁及以上', min: 61 },
];

/** One bar or slice: a dictionary value, its Chinese label and how many members have it. */
export const MemberStatBucket = Type.Object({
  /** The value (gender, education key, or age band key of MEMBER_AGE_BANDS). */
  key: Type.String(),
  /** Its Chinese label. */
  label: Type.String(),
  /** Members with it. */
  count: Type.Integer({ minimum: 0 }),
});
export type MemberStatBucket = Static<typeof MemberStatBucket>;

/**
 * GET /api/members/stats: the structure of the members in the account's scope (its subtree; members
 * who have left not counted), aggregates only — no name or personal field leaves the server. Every
 * dictionary value is listed, zeros included, in dictionary order; each breakdown sums to `total`.
 */
export const MemberStats = Type.Object({
  /** Members in scope (正式 and 预备, 停止党籍 included; 出党 not). */
  total: Type.Integer({ minimum: 0 }),
  /** By gender (男, 女). */
  byGender: Type.Array(MemberStatBucket),
  /** By age band (MEMBER_AGE_BANDS). */
  byAge: Type.Array(MemberStatBucket),
  /** By education (学历, Education order). */
  byEducation: Type.Array(MemberStatBucket),
});
export type MemberStats = Static<typeof MemberStats>;
