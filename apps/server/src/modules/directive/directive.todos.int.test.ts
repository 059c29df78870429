import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectiveDetail, Todo } from '@jiceng/contracts';
import { ENGINES, login, movableClock, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

/**
 * 下发任务 as 待办 and reminders on a moving clock (rules directive-reminder-lead and
 * directive-extension): the recipient's to-do from the day it was sent (未签收) and again near its due
 * date, overdue on both sides, the issuer's extension decision with its own due date; the sweep sends
 * each stage once, so running it again (or after a restart) sends nothing twice.
 */
describe.each(ENGINES)('下发任务 to-dos and reminders (%s)', (engine) => {
  const clock = movableClock('2026-11-22T04:00:00Z');
  const setToday = (day: string) => clock.advance((Date.parse(`${day}T04:00:00Z`) - clock.now().getTime()) / 1000);
  let server: TestServer;
  let t: SeededTree;
  let street: Client;
  let community: Client;
  let d: DirectiveDetail;
  let later: DirectiveDetail;
  const todos = async (c: Client) => (await c.get<{ items: Todo[] }>('/api/todos?pageSize=200')).body.items.filter((x) => x.source.startsWith('directive.'));
  const messages = async (prefix: string) =>
    (await server.db.one<{ n: number }>(sql`select count(*)::int as n from notification where dedupe_key like ${`${prefix}%`}`))!.n;
  const target = (x: DirectiveDetail) => `/api/directives/${x.id}/targets/${x.targets[0]!.id}`;

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    t = await seedTree(server);
    [street, community] = await Promise.all([login(server, 'streetA'), login(server, 'communityA1')]);
    const send = async (title: string, dueOn: string) =>
      (await street.post<DirectiveDetail>('/api/directives', { kind: 'task', title, content: '按要求办理', dueOn, recipients: { orgIds: [t.communityA1] } }))
        .body;
    d = await send('报送党员信息', '2026-11-30');
    later = await send('整理组织生活台账', '2026-12-20');
  });
  afterAll(() => server?.close());

  it('shows the recipient what it has not signed for at once, and a signed task from three days before its day', async () => {
    const mine = await todos(community);
    expect(mine.map((x) => [x.title, x.severity, x.dueDate])).toEqual([
      ['待签收：报送党员信息', 'open', '2026-11-30'],
      ['待签收：整理组织生活台账', 'open', '2026-12-20'],
    ]);
    expect(mine[0]!.link).toBe(`/directives/${d.id}`);
    expect(await todos(street)).toEqual([]);
    await community.post(`${target(d)}/acknowledge`);
    await community.post(`${target(later)}/acknowledge`);
    expect(await todos(community)).toEqual([]);
    setToday('2026-11-27');
    expect((await todos(community)).map((x) => [x.title, x.severity])).toEqual([['待办结：报送党员信息', 'due_soon']]);
  });

  it('reminds once per stage: a rerun sends nothing, the day after the due date one more', async () => {
    expect(await server.sweepDirectives()).toBe(1);
    expect(await server.sweepDirectives()).toBe(0);
    expect(await messages('directive.due:')).toBe(1);
    setToday('2026-12-01');
    expect(await server.sweepDirectives()).toBe(1);
    expect(await server.sweepDirectives()).toBe(0);
    expect(await messages('directive.overdue:')).toBe(1);
    const inbox = (await community.get<{ items: { title: string }[] }>('/api/notifications')).body.items.map((n) => n.title);
    expect(inbox).toContain('任务逾期：报送党员信息');
  });

  it('is overdue on both sides, and the issuer decides an extension by its own due date', async () => {
    expect((await todos(community)).map((x) => [x.title, x.severity])).toEqual([['待办结：报送党员信息', 'overdue']]);
    expect((await todos(street)).map((x) => [x.source, x.title, x.severity, x.dueDate])).toEqual([
      ['directive.overdue', '中共甲一社区委员会逾期未办结：报送党员信息', 'overdue', '2026-11-30'],
    ]);
    expect((await community.post(`${target(later)}/extension`, { dueOn: '2026-12-31', reason: '年底事务集中' })).status).toBe(200);
    const waiting = (await todos(street)).find((x) => x.source === 'directive.extension')!;
    expect(waiting).toMatchObject({ severity: 'due_soon', dueDate: '2026-12-04', title: '中共甲一社区委员会申请延期：整理组织生活台账' });
    setToday('2026-12-05');
    expect((await todos(street)).find((x) => x.source === 'directive.extension')).toMatchObject({ severity: 'overdue' });
    await street.post(`${target(later)}/extension/decision`, { grant: true });
    expect((await todos(street)).map((x) => x.source)).toEqual(['directive.overdue']);
    // reported, then closed: nothing left on either side
    await community.post(`${target(d)}/report`, { report: '已报送' });
    expect(await todos(street)).toEqual([]);
    await street.post(`/api/directives/${later.id}/close`, {});
    expect(await todos(community)).toEqual([]);
    expect(await server.sweepDirectives()).toBe(0);
  });
});
