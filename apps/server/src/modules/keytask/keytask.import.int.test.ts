import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, KtPlanSummary, KtTaskDetail, KtTaskSummary } from '@jiceng/contracts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { loginDepartment } from './keytask.fixtures.ts';
import { openXlsx, sheetFile, sheetTable, upload, type Cell, type ImportErrorBody } from '../../test/xlsx.ts';

const HEADERS = ['序号', '任务类别*', '任务名称*', '任务内容', '推进目标*', '完成时限*', '验收标准*', '权重*', '时间节点', '子任务'];
const row = (i: number, over: Partial<Record<number, Cell>> = {}): Cell[] => {
  const r: Cell[] = [
    i,
    i % 2 ? '组织建设' : '基层治理',
    `重点任务第${i}项`,
    '任务内容',
    `推进目标${i}`,
    '2026-12-31',
    '验收标准',
    i % 3 ? 2 : 1,
    i % 4 === 0 ? '2026-06-30 完成方案\n2026/9/30 全面推开' : '',
    i % 5 === 0 ? '子任务甲:1\n子任务乙:3' : '',
  ];
  for (const [k, v] of Object.entries(over)) r[Number(k)] = v as Cell;
  return r;
};
const plan40 = () => Array.from({ length: 40 }, (_, i) => row(i + 1));

/** The plan import: a 40-row spreadsheet, all or nothing, every bad row named (rule set kt-2026). */
describe.each(ENGINES)('重点任务 import (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let dept: Client;
  let streetA: Client;
  let planId: string;
  const tasks = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from kt_task where plan_id = ${planId}`))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    dept = await loginDepartment(server, t);
    streetA = await login(server, 'streetA');
    planId = (await dept.post<KtPlanSummary>('/api/keytasks/plans', { orgId: t.rootId, year: 2026, title: '导入计划' })).body.id;
  });
  afterAll(() => server.close());

  it('serves a template with the columns, a guide and an example', async () => {
    const res = await dept.get(`/api/keytasks/plans/${planId}/import/template`);
    expect(res.status).toBe(200);
    const wb = await openXlsx(res.raw);
    expect(sheetTable(wb.getWorksheet('重点任务清单')!).headers).toEqual(HEADERS);
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    expect((await streetA.get(`/api/keytasks/plans/${planId}/import/template`)).status).toBe(200);
  });

  it('refuses a plan with bad rows, naming each, and changes nothing; the error report marks them', async () => {
    const rows = plan40();
    rows[2] = row(3, { 2: '' }); // no title
    rows[5] = row(6, { 5: '2026-02-30' }); // no such day
    rows[8] = row(9, { 7: 0 }); // weight
    rows[11] = row(12, { 8: '完成方案 没有日期' }); // milestone without a date
    rows[14] = row(15, { 8: '2027-06-30 晚于时限' }); // milestone after the deadline
    rows[17] = row(18, { 0: 1 }); // number taken by row 2
    rows[20] = row(21, { 2: '重点任务第1项' }); // title of row 2
    const file = await sheetFile('重点任务清单', HEADERS, rows);
    const res = await upload<ImportErrorBody>(dept, `/api/keytasks/plans/${planId}/import`, file);
    expect(res.status).toBe(422);
    const errors = res.body.error.details!.errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [4, '任务名称'],
      [7, '完成时限'],
      [10, '权重'],
      [13, '时间节点'],
      [16, '时间节点'],
      [19, '序号'],
      [22, '任务名称'],
    ]);
    for (const e of errors) expect(e.message).toMatch(/\p{Script=Han}/u);
    expect(await tasks()).toBe(0);
    const report = await upload(dept, `/api/keytasks/plans/${planId}/import/error-report`, file);
    expect(report.status).toBe(200);
    const ws = (await openXlsx(report.raw)).getWorksheet('重点任务清单')!;
    expect(String(ws.getRow(4).getCell(HEADERS.length + 1).value)).toContain('任务名称');
    expect(await tasks()).toBe(0);
    // an office below cannot import into the district's plan
    expect((await upload(streetA, `/api/keytasks/plans/${planId}/import`, await sheetFile('重点任务清单', HEADERS, plan40()))).status).toBe(404);
  });

  it('imports a 40-row plan with its milestones and sub-tasks; the same file twice is refused by name', async () => {
    const file = await sheetFile('重点任务清单', HEADERS, plan40());
    const res = await upload<ImportResult>(dept, `/api/keytasks/plans/${planId}/import`, file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 40, updated: 0 });
    const list = (await dept.get<{ items: KtTaskSummary[] }>(`/api/keytasks/tasks?planId=${planId}&pageSize=100`)).body.items;
    expect(list.map((x) => x.no)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const fourth = (await dept.get<KtTaskDetail>(`/api/keytasks/tasks/${list[3]!.id}`)).body;
    expect(fourth.milestones.map((m) => [m.dueOn, m.title])).toEqual([
      ['2026-06-30', '完成方案'],
      ['2026-09-30', '全面推开'],
    ]);
    const fifth = (await dept.get<KtTaskDetail>(`/api/keytasks/tasks/${list[4]!.id}`)).body;
    expect(fifth.subtasks.map((s) => [s.title, s.weight])).toEqual([
      ['子任务甲', 1],
      ['子任务乙', 3],
    ]);
    const again = await upload<ImportErrorBody>(dept, `/api/keytasks/plans/${planId}/import`, file);
    expect(again.status).toBe(422);
    expect(again.body.error.details!.errors).toHaveLength(80); // each row's number and title are taken
    expect(await tasks()).toBe(40);
    // the export carries the same 40
    const xlsx = await openXlsx((await dept.get(`/api/keytasks/plans/${planId}/export`)).raw);
    expect(sheetTable(xlsx.worksheets[0]!).rows).toHaveLength(40);
  });
});
