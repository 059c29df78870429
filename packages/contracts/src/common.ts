import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Region (county-level division code) and ids are strings everywhere. */
export const Id = Type.String({ format: 'uuid', description: '记录编号' });
/**
 * A real calendar date of record, `YYYY-MM-DD`, years 1900–2099: month lengths and leap years are
 * checked by the pattern itself, so `2026-02-30` and `0000-00-00` are refused by every validator
 * (server, TypeBox `Value`, web forms) instead of reaching the database.
 */
export const DATE_PATTERN =
  '^(?:(?:19|20)\\d\\d-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))|(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26]))-02-29)$';
export const DateOnly = Type.String({ pattern: DATE_PATTERN, description: '日期 YYYY-MM-DD' });
export const Timestamp = Type.String({ description: 'ISO 8601 时间' });

/**
 * The version of a record people edit in forms: every read returns it (and an `ETag`), every write
 * sends back the one it started from (this field or `If-Match`); a stale one answers STALE_VERSION.
 */
export const VERSION_MAX = 2_147_483_647;
export const Version = Type.Integer({ minimum: 1, maximum: VERSION_MAX, description: '记录版本（读取时返回，保存时原样提交）' });

export const IdParams = Type.Object({ id: Id });
export type IdParams = Static<typeof IdParams>;

export const PAGE_SIZE_MAX = 200;
/** Highest page number a list accepts: far past any real list, well inside SQL's offset range. */
export const PAGE_MAX = 100_000;
/** The page-number field of every list query. */
export const PageNumber = Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1, description: '页码' }));
/** The page-size field of every list query, with the list's own default. */
export const pageSizeField = (def = 20) => Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: def, description: '每页条数' }));
export const PageQuery = Type.Object({ page: PageNumber, pageSize: pageSizeField() });
export type PageQuery = Static<typeof PageQuery>;

/** A page of items with the total count. */
export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

export const Ok = Type.Object({ ok: Type.Literal(true) });

export const ErrorResponse = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});
