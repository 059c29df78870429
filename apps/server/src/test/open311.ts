import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestServer } from './harness.ts';
import { logins, seedServicePlace } from './service.ts';

/**
 * The Open311 GeoReport v2 tests' client, written from the spec (http://wiki.open311.org/GeoReport_v2)
 * rather than from our code: a small XML reader, calls answered in JSON or XML, the spec's error
 * answers; and the world they run in (the service test place, its accounts signed in).
 */

/** An XML element as the spec's documents use them: no attributes, text or child elements. */
export interface El {
  tag: string;
  text: string;
  kids: El[];
}
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

/** A small reader for the spec's XML: declaration, nested elements, empty elements, text. */
export function readXml(doc: string): El {
  const body = doc.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: El = { tag: '#root', text: '', kids: [] };
  const stack = [root];
  const re = /<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) top.text += unescape(m[4]);
    else if (m[1]) {
      if (top.tag !== m[2]) throw new Error(`XML: </${m[2]}> closes <${top.tag}>`);
      stack.pop();
    } else {
      const el: El = { tag: m[2]!, text: '', kids: [] };
      top.kids.push(el);
      if (!m[3]) stack.push(el);
    }
  }
  if (stack.length !== 1 || root.kids.length !== 1) throw new Error('XML: not one well-formed root');
  return root.kids[0]!;
}
export const child = (e: El, tag: string) => e.kids.find((k) => k.tag === tag);
export const text = (e: El, tag: string) => child(e, tag)?.text.trim() ?? null;

export interface Geo<T> {
  status: number;
  type: string;
  json: T;
  xml: El | null;
}
export interface SpecError {
  code: number;
  description: string;
}

export function geoClient(server: TestServer) {
  const call = async <T>(method: 'GET' | 'POST', url: string, form?: Record<string, string> | string): Promise<Geo<T>> => {
    const payload = typeof form === 'string' ? form : form ? new URLSearchParams(form).toString() : undefined;
    const res = await server.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } } : {}),
    });
    const type = String(res.headers['content-type'] ?? '');
    return {
      status: res.statusCode,
      type,
      json: (type.startsWith('application/json') ? res.json() : null) as T,
      xml: type.startsWith('text/xml') ? readXml(res.body) : null,
    };
  };
  return {
    get: <T = unknown>(path: string) => call<T>('GET', `/open311/v2/${path}`),
    post: <T = unknown>(path: string, form: Record<string, string> | string) => call<T>('POST', `/open311/v2/${path}`, form),
  };
}
export type GeoClient = ReturnType<typeof geoClient>;

/** A spec error answer in either format: the HTTP status and each error's code and description. */
export function errorsOf(r: Geo<unknown>): SpecError[] {
  if (r.xml) {
    expect(r.xml.tag).toBe('errors');
    return r.xml.kids.map((e) => ({ code: Number(text(e, 'code')), description: text(e, 'description') ?? '' }));
  }
  return r.json as SpecError[];
}
export const HAN = /\p{Script=Han}/u;
export function expectError(r: Geo<unknown>, status: number, pattern?: RegExp) {
  expect(r.status).toBe(status);
  const errs = errorsOf(r);
  expect(errs.length).toBeGreaterThan(0);
  expect(errs[0]!.code).toBe(status);
  expect(errs[0]!.description).toMatch(HAN);
  if (pattern) expect(errs[0]!.description).toMatch(pattern);
}

export interface SpecRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string;
  address_id: string;
  lat: number | null;
  long: number | null;
}

/** The service test place with the accounts the GeoReport tests act as, and a spec client. */
export async function open311World(server: TestServer) {
  const p = await seedServicePlace(server);
  const c = await logins(server, ['communityA1', 'streetA', 'gridA1', 'memberA1a']);
  return { p, c, geo: geoClient(server) };
}

/** How many requests the region holds (a refused post writes none). */
export const countRequests = async (server: TestServer) =>
  (await server.db.one<{ n: number }>(sql`select count(*)::int as n from service_request where region_id = ${server.regionId}`))!.n;

/** A request as a client posts it, with the key: a phone in the text, a name and a phone that must come back masked. */
export const requestForm = (apiKey: string, over: Record<string, string> = {}) => ({
  api_key: apiKey,
  service_code: 'repair',
  lat: '32.0415',
  long: '118.7842',
  address_string: '三栋门口',
  description: '小区三栋门口路灯坏了，晚上很黑，请联系13812345678',
  first_name: '大妈',
  last_name: '王',
  phone: '13812345678',
  'attribute[kind]': 'complaint',
  ...over,
});
