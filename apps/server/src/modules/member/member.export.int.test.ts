import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, MemberInput } from '@jiceng/contracts';
import { readSheet } from '../../platform/xlsx/sheet.ts';
import { buildIdNumber, buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable } from '../../test/xlsx.ts';
import { auditCount, importRoster, ROSTER_HEADERS } from './member.import.fixtures.ts';
import { parseRosterRow } from './member.import.rows.ts';
import { ROSTER_READ } from './member.xlsx.ts';

const EXPORT = '/api/members/export';

describe.each(ENGINES)('member roster export over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let secA1a: Client;
  const inputs = new Map<string, MemberInput>();

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, secA1a] = await Promise.all([login(server, 'streetA'), login(server, 'secA1a')]);
    const add = async (orgId: string, over: Partial<MemberInput>) => {
      const input = buildMember(orgId, over);
      const res = await t.admin.post<Member>('/api/members', input);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      inputs.set(input.name, input);
      return res.body;
    };
    await add(t.branchA1a, { name: '周正式', idNumber: buildIdNumber('1980-03-04', false), confirmedDate: '2010-07-01', categories: ['employed', 'party_worker'], position: '会计' });
    await add(t.branchA1a, { name: '吴预备', idNumber: buildIdNumber('1999-09-09'), status: 'probationary', appliedDate: '2024-01-01', joinedDate: '2026-03-01', phone: null, address: null, categories: [] });
    const left = await add(t.branchA1a, { name: '郑出党', ethnicity: '满族', education: 'master', occupation: 'retired', categories: ['retired'] });
    expect((await t.admin.post(`/api/members/${left.id}/events`, { event: 'leave', date: '2025-01-01', reason: '因病去世', leaveReason: 'deceased' })).status).toBe(200);
    await add(t.branchA1b, { name: '王二支' });
    await add(t.branchB1a, { name: '冯乙街' });
  });
  afterAll(() => server.close());

  const audits = (action: string) => auditCount(t.admin, action);
  const exported = async (c: Client, query = '') => {
    const res = await c.get(`${EXPORT}${query}`);
    expect(res.status, String(res.body)).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('党员名册_')}`);
    return openXlsx(res.raw);
  };

  it('exports the scope in the template\'s columns plus 性别, 出生日期, 年龄, 状态, 党龄, masked (no birth date) and not audited', async () => {
    const unmaskBefore = await audits('personal.unmask');
    const { headers, rows } = sheetTable((await exported(streetA)).getWorksheet('党员名册')!);
    expect(headers).toEqual([...ROSTER_HEADERS, '性别', '出生日期', '年龄', '状态', '党龄']);
    expect(rows.map((r) => r['姓名']).sort()).toEqual(['周正式', '吴预备', '王二支'].sort());
    const zhou = rows.find((r) => r['姓名'] === '周正式')!;
    const id = inputs.get('周正式')!.idNumber;
    expect(zhou).toMatchObject({ 公民身份号码: `${id.slice(0, 2)}**************${id.slice(-2)}`, 出生日期: null, 年龄: 46, 联系电话: '139****5678', 党员类别: '正式党员', 状态: '正式党员', 性别: '女', 党龄: 16, 人员标签: '在职、党务工作者', 所在党支部: '甲一社区第一党支部' });
    expect(rows.find((r) => r['姓名'] === '吴预备')).toMatchObject({ 党员类别: '预备党员', 转正日期: null, 党龄: null, 联系电话: null });
    expect(await audits('personal.unmask')).toBe(unmaskBefore);
  });

  it('applies the list filters, and answers 404 for an organization outside the scope', async () => {
    const named = await streetA.get(`${EXPORT}?orgId=${t.branchA1b}`);
    expect(decodeURIComponent(String(named.headers['content-disposition']))).toContain('党员名册_甲一社区第二党支部_2026-11-22.xlsx');
    expect(decodeURIComponent(String((await streetA.get(EXPORT)).headers['content-disposition']))).toContain('党员名册_中共甲街道工作委员会_2026-11-22.xlsx');
    const byBranch = sheetTable((await exported(streetA, `?orgId=${t.branchA1b}`)).worksheets[0]!).rows.map((r) => r['姓名']);
    expect(byBranch).toEqual(['王二支']);
    const probationary = sheetTable((await exported(streetA, '?status=probationary')).worksheets[0]!).rows.map((r) => r['姓名']);
    expect(probationary).toEqual(['吴预备']);
    const withLeft = sheetTable((await exported(secA1a, '?includeLeft=true')).worksheets[0]!).rows;
    expect(withLeft.find((r) => r['姓名'] === '郑出党')).toMatchObject({ 状态: '已出党', 民族: '满族' });
    expect((await streetA.get(`${EXPORT}?orgId=${t.branchB1a}`)).status).toBe(404);
  });

  it('exports personal fields in full only with personal:unmask, in one audit row with the count', async () => {
    expect((await (await login(server, 'supA')).get(`${EXPORT}?unmask=true`)).status).toBe(403);
    expect((await (await login(server, 'memberA1a')).get(EXPORT)).status).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: EXPORT })).statusCode).toBe(401);
    const before = await audits('personal.unmask');
    const { rows } = sheetTable((await exported(secA1a, '?unmask=true')).worksheets[0]!);
    expect(rows.find((r) => r['姓名'] === '周正式')).toMatchObject({ 公民身份号码: inputs.get('周正式')!.idNumber, 出生日期: new Date(Date.UTC(1980, 2, 4)), 年龄: 46, 联系电话: '13912345678', 家庭住址: inputs.get('周正式')!.address });
    expect(await audits('personal.unmask')).toBe(before + 1);
    const audit = await t.admin.get<{ items: { actorName: string; entity: string; after: unknown }[] }>('/api/audit?action=personal.unmask&pageSize=1');
    expect(audit.body.items[0]).toMatchObject({ actorName: 'secA1a', entity: 'member', after: { fields: ['idNumber', 'birthDate', 'phone', 'address'], count: 2, via: 'export' } });
  });

  it('round-trips an unmasked export through the import\'s row reader, and refuses the ones who left', async () => {
    const wb = await exported(secA1a, '?unmask=true&includeLeft=true');
    const sheet = readSheet(wb, ROSTER_READ);
    expect(sheet.headerErrors).toEqual([]);
    const parsed = new Map(sheet.rows.map((r) => parseRosterRow(r, sheet.date1904, '2026-11-22')).map((p) => [p.draft.input?.name ?? '', p]));
    for (const name of ['周正式', '吴预备']) {
      const p = parsed.get(name)!;
      expect(p.errors).toEqual([]);
      expect(p.draft.branchName).toBe('甲一社区第一党支部');
      const { orgId: _orgId, gender: _gender, birthDate: _birthDate, ...original } = inputs.get(name)!;
      expect(p.draft.input).toEqual({ workUnit: null, position: null, phone: null, address: null, appliedDate: null, ...original, confirmedDate: original.confirmedDate ?? null });
    }
    const gone = sheet.rows.map((r) => parseRosterRow(r, sheet.date1904, '2026-11-22')).find((p) => p.draft.row > 1 && p.errors.some((e) => e.column === '状态'));
    expect(gone?.errors).toEqual([{ row: gone!.draft.row, column: '状态', message: expect.stringMatching(/“已出党”的人员不能导入/) as unknown as string }]);

    // Uploaded again into the same deployment, the only problems are that everyone is already registered (and who left).
    const job = await importRoster(secA1a, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), '导出.xlsx');
    expect(job.phase).toBe('failed');
    expect(new Set(job.errors.map((e) => e.column))).toEqual(new Set(['公民身份号码', '状态']));
    expect(job.errors.filter((e) => e.column === '公民身份号码').every((e) => /已登记为党员/.test(e.message))).toBe(true);
  });
});
