import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RmLedger, RmMeeting, RmMeetingDetail, RmReport, RmReportPage, TodoPage } from '@jiceng/contracts';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_PASSWORD } from '../seeds/demo-accounts.ts';

/** The demo's joint meetings, last year's 双报告 and the ratings both ways in 梅花山社区. */
describe.each(ENGINES)('demo 联席会议与双报告 (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  }, 240_000);
  afterAll(() => server.close());

  const as = (username: string) => login(server, username, DEMO_PASSWORD);

  it('has a held meeting with decisions and an overdue follow-up, and a draft', async () => {
    const shequ = await as('shequ');
    const list = (await shequ.get<{ items: RmMeeting[] }>('/api/regional/meetings')).body.items;
    expect(list.map((m) => m.state).sort()).toEqual(['archived', 'draft']);
    const held = (await shequ.get<RmMeetingDetail>(`/api/regional/meetings/${list.find((m) => m.state === 'archived')!.id}`)).body;
    expect(held.decisions.some((d) => d.kind === 'need')).toBe(true);
    expect(held.followups.map((f) => f.status)).toEqual(expect.arrayContaining(['overdue', 'done']));
    expect(held.attendance.filter((a) => a.status === 'present').length).toBeGreaterThan(1);
    const todos = (await shequ.get<TodoPage>('/api/todos?kind=regional&pageSize=200')).body.items.map((t) => t.source);
    expect(todos).toEqual(expect.arrayContaining(['regionmeet.followup', 'regionmeet.rating']));
  });

  it('has last year’s reports confirmed, corrected and awaiting — danwei’s awaiting', async () => {
    const shequ = await as('shequ');
    const page = (await shequ.get<RmReportPage>('/api/regional/reports?pageSize=200')).body;
    expect(page.byState.confirmed).toBeGreaterThanOrEqual(2);
    expect(page.byState.corrected).toBe(1);
    expect(page.byState.pending).toBeGreaterThan(0);
    expect(page.items.find((r) => r.subjectName === '国网演示区供电公司')!.figures.activities).toBeGreaterThan(0);
    const danwei = await as('danwei');
    const own = (await danwei.get<RmReport[]>(`/api/regional/unit/reports?year=${page.year}`)).body;
    expect(own.map((r) => [r.subjectName, r.state])).toEqual([['演示区人民医院', 'pending']]);
    const todos = (await danwei.get<TodoPage>('/api/todos?pageSize=50')).body.items.map((t) => t.source);
    expect(todos).toContain('regionmeet.report');
  });

  it('rates both ways and shows the street the ledger', async () => {
    const ledger = (await (await as('jiedao')).get<RmLedger>('/api/regional/ledger?pageSize=200')).body;
    const hospital = ledger.items.find((r) => r.unitName === '演示区人民医院')!;
    expect(hospital.ofUnit?.total).toBeGreaterThan(0);
    expect(hospital.ofCommunity?.total).toBeGreaterThan(0);
    expect(ledger.unrated).toBeGreaterThan(0);
  });
});
