import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ServiceFigures, ServiceRequest, ServiceRequestDetail } from '@jiceng/contracts';
import { pngBytes } from '../../platform/attachments/attachment.fixtures.ts';
import { ENGINES, movableClock, residentLogin, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { deskRequest, logins, seedServicePlace, step, type ServicePlace } from '../../test/service.ts';
import { upload } from '../../test/xlsx.ts';

const err = (r: { body: unknown }) => (r.body as { error: { code: string; message: string } }).error;

describe.each(ENGINES)('the service loop: 点单 → 派单 → 接单 → 评单 with scope (%s)', (engine) => {
  let server: TestServer;
  let p: ServicePlace;
  let c: Record<string, Client>;
  let resident: Client;
  let other: Client;
  const clock = movableClock('2026-11-23T02:00:00Z'); // Monday 10:00 China time

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    p = await seedServicePlace(server);
    c = await logins(server, ['communityA1', 'communityB1', 'streetA', 'streetB', 'gridA1', 'gridA2', 'gridB1', 'memberA1a', 'supA']);
    resident = await residentLogin(server, '13900001111', '王阿姨');
    other = await residentLogin(server, '13900002222');
  });
  afterAll(() => server.close());

  let id: string;

  it('a resident submits a request with a photo; the 受理 clock runs (2 hours)', async () => {
    const places = await resident.get<{ id: string; grids: { id: string }[] }[]>('/api/resident/places');
    expect(places.body.find((x) => x.id === p.communityA1)?.grids.map((g) => g.id)).toEqual(expect.arrayContaining([p.gridA1, p.gridA2]));
    const r = await resident.post<ServiceRequestDetail>('/api/resident/requests', {
      kind: 'help',
      categoryCode: 'repair',
      description: '小区三栋门口路灯坏了，晚上很黑',
      orgId: p.gridA1,
      place: '三栋门口',
    });
    expect(r.status).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({
      state: 'submitted',
      stateLabel: '待受理',
      gridId: p.gridA1,
      communityId: p.communityA1,
      contactPhone: '139****1111',
      source: 'h5',
    });
    expect(r.body.code).toMatch(/^SQ\d{8}$/);
    expect(r.body.clock).toMatchObject({ stage: 'accept', status: 'running', minutesLeft: 120, ruleId: 'accept-2h' });
    const photo = await upload(resident, `/api/resident/requests/${id}/photos`, pngBytes(), '路灯.png');
    expect(photo.status).toBe(200);
    const mine = await resident.get<ServiceRequest[]>('/api/resident/requests');
    expect(mine.body.map((x) => x.id)).toEqual([id]);
    expect(mine.body[0]!.actions).toEqual(['withdraw']);
  });

  it('keeps the request out of every other scope: another resident, another street, another grid worker, a member', async () => {
    expect((await other.get(`/api/resident/requests/${id}`)).status).toBe(404);
    expect((await other.get<ServiceRequest[]>('/api/resident/requests')).body).toEqual([]);
    for (const n of ['communityB1', 'streetB', 'gridA1', 'gridA2', 'memberA1a']) {
      expect((await c[n]!.get(`/api/service/requests/${id}`)).status, n).toBe(404);
      const list = await c[n]!.get<{ items: { id: string }[] }>('/api/service/requests');
      expect(
        list.body.items.map((x) => x.id),
        n,
      ).not.toContain(id);
    }
    // the desk of the place and the street above it see it; the 督导员 reads but may not act
    for (const n of ['communityA1', 'streetA', 'supA']) expect((await c[n]!.get(`/api/service/requests/${id}`)).status, n).toBe(200);
    const sup = await c.supA!.post(`/api/service/requests/${id}/actions`, { action: 'accept' });
    expect(sup.status).toBe(403);
  });

  it('refuses steps out of order in Chinese and changes nothing', async () => {
    const take = await c.communityA1!.post(`/api/service/requests/${id}/actions`, { action: 'take' });
    expect(take.status).toBe(409);
    expect(err(take).message).toMatch(/待受理/);
    const dispatch = await c.communityA1!.post(`/api/service/requests/${id}/actions`, { action: 'dispatch' });
    expect(dispatch.status).toBe(409);
    expect(err(dispatch).message).toMatch(/待受理/);
    const reject = await c.communityA1!.post(`/api/service/requests/${id}/actions`, { action: 'reject' });
    expect(reject.status).toBe(400);
    expect(err(reject).message).toBe('办理「不予受理」须填写原因');
    const d = await c.communityA1!.get<ServiceRequestDetail>(`/api/service/requests/${id}`);
    expect(d.body.state).toBe('submitted');
    expect(d.body.timeline.map((e) => e.action)).toEqual(['submit']);
  });

  it('the community accepts and dispatches to the grid (the default when no rule names another)', async () => {
    clock.advance(30 * 60);
    const accepted = await step(c.communityA1!, id, { action: 'accept' });
    expect(accepted).toMatchObject({ state: 'accepted', clock: { stage: 'respond', status: 'running' } });
    expect(accepted!.actions).toEqual(expect.arrayContaining(['dispatch', 'escalate', 'urge']));
    const dispatched = await step(c.communityA1!, id, { action: 'dispatch' });
    expect(dispatched).toMatchObject({ state: 'dispatched', assignee: { type: 'grid', orgId: p.gridA1, typeLabel: '网格' } });
    // the grid worker of that grid now sees it (and only theirs); the other grid's does not
    const mine = await c.gridA1!.get<{ items: { id: string }[] }>('/api/service/requests');
    expect(mine.body.items.map((x) => x.id)).toEqual([id]);
    expect((await c.gridA2!.get(`/api/service/requests/${id}`)).status).toBe(404);
    const notes = await server.db.rows<{
      title: string;
    }>(sql`select n.title from notification n join account a on a.region_id = n.region_id and a.id = n.account_id
      where n.region_id = ${server.regionId} and a.username = 'gridA1'`);
    expect(notes.map((n) => n.title)).toContain('新派单');
  });

  it('a return needs a reason and goes back to the desk with the clock kept; the grid worker takes and resolves with a photo', async () => {
    const bare = await c.gridA1!.post(`/api/service/requests/${id}/actions`, { action: 'return' });
    expect(bare.status).toBe(400);
    const before = (await c.communityA1!.get<ServiceRequestDetail>(`/api/service/requests/${id}`)).body.clock!;
    const returned = await c.gridA1!.post<{ request: unknown }>(`/api/service/requests/${id}/actions`, {
      action: 'return',
      reason: '不属于本网格，应由物业处理',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.request).toBeNull(); // out of the grid worker's view now
    const back = (await c.communityA1!.get<ServiceRequestDetail>(`/api/service/requests/${id}`)).body;
    expect(back).toMatchObject({ state: 'accepted', assignee: null, returnCount: 1 });
    expect(back.clock!.dueAt).toBe(before.dueAt); // bouncing buys no time
    // a manual pick needs no reason when no rule names another; the grid's own worker takes it
    await step(c.communityA1!, id, { action: 'dispatch', assignee: { type: 'grid', orgId: p.gridA1 } });
    await step(c.gridA1!, id, { action: 'take' });
    const pic = await upload(c.gridA1!, `/api/service/requests/${id}/photos?kind=service_result`, pngBytes(120, 90), '修好了.png');
    expect(pic.status).toBe(200);
    const noResult = await c.gridA1!.post(`/api/service/requests/${id}/actions`, { action: 'resolve' });
    expect(noResult.status).toBe(400);
    expect(err(noResult).message).toBe('办结须填写办理结果');
    const resolved = await step(c.gridA1!, id, { action: 'resolve', result: '已联系物业更换灯泡，当晚恢复照明' });
    expect(resolved).toMatchObject({ state: 'resolved', clock: { stage: 'rate' } });
    expect(resolved!.resultPhotos).toHaveLength(1);
  });

  it('不满意 reopens it (重办); 满意 closes it; the figures count it', async () => {
    const r1 = await resident.post<ServiceRequestDetail>(`/api/resident/requests/${id}/actions`, {
      action: 'rate',
      rating: 'unsatisfied',
      comment: '灯还是不亮',
    });
    expect(r1.status).toBe(200);
    expect(r1.body).toMatchObject({ state: 'in_progress', reopenCount: 1 });
    await step(c.gridA1!, id, { action: 'resolve', result: '更换了整个灯具，已确认可以正常照明' });
    const r2 = await resident.post<ServiceRequestDetail>(`/api/resident/requests/${id}/actions`, { action: 'rate', rating: 'satisfied', comment: '谢谢' });
    expect(r2.body).toMatchObject({ state: 'closed', rating: 'satisfied', ratingLabel: '满意' });
    expect(r2.body.timeline.map((e) => e.action)).toEqual([
      'submit',
      'accept',
      'dispatch',
      'return',
      'dispatch',
      'take',
      'resolve',
      'reopen',
      'resolve',
      'rate',
    ]);
    // the resident's view of the history names no account
    expect(r2.body.timeline.every((e) => e.actorId === null)).toBe(true);
    const f = await c.communityA1!.get<ServiceFigures>('/api/service/figures?groupBy=grid');
    expect(f.status).toBe(200);
    expect(f.body.total).toMatchObject({
      total: 1,
      accepted: 1,
      resolved: 1,
      rated: 1,
      satisfied: 1,
      returned: 1,
      reopened: 1,
      satisfactionRate: 1,
      bounceRate: 1,
      reopenRate: 1,
    });
    expect(f.body.rows.map((x) => x.label)).toEqual(['甲一社区第一网格党支部']);
    const streetB = await c.streetB!.get<ServiceFigures>('/api/service/figures');
    expect(streetB.body.total.total).toBe(0);
  });

  it('offers a similar open request of the same grid and category; joining follows it instead of a new one', async () => {
    const first = await step(
      c.communityA1!,
      (await c.communityA1!.post<ServiceRequestDetail>('/api/service/requests', deskRequest(p.gridA2, { description: '二号楼楼道里堆满杂物，消防通道被堵' })))
        .body.id,
      { action: 'accept' },
    );
    const hint = await other.get<{ id: string; similarity: number }[]>(
      `/api/resident/duplicates?orgId=${p.gridA2}&categoryCode=repair&description=${encodeURIComponent('二号楼楼道堆满杂物，堵住消防通道')}`,
    );
    expect(hint.body.map((h) => h.id)).toEqual([first!.id]);
    const joined = await other.post<ServiceRequestDetail>('/api/resident/requests', {
      kind: 'complaint',
      categoryCode: 'repair',
      description: '二号楼楼道堆满杂物，堵住消防通道',
      orgId: p.gridA2,
      joinRequestId: first!.id,
    });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ id: first!.id, followerCount: 1 });
    expect((await other.get<ServiceRequest[]>('/api/resident/requests')).body.map((x) => x.id)).toEqual([first!.id]);
    // a follower sees it but may not rate or withdraw it
    const w = await other.post(`/api/resident/requests/${first!.id}/actions`, { action: 'withdraw' });
    expect(w.status).toBe(403);
  });

  it('only a 建议 may be anonymous; a desk entry needs the phone; a bad place or category is a Chinese 4xx', async () => {
    const anon = await resident.post('/api/resident/requests', {
      kind: 'complaint',
      categoryCode: 'repair',
      description: '匿名投诉测试内容',
      orgId: p.gridA1,
      anonymous: true,
    });
    expect(anon.status).toBe(400);
    expect(err(anon).message).toMatch(/只有建议类/);
    const ok = await resident.post<ServiceRequestDetail>('/api/resident/requests', {
      kind: 'suggestion',
      categoryCode: 'greenery',
      description: '建议在小区多种一些树',
      orgId: p.communityA1,
      anonymous: true,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ anonymous: true, contactPhone: null, gridId: null });
    const noPhone = await c.communityA1!.post('/api/service/requests', deskRequest(p.gridA1, { contactPhone: undefined }));
    expect(noPhone.status).toBe(400);
    const branch = await c.streetA!.post('/api/service/requests', deskRequest(p.streetA));
    expect(branch.status).toBe(400);
    expect(err(branch).message).toMatch(/社区（村）/);
    const outside = await c.communityA1!.post('/api/service/requests', deskRequest(p.gridB1));
    expect(outside.status).toBe(404);
    const cat = await c.communityA1!.post('/api/service/requests', deskRequest(p.gridA1, { categoryCode: 'nope' }));
    expect(cat.status).toBe(400);
    expect(err(cat).message).toMatch(/事项类别/);
  });

  it('dispatch rules pick the assignee; a manual pick that differs needs a reason', async () => {
    const rule = await c.communityA1!.put('/api/service/dispatch-rules', {
      orgId: p.communityA1,
      categoryCode: 'property',
      assignee: { type: 'grid', orgId: p.gridA2 },
    });
    expect(rule.status).toBe(200);
    const r = (
      await c.communityA1!.post<ServiceRequestDetail>(
        '/api/service/requests',
        deskRequest(p.gridA1, { categoryCode: 'property', description: '物业不及时清运垃圾' }),
      )
    ).body;
    await step(c.communityA1!, r.id, { action: 'accept' });
    const manual = await c.communityA1!.post(`/api/service/requests/${r.id}/actions`, { action: 'dispatch', assignee: { type: 'grid', orgId: p.gridA1 } });
    expect(manual.status).toBe(400);
    expect(err(manual).message).toMatch(/派单规则指定由「甲一社区第二网格党支部」承办/);
    const ruled = await step(c.communityA1!, r.id, { action: 'dispatch' });
    expect(ruled!.assignee).toMatchObject({ orgId: p.gridA2 });
    const reassign = await c.communityA1!.post(`/api/service/requests/${r.id}/actions`, { action: 'reassign', assignee: { type: 'grid', orgId: p.gridA1 } });
    expect(reassign.status).toBe(400);
    expect(
      (await step(c.communityA1!, r.id, { action: 'reassign', assignee: { type: 'grid', orgId: p.gridA1 }, reason: '二网格人手不足' }))!.assignee,
    ).toMatchObject({ orgId: p.gridA1 });
  });
});
