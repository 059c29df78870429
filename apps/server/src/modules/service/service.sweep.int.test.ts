import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ServiceRequestDetail } from '@jiceng/contracts';
import { ENGINES, movableClock, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { deskRequest, logins, seedServicePlace, step, type ServicePlace } from '../../test/service.ts';

const HOUR = 3600;

describe.each(ENGINES)('the time-limit sweep: remind, urge, escalate, auto-close — each once (%s)', (engine) => {
  let server: TestServer;
  let p: ServicePlace;
  let c: Record<string, Client>;
  const clock = movableClock('2026-11-23T02:00:00Z'); // Monday 10:00 China time
  const sweep = () => server.modules.service.service.sweep();
  const job = () => server.jobs.find((j) => j.name === 'service-sweep')!.run();
  const get = async (id: string) => (await c.streetA!.get<ServiceRequestDetail>(`/api/service/requests/${id}`)).body;
  const actions = (d: ServiceRequestDetail) => d.timeline.map((e) => e.action);

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    p = await seedServicePlace(server);
    c = await logins(server, ['communityA1', 'streetA', 'gridA1']);
  });
  afterAll(() => server.close());

  it('urges an unaccepted request before and at its 2-hour limit, escalates it to the street 2 hours past, and never twice', async () => {
    const { id } = (await c.communityA1!.post<ServiceRequestDetail>('/api/service/requests', deskRequest(p.gridA1))).body;
    expect((await sweep()).looked).toBe(0); // nothing due yet
    clock.advance(1.6 * HOUR); // 30 minutes before the due time: the reminder
    await sweep();
    await sweep();
    expect(actions(await get(id))).toEqual(['submit', 'urge']);
    clock.advance(0.5 * HOUR); // past due: 催办
    await job();
    await job();
    let d = await get(id);
    expect(actions(d)).toEqual(['submit', 'urge', 'urge']);
    expect(d.timeline[2]!.reason).toBe('受理已超时，催办');
    expect(d.clock).toMatchObject({ stage: 'accept', status: 'overdue' });
    clock.advance(2 * HOUR); // 2 hours past due: to the street's desk
    const r = await sweep();
    expect(r.escalated).toBe(1);
    expect((await sweep()).escalated).toBe(0);
    d = await get(id);
    expect(actions(d)).toEqual(['submit', 'urge', 'urge', 'escalate']);
    expect(d).toMatchObject({
      state: 'accepted',
      level: 'street',
      levelLabel: '乡镇（街道）',
      clock: { stage: 'respond', level: 'street', status: 'running' },
    });
    // the community desk may no longer act on it; the street may
    const community = await c.communityA1!.post(`/api/service/requests/${id}/actions`, { action: 'dispatch' });
    expect(community.status).toBe(403);
    const notes = await server.db.rows<{
      title: string;
    }>(sql`select n.title from notification n join account a on a.region_id = n.region_id and a.id = n.account_id
      where n.region_id = ${server.regionId} and a.username = 'streetA' order by n.created_at`);
    expect(notes.map((n) => n.title)).toEqual(expect.arrayContaining(['催办', '诉求提级']));
    expect(notes.filter((n) => n.title === '诉求提级')).toHaveLength(1);
  });

  it('keeps the schedule in the rows: a sweep that runs late (after a restart) does the one step now due, once', async () => {
    const { id } = (await c.communityA1!.post<ServiceRequestDetail>('/api/service/requests', deskRequest(p.gridA1, { description: '楼下垃圾桶满了没人清理' })))
      .body;
    await step(c.communityA1!, id, { action: 'accept' });
    await step(c.communityA1!, id, { action: 'dispatch' });
    // nobody swept for two days: respond (24 h) is 24 h overdue — escalation is due, and only it
    clock.advance(48 * HOUR);
    await sweep();
    await sweep();
    const d = await get(id);
    expect(actions(d)).toEqual(['submit', 'accept', 'dispatch', 'escalate']);
    expect(d).toMatchObject({ level: 'street', assignee: null, state: 'accepted' });
  });

  it('pauses the clock while waiting for the resident and closes an unrated resolution after 7 days, marked so', async () => {
    const { id } = (await c.communityA1!.post<ServiceRequestDetail>('/api/service/requests', deskRequest(p.gridA1, { description: '家门口下水道堵了' }))).body;
    await step(c.communityA1!, id, { action: 'accept' });
    await step(c.communityA1!, id, { action: 'dispatch' });
    await step(c.gridA1!, id, { action: 'take' });
    const paused = await step(c.gridA1!, id, { action: 'request_info', reason: '请提供堵塞位置的照片' });
    expect(paused!.clock).toMatchObject({ status: 'paused', dueAt: null });
    clock.advance(30 * 24 * HOUR);
    await sweep(); // a paused clock is neither urged nor escalated
    expect(actions(await get(id))).toEqual(['submit', 'accept', 'dispatch', 'take', 'request_info']);
    const resumed = await step(c.gridA1!, id, { action: 'supply_info' });
    expect(resumed!.clock).toMatchObject({ stage: 'resolve', status: 'running' });
    await step(c.gridA1!, id, { action: 'resolve', result: '已疏通下水道' });
    clock.advance(7 * 24 * HOUR + 60);
    const r = await sweep();
    expect(r.closed).toBe(1);
    await sweep();
    const d = await get(id);
    expect(d).toMatchObject({ state: 'closed', autoClosed: true, rating: null });
    expect(actions(d).filter((a) => a === 'auto_close')).toHaveLength(1);
  });
});
