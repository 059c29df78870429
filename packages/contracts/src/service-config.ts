import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common.ts';
import { SERVICE_COMPLEXITY_IDS, ServiceAssignee, ServiceAssigneeInput } from './service.ts';

/**
 * 群众诉求's configuration per region (issue 10): the 事项类别 dictionary and the 派单规则 that
 * pick an assignee by category and place. The requests themselves are in service.ts.
 */

const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

// ---------------------------------------------------------------------------------------------
// Categories (事项类别) — an editable dictionary per region.

export const ServiceCategory = Type.Object({
  code: Type.String({ description: '类别代码' }),
  name: Type.String({ description: '类别名称' }),
  complexity: Enum(SERVICE_COMPLEXITY_IDS, '默认办理类别'),
  complexityLabel: Type.String(),
  sort: Type.Integer(),
  active: Type.Boolean({ description: '启用' }),
});
export type ServiceCategory = Static<typeof ServiceCategory>;
export const ServiceCategoryInput = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,29}$', description: '类别代码（小写字母开头，字母数字下划线）' }),
    name: Type.String({ minLength: 2, maxLength: 20, description: '类别名称' }),
    complexity: Enum(SERVICE_COMPLEXITY_IDS, '默认办理类别'),
    sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ServiceCategoryInput = Static<typeof ServiceCategoryInput>;

// ---------------------------------------------------------------------------------------------
// Dispatch rules (派单规则): by category and place, the most specific wins.

export const ServiceDispatchRule = Type.Object({
  id: Id,
  /** The place it applies to: a street, a community or a grid, with everything under it. */
  orgId: Id,
  orgName: Type.String(),
  categoryCode: Nullable(Type.String({ description: '事项类别（空：所有类别）' })),
  categoryName: Nullable(Type.String()),
  assignee: ServiceAssignee,
  note: Nullable(Type.String()),
});
export type ServiceDispatchRule = Static<typeof ServiceDispatchRule>;
export const ServiceDispatchRuleInput = Type.Object(
  {
    orgId: Id,
    categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    assignee: ServiceAssigneeInput,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ServiceDispatchRuleInput = Static<typeof ServiceDispatchRuleInput>;
