import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, rolePermissions, type ApplicantDetail, type ApplicantSummary } from '@jiceng/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { buildIdNumber, ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetFile, sheetTable, upload, type Cell, type ImportErrorBody } from '../../test/xlsx.ts';
import { createDevelopmentImport, DEV_IMPORT_COLUMNS, DEV_IMPORT_SHEET } from './development.import.ts';
import type { DevelopmentService } from './development.service.ts';

type Key = (typeof DEV_IMPORT_COLUMNS)[number]['key'];
const URL = '/api/development/import';
const HEADERS = DEV_IMPORT_COLUMNS.map((c) => c.header);
const BRANCH_A1A = '甲一社区第一党支部';

/** One row of the sheet: a valid applicant of 甲一社区第一党支部 without a talk, with `over` on top. */
const row = (idNumber: string, over: Partial<Record<Key, Cell>> = {}): Cell[] => {
  const r: Record<Key, Cell> = {
    branch: BRANCH_A1A,
    name: '王申请',
    idNumber,
    ethnicity: '汉族',
    education: '大学本科',
    occupation: '专业技术人员',
    workUnit: null,
    phone: null,
    appliedOn: '2026-10-08',
    talkOn: null,
    talker: null,
    talkerPost: null,
    ...over,
  };
  return DEV_IMPORT_COLUMNS.map((c) => r[c.key]);
};
const file = (rows: Cell[][]) => sheetFile(DEV_IMPORT_SHEET, HEADERS, rows);

