import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id } from './common.ts';

/** The national system's repeating tabs of a member record. */
export const MemberDetailKind = { POST: 'post', REWARD: 'reward', ABROAD: 'abroad', FAMILY: 'family' } as const;
export type MemberDetailKind = (typeof MemberDetailKind)[keyof typeof MemberDetailKind];
export const memberDetailKindLabel: Record<MemberDetailKind, string> = { post: '职务', reward: '奖惩', abroad: '出国出境', family: '家庭成员' };

const S = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });
const Opt = (max: number, description: string) => Type.Optional(Type.Union([Type.String({ maxLength: max, description }), Type.Null()]));

/** Field sets per kind; the dates of an entry are startDate/endDate on the envelope. */
export const MemberDetailData = {
  post: Type.Object({ title: S(60, '职务名称'), unit: Opt(100, '任职单位') }),
  reward: Type.Object({
    type: Type.Union([Type.Literal('reward'), Type.Literal('punishment')], { description: '奖惩类别' }),
    name: S(100, '奖惩名称'),
    authority: Opt(100, '批准机关'),
  }),
  abroad: Type.Object({ destination: S(60, '前往国家（地区）'), purpose: S(100, '事由'), approvedBy: Opt(100, '审批单位') }),
  family: Type.Object({ relation: S(20, '称谓'), name: S(30, '姓名'), workUnit: Opt(100, '工作单位及职务'), politicalStatus: Opt(20, '政治面貌') }),
} as const;

export const MemberDetailInput = Type.Object({
  kind: Type.Unsafe<MemberDetailKind>({ type: 'string', enum: Object.values(MemberDetailKind), description: '类别' }),
  data: Type.Record(Type.String(), Type.Unknown(), { description: '内容' }),
  startDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  endDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
});
export type MemberDetailInput = Static<typeof MemberDetailInput>;

export const MemberDetail = Type.Object({
  id: Id,
  kind: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  startDate: Type.Union([DateOnly, Type.Null()]),
  endDate: Type.Union([DateOnly, Type.Null()]),
});
export type MemberDetail = Static<typeof MemberDetail>;
