import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

/**
 * Two validators. Bodies are JSON and must be exactly what the contract says: no type coercion
 * (a number is not accepted for a string, nor a one-element array for a scalar) and no unknown
 * properties (they would reach the audit log). Query strings and path parameters are text by nature
 * and are coerced to the contract's types (`?page=2`, `?status=a&status=b`).
 */
const base = { allErrors: true, verbose: true, useDefaults: true, removeAdditional: false } as const;
const buildBody = AjvCompiler()({}, { customOptions: { ...base, coerceTypes: false }, plugins: [] } as never);
const buildText = AjvCompiler()({}, { customOptions: { ...base, coerceTypes: 'array' }, plugins: [] } as never);

type Schema = Record<string, unknown>;

/**
 * A copy of a body schema in which every object that does not say otherwise refuses unknown
 * properties (`additionalProperties: false`), at any depth.
 */
export function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema as Schema)) {
    out[k] = k === 'properties' || k === 'patternProperties' || k === '$defs' || k === 'definitions' ? mapValues(v as Schema) : closeObjects(v);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined && !out.patternProperties) out.additionalProperties = false;
  return out;
}

function mapValues(o: Schema): Schema {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, closeObjects(v)]));
}

type CompileArgs = Parameters<FastifySchemaCompiler<FastifySchema>>[0];

/** The validator compiler every route uses (set once on the app). */
export function compileValidator(req: CompileArgs): ReturnType<FastifySchemaCompiler<FastifySchema>> {
  const build = (req.httpPart === 'body' ? buildBody : buildText) as (r: CompileArgs) => ReturnType<FastifySchemaCompiler<FastifySchema>>;
  return build(req.httpPart === 'body' ? { ...req, schema: closeObjects(req.schema) as FastifySchema } : req);
}
