import { DATE_PATTERN } from '@jiceng/contracts';
import fc from 'fast-check';

/**
 * Malformed requests built from a route's own request schemas, for the fuzz suite that every route
 * inherits (platform/http/fuzz.int.test.ts). A case starts from a body, query and path that satisfy
 * the schema and spoils exactly one thing, so it reaches as deep into the route as input can.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/** A request to send: method, url (params already in it), query, and a JSON body or a raw payload. */
export interface FuzzCase {
  /** What was spoiled, for the failure message. */
  label: string;
  url: string;
  query: Record<string, string>;
  body?: unknown;
  payload?: string;
  contentType?: string;
}

/** Values a string pattern of ours accepts (the first that matches is used). */
const PATTERN_SAMPLES = ['2026-01-15', '13912345678', '2026-01', 'fuzz_user1', '91320102MA1W2X3Y4Q', '320102198506150012', 'a'];

/** A value that satisfies `s`, small and plain; `id` stands in for any record id. */
export function sample(s: Schema | undefined, id: string): unknown {
  if (!s) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.anyOf?.length) return sample(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0], id);
  const type = [s.type].flat()[0] ?? 'object';
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(s.properties?.[key], id);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, id));
    case 'integer':
    case 'number':
      return s.minimum ?? Math.min(1, s.maximum ?? 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string': {
      if (s.format === 'uuid') return id;
      if (s.pattern === DATE_PATTERN || s.format === 'date') return '2026-01-15';
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        return PATTERN_SAMPLES.find((v) => re.test(v)) ?? 'a';
      }
      const min = s.minLength ?? 1;
      return '测试'.repeat(Math.ceil(min / 2)).slice(0, Math.max(min, Math.min(2, s.maxLength ?? 2)));
    }
    default:
      return {};
  }
}

let deep: unknown = 'x';
for (let i = 0; i < 200; i++) deep = { a: deep };

/** Values no field of ours should take as they are (some may be legal for a free-text field). */
export const POISONS: { label: string; value: unknown }[] = [
  { label: 'null', value: null },
  { label: 'number', value: 12345 },
  { label: 'negative', value: -1 },
  { label: 'huge number', value: 1e308 },
  { label: 'beyond int64', value: 2 ** 64 },
  { label: 'fraction', value: 1.5 },
  { label: 'boolean', value: true },
  { label: 'empty array', value: [] },
  { label: 'one-element array', value: ['a'] },
  { label: 'object', value: { a: 1 } },
  { label: 'NUL byte', value: 'a\u0000b' },
  { label: 'escape character', value: '\u001b[2J' },
  { label: 'lone surrogate', value: '\ud800' },
  { label: '100k string', value: '党'.repeat(100_000) },
  { label: 'emoji', value: '😀👨‍👩‍👧'.repeat(20) },
  { label: 'SQL', value: "'; drop table member; --" },
  { label: 'ltree punctuation', value: 'a.b.*{1,}|!@' },
  { label: 'LIKE wildcards', value: '%_\\' },
  { label: 'spaces only', value: '   ' },
  { label: 'impossible date', value: '2026-02-30' },
  { label: 'zero date', value: '0000-00-00' },
  { label: 'invalid uuid', value: 'not-a-uuid' },
  { label: 'random uuid', value: '0190d3f4-1c2b-7a00-8000-00000000beef' },
  { label: 'deep nesting', value: deep },
];

/** Query-string values (text by nature). */
export const QUERY_POISONS = [
  '\u0000',
  '99999999999999999999',
  '-1',
  '1.5',
  '2026-02-30',
  '0000-00-00',
  'not-a-uuid',
  '党'.repeat(5000),
  "'; drop table member; --",
  'a.b.*{1,}',
  '%_\\',
  '😀',
  '',
];

/** Whole bodies that are not what any route takes. */
const BAD_BODIES: { label: string; body?: unknown; payload?: string; contentType?: string }[] = [
  { label: 'body null', body: null },
  { label: 'body array', body: [] },
  { label: 'body string', body: 'text' },
  { label: 'body number', body: 42 },
  { label: 'truncated JSON', payload: '{"name":"a', contentType: 'application/json' },
  { label: 'not JSON', payload: 'name=a&b=c', contentType: 'application/json' },
  { label: 'wrong content type', payload: '{"name":"a"}', contentType: 'text/plain' },
  { label: 'form content type', payload: 'name=a', contentType: 'application/x-www-form-urlencoded' },
  { label: 'deep body', body: deep },
];

export interface RouteShape {
  method: string;
  url: string;
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
}

const withParams = (url: string, params: Record<string, string>) => url.replace(/:([A-Za-z]+)/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));

/**
 * The arbitrary of malformed requests for one route. `params` lists real ids for each of its path
 * parameters (one is drawn per case); `id` is any real record id (for uuid fields of the base body).
 */
