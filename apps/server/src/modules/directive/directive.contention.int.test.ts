import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectiveDetail } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

const TASK = { kind: 'task', title: '并发任务', content: '核对辖区党员信息', dueOn: '2026-12-10' };

/**
 * 下发任务 under contention: many 签收 of one recipient at once sign it once (the workflow's
 * conditional update), many decisions on one extension request decide it once (grant against
 * refuse), many 催办 of one recipient on one day count once, and two forwards naming the same branch
 * make one row (the unique key); each winner leaves one history row and one audit row.
 */
describe.each(ENGINES)('下发任务 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let street: Client;
  let community: Client;
  let d: DirectiveDetail;
  let targetUrl: string;
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [street, community] = await Promise.all([login(server, 'streetA'), login(server, 'communityA1')]);
    d = (await street.post<DirectiveDetail>('/api/directives', { ...TASK, recipients: { orgIds: [t.communityA1] } })).body;
    targetUrl = `/api/directives/${d.id}/targets/${d.targets[0]!.id}`;
  });
  afterAll(() => server?.close());

  it('20 签收 of one recipient at once: one signs, the rest a Chinese 409; one history and one audit row', async () => {
    await race(20, (i) => community.post(`${targetUrl}/acknowledge`, i % 2 ? { version: 1 } : {}), { successes: 1, refusals: ['CONFLICT', 'STALE_VERSION'] });
    const id = d.targets[0]!.id;
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${id} and action = 'acknowledge'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where entity_id = ${id} and action = 'directive_target.acknowledge'`)).toBe(1);
  });

  it('grant against refuse on one extension request, 10 at once: decided once', async () => {
    expect((await community.post(`${targetUrl}/extension`, { dueOn: '2026-12-20', reason: '人手不足' })).status).toBe(200);
    const { ok } = await race(10, (i) => street.post(`${targetUrl}/extension/decision`, i % 2 ? { grant: true } : { grant: false, reason: '时间充裕' }), {
      successes: 1,
      refusals: ['CONFLICT'],
    });
    const id = d.targets[0]!.id;
    const decisions = await count(
      sql`select count(*)::int as n from workflow_event where record_id = ${id} and action in ('grant_extension', 'refuse_extension')`,
    );
    expect(decisions).toBe(1);
    const row = (await server.db.one<{ extension_state: string; due_on: string }>(
      sql`select extension_state, due_on::text as due_on from directive_target where id = ${id}`,
    ))!;
    const granted = (ok[0]!.body as DirectiveDetail).targets[0]!.extension!.state === 'granted';
    expect(row).toEqual(granted ? { extension_state: 'granted', due_on: '2026-12-20' } : { extension_state: 'refused', due_on: '2026-12-10' });
  });

  it('10 催办 of one recipient at once: counted once, one message per account', async () => {
    const id = d.targets[0]!.id;
    await race(10, () => street.post(`/api/directives/${d.id}/remind`, { targetIds: [id] }), { successes: 1, refusals: ['CONFLICT'] });
    expect(await count(sql`select reminded_count as n from directive_target where id = ${id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where entity_id = ${id} and action = 'directive_target.remind'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from notification where dedupe_key like ${`directive.remind:${id}:%`}`)).toBe(1);
  });

  it('two forwards naming the same branch at once: one row for the branch', async () => {
    await race(6, () => community.post(`${targetUrl}/forward`, { recipients: { orgIds: [t.branchA1a] } }), {
      successes: 1,
      refusals: ['CONFLICT', 'VALIDATION'],
    });
    expect(await count(sql`select count(*)::int as n from directive_target where directive_id = ${d.id} and org_id = ${t.branchA1a}`)).toBe(1);
  });
});
