import { FormatRegistry, TypeRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/*
 * For the tests of form → body conversions: the server checks every JSON body strictly
 * (apps/server/src/platform/http/validators.ts): no type coercion, and every object with listed
 * properties refuses any other. `refusals` checks a body the same way.
 */

// What the contracts use that TypeBox's Value does not check by itself: the uuid format, and
// `Type.Unsafe` string enums / formats (plain JSON schema, as the server's validator reads them).
FormatRegistry.Set('uuid', (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v));
TypeRegistry.Set<{ type?: string; enum?: unknown[]; format?: string; pattern?: string }>('Unsafe', (s, v) => {
  if (s.type !== 'string') throw new Error(`unchecked Unsafe schema of type ${String(s.type)}`);
  return (
    typeof v === 'string' && (!s.enum || s.enum.includes(v)) && (!s.format || FormatRegistry.Get(s.format)!(v)) && (!s.pattern || new RegExp(s.pattern).test(v))
  );
});

/** A copy of `schema` in which every object with listed properties refuses others, as the server compiles it. */
function closed<T extends TSchema>(schema: T): T {
  const walk = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(walk);
    if (s === null || typeof s !== 'object') return s;
    const out: Record<PropertyKey, unknown> = {};
    for (const k of Reflect.ownKeys(s)) out[k] = walk((s as Record<PropertyKey, unknown>)[k]); // keeps TypeBox's symbol keys
    if (out.type === 'object' && out.properties && out.additionalProperties === undefined && !out.patternProperties) out.additionalProperties = false;
    return out;
  };
  return walk(schema) as T;
}

/** What the server would refuse in `body` (after a JSON round trip, as sent), as `path: message` lines. */
export function refusals(schema: TSchema, body: unknown): string[] {
  const sent: unknown = JSON.parse(JSON.stringify(body));
  return [...Value.Errors(closed(schema), sent)].map((e) => `${e.path}: ${e.message}`);
}