export function fuzzCases(route: RouteShape, params: Record<string, string[]>, id: string): fc.Arbitrary<FuzzCase> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  if (!names.length) return casesWith(route, {}, id);
  const drawn = fc.record(Object.fromEntries(names.map((n) => [n, fc.constantFrom(...(params[n]?.length ? params[n] : [id]))])));
  return drawn.chain((p) => casesWith(route, p, id));
}

function casesWith(route: RouteShape, params: Record<string, string>, id: string): fc.Arbitrary<FuzzCase> {
  const bodySchema = route.schema.body as Schema | undefined;
  const querySchema = route.schema.querystring as Schema | undefined;
  const paramNames = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const takesBody = !['GET', 'DELETE', 'HEAD'].includes(route.method);
  const baseBody = () => (bodySchema ? structuredClone(sample(bodySchema, id)) : takesBody ? {} : undefined);
  const baseQuery = () => Object.fromEntries(Object.entries((sample(querySchema, id) as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]));
  const base = (label: string): FuzzCase => ({ label, url: withParams(route.url, params), query: baseQuery(), body: baseBody() });
  const arbs: fc.Arbitrary<FuzzCase>[] = [];

  const fields = bodySchema?.properties ? Object.keys(bodySchema.properties) : [];
  if (fields.length) {
    arbs.push(
      fc.record({ field: fc.constantFrom(...fields), poison: fc.constantFrom(...POISONS) }).map(({ field, poison }) => {
        const c = base(`body.${field} = ${poison.label}`);
        (c.body as Record<string, unknown>)[field] = poison.value;
        return c;
      }),
    );
    // a field inside a nested object or array of objects
    const nested = fields.flatMap((f) => {
      const p = bodySchema!.properties![f]!;
      const inner = p.properties ?? p.items?.properties;
      return inner ? Object.keys(inner).map((k) => ({ f, k, array: Boolean(p.items) })) : [];
    });
    if (nested.length) {
      arbs.push(
        fc.record({ at: fc.constantFrom(...nested), poison: fc.constantFrom(...POISONS) }).map(({ at, poison }) => {
          const c = base(`body.${at.f}.${at.k} = ${poison.label}`);
          const item = { ...(sample(at.array ? bodySchema!.properties![at.f]!.items : bodySchema!.properties![at.f], id) as object), [at.k]: poison.value };
          (c.body as Record<string, unknown>)[at.f] = at.array ? [item] : item;
          return c;
        }),
      );
    }
  }
  const required = bodySchema?.required ?? [];
  if (required.length) {
    arbs.push(
      fc.constantFrom(...required).map((field) => {
        const c = base(`body without ${field}`);
        delete (c.body as Record<string, unknown>)[field];
        return c;
      }),
    );
  }
  if (takesBody) {
    arbs.push(
      fc.constantFrom('role', 'regionId', 'id', '__proto__', 'constructor', 'x'.repeat(300)).map((key) => {
        const c = base(`body with unknown field ${key.slice(0, 20)}`);
        c.body = { ...(c.body as object), [key]: 'admin' };
        return c;
      }),
      fc.constantFrom(...BAD_BODIES).map((b) => ({ ...base(b.label), body: b.body, payload: b.payload, contentType: b.contentType })),
    );
  }
  const queryFields = querySchema?.properties ? Object.keys(querySchema.properties) : [];
  // the same poisons over a query whose optional fields are set too (a query with no required field
  // otherwise never reaches past its defaults: a range, a filter, a child organization)
  const optional = queryFields.filter((f) => !(querySchema?.required ?? []).includes(f));
  if (optional.length) {
    arbs.push(
      fc
        .record({ keep: fc.subarray(optional, { minLength: 1 }), field: fc.constantFrom(...queryFields), value: fc.constantFrom(...QUERY_POISONS) })
        .map(({ keep, field, value }) => {
          const c = base(`query with ${keep.join(',')}; ${field} = ${JSON.stringify(value.slice(0, 24))}`);
          for (const k of keep) c.query[k] = String(sample(querySchema!.properties![k], id));
          c.query[field] = value;
          return c;
        }),
    );
  }
  arbs.push(
    fc.record({ field: fc.constantFrom(...queryFields, 'unknownParam'), value: fc.constantFrom(...QUERY_POISONS) }).map(({ field, value }) => {
      const c = base(`query ${field} = ${JSON.stringify(value.slice(0, 24))}`);
      c.query[field] = value;
      return c;
    }),
  );
  if (paramNames.length) {
    arbs.push(
      fc
        .record({
          name: fc.constantFrom(...paramNames),
          value: fc.constantFrom('not-a-uuid', '\u0000', "1' or '1'='1", '99999999999999999999', '0190d3f4-1c2b-7a00-8000-00000000beef', '..', '😀'),
        })
        .map(({ name, value }) => ({
          ...base(`param ${name} = ${JSON.stringify(value)}`),
          url: withParams(route.url, { ...params, [name]: value }),
        })),
    );
  }
  return fc.oneof(...arbs);
}

/** The full url of a case, query string included. */
export const caseUrl = (c: FuzzCase) => {
  const qs = new URLSearchParams(c.query).toString();
  return qs ? `${c.url}?${qs}` : c.url;
};
