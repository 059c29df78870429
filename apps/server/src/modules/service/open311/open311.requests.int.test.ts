import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Open311Key, Open311KeyCreated, ServiceRequest } from '@jiceng/contracts';
import { ENGINES, movableClock, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import {
  child,
  countRequests,
  expectError,
  HAN,
  open311World,
  requestForm,
  text,
  type GeoClient,
  type SpecError,
  type SpecRequest,
} from '../../../test/open311.ts';
import { step, type ServicePlace } from '../../../test/service.ts';

describe.each(ENGINES)('Open311 GeoReport v2: a client from the spec — posting and finding requests (%s)', (engine) => {
  let server: TestServer;
  let p: ServicePlace;
  let c: Record<string, Client>;
  let geo: GeoClient;
  const clock = movableClock('2026-11-23T02:00:00Z'); // Monday 10:00 China time
  let key: string;
  let code1: string;
  let code2: string;

  const count = () => countRequests(server);
  const form = (over: Record<string, string> = {}) => requestForm(key, over);

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    ({ p, c, geo } = await open311World(server));
    // the community's key (making keys is open311.keys.int.test.ts)
    const k = await c.communityA1!.post<Open311KeyCreated>('/api/service/open311-keys', { name: '区12345热线', orgId: p.communityA1 });
    if (k.status !== 201) throw new Error(`open311 key: ${JSON.stringify(k.body)}`);
    key = k.body.apiKey;
  });
  afterAll(() => server.close());

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
});
