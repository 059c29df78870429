import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, movableClock, startTestServer, type TestServer } from '../../../test/harness.ts';
import { child, expectError, HAN, open311World, text, type GeoClient } from '../../../test/open311.ts';

describe.each(ENGINES)('Open311 GeoReport v2: a client from the spec — discovery and services (%s)', (engine) => {
  let server: TestServer;
  let geo: GeoClient;
  const clock = movableClock('2026-11-23T02:00:00Z'); // Monday 10:00 China time

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    ({ geo } = await open311World(server));
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
});
