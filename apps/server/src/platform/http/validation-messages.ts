import { DATE_PATTERN } from '@jiceng/contracts';

/**
 * Turns schema-validation errors into Chinese messages naming the field, using each property's
 * `description` from the contract when it has one.
 */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The offending value (validators run with `verbose`). */
  data?: unknown;
  parentSchema?: { description?: string; properties?: Record<string, { description?: string }> };
}

export interface FieldError {
  field: string;
  message: string;
}

function fieldLabel(e: SchemaError, field: string): string {
  if (e.keyword === 'required') {
    const prop = String(e.params.missingProperty ?? '');
    return e.parentSchema?.properties?.[prop]?.description ?? prop;
  }
  return e.parentSchema?.description ?? (field || '请求');
}

export function translateSchemaError(e: SchemaError, context: string): FieldError {
  const path = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const field = e.keyword === 'required' ? [path, String(e.params.missingProperty ?? '')].filter(Boolean).join('.') : path || context;
  const label = `「${fieldLabel(e, path)}」`;
  const p = e.params;
  let message: string;
  switch (e.keyword) {
    case 'required':
      message = `缺少必填项${label}`;
      break;
    case 'minLength':
      message = Number(p.limit) === 1 || e.data === '' ? `${label}不能为空` : `${label}至少需要 ${String(p.limit)} 个字符`;
      break;
    case 'maxLength':
      message = `${label}不能超过 ${String(p.limit)} 个字符`;
      break;
    case 'minimum':
      message = `${label}不能小于 ${String(p.limit)}`;
      break;
    case 'maximum':
      message = `${label}不能大于 ${String(p.limit)}`;
      break;
    case 'minItems':
      message = `${label}至少需要 ${String(p.limit)} 项`;
      break;
    case 'maxItems':
      message = `${label}最多 ${String(p.limit)} 项`;
      break;
    case 'enum':
      message = `${label}的取值不在允许范围内`;
      break;
    case 'format':
      message = p.format === 'uuid' ? `${label}不是有效的编号` : `${label}格式不正确`;
      break;
    case 'pattern':
      message = p.pattern === DATE_PATTERN ? `${label}不是有效的日期，请按 YYYY-MM-DD 填写真实存在的日期` : `${label}格式不正确`;
      break;
    case 'type':
      message = `${label}类型不正确`;
      break;
    case 'additionalProperties':
      message = `不允许的字段「${String(p.additionalProperty)}」`;
      break;
    default:
      message = `${label}不符合要求`;
  }
  return { field, message };
}
