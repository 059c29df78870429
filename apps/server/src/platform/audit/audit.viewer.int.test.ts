import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Member } from '@jiceng/contracts';
import { sql } from 'drizzle-orm';
import { chinaDate } from '../clock.ts';
import { auditRepository } from './audit.repository.ts';
import { buildIdNumber, buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable } from '../../test/xlsx.ts';

type AuditPage = { items: AuditEntry[]; total: number };

describe.each(ENGINES)('audit viewer: names, operator search, filters and export (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let member: Member;
  const idNumber = buildIdNumber('1983-08-09');

  const pathOf = async (id: string) => (await server.db.one<{ path: string }>(sql`select path::text as path from org where id = ${id}`))!.path;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, streetB] = await Promise.all([login(server, 'streetA'), login(server, 'streetB')]);
    const res = await streetA.post<Member>('/api/members', buildMember(t.branchA1a, { name: '审计甲', idNumber }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    member = res.body;
    // Entries written before names were stored: one about a record in scope, one whose record lies in 乙街道.
    const old = { regionId: server.regionId, actorId: null, actorName: '旧系统', action: 'org.update', entity: 'org', entityName: null, ip: null };
    await auditRepository.insert(server.db, { ...old, entityId: t.branchA1b, orgPath: await pathOf(t.branchA1b) });
    await auditRepository.insert(server.db, { ...old, entityId: t.branchB1a, orgPath: await pathOf(t.branchA1a) });
  });
  afterAll(() => server.close());

  it("names the record: stored at write time, looked up in the reader's scope for older entries", async () => {
    const created = (await streetA.get<AuditPage>(`/api/audit?action=member.create`)).body.items;
    expect(created[0]).toMatchObject({ entity: 'member', entityId: member.id, entityName: '审计甲', actorName: 'streetA', actorUsername: 'streetA' });
    const stored = await server.db.one<{ entity_name: string }>(
      sql`select entity_name from audit_log where action = 'member.create' and entity_id = ${member.id}`,
    );
    expect(stored?.entity_name).toBe('审计甲');
    const old = (await streetA.get<AuditPage>(`/api/audit?actor=${encodeURIComponent('旧系统')}`)).body.items;
    expect(Object.fromEntries(old.map((e) => [e.entityId, e.entityName]))).toEqual({ [t.branchA1b]: '甲一社区第二党支部', [t.branchB1a]: null });
    const asAdmin = (await t.admin.get<AuditPage>(`/api/audit?actor=${encodeURIComponent('旧系统')}`)).body.items;
    expect(asAdmin.find((e) => e.entityId === t.branchB1a)?.entityName).toBe('乙一社区第一党支部');
  });

  it('searches by operator name or username, filters by any kind and date, refuses unknown kinds in Chinese', async () => {
    const byStreet = (await t.admin.get<AuditPage>('/api/audit?actor=streeta&pageSize=200')).body;
    expect(byStreet.total).toBeGreaterThan(0);
    expect(new Set(byStreet.items.map((e) => e.actorUsername))).toEqual(new Set(['streetA']));
    expect((await t.admin.get<AuditPage>('/api/audit?actor=%25')).body.total).toBe(0);
    const members = (await streetA.get<AuditPage>('/api/audit?entity=member&pageSize=200')).body.items;
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((e) => e.entity === 'member')).toBe(true);
    const today = chinaDate(new Date());
    expect((await streetA.get<AuditPage>(`/api/audit?from=${today}&to=${today}&entity=member`)).body.total).toBe(members.length);
    expect((await streetA.get<AuditPage>(`/api/audit?to=2001-01-01`)).body.total).toBe(0);
    const bad = await streetA.get<{ error: { message: string } }>('/api/audit?entity=nothing');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/\p{Script=Han}/u);
  });

  it('exports the filtered log of the scope with Chinese headers and labels, masked, named after the organization', async () => {
    const res = await streetA.get('/api/audit/export');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('操作日志_中共甲街道工作委员会_')}`);
    const { headers, rows } = sheetTable((await openXlsx(res.raw)).getWorksheet('操作日志')!);
    expect(headers).toEqual(['时间', '操作人', '用户名', '操作', '对象类型', '对象', '记录编号', '来源 IP', '修改前', '修改后']);
    const created = rows.find((r) => r['记录编号'] === member.id && r['操作'] === '登记党员');
    expect(created).toMatchObject({ 操作人: 'streetA', 对象类型: '党员', 对象: '审计甲' });
    // Excel has no time zone: the cell shows 北京时间, 8 hours ahead of the stored UTC moment
    const at = (await streetA.get<AuditPage>('/api/audit?action=member.create')).body.items[0]!.at;
    expect(Math.abs(new Date(created!['时间'] as Date).getTime() - (new Date(at).getTime() + 8 * 3_600_000))).toBeLessThan(1000);
    expect(res.raw.toString('latin1')).not.toContain(idNumber);
    expect(String(created!['修改后'])).toContain(`${idNumber.slice(0, 2)}**************${idNumber.slice(-2)}`);
    expect(JSON.stringify(rows)).not.toContain(idNumber);
    const listed = (await streetA.get<AuditPage>('/api/audit?pageSize=1')).body.total;
    expect(rows).toHaveLength(listed);

    const other = sheetTable((await openXlsx((await streetB.get('/api/audit/export')).raw)).worksheets[0]!).rows;
    expect(other.some((r) => r['记录编号'] === member.id)).toBe(false);
    const filtered = sheetTable((await openXlsx((await streetA.get('/api/audit/export?action=member.create')).raw)).worksheets[0]!).rows;
    expect(filtered.map((r) => r['对象'])).toEqual(['审计甲']);
    expect((await (await login(server, 'secA1a')).get('/api/audit/export')).status).toBe(403);
  });
});
