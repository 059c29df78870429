import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id } from './common.ts';

/** 群众诉求's figures (issue 10): counts and rates of the loop, grouped by organization, grid, category or month. */

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const NullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

// ---------------------------------------------------------------------------------------------
// Figures (接诉即办 performance).

export const SERVICE_FIGURE_GROUPS = ['org', 'grid', 'category', 'month'] as const;
export const ServiceFiguresQuery = Type.Object({
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  orgId: Type.Optional(Id),
  groupBy: Type.Optional(Enum(SERVICE_FIGURE_GROUPS, '分组：org 下级组织 / grid 网格 / category 类别 / month 月份')),
});
export type ServiceFiguresQuery = Static<typeof ServiceFiguresQuery>;
/** One row of the figures: counts, and the rates as fractions 0–1 (null when nothing to rate). */
export const ServiceFigureRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  total: Type.Integer({ description: '诉求数' }),
  accepted: Type.Integer({ description: '已受理' }),
  responded: Type.Integer({ description: '已响应（接单）' }),
  respondedOnTime: Type.Integer({ description: '在响应时限内接单' }),
  resolved: Type.Integer({ description: '已办结' }),
  rated: Type.Integer({ description: '已评价' }),
  satisfied: Type.Integer({ description: '满意+基本满意' }),
  onTime: Type.Integer({ description: '按时办结' }),
  returned: Type.Integer({ description: '被退单的诉求' }),
  reopened: Type.Integer({ description: '重办的诉求' }),
  overdueOpen: Type.Integer({ description: '在办超时' }),
  /** In-time 接单 / 已受理. */
  responseRate: NullableNumber('响应率（按时接单÷已受理）'),
  /** 已办结 / 已受理. */
  resolutionRate: NullableNumber('解决率（已办结÷已受理）'),
  /** 满意+基本满意 / 已评价 (auto-closed ones are not rated and count neither way). */
  satisfactionRate: NullableNumber('满意率（满意+基本满意÷已评价）'),
  onTimeRate: NullableNumber('按时办结率（按时办结÷已办结）'),
  bounceRate: NullableNumber('退单率（被退单÷已受理）'),
  reopenRate: NullableNumber('重办率（重办÷已办结）'),
});
export type ServiceFigureRow = Static<typeof ServiceFigureRow>;
export const ServiceFigures = Type.Object({
  from: DateOnly,
  to: DateOnly,
  groupBy: Type.String(),
  total: ServiceFigureRow,
  rows: Type.Array(ServiceFigureRow),
});
export type ServiceFigures = Static<typeof ServiceFigures>;
