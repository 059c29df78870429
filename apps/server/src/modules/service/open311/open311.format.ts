/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) on the wire: the two formats the spec
 * defines, one value written as JSON or as XML. The spec's JSON is a mapping of its XML (the Spark
 * convention): a list in JSON is, in XML, a wrapping element with one child element per item
 * (`services` → `service`, `service_requests` → `request`, …); null is an empty element.
 */

export type Open311Format = 'json' | 'xml';
export const OPEN311_FORMATS: readonly Open311Format[] = ['json', 'xml'];
export const OPEN311_SPEC = 'http://wiki.open311.org/GeoReport_v2';

export const CONTENT_TYPE: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export type Open311Value = string | number | boolean | null | undefined | Open311Value[] | { [k: string]: Open311Value };

/** The element of each item of a list, by the list's element (the spec's names). */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry at all are dropped
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Text as XML character data or attribute value: the five special characters escaped, characters XML cannot carry dropped. */
export function xmlEscape(s: string): string {
  return s.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function element(tag: string, v: Open311Value, indent: string): string {
  if (v === null || v === undefined) return `${indent}<${tag}/>`;
  if (Array.isArray(v)) {
    const item = ITEM[tag] ?? 'item';
    if (v.length === 0) return `${indent}<${tag}/>`;
    return `${indent}<${tag}>\n${v.map((x) => element(item, x, `${indent}  `)).join('\n')}\n${indent}</${tag}>`;
  }
  if (typeof v === 'object') {
    const kids = Object.entries(v).map(([k, x]) => element(k, x, `${indent}  `));
    return kids.length ? `${indent}<${tag}>\n${kids.join('\n')}\n${indent}</${tag}>` : `${indent}<${tag}/>`;
  }
  return `${indent}<${tag}>${xmlEscape(String(v))}</${tag}>`;
}

/** A document: `root` is the XML root element (for a list, the wrapping element, e.g. `services`). */
export function toXml(root: string, value: Open311Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}\n`;
}

export function serialize(format: Open311Format, root: string, value: Open311Value): string {
  return format === 'json' ? JSON.stringify(value) : toXml(root, value);
}

/** The spec's error list. */
export const errorList = (status: number, description: string): Open311Value => [{ code: status, description }];

/** `json` or `xml` from a route's `format` parameter or the path's extension; null for anything else. */
export function formatOf(v: string | undefined | null): Open311Format | null {
  const f = (v ?? '').toLowerCase();
  return f === 'json' || f === 'xml' ? f : null;
}

/** The extension of the last path segment, for answering an unknown path in the format it asked for. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1];
  return formatOf(ext) ?? 'xml';
}

// ---- input

/** A form body (application/x-www-form-urlencoded) that cannot be decoded. */
export class MalformedForm extends Error {}

/**
 * Decodes a form body: strict percent-decoding (a broken `%` sequence or bytes that are not UTF-8
 * refuse the body instead of turning into replacement characters), then `URLSearchParams`; a
 * repeated key keeps its last value.
 */
export function parseForm(body: string): Record<string, string> {
  try {
    decodeURIComponent(body.replace(/\+/g, ' '));
  } catch {
    throw new MalformedForm('表单编码无效');
  }
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A query string value as one string: a repeated parameter's values joined with commas (the spec's lists), others as sent. */
export function queryValue(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.map((x) => String(x)).join(',');
  if (v === undefined || v === null) return undefined;
  return String(v);
}

/** Comma-delimited values, trimmed, empties left out. */
export const commaList = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A W3C date-time (the spec's format: `2010-01-01T00:00:00Z`, or with an `+08:00` offset); a bare
 * date is midnight China time. Null when it is not one.
 */
export function parseW3cTime(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/.exec(v);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, tz] = m;
  // a real calendar date (no 2026-02-30 rolled over into March)
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null;
  if (h === undefined) return new Date(`${y}-${mo}-${d}T00:00:00+08:00`);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  const zone = tz === 'Z' ? 'Z' : `${tz!.slice(0, 3)}:${tz!.slice(-2)}`;
  const t = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${zone}`);
  return Number.isNaN(t.getTime()) ? null : t;
}

/** Time in the spec's W3C format with China's offset: `2026-11-23T10:00:00+08:00`. */
export function chinaIso(t: string | Date | null): string | null {
  if (t === null) return null;
  const ms = typeof t === 'string' ? Date.parse(t.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) : t.getTime();
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** `2026-11-30 10:00` China time, for the status notes. */
export const chinaMinute = (iso: string): string => (chinaIso(iso) ?? '').slice(0, 16).replace('T', ' ');

/** Mainland mobile numbers inside free text, masked as 138****1234 (GeoReport answers are public). */
export const maskMobiles = (text: string): string => text.replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
