import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org, OrgSummary } from '@jiceng/contracts';
import { AppError } from '../../platform/errors.ts';
import { ENGINES, login, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable, upload, type ImportErrorBody } from '../../test/xlsx.ts';
import { creditCode, orgFile, TEMPLATE_HEADERS, xlsxOf, type RowSpec } from './org.import.fixtures.ts';
import { createOrgImportService } from './org.import.ts';
import { orgRepository } from './org.repository.ts';
import type { OrgService } from './org.service.ts';

const IMPORT = '/api/orgs/import';
const REPORT = '/api/orgs/import/error-report';

describe.each(ENGINES)('organization import and export over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let secA1a: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    t = await seedTree(server);
    [streetA, streetB, secA1a] = await Promise.all([login(server, 'streetA'), login(server, 'streetB'), login(server, 'secA1a')]);
  });
  afterAll(() => server.close());

  const total = async () => (await t.admin.get<{ total: number }>('/api/orgs?pageSize=1&includeDissolved=true')).body.total;
  const auditCount = async (action: string) => (await t.admin.get<{ total: number }>(`/api/audit?action=${action}&pageSize=1`)).body.total;
  /** The organization named `name`, searched by its first Chinese characters (the search ignores brackets). */
  const find = async (c: Client, name: string) =>
    (await c.get<{ items: OrgSummary[] }>(`/api/orgs?q=${encodeURIComponent(name.slice(0, 8))}&pageSize=200`)).body.items.find((o) => o.name === name);
  const branch = (name: string, parentName: string, over: RowSpec = {}): RowSpec => ({
    name,
    parentName,
    type: '党支部',
    domain: '社区',
    formationMode: '单独组建',
    ...over,
  });

  describe('template', () => {
    it('downloads a template with the headers, dropdowns and a Chinese file name', async () => {
      const res = await streetA.get('/api/orgs/import/template');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('组织导入模板.xlsx')}`);
      const wb = await openXlsx(res.raw);
      const ws = wb.getWorksheet('组织导入')!;
      expect(sheetTable(ws).headers).toEqual(TEMPLATE_HEADERS);
      expect(TEMPLATE_HEADERS.filter((h) => h.endsWith('*'))).toEqual(['组织全称*', '上级组织全称*', '组织类别*', '所属领域*', '组建方式*']);
      const validations = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
      expect(validations.D2?.formulae[0]).toContain('党支部');
      expect(validations.F2?.formulae[0]).toContain('联合组建');
      expect(wb.getWorksheet('填写说明')).toBeDefined();
    });

    it('imports nothing from the untouched template (instructions are not data)', async () => {
      const template = (await streetA.get('/api/orgs/import/template')).raw;
      const res = await upload<ImportErrorBody>(streetA, IMPORT, template);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/没有数据/);
    });
  });

  describe('import', () => {
    it('creates a shuffled tree with joint units and every date form, in one go, audited', async () => {
      const [c1, c2] = [creditCode(), creditCode()];
      const file = await orgFile([
        branch('甲二社区第一党支部', '中共甲二社区委员会', { approvalDate: '2024年1月5日' }),
        { name: '甲二社区第一党支部第一党小组', parentName: '甲二社区第一党支部', type: '党小组', domain: '社区', formationMode: '单独组建' },
        {
          name: '甲二社区联合党支部',
          parentName: '中共甲二社区委员会',
          type: '联合党支部',
          domain: '非公企业',
          formationMode: '联合组建',
          unitNames: '甲二科技有限公司、甲二物流有限公司',
          creditCodes: `${c1}；${c2}`,
          unitCategories: '非公企业',
          approvalDate: '2024/1/5',
        },
        // full-width letters, spaces and a real date cell
        branch('甲一社区第三党支部（临时）', '　中共甲一社区委员会 ', { type: '党支部 ', code: 'ＪＣ－００３', approvalDate: new Date(Date.UTC(2023, 5, 1)) }),
        {
          name: '中共甲二社区委员会',
          parentName: '中共甲街道工作委员会',
          type: '党委',
          domain: '社区',
          formationMode: '单独组建',
          approvalDate: 45292,
          code: 'JC-A2',
        },
      ]);
      const [orgsBefore, createsBefore, importsBefore] = [await total(), await auditCount('org.create'), await auditCount('org.import')];
      const res = await upload<{ created: number; updated: number }>(streetA, IMPORT, file);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ created: 5, updated: 0 });
      expect(await total()).toBe(orgsBefore + 5);
      expect(await auditCount('org.create')).toBe(createsBefore + 5);
      expect(await auditCount('org.import')).toBe(importsBefore + 1);

      const community = (await find(streetA, '中共甲二社区委员会'))!;
      expect(community.parentId).toBe(t.streetA);
      const children = await streetA.get<OrgSummary[]>(`/api/orgs/tree?parentId=${community.id}`);
      expect(children.body.map((o) => o.name).sort()).toEqual(['甲二社区第一党支部', '甲二社区联合党支部'].sort());
      const first = children.body.find((o) => o.name === '甲二社区第一党支部')!;
      expect((await find(streetA, '甲二社区第一党支部第一党小组'))!.parentId).toBe(first.id);

      const detail = async (name: string) => (await streetA.get<Org>(`/api/orgs/${(await find(streetA, name))!.id}`)).body;
      expect(await detail('中共甲二社区委员会')).toMatchObject({ approvalDate: '2024-01-01', code: 'JC-A2', type: 'committee' });
      expect(await detail('甲二社区第一党支部')).toMatchObject({ approvalDate: '2024-01-05' });
      const joint = await detail('甲二社区联合党支部');
      expect(joint).toMatchObject({ formationMode: 'joint', approvalDate: '2024-01-05', type: 'joint_branch' });
      expect(joint.units).toEqual([
        { name: '甲二科技有限公司', creditCode: c1, category: 'private_enterprise' },
        { name: '甲二物流有限公司', creditCode: c2, category: 'private_enterprise' },
      ]);
      const third = await detail('甲一社区第三党支部（临时）');
      expect(third).toMatchObject({ code: 'JC-003', approvalDate: '2023-06-01', parentId: t.communityA1 });
    });

    it('reports every problem by row and column, and creates nothing — not even the good rows', async () => {
      const file = await orgFile([
        branch('甲一社区第四党支部', '中共甲一社区委员会', { code: 'DUP-1' }), // 2: good
        { parentName: '中共甲一社区委员会', domain: '社区', formationMode: '单独组建' }, // 3: name, type empty
        { name: '甲一社区第五党支部', parentName: '中共甲一社区委员会', type: '党支队', domain: '城市', formationMode: '合建' }, // 4
        branch('甲一社区第六党支部', '中共甲一社区委员会', { unitNames: '某公司', creditCodes: '91320102MA1XXXXXX1' }), // 5
        branch('甲一社区第七党支部', '中共甲一社区委员会', { approvalDate: '2024-13-45' }), // 6
        branch('甲一社区第四党支部', '中共甲一社区委员会'), // 7: duplicate of row 2
        branch('甲一社区第八党支部', '中共甲一社区委员会', { code: 'DUP-1' }), // 8: duplicate code
        branch('甲一社区第九党支部', '不存在的党组织'), // 9
        { name: '中共循环甲委员会', parentName: '中共循环乙委员会', type: '党委', domain: '社区', formationMode: '单独组建' }, // 10
        { name: '中共循环乙委员会', parentName: '中共循环甲委员会', type: '党委', domain: '社区', formationMode: '单独组建' }, // 11
        branch('甲一社区第十党支部', '甲一社区第一党支部'), // 12: 党支部 under 党支部
        branch('甲一社区第一党支部', '中共甲一社区委员会'), // 13: exists under the same parent
        branch('甲一社区联合党支部', '中共甲一社区委员会', { type: '联合党支部', formationMode: '联合组建', unitNames: '只有一家公司' }), // 14
      ]);
      const [orgsBefore, createsBefore] = [await total(), await auditCount('org.create')];
      const res = await upload<ImportErrorBody>(streetA, IMPORT, file);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('IMPORT_INVALID');
      const errors = res.body.error.details!.errors;
      expect(res.body.error.message).toBe(`导入文件有 ${errors.length} 处错误，未导入任何数据，请修改后重新上传`);
      const at = (row: number, column: string) =>
        errors
          .filter((e) => e.row === row && e.column === column)
          .map((e) => e.message)
          .join(' | ');
      expect(errors.filter((e) => e.row === 2)).toEqual([]);
      expect(at(3, '组织全称')).toMatch(/不能为空/);
      expect(at(3, '组织类别')).toMatch(/不能为空/);
      expect(at(4, '组织类别')).toMatch(/“党支队”不正确.*党支部/);
      expect(at(4, '所属领域')).toMatch(/“城市”不正确/);
      expect(at(4, '组建方式')).toMatch(/“合建”不正确/);
      expect(at(5, '统一社会信用代码')).toMatch(/91320102MA1XXXXXX1.*无效/);
      expect(at(6, '批准日期')).toMatch(/不是有效日期/);
      expect(at(7, '组织全称')).toMatch(/与第 2 行重复/);
      expect(at(8, '组织代码')).toMatch(/与第 2 行重复/);
      expect(at(9, '上级组织全称')).toMatch(/不存在或不在您的管理范围内/);
      expect(at(10, '上级组织全称')).toMatch(/循环/);
      expect(at(11, '上级组织全称')).toMatch(/循环/);
      expect(at(12, '上级组织全称')).toBe('党支部下不能设立党支部');
      expect(at(13, '组织全称')).toMatch(/已有同名组织/);
      expect(at(14, '单位名称')).toMatch(/2–5 个单位/);
      expect(await total()).toBe(orgsBefore);
      expect(await auditCount('org.create')).toBe(createsBefore);
    });

    it('treats a parent in another street as not found and creates nothing', async () => {
      const before = await total();
      const res = await upload<ImportErrorBody>(
        streetA,
        IMPORT,
        await orgFile([branch('甲方越界党支部', '中共乙一社区委员会'), branch('甲一社区第十一党支部', '中共甲一社区委员会')]),
      );
      expect(res.status).toBe(422);
      expect(res.body.error.details!.errors).toEqual([
        { row: 2, column: '上级组织全称', message: expect.stringMatching(/“中共乙一社区委员会”不存在或不在您的管理范围内/) as unknown as string },
      ]);
      expect(await total()).toBe(before);
    });

    it('rolls back every row when a creation fails during the apply', async () => {
      const base = server.modules.org.service;
      let calls = 0;
      const flaky: OrgService = {
        ...base,
        createIn: async (tx, actor, input) => {
          if (++calls === 2) throw new AppError('CONFLICT', '模拟：写入时发现冲突');
          return base.createIn(tx, actor, input);
        },
      };
      const importer = createOrgImportService({
        db: server.db,
        regionId: server.regionId,
        orgs: orgRepository,
        service: flaky,
        audit: server.audit,
        clock: server.clock,
      });
      const actor = (await server.systemActor())!;
      const before = [await total(), await auditCount('org.create'), await auditCount('org.import')];
      const file = await orgFile([
        { name: '中共乙二社区委员会', parentName: '中共乙街道工作委员会', type: '党委', domain: '社区', formationMode: '单独组建' },
        branch('乙二社区第一党支部', '中共乙二社区委员会'),
      ]);
      const err = await importer.importFile(actor, { fileName: 'x.xlsx', data: file }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'IMPORT_INVALID', details: { errors: [{ row: 3, message: '模拟：写入时发现冲突' }] } });
      expect([await total(), await auditCount('org.create'), await auditCount('org.import')]).toEqual(before);
    });

    it('refuses what is not an .xlsx, or has no data, in Chinese', async () => {
      const csv = await upload<ImportErrorBody>(streetA, IMPORT, Buffer.from('组织全称,上级组织全称\n甲,乙\n'), '组织.csv');
      expect(csv.status).toBe(400);
      expect(csv.body.error.message).toMatch(/\.xlsx/);
      const empty = await upload<ImportErrorBody>(streetA, IMPORT, await xlsxOf([]));
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toMatch(/没有数据/);
      const noFile = await streetA.post<ImportErrorBody>(IMPORT, {});
      expect(noFile.status).toBe(400);
      expect(noFile.body.error.message).toMatch(/上传/);
    });
  });

  describe('error report', () => {
    it('returns the sheet with a 错误说明 column and the problem cells highlighted, changing nothing', async () => {
      const before = await total();
      const file = await orgFile([
        branch('甲一社区第十二党支部', '中共甲一社区委员会'),
        branch('甲一社区第十三党支部', '中共甲一社区委员会', { type: '支部' }),
      ]);
      const res = await upload(streetA, REPORT, file);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
      const ws = (await openXlsx(res.raw)).getWorksheet('组织导入')!;
      const { headers, rows } = sheetTable(ws);
      expect(headers.at(-1)).toBe('错误说明');
      expect(rows[0]!['错误说明']).toBeNull();
      expect(String(rows[1]!['错误说明'])).toMatch(/【组织类别】组织类别“支部”不正确/);
      expect(ws.getCell('D3').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
      expect(await total()).toBe(before);
    });
  });

  describe('export', () => {
    it('exports the account subtree and nothing of another street', async () => {
      const res = await streetA.get('/api/orgs/export');
      expect(res.status).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('组织架构_中共甲街道工作委员会_')}`);
      const ws = (await openXlsx(res.raw)).worksheets[0]!;
      const { headers, rows } = sheetTable(ws);
      expect(headers).toEqual([...TEMPLATE_HEADERS, '状态', '当前届次', '届满日期', '换届状态']);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      const inScope = (await streetA.get<{ items: OrgSummary[] }>('/api/orgs?pageSize=200')).body.items.map((o) => o.name);
      expect(rows.map((r) => r['组织全称']).sort()).toEqual(inScope.sort());
      expect(rows.some((r) => String(r['组织全称']).startsWith('乙') || String(r['组织全称']).includes('乙街道'))).toBe(false);
    });

    it('exports exactly a subtree, and 404 for a root in another street', async () => {
      const res = await streetA.get(`/api/orgs/export?rootId=${t.communityA1}`);
      const names = sheetTable((await openXlsx(res.raw)).worksheets[0]!).rows.map((r) => r['组织全称']);
      const community = await login(server, 'communityA1');
      const subtree = (await community.get<{ items: OrgSummary[] }>('/api/orgs?pageSize=200')).body.items.map((o) => o.name);
      expect(names.sort()).toEqual(subtree.sort());
      expect((await streetA.get(`/api/orgs/export?rootId=${t.communityB1}`)).status).toBe(404);
    });

    it('round-trips: a subtree exported by one street imports under another after renaming', async () => {
      const exported = await streetA.get(`/api/orgs/export?rootId=${t.communityA1}`);
      const wb = await openXlsx(exported.raw);
      const ws = wb.worksheets[0]!;
      const { headers } = sheetTable(ws);
      const col = (h: string) => headers.findIndex((x) => x.replace('*', '') === h) + 1;
      const rename = (v: unknown) => String(v).replaceAll('甲一', '乙九');
      let count = 0;
      ws.eachRow((row, n) => {
        if (n === 1) return;
        count++;
        row.getCell(col('组织全称')).value = rename(row.getCell(col('组织全称')).value);
        const parent = row.getCell(col('上级组织全称'));
        parent.value = n === 2 ? '中共乙街道工作委员会' : rename(parent.value);
        row.getCell(col('组织代码')).value = null; // codes and credit codes are unique in the region
        row.getCell(col('统一社会信用代码')).value = null;
      });
      const file = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      const res = await upload<{ created: number }>(streetB, IMPORT, file, '导出.xlsx');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.created).toBe(count);
      const community = (await find(streetB, '中共乙九社区委员会'))!;
      expect(community.parentId).toBe(t.streetB);
      const children = (await streetB.get<OrgSummary[]>(`/api/orgs/tree?parentId=${community.id}`)).body.map((o) => o.name);
      expect(children).toEqual(expect.arrayContaining(['乙九社区第一党支部', '乙九社区第二党支部']));
    });
  });

  describe('community level', () => {
    it('lets a community account export and import the tree of its own subtree, and nothing outside it', async () => {
      const community = await login(server, 'communityA1');
      const res = await community.get('/api/orgs/export');
      expect(res.status).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('组织架构_中共甲一社区委员会_'));
      const names = sheetTable((await openXlsx(res.raw)).worksheets[0]!).rows.map((r) => r['组织全称']);
      const subtree = (await community.get<{ items: OrgSummary[] }>('/api/orgs?pageSize=200')).body.items.map((o) => o.name);
      expect(names.sort()).toEqual(subtree.sort());
      expect((await community.get(`/api/orgs/export?rootId=${t.streetA}`)).status).toBe(404);

      const created = await upload<{ created: number }>(community, IMPORT, await orgFile([branch('甲一社区第八党支部', '中共甲一社区委员会')]));
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      expect(created.body.created).toBe(1);
      expect((await find(community, '甲一社区第八党支部'))?.parentId).toBe(t.communityA1);
      // a parent outside the community's subtree is "not found", even when it exists
      const outside = await upload<ImportErrorBody>(community, IMPORT, await orgFile([branch('甲街道直属第九党支部', '中共甲街道工作委员会')]));
      expect(outside.status).toBe(422);
      expect(outside.body.error.details?.errors[0]?.message).toMatch(/不存在或不在您的管理范围内/);
    });
  });

  describe('access', () => {
    it('answers 403 without org:import and 401 without a session', async () => {
      expect((await secA1a.get('/api/orgs/import/template')).status).toBe(403);
      expect((await upload(secA1a, IMPORT, await orgFile([branch('甲一社区第九十党支部', '中共甲一社区委员会')]))).status).toBe(403);
      expect((await secA1a.get('/api/orgs/export')).status).toBe(403);
      for (const [method, url] of [
        ['GET', '/api/orgs/import/template'],
        ['POST', IMPORT],
        ['POST', REPORT],
        ['GET', '/api/orgs/export'],
      ] as const) {
        expect((await server.app.inject({ method, url })).statusCode).toBe(401);
      }
    });
  });
});
