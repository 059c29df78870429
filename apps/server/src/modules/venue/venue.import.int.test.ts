import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, Venue, VenueDetail } from '@jiceng/contracts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetFile, sheetTable, upload, type Cell, type ImportErrorBody } from '../../test/xlsx.ts';
import { unitAccount } from './venue.fixtures.ts';

const HEADERS = ['阵地名称*', '类型*', '所属社区*', '开放单位', '地址*', '面积（平方米）*', '开放时间*', '管理人*', '联系电话*', '服务清单', '活动室'];
const row = (i: number, over: Partial<Record<number, Cell>> = {}): Cell[] => {
  const r: Cell[] = [
    `导入阵地${i}`,
    i % 2 ? '党群服务中心' : '新时代文明实践站',
    '中共甲一社区委员会',
    '',
    `甲一路 ${i} 号`,
    100 + i,
    '周一至周五 08:30-17:30；周六 09:00-12:00；周一至周五 18:00-21:00（延时）',
    '李明',
    '13900001111',
    '党员教育：三会一课\n便民服务',
    '多功能活动室:40:80:是\n党员活动室:20:40:否',
  ];
  for (const [k, v] of Object.entries(over)) r[Number(k)] = v as Cell;
  return r;
};

/** The venue ledger import: all or nothing, every bad row named, nothing changed by a refused file. */
describe.each(ENGINES)('阵地台账 import (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let communityA1: Client;
  const venues = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from venue`))!.n;
  const rooms = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from venue_room`))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    communityA1 = await login(server, 'communityA1');
    await unitAccount(server, 'unitA1', t.communityA1, '甲一某物业公司', '91320102MA1N4K7P4');
  });
  afterAll(() => server.close());

  it('serves a template with the columns, a guide and an example', async () => {
    const res = await communityA1.get('/api/venues/import/template');
    expect(res.status).toBe(200);
    const wb = await openXlsx(res.raw);
    expect(sheetTable(wb.getWorksheet('阵地台账')!).headers).toEqual(HEADERS);
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    expect((await (await login(server, 'supA')).get('/api/venues/import/template')).status).toBe(403);
  });

  it('refuses a file with bad rows, naming each, and changes nothing; the error report marks them', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(i + 1));
    rows[1] = row(2, { 0: '' }); // no name
    rows[2] = row(3, { 1: '活动中心' }); // no such kind
    rows[3] = row(4, { 2: '中共乙一社区委员会' }); // not in scope
    rows[4] = row(5, { 5: 'abc' }); // area
    rows[5] = row(6, { 6: '工作日 8点到17点' }); // hours not understood
    rows[6] = row(7, { 6: '周一 12:00-09:00' }); // start after end
    rows[7] = row(8, { 8: '123' }); // phone
    rows[8] = row(9, { 1: '单位开放阵地' }); // a unit venue without its unit
    rows[9] = row(10, { 10: '会议室:很多:50' }); // room
    rows[10] = row(11, { 0: '导入阵地1' }); // name of row 2 in the same community
    const before = [await venues(), await rooms()];
    const file = await sheetFile('阵地台账', HEADERS, rows);
    const res = await upload<ImportErrorBody>(communityA1, '/api/venues/import', file);
    expect(res.status).toBe(422);
    expect(res.body.error.details!.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '阵地名称'],
      [4, '类型'],
      [5, '所属社区'],
      [6, '面积（平方米）'],
      [7, '开放时间'],
      [8, '开放时间'],
      [9, '联系电话'],
      [10, '开放单位'],
      [11, '活动室'],
      [12, '阵地名称'],
    ]);
    for (const e of res.body.error.details!.errors) expect(e.message).toMatch(/\p{Script=Han}/u);
    expect([await venues(), await rooms()]).toEqual(before);
    const report = await upload(communityA1, '/api/venues/import/error-report', file);
    const marked = sheetTable((await openXlsx(report.raw)).getWorksheet('阵地台账')!);
    expect(marked.headers.at(-1)).toBe('错误说明');
    expect(marked.rows.filter((r) => r['错误说明']).length).toBe(10);
  });

  it('imports a clean file in one go, rooms and a unit’s opened venue included', async () => {
    const rows = [row(1), row(2), row(3, { 1: '单位开放阵地', 3: '甲一某物业公司', 10: '' })];
    const res = await upload<ImportResult>(communityA1, '/api/venues/import', await sheetFile('阵地台账', HEADERS, rows));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 3 });
    const list = (await communityA1.get<{ items: Venue[] }>('/api/venues')).body.items;
    expect(list.map((v) => v.name).sort()).toEqual(['导入阵地1', '导入阵地2', '导入阵地3']);
    const one = (await communityA1.get<VenueDetail>(`/api/venues/${list.find((v) => v.name === '导入阵地1')!.id}`)).body;
    expect(one).toMatchObject({ areaM2: 101, extendedHours: true, managerPhone: '139****1111', roomCount: 2 });
    expect(one.hoursText).toBe('周一至周五 08:30-17:30；周六 09:00-12:00；周一至周五 18:00-21:00（延时）');
    expect(one.services).toEqual([{ name: '党员教育', description: '三会一课' }, { name: '便民服务' }]);
    expect(one.rooms.map((r) => [r.name, r.capacity, r.residentBookable]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['党员活动室', 20, false],
      ['多功能活动室', 40, true],
    ]);
    expect(list.find((v) => v.name === '导入阵地3')).toMatchObject({ kind: 'unit_open', unitName: '甲一某物业公司' });
    // the same file again: every name is taken now, nothing more is added
    const again = await upload<ImportErrorBody>(communityA1, '/api/venues/import', await sheetFile('阵地台账', HEADERS, rows));
    expect(again.status).toBe(422);
    expect(await venues()).toBe(3);
  });
});
