import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, MemberImportJob, MemberStatusEvent, MemberSummary } from '@jiceng/contracts';
import { buildIdNumber, buildMember, buildOrg, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetFile, sheetTable, upload } from '../../test/xlsx.ts';
import { auditCount, fullWidth, idEndingWithX, IMPORT_URL, importRoster, memberCount, REPORT_URL, ROSTER_HEADERS, rosterFile, rosterRow } from './member.import.fixtures.ts';

/** An Excel serial number for a date (1900 date system). */
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe.each(ENGINES)('member roster import over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let secA1a: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, streetB, secA1a] = await Promise.all([login(server, 'streetA'), login(server, 'streetB'), login(server, 'secA1a')]);
  });
  afterAll(() => server.close());

  const count = () => memberCount(t.admin);
  const audits = (action: string) => auditCount(t.admin, action);
  const byId = async (c: Client, idNumber: string) => (await c.get<{ items: MemberSummary[] }>(`/api/members?idNumber=${encodeURIComponent(idNumber)}`)).body.items;
  const at = (job: MemberImportJob, row: number, column: string) => job.errors.filter((e) => e.row === row && e.column === column).map((e) => e.message).join(' | ');

  describe('template', () => {
    it('has the roster headers, dropdowns, instructions and the branches the account may import into', async () => {
      const res = await streetA.get('/api/members/import/template');
      expect(res.status).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('党员名册导入模板.xlsx')}`);
      const wb = await openXlsx(res.raw);
      const ws = wb.getWorksheet('党员名册')!;
      expect(sheetTable(ws).headers).toEqual(ROSTER_HEADERS);
      expect(ROSTER_HEADERS.filter((h) => h.endsWith('*'))).toEqual(['姓名*', '公民身份号码*', '民族*', '学历*', '人员类别*', '入党日期*', '党员类别*', '所在党支部*']);
      const validations = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
      expect(validations.C2?.formulae[0]).toContain('回族');
      expect(validations.L2?.formulae[0]).toBe('"正式党员,预备党员"');
      expect(wb.getWorksheet('填写说明')).toBeDefined();
      const branches = sheetTable(wb.getWorksheet('可选党支部')!).rows.map((r) => r['党支部全称']);
      expect(branches.sort()).toEqual(['甲一社区第一党支部', '甲一社区第二党支部'].sort());
    });
  });

  describe('import', () => {
    it('imports dates in every form, full-width digits and a lower-case x, into the right branches, with one audit row', async () => {
      const [a, b, c, d] = [buildIdNumber('1985-06-15', true), buildIdNumber('1990-02-03', false), idEndingWithX(), buildIdNumber('1972-12-01', true)];
      const file = await rosterFile(
        [
          rosterRow(a, '甲一社区第一党支部', { name: '赵 一', appliedDate: serial('2008-03-01'), joinedDate: serial('2009-07-01'), confirmedDate: serial('2010-07-01'), 性别: '男', 出生日期: '1985/6/15' }),
          rosterRow(fullWidth(b), '甲一社区第二党支部', { name: '钱二', status: '预备', appliedDate: '2024年3月1日', joinedDate: '2026.1.5', categories: '在职、党务工作者', 性别: '女' }),
          rosterRow(c, '  甲一社区第一党支部 ', { name: '孙三', ethnicity: '回', education: '研究生(硕士)', appliedDate: null, joinedDate: new Date(Date.UTC(2001, 6, 1)), phone: 13800001111, categories: null }),
          rosterRow(d, '甲一社区第二党支部', { name: '李四', occupation: '离退休人员', status: '正式党员', appliedDate: '1994-09-01', joinedDate: '19950701', categories: '离退休；困难' }),
        ],
        ['性别', '出生日期'],
      );
      const before = [await count(), await audits('member.import'), await audits('member.create')];
      const job = await importRoster(streetA, file, '甲街道党员.xlsx');
      expect(job, JSON.stringify(job.errors)).toMatchObject({ phase: 'done', phaseLabel: '完成', created: 4, done: 4, total: 4, errors: [], errorCount: 0, message: null, fileName: '甲街道党员.xlsx' });
      expect(job.finishedAt).not.toBeNull();
      expect([await count(), await audits('member.import'), await audits('member.create')]).toEqual([before[0]! + 4, before[1]! + 1, before[2]]);
      const audit = await t.admin.get<{ items: { after: unknown; actorName: string }[] }>('/api/audit?action=member.import&pageSize=1');
      expect(audit.body.items[0]).toMatchObject({ actorName: 'streetA', after: { created: 4, fileName: '甲街道党员.xlsx' } });

      const [ma] = await byId(streetA, a);
      expect(ma).toMatchObject({ name: '赵一', orgId: t.branchA1a, status: 'full', gender: 'male', joinedDate: '2009-07-01', confirmedDate: '2010-07-01', categories: ['employed'] });
      const [mb] = await byId(streetA, b);
      expect(mb).toMatchObject({ name: '钱二', orgId: t.branchA1b, status: 'probationary', gender: 'female', joinedDate: '2026-01-05', confirmedDate: null, categories: ['employed', 'party_worker'] });
      const [mc] = await byId(streetA, c.toUpperCase());
      expect(mc).toMatchObject({ name: '孙三', orgId: t.branchA1a, joinedDate: '2001-07-01', confirmedDate: '2002-07-01', education: 'master', categories: [] });
      const full = (await streetA.get<Member>(`/api/members/${mc!.id}?unmask=true`)).body;
      expect(full).toMatchObject({ ethnicity: '回族', idNumber: c.toUpperCase(), phone: '13800001111' });
      const [md] = await byId(streetA, d);
      expect(md).toMatchObject({ orgId: t.branchA1b, occupation: 'retired', joinedDate: '1995-07-01', categories: ['retired', 'hardship'] });
      const history = await streetA.get<MemberStatusEvent[]>(`/api/members/${md!.id}/history`);
      expect(history.body).toEqual([expect.objectContaining({ event: 'register', fromStatus: 'full', toStatus: 'full', date: '1995-07-01', actorName: 'streetA' })]);
    });

    it('writes in several batches in one go (1,200 rows), one history row per member and one audit row', async () => {
      const ids = Array.from({ length: 1200 }, (_, i) => buildIdNumber(`19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 === 0));
      const before = [await count(), await audits('member.import')];
      const job = await importRoster(secA1a, await rosterFile(ids.map((id, i) => rosterRow(id, '甲一社区第一党支部', { name: `批量${i}` }))));
      expect(job).toMatchObject({ phase: 'done', created: 1200, done: 1200, total: 1200 });
      expect([await count(), await audits('member.import')]).toEqual([before[0]! + 1200, before[1]! + 1]);
      const events = await server.db.one<{ n: number }>(sql`select count(*)::int as n from member_status_event e join member m on m.region_id = e.region_id and m.id = e.member_id
        where m.name like '批量%' and e.event = 'register'`);
      expect(events?.n).toBe(1200);
    });

    it('reports every bad row by row and column, fails the job and imports nothing — not even the good rows', async () => {
      const registered = buildIdNumber('1970-01-01');
      expect((await streetA.post('/api/members', buildMember(t.branchA1a, { idNumber: registered }))).status).toBe(201);
      const good = buildIdNumber('1981-01-01');
      const okId = () => buildIdNumber('1982-02-02');
      const badCheck = (() => {
        const id = buildIdNumber('1983-03-03');
        return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
      })();
      const branch = '甲一社区第一党支部';
      const file = await rosterFile(
        [
          rosterRow(good, branch), // 2: good
          rosterRow(null, branch, { name: '' }), // 3
          rosterRow(badCheck, branch), // 4
          rosterRow(Number(okId()), branch), // 5: ID stored as a number
          rosterRow(buildIdNumber('1984-04-04', true), branch, { 出生日期: '1984-05-04', 性别: '女' }), // 6
          rosterRow(okId(), branch, { joinedDate: '2024-13-45', appliedDate: '明天' }), // 7
          rosterRow(okId(), branch, { ethnicity: '火星族', education: '大学', occupation: '码农', status: '党员' }), // 8
          rosterRow(okId(), '不存在的党支部'), // 9
          rosterRow(okId(), '中共甲一社区委员会'), // 10: not a branch
          rosterRow(okId(), branch, { categories: '在职、积极分子' }), // 11
          rosterRow(good, branch), // 12: same as row 2
          rosterRow(registered, branch), // 13: already registered
          rosterRow(okId(), branch, { phone: '12345' }), // 14
          rosterRow(okId(), branch, { 状态: '已出党' }), // 15
          rosterRow(okId(), branch, { appliedDate: '2010-01-01', joinedDate: '2009-07-01', confirmedDate: '2027-01-01' }), // 16
        ],
        ['性别', '出生日期', '状态'],
      );
      const before = [await count(), await audits('member.import'), await audits('member.create')];
      const job = await importRoster(streetA, file);
      expect(job).toMatchObject({ phase: 'failed', phaseLabel: '失败', created: null, total: 15 });
      expect(job.errorCount).toBe(job.errors.length);
      expect(job.message).toBe(`导入文件有 ${job.errors.length} 处错误，未导入任何数据，请修改后重新上传`);
      expect(job.errors.filter((e) => e.row === 2)).toEqual([]);
      expect(at(job, 3, '姓名')).toMatch(/不能为空/);
      expect(at(job, 3, '公民身份号码')).toMatch(/不能为空/);
      expect(at(job, 4, '公民身份号码')).toBe('公民身份号码校验位不正确，请核对');
      expect(at(job, 5, '公民身份号码')).toMatch(/存成了数字/);
      expect(at(job, 6, '出生日期')).toMatch(/与公民身份号码不一致/);
      expect(at(job, 6, '性别')).toMatch(/与公民身份号码不一致/);
      expect(at(job, 7, '入党日期')).toMatch(/“2024-13-45”不是有效日期/);
      expect(at(job, 7, '申请入党日期')).toMatch(/“明天”不是有效日期/);
      expect(at(job, 8, '民族')).toMatch(/“火星族”不正确/);
      expect(at(job, 8, '学历')).toMatch(/“大学”不正确.*大学本科/);
      expect(at(job, 8, '人员类别')).toMatch(/“码农”不正确/);
      expect(at(job, 8, '党员类别')).toMatch(/“党员”不正确/);
      expect(at(job, 9, '所在党支部')).toMatch(/“不存在的党支部”不存在或不在您的管理范围内/);
      expect(at(job, 10, '所在党支部')).toMatch(/不是党支部/);
      expect(at(job, 11, '人员标签')).toMatch(/“积极分子”不正确/);
      expect(at(job, 12, '公民身份号码')).toBe('公民身份号码与第 2 行重复，同一人只能登记一次');
      // registered in the importer's own scope: the record is named
      expect(at(job, 13, '公民身份号码')).toMatch(/^该公民身份号码已登记为党员（甲一社区第一党支部：张建国），请勿重复导入/);
      expect(at(job, 14, '联系电话')).toMatch(/格式不正确/);
      expect(at(job, 15, '状态')).toMatch(/“已出党”的人员不能导入/);
      expect(at(job, 16, '申请入党日期')).toMatch(/不能晚于入党日期/);
      expect(at(job, 16, '转正日期')).toMatch(/晚于今天/);
      expect([await count(), await audits('member.import'), await audits('member.create')]).toEqual(before);

      const report = await upload(streetA, REPORT_URL, file);
      expect(report.status).toBe(200);
      const { headers, rows } = sheetTable((await openXlsx(report.raw)).getWorksheet('党员名册')!);
      expect(headers.at(-1)).toBe('错误说明');
      expect(rows[0]!['错误说明']).toBeNull();
      expect(String(rows[2]!['错误说明'])).toContain('【公民身份号码】公民身份号码校验位不正确');
      expect(await count()).toBe(before[0]);
    });

    it('finds duplicate ID numbers however they are typed: within the file and against the register', async () => {
      const registered = idEndingWithX('1966-06-06');
      expect((await streetB.post('/api/members', buildMember(t.branchB1a, { idNumber: registered.toUpperCase() }))).status).toBe(201);
      const twice = buildIdNumber('1977-07-07');
      const before = await count();
      const job = await importRoster(streetA, await rosterFile([rosterRow(registered, '甲一社区第一党支部'), rosterRow(twice, '甲一社区第一党支部'), rosterRow(fullWidth(twice), '甲一社区第二党支部')]));
      expect(job.errors).toEqual([
        // registered in another street: refused without naming the record, and audited with the masked number
        { row: 2, column: '公民身份号码', message: '该公民身份号码无法导入：已有党员档案使用此号码，请联系上级党组织核实' },
        { row: 4, column: '公民身份号码', message: '公民身份号码与第 3 行重复，同一人只能登记一次' },
      ]);
      const audit = await t.admin.get<{ items: { actorName: string; after: unknown }[] }>('/api/audit?action=member.duplicate_refused&pageSize=1');
      expect(audit.body.items[0]).toMatchObject({ actorName: 'streetA', after: { via: 'import', count: 1, outOfScope: 1, idNumbers: [`${registered.slice(0, 2)}**************${registered.slice(-2).toUpperCase()}`] } });
      expect(JSON.stringify(audit.body.items[0])).not.toContain(registered);
      expect(await count()).toBe(before);
    });

    it('treats another street\'s branch, a sibling branch and a name shared by two branches as unknown or ambiguous', async () => {
      const other = await importRoster(streetB, await rosterFile([rosterRow(buildIdNumber(), '甲一社区第一党支部')]));
      expect(other.errors).toEqual([{ row: 2, column: '所在党支部', message: expect.stringMatching(/不存在或不在您的管理范围内/) as unknown as string }]);
      const sibling = await importRoster(secA1a, await rosterFile([rosterRow(buildIdNumber(), '甲一社区第二党支部')]));
      expect(at(sibling, 2, '所在党支部')).toMatch(/不存在或不在您的管理范围内/);

      const community = await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.streetA, { name: '中共甲二社区委员会', type: 'committee' }));
      for (const parentId of [t.communityA1, community.body.id]) expect((await t.admin.post('/api/orgs', buildOrg(parentId, { name: '老干部党支部' }))).status).toBe(201);
      const before = await count();
      const twin = await importRoster(streetA, await rosterFile([rosterRow(buildIdNumber(), '老干部党支部')]));
      expect(at(twin, 2, '所在党支部')).toMatch(/有 2 个同名党支部/);
      expect(await count()).toBe(before);
    });

    it('fails the job in Chinese for a file that is not an .xlsx, and answers 400 without a file', async () => {
      const csv = await importRoster(streetA, Buffer.from('姓名,公民身份号码\n张三,1\n'), '名册.csv');
      expect(csv).toMatchObject({ phase: 'failed', errors: [], message: expect.stringMatching(/\.xlsx/) as unknown as string });
      const header = await importRoster(streetA, await sheetFile('党员名册', ['姓名'], [['张三']]));
      expect(header.errors.filter((e) => e.row === 1).map((e) => `${e.row}${e.column}`)).toEqual(['1公民身份号码', '1民族', '1学历', '1人员类别', '1入党日期', '1党员类别', '1所在党支部']);
      const noFile = await streetA.post<{ error: { message: string } }>(IMPORT_URL, {});
      expect(noFile.status).toBe(400);
      expect(noFile.body.error.message).toMatch(/上传/);
    });
  });

  describe('jobs', () => {
    it('shows a job only to the account that started it', async () => {
      const res = await upload<{ jobId: string }>(secA1a, IMPORT_URL, await rosterFile([rosterRow(buildIdNumber(), '甲一社区第一党支部')]));
      expect(res.status).toBe(202);
      const url = `${IMPORT_URL}/${res.body.jobId}`;
      for (const other of [streetA, await login(server, 'communityA1'), t.admin]) expect((await other.get(url)).status).toBe(404);
      await server.modules.member.importer.drain();
      expect((await secA1a.get<MemberImportJob>(url)).body.phase).toBe('done');
      expect((await streetA.get(url)).status).toBe(404);
      expect((await secA1a.get(`${IMPORT_URL}/00000000-0000-7000-8000-000000000000`)).status).toBe(404);
    });

    it('marks a job whose process stopped mid-way as failed when read', async () => {
      const id = '01900000-0000-7000-8000-000000000001';
      await server.db.run(sql`insert into member_import_job (region_id, id, account_id, file_name, phase, done, total, updated_at)
        values (${server.regionId}, ${id}, ${secA1a.me!.id}, '中断.xlsx', 'writing', 500, 2000, now() - interval '5 minutes')`);
      const job = (await secA1a.get<MemberImportJob>(`${IMPORT_URL}/${id}`)).body;
      expect(job).toMatchObject({ phase: 'failed', message: expect.stringMatching(/中断.*未导入任何数据/) as unknown as string });
    });

    it('runs one import at a time per server process', async () => {
      const importer = server.modules.member.importer;
      const actor = (await server.systemActor())!;
      const file = { fileName: 'a.xlsx', data: await rosterFile([rosterRow(buildIdNumber(), '甲一社区第一党支部')]) };
      const results = await Promise.allSettled([importer.start({ ...actor, id: t.admin.me!.id }, file, () => undefined), importer.start({ ...actor, id: t.admin.me!.id }, file, () => undefined)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/另一个党员名册导入/) as unknown as string });
      await importer.drain();
    });
  });

  describe('access', () => {
    it('answers 403 without member:import and 401 without a session', async () => {
      const supA = await login(server, 'supA');
      const file = await rosterFile([rosterRow(buildIdNumber(), '甲一社区第一党支部')]);
      expect((await supA.get('/api/members/import/template')).status).toBe(403);
      expect((await upload(supA, IMPORT_URL, file)).status).toBe(403);
      expect((await upload(supA, REPORT_URL, file)).status).toBe(403);
      expect((await supA.get(`${IMPORT_URL}/00000000-0000-7000-8000-000000000000`)).status).toBe(403);
      for (const [method, url] of [['GET', '/api/members/import/template'], ['POST', IMPORT_URL], ['POST', REPORT_URL], ['GET', `${IMPORT_URL}/00000000-0000-7000-8000-000000000000`]] as const) {
        expect((await server.app.inject({ method, url })).statusCode).toBe(401);
      }
    });
  });
});
