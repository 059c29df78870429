import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicantDetail, ApplicantSummary, DevBoard, TodoPage } from '@jiceng/contracts';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_ORG, DEMO_PASSWORD } from '../seeds/demo-accounts.ts';

/** The demo's 发展党员: every stage and end in 孝陵街道, the limits as 待办 on both sides, paths that pass the rule set. */
describe.each(ENGINES)('demo development (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  }, 240_000);
  afterAll(() => server.close());

  const as = (username: string) => login(server, username, DEMO_PASSWORD);

  it('shows the secretary’s branch in every early state, one stopped, and the community every later one', async () => {
    const shuji = await as('shuji');
    const own = (await shuji.get<{ items: ApplicantSummary[] }>('/api/development/applicants?state=all&pageSize=200')).body.items;
    expect(new Set(own.map((a) => a.orgName))).toEqual(new Set([DEMO_ORG.branch]));
    expect(new Set(own.map((a) => a.stateLabel))).toEqual(new Set(['入党申请人', '入党积极分子', '发展对象', '预备党员', '已终止培养']));
    const shequ = await as('shequ');
    const all = (await shequ.get<{ items: ApplicantSummary[] }>('/api/development/applicants?state=all&pageSize=200')).body.items;
    expect(new Set(all.map((a) => a.stateLabel))).toEqual(new Set(['入党申请人', '入党积极分子', '发展对象', '预备党员', '正式党员', '已终止培养']));
    const extended = await server.db.one<{ n: number }>(sql`select count(*)::int as n from dev_record where step = 'full_approval' and outcome = 'extend'`);
    expect(extended!.n).toBeGreaterThan(0);
    const board = (await (await as('jiedao')).get<DevBoard>('/api/development/board')).body;
    expect(board.stages.every((s) => s.count > 0)).toBe(true);
    expect(board.stuck.some((s) => s.overdue)).toBe(true);
  });

  it('gives the branch its due and overdue limits and the community the overdue approval and the branches’ passed limits', async () => {
    const todos = async (u: string) =>
      (await (await as(u)).get<TodoPage>('/api/todos?pageSize=200')).body.items.filter((x) => x.source.startsWith('development.'));
    const mine = await todos('shuji');
    expect(new Set(mine.map((t) => t.severity))).toEqual(new Set(['overdue', 'due_soon']));
    expect(mine.map((t) => t.title).join()).toMatch(/党组织派人谈话」已逾期/);
    const above = await todos('shequ');
    expect(above.map((t) => t.title).join()).toMatch(/上级党委审批」已逾期/);
    expect(above.map((t) => t.title).join()).toMatch(/支部大会讨论转正」已逾期/);
  });

  it('made the member records of its approvals: 预备党员 with the acceptance date, the 正式党员 confirmed from the end of 预备期', async () => {
    const shequ = await as('shequ');
    const full = (await shequ.get<{ items: ApplicantSummary[] }>('/api/development/applicants?state=all&stage=full&pageSize=50')).body.items[0]!;
    const d = (await shequ.get<ApplicantDetail>(`/api/development/applicants/${full.id}`)).body;
    const m = await server.db.one<{ status: string; joined_date: string; confirmed_date: string }>(
      sql`select status, joined_date::text as joined_date, confirmed_date::text as confirmed_date from member where id = ${d.memberId}`,
    );
    expect(m).toEqual({ status: 'full', joined_date: d.records.find((r) => r.key === 'branch_meeting')!.date, confirmed_date: d.partyAgeFrom });
  });
});