/** Today is 2026-11-22 (TEST_TODAY): no date in a file may be after it. */
describe.each(ENGINES)('入党申请人名册 import (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let secA1a: Client;
  let secA1b: Client;

  const applicants = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from dev_applicant`))!.n;
  const listed = async (c: Client) => (await c.get<{ items: ApplicantSummary[] }>('/api/development/applicants?pageSize=200&state=all')).body.items;
  const refused = async (c: Client, data: Buffer) => {
    const res = await upload<ImportErrorBody>(c, URL, data);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    return res.body.error.details!.errors;
  };

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    await server.modules.account.bootstrap({
      username: 'secA1b',
      displayName: 'secA1b',
      role: 'secretary',
      orgId: t.branchA1b,
      password: PASSWORD,
      mustChangePassword: false,
    });
    [secA1a, secA1b] = await Promise.all([login(server, 'secA1a'), login(server, 'secA1b')]);
  });
  afterAll(async () => server?.close());

  it('gives a template with the headers, the dropdowns and the instructions', async () => {
    const res = await secA1a.request('GET', `${URL}/template`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('入党申请人名册导入模板.xlsx')}`);
    const wb = await openXlsx(res.raw);
    const ws = wb.getWorksheet(DEV_IMPORT_SHEET)!;
    expect(sheetTable(ws).headers).toEqual([
      '党支部*',
      '姓名*',
      '公民身份号码*',
      '民族*',
      '学历*',
      '人员类别*',
      '工作单位及职务',
      '联系电话',
      '递交入党申请书日期*',
      '谈话日期',
      '谈话人',
      '谈话人职务',
    ]);
    const validations = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(validations.D2?.formulae[0]).toContain('回族');
    expect(validations.E2?.formulae[0]).toBe('"研究生（博士）,研究生（硕士）,大学本科,大学专科,中等专科,高中、中技,初中及以下"');
    expect(validations.F2?.formulae[0]).toContain('专业技术人员');
    expect(validations.L2?.formulae[0]).toBe('"书记,副书记,组织委员,党员,其他"');
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    expect((await (await login(server, 'memberA1a')).request('GET', `${URL}/template`)).status).toBe(403);
  });

  it('imports a good file in one go: the applicants on step 1, the talk recorded where given', async () => {
    const [a, b, c] = [buildIdNumber('1995-05-05'), buildIdNumber('2000-02-29', false), buildIdNumber('1988-12-01')];
    const before = await applicants();
    const res = await upload<{ created: number; updated: number }>(
      secA1a,
      URL,
      await file([
        row(a, { name: '赵 谈话', appliedOn: '2026/9/1', talkOn: '2026年9月20日', talker: '刘书记', talkerPost: '书记', phone: '13912345678' }),
        row(b, { name: '钱未谈', ethnicity: '回', education: '研究生（硕士）', occupation: '学生', appliedOn: new Date(Date.UTC(2026, 9, 15)) }),
        row(c.toLowerCase(), { name: '孙三', workUnit: '某某公司 工程师', appliedOn: '20261101' }),
      ]),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 3, updated: 0 });
    expect(await applicants()).toBe(before + 3);

    const items = await listed(secA1a);
    const byName = (n: string) => items.find((i) => i.name === n)!;
    expect(byName('赵谈话')).toMatchObject({ orgId: t.branchA1a, stage: 'applicant', appliedOn: '2026-09-01' });
    expect(byName('钱未谈')).toMatchObject({ appliedOn: '2026-10-15', gender: '女' });
    expect(byName('孙三')).toMatchObject({ appliedOn: '2026-11-01' });
    const talked = (await secA1a.get<ApplicantDetail>(`/api/development/applicants/${byName('赵谈话').id}`)).body;
    expect(talked.records.map((r) => [r.key, r.date])).toEqual([
      ['apply', '2026-09-01'],
      ['talk', '2026-09-20'],
    ]);
    expect(talked.records[1]!.people).toEqual([expect.objectContaining({ role: '谈话人', name: '刘书记', post: '书记' })]);
    expect(talked.phoneMasked).toMatch(/\*/);
    expect(talked.deadlines.map((d) => d.key)).not.toContain('talk');
    const untalked = (await secA1a.get<ApplicantDetail>(`/api/development/applicants/${byName('钱未谈').id}`)).body;
    expect(untalked).toMatchObject({ ethnicity: '回族', education: '研究生（硕士）', occupation: '学生' });
    expect(untalked.records.map((r) => r.key)).toEqual(['apply']);
    expect(untalked.deadlines.map((d) => d.key)).toEqual(['talk']);

    // the same people again: each row names the path in progress, nothing is added
    const again = await refused(secA1a, await file([row(a), row(buildIdNumber('1990-01-01'))]));
    expect(again).toEqual([{ row: 2, column: '公民身份号码', message: expect.stringMatching(/已有正在进行的发展记录（甲一社区第一党支部，入党申请人）/) }]);
    expect(await applicants()).toBe(before + 3);
  });

  it('refuses a file with bad rows as a whole, naming each row, and changes nothing; the error report marks them', async () => {
    const good = buildIdNumber('1992-03-04');
    const bad = buildIdNumber('1993-03-04');
    const data = await file([
      row(good),
      row(buildIdNumber('1991-01-01'), { branch: '甲一社区第九党支部' }),
      row(`${bad.slice(0, 17)}${bad[17] === '0' ? '1' : '0'}`),
      row(buildIdNumber('2010-01-01'), { appliedOn: '2026-10-01' }),
      row(buildIdNumber('1990-06-06'), { appliedOn: '2026-10-10', talkOn: '2026-10-01', talker: '刘书记', talkerPost: '书记' }),
      row(good, { name: '重复者' }),
      row(buildIdNumber('1989-09-09'), { branch: '乙一社区第一党支部' }),
      row(buildIdNumber('1987-07-07'), { talkOn: '2026-10-20', talker: '张党员', talkerPost: '党员' }),
      row(buildIdNumber('1986-06-06'), { talkOn: '2026-10-20', phone: '1234', education: '大专' }),
      row(buildIdNumber('1985-05-05'), { branch: '党'.repeat(5000) }),
    ]);
    const before = await applicants();
    const errors = await refused(secA1a, data);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '党支部'],
      [4, '公民身份号码'],
      [5, '递交入党申请书日期'],
      [6, '谈话日期'],
      [7, '公民身份号码'],
      [8, '党支部'],
      [9, '谈话人职务'],
      [10, '学历'],
      [10, '联系电话'],
      [10, '谈话人'],
      [11, '党支部'],
    ]);
    const at = (r: number) => errors.filter((e) => e.row === r).map((e) => e.message);
    expect(at(3)).toEqual(['党支部“甲一社区第九党支部”不存在或不在您的管理范围内，请填写系统中党支部的全称']);
    expect(at(4)[0]).toMatch(/校验位/);
    expect(at(5)[0]).toMatch(/年满18周岁/);
    expect(at(6)[0]).toMatch(/不能早于第1步「递交入党申请书」（2026-10-10）/);
    expect(at(7)).toEqual(['公民身份号码与第 2 行重复，同一人只能登记一次']);
    // another street's branch is answered exactly as one that does not exist
    expect(at(8)).toEqual(['党支部“乙一社区第一党支部”不存在或不在您的管理范围内，请填写系统中党支部的全称']);
    expect(at(9)[0]).toMatch(/书记、副书记或组织委员/);
    expect(await applicants()).toBe(before);

    const report = await upload(secA1a, `${URL}/error-report`, data);
    expect(report.status).toBe(200);
    const sheet = sheetTable((await openXlsx(report.raw)).getWorksheet(DEV_IMPORT_SHEET)!);
    expect(sheet.headers.at(-1)).toBe('错误说明');
    expect(String(sheet.rows[1]!['错误说明'])).toContain('【党支部】');
    expect(sheet.rows[0]!['错误说明']).toBeNull();
    expect(await applicants()).toBe(before);
  });

  it('names the row a write refuses (a path registered meanwhile) and rolls the whole file back', async () => {
    const [p, q, r] = [buildIdNumber('1985-01-01'), buildIdNumber('1985-02-02'), buildIdNumber('1985-03-03')];
    const me = secA1a.me!;
    const branch = (await server.db.one<{ path: string }>(sql`select path::text as path from org where id = ${t.branchA1a}`))!;
    const actor: Actor = {
      id: me.id,
      regionId: server.regionId,
      username: me.username,
      displayName: me.displayName,
      role: 'secretary',
      orgId: me.orgId,
      orgPath: branch.path,
      orgName: me.orgName,
      permissions: rolePermissions.secretary,
      scope: 'subtree',
      csrfToken: '',
      mustChangePassword: false,
      memberId: null,
      ip: null,
    };
    const real = server.modules.development.service;
    // between the check and the write, someone else registers the person of row 3
    const raced: DevelopmentService = {
      ...real,
      createIn: async (tx, a, input) => {
        if (input.idNumber === q) await real.createIn(tx, a, { ...input, name: '抢先者' });
        return real.createIn(tx, a, input);
      },
    };
    const importer = createDevelopmentImport({ ...server, service: raced, orgs: server.modules.org.service });
    const before = await applicants();
    const e = await importer
      .run(actor, { fileName: '名册.xlsx', data: await file([row(p, { name: '先甲' }), row(q, { name: '同一人' }), row(r, { name: '后乙' })]) })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('IMPORT_INVALID');
    expect((e as AppError).details).toEqual({ errors: [{ row: 3, column: '公民身份号码', message: expect.stringMatching(/已有正在进行的发展记录/) }] });
    expect(await applicants()).toBe(before);
    expect((await listed(secA1a)).map((i) => i.name)).not.toContain('先甲');
  });

  it(`refuses a file over ${IMPORT_MAX_ROWS} rows before reading it further`, { timeout: 120_000 }, async () => {
    const before = await applicants();
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (): Cell[] => [BRANCH_A1A]);
    const res = await upload<ImportErrorBody>(secA1a, URL, await sheetFile(DEV_IMPORT_SHEET, ['党支部'], rows));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`超过单次导入上限 ${IMPORT_MAX_ROWS} 行`);
    expect(await applicants()).toBe(before);
  });

  it("keeps to the scope: another branch's secretary cannot import into 甲一社区第一党支部", async () => {
    const before = await applicants();
    const errors = await refused(secA1b, await file([row(buildIdNumber('1984-04-04'))]));
    expect(errors).toEqual([{ row: 2, column: '党支部', message: `党支部“${BRANCH_A1A}”不存在或不在您的管理范围内，请填写系统中党支部的全称` }]);
    const own = await upload<{ created: number }>(
      secA1b,
      URL,
      await file([row(buildIdNumber('1984-05-05'), { branch: '甲一社区第二党支部', name: '二支部人' })]),
    );
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(await applicants()).toBe(before + 1);
    expect((await listed(secA1a)).map((i) => i.name)).not.toContain('二支部人');
    expect((await upload(await login(server, 'memberA1a'), URL, await file([row(buildIdNumber('1984-06-06'))]))).status).toBe(403);
  });
});
