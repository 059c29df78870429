import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Region (county-level division code) and ids are strings everywhere. */
export const Id = Type.String({ format: 'uuid', description: '记录编号' });
/** A calendar date of record, `YYYY-MM-DD`. */
export const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '日期 YYYY-MM-DD' });
export const Timestamp = Type.String({ description: 'ISO 8601 时间' });

export const IdParams = Type.Object({ id: Id });
export type IdParams = Static<typeof IdParams>;

export const PAGE_SIZE_MAX = 200;
export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1, description: '页码' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20, description: '每页条数' })),
});
export type PageQuery = Static<typeof PageQuery>;

/** A page of items with the total count. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer() });

export const Ok = Type.Object({ ok: Type.Literal(true) });

export const ErrorResponse = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});
