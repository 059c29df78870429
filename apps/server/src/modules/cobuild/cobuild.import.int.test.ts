import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CobuildAgreement } from '@jiceng/contracts';
import { buildOrg, ENGINES, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetFile, sheetTable, upload, type Cell, type ImportErrorBody } from '../../test/xlsx.ts';
import { agencySide } from './cobuild.fixtures.ts';

const URL = '/api/cobuild/agreements/import';
const HEADERS = [
  '甲方党组织',
  '乙方党组织',
  '开始日期',
  '结束日期',
  '共建内容',
  '协议名称',
  '甲方联系人',
  '甲方联系人职务',
  '甲方联系电话',
  '乙方联系人',
  '乙方联系人职务',
  '乙方联系电话',
];

/** The pairing sheet's import: the template, every row checked, all or nothing, the errors by row and in the report. */
describe.each(ENGINES)('结对共建 import (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let agency: Client;
  const count = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from cobuild_agreement`))!.n;
  const file = (rows: Cell[][]) => sheetFile('结对共建协议', HEADERS, rows);
  const row = (orgB: string, over: Partial<Record<number, Cell>> = {}): Cell[] =>
    Object.assign(['区发改委机关党支部', orgB, '2026-01-01', '2027-12-31', '', '', '王明', '支部书记', '13912340001', '李红', '书记', '025-84561234'], over);

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    agency = (await agencySide(server, t)).client;
    await t.admin.post('/api/orgs', buildOrg(t.streetA, { name: '中共甲村委员会', type: 'committee', domain: 'rural' }));
    await t.admin.post('/api/orgs', buildOrg(t.streetB, { name: '乙街道某科技公司党支部', type: 'branch', domain: 'private_enterprise' }));
  });
  afterAll(() => server.close());

  it('offers a template with the columns and a guide', async () => {
    const res = await agency.get('/api/cobuild/agreements/import/template');
    expect(res.status).toBe(200);
    const wb = await openXlsx(res.raw);
    expect(sheetTable(wb.getWorksheet('结对共建协议')!).headers.map((h) => h.replace('*', ''))).toEqual(HEADERS);
    expect(wb.getWorksheet('填写说明')).toBeDefined();
  });

  it('rejects a file with bad rows as a whole, naming each problem by row, and changes nothing', async () => {
    const data = await file([
      row('中共甲村委员会'),
      row('中共不存在社区委员会'),
      row('中共甲一社区委员会', { 3: '2031-12-31' }),
      row('乙街道某科技公司党支部', { 8: '12345' }),
      row('甲一社区第一党支部', { 9: '', 10: '', 11: '', 0: '中共乙一社区委员会' }),
      row('中共甲村委员会', { 2: '2027-06-01', 3: '2028-05-31' }),
    ]);
    const res = await upload<ImportErrorBody>(agency, URL, data);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/未导入任何数据/);
    expect(res.body.error.details!.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, '乙方党组织', '系统中没有名为「中共不存在社区委员会」的党组织，请填写党组织全称'],
      [4, '结束日期', '协议期限最长 5 年，结束日期不能晚于 2030-12-31'],
      [5, '甲方联系电话', '联系电话“12345”格式不正确，应为 11 位手机号或带区号的固定电话'],
      [6, '甲方党组织', '甲乙双方至少有一方应是本单位或下级党组织（由本方起草协议）'],
      [7, '乙方党组织', '与第 2 行是同一对组织，协议期限重叠'],
    ]);
    expect(await count()).toBe(0);

    const report = await upload(agency, `${URL}/error-report`, data);
    expect(report.status).toBe(200);
    const table = sheetTable((await openXlsx(report.raw)).worksheets[0]!);
    expect(table.headers).toContain('错误说明');
    expect(String(table.rows[1]!['错误说明'])).toMatch(/中共不存在社区委员会/);
  });

  it('imports a clean file as drafts, once (a second upload overlaps and is refused)', async () => {
    const data = await file([row('中共甲村委员会', { 4: '党建工作联创、产业发展联促' }), row('乙街道某科技公司党支部', { 9: '', 10: '', 11: '' })]);
    const res = await upload<{ created: number }>(agency, URL, data);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(2);
    const list = (await agency.get<{ items: CobuildAgreement[] }>('/api/cobuild/agreements')).body.items;
    expect(list.map((a) => [a.orgB.name, a.partnerKind, a.state, a.headings.join('、')]).sort()).toEqual([
      ['中共甲村委员会', 'village', 'draft', '党建工作联创、产业发展联促'],
      ['乙街道某科技公司党支部', 'enterprise', 'draft', '党建工作联创、发展项目联抓、基础设施联建、社会活动联谊'],
    ]);
    const again = await upload<ImportErrorBody>(agency, URL, data);
    expect(again.status).toBe(422);
    expect(again.body.error.details!.errors).toHaveLength(2);
    expect(await count()).toBe(2);
  });
});
