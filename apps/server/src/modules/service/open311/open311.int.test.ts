import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Open311Key, Open311KeyCreated, ServiceRequest } from '@jiceng/contracts';
import { ENGINES, movableClock, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { logins, seedServicePlace, step, type ServicePlace } from '../../../test/service.ts';

// ---- a GeoReport v2 client written from the spec (http://wiki.open311.org/GeoReport_v2)

/** An XML element as the spec's documents use them: no attributes, text or child elements. */
interface El {
  tag: string;
  text: string;
  kids: El[];
}
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

/** A small reader for the spec's XML: declaration, nested elements, empty elements, text. */
function readXml(doc: string): El {
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
const child = (e: El, tag: string) => e.kids.find((k) => k.tag === tag);
const text = (e: El, tag: string) => child(e, tag)?.text.trim() ?? null;

interface Geo<T> {
  status: number;
  type: string;
  json: T;
  xml: El | null;
}
interface SpecError {
  code: number;
  description: string;
}

function geoClient(server: TestServer) {
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

/** A spec error answer in either format: the HTTP status and each error's code and description. */
function errorsOf(r: Geo<unknown>): SpecError[] {
  if (r.xml) {
    expect(r.xml.tag).toBe('errors');
    return r.xml.kids.map((e) => ({ code: Number(text(e, 'code')), description: text(e, 'description') ?? '' }));
  }
  return r.json as SpecError[];
}
const HAN = /\p{Script=Han}/u;
function expectError(r: Geo<unknown>, status: number, pattern?: RegExp) {
  expect(r.status).toBe(status);
  const errs = errorsOf(r);
  expect(errs.length).toBeGreaterThan(0);
  expect(errs[0]!.code).toBe(status);
  expect(errs[0]!.description).toMatch(HAN);
  if (pattern) expect(errs[0]!.description).toMatch(pattern);
}

interface SpecRequest {
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

describe.each(ENGINES)('Open311 GeoReport v2: a client from the spec (%s)', (engine) => {
  let server: TestServer;
  let p: ServicePlace;
  let c: Record<string, Client>;
  let geo: ReturnType<typeof geoClient>;
  const clock = movableClock('2026-11-23T02:00:00Z'); // Monday 10:00 China time
  let key: string;
  let streetKey: string;
  let code1: string;
  let code2: string;

  const count = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from service_request where region_id = ${server.regionId}`))!.n;
  const form = (over: Record<string, string> = {}) => ({
    api_key: key,
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

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    p = await seedServicePlace(server);
    c = await logins(server, ['communityA1', 'streetA', 'gridA1', 'memberA1a']);
    geo = geoClient(server);
  });
  afterAll(() => server.close());

  it('reads the discovery document in both formats', async () => {
    const j = await geo.get<{ changeset: string; endpoints: { specification: string; url: string; type: string; formats: string[] }[] }>('discovery.json');
    expect(j.status).toBe(200);
    expect(j.type).toBe('application/json; charset=utf-8');
    expect(j.json.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    expect(j.json.endpoints).toEqual([
      expect.objectContaining({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', formats: ['text/xml', 'application/json'] }),
    ]);
    expect(j.json.endpoints[0]!.url).toMatch(/\/open311\/v2$/);
    const x = await geo.get('discovery.xml');
    expect(x.type).toBe('text/xml; charset=utf-8');
    expect(x.xml!.tag).toBe('discovery');
    const ep = child(child(x.xml!, 'endpoints')!, 'endpoint')!;
    expect(text(ep, 'specification')).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(child(ep, 'formats')!.kids.map((f) => f.text)).toEqual(['text/xml', 'application/json']);
    expect(text(x.xml!, 'key_service')).toMatch(HAN);
  });

  it('lists the services (the active categories) and reads a definition, in both formats', async () => {
    const j = await geo.get<Record<string, unknown>[]>('services.json');
    expect(j.status).toBe(200);
    const repair = j.json.find((s) => s.service_code === 'repair')!;
    expect(repair).toMatchObject({ metadata: true, type: 'realtime', group: '群众诉求' });
    expect(repair.service_name).toMatch(HAN);
    expect(Object.keys(repair).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    const x = await geo.get('services.xml');
    expect(x.xml!.tag).toBe('services');
    const codes = x.xml!.kids.map((s) => text(s, 'service_code'));
    expect(codes).toEqual(j.json.map((s) => s.service_code));
    const xr = x.xml!.kids.find((s) => text(s, 'service_code') === 'repair')!;
    expect(text(xr, 'service_name')).toBe(repair.service_name);
    expect(text(xr, 'metadata')).toBe('true');
    // jurisdiction_id is optional; empty is not sent; a wrong one is a 404
    expect((await geo.get(`services.json?jurisdiction_id=${server.regionId}`)).status).toBe(200);
    expect((await geo.get('services.json?jurisdiction_id=')).status).toBe(200);
    expectError(await geo.get('services.json?jurisdiction_id=sfgov.org'), 404, /jurisdiction_id/);
    expectError(await geo.get('services.xml?jurisdiction_id=sfgov.org'), 404, /jurisdiction_id/);

    const d = await geo.get<{ service_code: string; attributes: Record<string, unknown>[] }>('services/repair.json');
    expect(d.status).toBe(200);
    expect(d.json.service_code).toBe('repair');
    expect(d.json.attributes.map((a) => a.code)).toEqual(['kind', 'place_id']);
    expect(d.json.attributes[0]).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: false, order: 1, description: '诉求类型' });
    expect(d.json.attributes[0]!.values).toEqual([
      { key: 'consult', name: '咨询' },
      { key: 'help', name: '求助' },
      { key: 'complaint', name: '投诉' },
      { key: 'suggestion', name: '建议' },
      { key: 'report', name: '举报' },
    ]);
    expect(d.json.attributes[1]).toMatchObject({ datatype: 'string', order: 2 });
    const dx = await geo.get('services/repair.xml');
    expect(dx.xml!.tag).toBe('service_definition');
    const attrs = child(dx.xml!, 'attributes')!.kids;
    expect(attrs.map((a) => text(a, 'code'))).toEqual(['kind', 'place_id']);
    expect(child(attrs[0]!, 'values')!.kids.map((v) => [text(v, 'key'), text(v, 'name')])).toContainEqual(['report', '举报']);
    expectError(await geo.get('services/nope.json'), 404, /service_code/);
    expectError(await geo.get('services/nope.xml'), 404, /service_code/);
  });

  it('an administrator makes keys (shown once, kept hashed, audited); a member may not', async () => {
    const r = await c.communityA1!.post<Open311KeyCreated>('/api/service/open311-keys', { name: '区12345热线', orgId: p.communityA1 });
    expect(r.status).toBe(201);
    key = r.body.apiKey;
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(r.body.key).toMatchObject({ name: '区12345热线', orgId: p.communityA1, placeFixed: true, prefix: key.slice(0, 6), revokedAt: null });
    const list = await c.communityA1!.get<Open311Key[]>('/api/service/open311-keys');
    expect(list.body.map((k) => k.id)).toEqual([r.body.key.id]);
    expect(JSON.stringify(list.body)).not.toContain(key);
    const stored = await server.db.one<{ key_hash: string }>(sql`select key_hash from open311_key where region_id = ${server.regionId}`);
    expect(stored!.key_hash).not.toContain(key);
    const audit = await server.db.rows<{ action: string; after: unknown }>(
      sql`select action, after from audit_log where region_id = ${server.regionId} and entity = 'open311_key'`,
    );
    expect(audit.map((a) => a.action)).toEqual(['open311_key.create']);
    expect(JSON.stringify(audit)).not.toContain(key);
    // a street's key for its whole street; communityA1 cannot bind one outside its subtree
    const s = await c.streetA!.post<Open311KeyCreated>('/api/service/open311-keys', { name: '甲街道网格平台', orgId: p.streetA });
    expect(s.status).toBe(201);
    expect(s.body.key.placeFixed).toBe(false);
    streetKey = s.body.apiKey;
    expect((await c.communityA1!.post('/api/service/open311-keys', { name: '越权密钥', orgId: p.streetA })).status).toBe(404);
    expect((await c.memberA1a!.post('/api/service/open311-keys', { name: '党员密钥', orgId: p.branchA1a })).status).toBe(403);
  });

  it('posts requests with the key (form-encoded), answered in JSON and XML; they enter the loop as 开放接口, 待受理', async () => {
    const j = await geo.post<{ service_request_id: string; service_notice: string; account_id: null }[]>(
      'requests.json',
      form({ 'attribute[place_id]': p.gridA1 }),
    );
    expect(j.status).toBe(200);
    expect(j.json).toHaveLength(1);
    expect(j.json[0]!.service_request_id).toMatch(/^SQ\d{8}$/);
    expect(j.json[0]!.service_notice).toMatch(HAN);
    expect(j.json[0]!.account_id).toBeNull();
    code1 = j.json[0]!.service_request_id;

    clock.advance(60);
    const x = await geo.post('requests.xml', form({ service_code: 'greenery', 'attribute[kind]': 'suggestion', description: '建议小区多种一些树', phone: '' }));
    expect(x.status).toBe(200);
    expect(x.xml!.tag).toBe('service_requests');
    const req = child(x.xml!, 'request')!;
    code2 = text(req, 'service_request_id')!;
    expect(code2).toMatch(/^SQ\d{8}$/);
    expect(child(req, 'account_id')!.text).toBe('');

    const admin = await c.communityA1!.get<{ items: ServiceRequest[] }>('/api/service/requests');
    const one = admin.body.items.find((r) => r.code === code1)!;
    expect(one).toMatchObject({
      source: 'open311',
      sourceLabel: '开放接口',
      state: 'submitted',
      kind: 'complaint',
      gridId: p.gridA1,
      communityId: p.communityA1,
      place: '三栋门口',
      lat: 32.0415,
      lng: 118.7842,
      contactName: expect.stringMatching(/^王/),
      contactPhone: '138****5678',
    });
    // the key with no place_id lands on its own community; its last use is recorded
    expect(admin.body.items.find((r) => r.code === code2)).toMatchObject({ communityId: p.communityA1, gridId: null, kind: 'suggestion' });
    const keys = await c.communityA1!.get<Open311Key[]>('/api/service/open311-keys');
    expect(keys.body[0]).toMatchObject({ requestCount: 2 });
    expect(keys.body[0]!.lastUsedAt).not.toBeNull();
    const history = await server.db.rows<{ actor_name: string }>(
      sql`select actor_name from workflow_event where region_id = ${server.regionId} and action = 'submit' order by at`,
    );
    expect(history.map((h) => h.actor_name)).toContain('开放接口（区12345热线）');
  });

  it('finds the requests with the spec filters, and each by id, with nothing personal', async () => {
    const all = await geo.get<SpecRequest[]>('requests.json');
    expect(all.status).toBe(200);
    expect(all.json.map((r) => r.service_request_id)).toEqual([code2, code1]); // newest first
    const r1 = all.json.find((r) => r.service_request_id === code1)!;
    expect(r1).toMatchObject({
      status: 'open',
      service_code: 'repair',
      address_id: p.gridA1,
      lat: 32.0415,
      long: 118.7842,
      requested_datetime: '2026-11-23T10:00:00+08:00',
      agency_responsible: '中共甲一社区委员会',
    });
    expect(r1.status_notes).toMatch(/^待受理；受理时限 2026-11-23 12:00$/);
    expect(r1.expected_datetime).toBe('2026-11-23T12:00:00+08:00');
    expect(r1.address).toBe('中共甲一社区委员会 甲一社区第一网格党支部 三栋门口');
    expect(r1.description).toBe('小区三栋门口路灯坏了，晚上很黑，请联系138****5678');
    expect(JSON.stringify(all.json)).not.toMatch(/13812345678|王大妈|大妈/);

    const ids = async (q: string) => (await geo.get<SpecRequest[]>(`requests.json?${q}`)).json.map((r) => r.service_request_id);
    expect(await ids(`service_request_id=${code1}`)).toEqual([code1]);
    expect(await ids(`service_request_id=${code1},${code2}&status=closed`)).toEqual([code2, code1]); // ids override the rest
    expect(await ids('service_request_id=SQ99999999')).toEqual([]);
    expect(await ids('service_code=repair')).toEqual([code1]);
    expect(await ids('service_code=repair,greenery')).toEqual([code2, code1]);
    expect(await ids('service_code=repair&service_code=greenery')).toEqual([code2, code1]);
    expect(await ids('status=open')).toEqual([code2, code1]);
    expect(await ids('status=closed')).toEqual([]);
    expect(await ids('status=open,closed')).toEqual([code2, code1]);
    expect(await ids('start_date=2026-11-23T10:00:30%2B08:00')).toEqual([code2]);
    expect(await ids('end_date=2026-11-23T02:00:30Z')).toEqual([code1]);
    expect(await ids('start_date=2026-11-01T00:00:00Z&end_date=2026-11-20T00:00:00Z')).toEqual([]);
    expect(await ids('start_date=2026-11-22&end_date=2026-11-24')).toEqual([code2, code1]);

    const x = await geo.get('requests.xml?service_code=repair');
    expect(x.xml!.tag).toBe('service_requests');
    const xr = x.xml!.kids;
    expect(xr.map((r) => r.tag)).toEqual(['request']);
    expect(text(xr[0]!, 'service_request_id')).toBe(code1);
    expect(text(xr[0]!, 'status')).toBe('open');
    expect(text(xr[0]!, 'long')).toBe('118.7842');
    expect(child(xr[0]!, 'zipcode')!.text).toBe('');

    const one = await geo.get<SpecRequest[]>(`requests/${code1}.json`);
    expect(one.status).toBe(200);
    expect(one.json).toEqual([r1]);
    const onex = await geo.get(`requests/${code2}.xml`);
    expect(onex.xml!.tag).toBe('service_requests');
    expect(text(child(onex.xml!, 'request')!, 'service_code')).toBe('greenery');
    expectError(await geo.get('requests/SQ99999999.json'), 404);
    expectError(await geo.get('requests/SQ99999999.xml'), 404);
    expectError(await geo.get('requests/nonsense.json'), 404);
  });

  it('after the desk accepts and the loop closes it, the request reads closed with the result in its notes', async () => {
    const id = (await c.communityA1!.get<{ items: ServiceRequest[] }>(`/api/service/requests?q=${code1}`)).body.items[0]!.id;
    clock.advance(10 * 60);
    await step(c.communityA1!, id, { action: 'accept' });
    const accepted = (await geo.get<SpecRequest[]>(`requests/${code1}.json`)).json[0]!;
    expect(accepted.status).toBe('open');
    expect(accepted.status_notes).toMatch(/^已受理；/);
    await step(c.communityA1!, id, { action: 'dispatch' });
    const dispatched = (await geo.get<SpecRequest[]>(`requests/${code1}.json`)).json[0]!;
    expect(dispatched.agency_responsible).toBe('甲一社区第一网格党支部');
    await step(c.gridA1!, id, { action: 'take' });
    await step(c.gridA1!, id, { action: 'resolve', result: '已联系物业更换灯泡，当晚恢复照明' });
    clock.advance(60 * 60);
    await step(c.communityA1!, id, { action: 'rate', rating: 'satisfied' });
    const closed = (await geo.get<SpecRequest[]>(`requests/${code1}.json`)).json[0]!;
    expect(closed.status).toBe('closed');
    expect(closed.status_notes).toBe('已关闭；办理结果：已联系物业更换灯泡，当晚恢复照明');
    expect(closed.expected_datetime).toBeNull();
    expect(closed.updated_datetime).toBe('2026-11-23T11:11:00+08:00');
    expect(await (async () => (await geo.get<SpecRequest[]>('requests.json?status=closed')).json.map((r) => r.service_request_id))()).toEqual([code1]);
    const x = await geo.get(`requests/${code1}.xml`);
    expect(text(child(x.xml!, 'request')!, 'status')).toBe('closed');
  });

  it('refuses bad input in the spec format, in Chinese, writing nothing and never a 5xx', async () => {
    const before = await count();
    expectError(await geo.post('requests.json', form({ api_key: '' })), 403, /api_key/);
    expectError(await geo.post('requests.xml', form({ api_key: '' })), 403, /api_key/);
    expectError(await geo.post('requests.json', form({ api_key: 'not-a-key' })), 403, /api_key/);
    expectError(await geo.post('requests.xml', form({ api_key: 'not-a-key' })), 403, /api_key/);
    // the spec: a service_code that does not exist is a 404 on POST; one not sent is a 400
    expectError(await geo.post('requests.json', form({ service_code: 'nope' })), 404, /service_code/);
    expectError(await geo.post('requests.xml', form({ service_code: '' })), 400, /service_code/);
    expectError(await geo.post('requests.json', form({ description: '' })), 400, /description/);
    expectError(await geo.post('requests.json', form({ description: '灯坏' })), 400, /至少5个字/);
    expectError(await geo.post('requests.xml', form({ lat: 'abc' })), 400, /lat/);
    expectError(await geo.post('requests.json', form({ lat: '91' })), 400, /纬度/);
    expectError(await geo.post('requests.json', form({ long: '' })), 400, /同时提供/);
    expectError(await geo.post('requests.json', form({ lat: '', long: '', address_string: '' })), 400, /位置/);
    expectError(await geo.post('requests.json', form({ phone: '12345' })), 400, /phone/);
    expectError(await geo.post('requests.json', form({ 'attribute[kind]': 'praise' })), 400, /诉求类型/);
    expectError(await geo.post('requests.json', form({ 'attribute[place_id]': 'x' })), 400, /place_id/);
    expectError(await geo.post('requests.json', form({ jurisdiction_id: '110101' })), 404, /jurisdiction_id/);
    // malformed bodies: broken percent-encoding, control characters, JSON instead of a form, too large
    expectError(await geo.post('requests.json', 'api_key=x&description=%E8%B7'), 400, /表单/);
    expectError(await geo.post('requests.xml', `api_key=${key}&service_code=repair&description=%00%00%00%00%00&lat=1&long=1`), 400);
    const asJson = await server.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: JSON.stringify(form()),
      headers: { 'content-type': 'application/json' },
    });
    expect(asJson.statusCode).toBe(400);
    expect(asJson.json<SpecError[]>()[0]!.description).toMatch(/x-www-form-urlencoded/);
    expectError(await geo.post('requests.json', `api_key=${key}&description=${'长'.repeat(20_000)}`), 400, /过大/);
    expectError(await geo.post('requests.json', form({ description: '长'.repeat(2001) })), 400, /2000/);
    // queries
    expectError(await geo.get('requests.json?status=pending'), 400, /status/);
    expectError(await geo.get('requests.xml?start_date=yesterday'), 400, /start_date/);
    expectError(await geo.get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z'), 400, /90 天/);
    expectError(await geo.get('requests.json?start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z'), 400, /早于/);
    expectError(await geo.get('requests.json?service_code=%01'), 400);
    // unknown formats and paths answer the spec's 404
    expectError(await geo.get('services.html'), 404);
    expectError(await geo.get('services/repair'), 404);
    expectError(await geo.get('nothing.json'), 404);
    expect((await geo.get('nothing.json')).type).toBe('application/json; charset=utf-8');
    expect(await count()).toBe(before);
  });

  it('a street key places requests only under its street; a revoked key is refused', async () => {
    const before = await count();
    // a key of 甲街道 must name a place, and cannot name 乙街道's community
    expectError(await geo.post('requests.json', form({ api_key: streetKey })), 400, /place_id/);
    expectError(await geo.post('requests.json', form({ api_key: streetKey, 'attribute[place_id]': p.communityB1 })), 403, /甲街道/);
    expectError(await geo.post('requests.xml', form({ api_key: streetKey, address_id: p.gridB1 })), 403);
    expectError(await geo.post('requests.json', form({ api_key: streetKey, 'attribute[place_id]': p.streetA })), 400, /社区（村）/);
    // nor may a community key place one in another community
    expectError(await geo.post('requests.json', form({ 'attribute[place_id]': p.communityB1 })), 403);
    expect(await count()).toBe(before);
    const ok = await geo.post<{ service_request_id: string }[]>('requests.json', form({ api_key: streetKey, address_id: p.gridA2, address_string: '' }));
    expect(ok.status).toBe(200);
    expect(await count()).toBe(before + 1);

    const keys = await c.streetA!.get<Open311Key[]>('/api/service/open311-keys');
    const sk = keys.body.find((k) => k.name === '甲街道网格平台')!;
    // the street sees the community's key too (its subtree); the community does not see the street's
    expect(keys.body.map((k) => k.name).sort()).toEqual(['区12345热线', '甲街道网格平台'].sort());
    expect((await c.communityA1!.post(`/api/service/open311-keys/${sk.id}/revoke`)).status).toBe(404);
    const revoked = await c.streetA!.post<Open311Key>(`/api/service/open311-keys/${sk.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await c.streetA!.post(`/api/service/open311-keys/${sk.id}/revoke`)).status).toBe(409);
    expectError(await geo.post('requests.json', form({ api_key: streetKey, address_id: p.gridA2 })), 403, /停用/);
    expectError(await geo.post('requests.xml', form({ api_key: streetKey, address_id: p.gridA2 })), 403, /停用/);
    expect(await count()).toBe(before + 1);
    const audit = await server.db.rows<{ action: string }>(
      sql`select action from audit_log where region_id = ${server.regionId} and entity = 'open311_key' order by at, action`,
    );
    expect(audit.map((a) => a.action)).toEqual(['open311_key.create', 'open311_key.create', 'open311_key.revoke']);
  });
});
