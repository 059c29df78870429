import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Open311Key, Open311KeyCreated } from '@jiceng/contracts';
import { ENGINES, movableClock, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';
import { countRequests, expectError, open311World, requestForm, type GeoClient } from '../../../test/open311.ts';
import type { ServicePlace } from '../../../test/service.ts';

describe.each(ENGINES)('Open311 GeoReport v2: a client from the spec — API keys (%s)', (engine) => {
  let server: TestServer;
  let p: ServicePlace;
  let c: Record<string, Client>;
  let geo: GeoClient;
  const clock = movableClock('2026-11-23T02:00:00Z'); // Monday 10:00 China time
  let key: string;
  let streetKey: string;

  const count = () => countRequests(server);
  const form = (over: Record<string, string> = {}) => requestForm(key, over);

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    ({ p, c, geo } = await open311World(server));
  });
  afterAll(() => server.close());

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
