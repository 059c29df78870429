import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgTypeLabel, type ComplianceOrgPage, type ComplianceOrgRow, type OrgType } from '@jiceng/contracts';
import { newId, pathLabel } from '../../platform/ids.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { insertMeeting } from '../../test/meetings.ts';
import { openXlsx, sheetTable } from '../../test/xlsx.ts';
import { COMPLIANCE_EXPORT_BATCH, COMPLIANCE_EXPORT_NOTE, COMPLIANCE_ORGS_SHEET } from './compliance.export.ts';

type Err = { error: { code: string; message: string } };

const HEADERS = ['序号', '党组织', '上级组织', '类型', '已完成', '未完成', '待开展', '最近一次会议', '沉默支部', '未完成事项', '待开展事项'];

/**
 * 组织生活完成情况 as .xlsx (the test clock stands on 2026-11-22): the organizations' list of the
 * calendar — every page of it, in its order, with its counts — for the list's filters and scope,
 * Chinese headers and file name, whose list and which period under it; refusals in Chinese.
 */
describe.each(ENGINES)('compliance organizations export (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;

  const meeting = (orgId: string, type: string, date: string, state: string, bySecretary = false) =>
    insertMeeting(server, { orgId, type, date, state, bySecretary });

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    await server.db.run(sql`update org set approval_date = '2015-03-01' where region_id = ${server.regionId}`);
    streetA = await login(server, 'streetA');
    streetB = await login(server, 'streetB');
    for (const [personName, post] of [
      ['张书记', 'secretary'],
      ['李委员', 'organization'],
      ['王委员', 'publicity'],
    ])
      expect((await streetA.post(`/api/orgs/${t.branchA1a}/committee`, { personName, post, startDate: '2024-01-01' })).status).toBe(201);
    await meeting(t.branchA1a, 'committee_meeting', '2026-11-05', 'reviewed');
    await meeting(t.branchA1a, 'theme_day', '2026-11-10', 'submitted');
    await meeting(t.branchA1a, 'branch_assembly', '2026-10-15', 'archived');
    await meeting(t.branchA1a, 'party_lecture', '2026-11-12', 'returned', true);
    await meeting(t.branchA1b, 'branch_assembly', '2026-10-08', 'reviewed');
  });
  afterAll(() => server.close());

  const exported = async (c: Client, query: string) => {
    const res = await c.get(`/api/compliance/orgs/export${query}`);
    expect(res.status, String(res.raw)).toBe(200);
    const wb = await openXlsx(res.raw);
    const ws = wb.getWorksheet(COMPLIANCE_ORGS_SHEET)!;
    expect(ws).toBeDefined();
    const { headers, rows } = sheetTable(ws);
    return {
      res,
      disposition: decodeURIComponent(String(res.headers['content-disposition'])),
      headers,
      rows: rows.filter((r) => typeof r['序号'] === 'number'),
      // the lines under the table: whose list, the period, the totals, how it is counted
      footer: rows.filter((r) => typeof r['序号'] === 'string').map((r) => String(r['序号'])),
    };
  };

  /** Every page of the list, `pageSize` at a time. */
  const listed = async (c: Client, query: string, pageSize = 2) => {
    const rows: ComplianceOrgRow[] = [];
    for (let page = 1; ; page++) {
      const p = (await c.get<ComplianceOrgPage>(`/api/compliance/orgs${query}${query ? '&' : '?'}page=${page}&pageSize=${pageSize}`)).body;
      rows.push(...p.items);
      if (rows.length >= p.total || p.items.length === 0) return { rows, period: p.period, total: p.total };
    }
  };

  /** A list row as the sheet shows it. */
  const asSheet = (r: ComplianceOrgRow, i: number) => ({
    序号: i + 1,
    党组织: r.orgName,
    上级组织: r.parentName ?? '',
    类型: orgTypeLabel[r.orgType as OrgType],
    已完成: r.done,
    未完成: r.missing,
    待开展: r.items.filter((x) => x.status === 'due' || x.status === 'due_soon').length,
    最近一次会议: r.lastMeetingDate ? new Date(`${r.lastMeetingDate}T00:00:00Z`) : '无',
    沉默支部: r.silent ? '是' : '否',
  });
  const counts = (rows: Record<string, unknown>[]) => rows.map(({ 未完成事项: _o, 待开展事项: _d, ...rest }) => rest);

  it('holds every row of the list in its order, with Chinese headers, counts and what is not done, named after the period and the scope', async () => {
    const e = await exported(streetA, '?period=quarter&status=all');
    expect(e.res.headers['content-type']).toBe(XLSX_MIME);
    expect(e.res.headers['cache-control']).toBe('no-store');
    expect(e.disposition).toContain('组织生活完成情况（2026年第四季度）_中共甲街道工作委员会_2026-11-22.xlsx');
    expect(e.headers).toEqual(HEADERS);
    const list = await listed(streetA, '?period=quarter&status=all');
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect(counts(e.rows)).toEqual(list.rows.map(asSheet));

    // A1a missed 支委会 and 主题党日 in October (overdue), and held both in November
    const a1a = e.rows.find((r) => r['党组织'] === '甲一社区第一党支部')!;
    expect(a1a['未完成事项']).toMatch(/支委会[^；]*（2026-10）/);
    expect(a1a['未完成事项']).toMatch(/主题党日[^；]*（2026-10）/);
    expect(a1a['未完成事项']).not.toContain('2026-11');
    expect(a1a['沉默支部']).toBe('否');
    expect(a1a['最近一次会议']).toEqual(new Date('2026-11-12T00:00:00Z'));
    // A1b: nothing held since 8 October — October overdue, November's 主题党日 still due (8 days left), silent
    const a1b = e.rows.find((r) => r['党组织'] === '甲一社区第二党支部')!;
    expect(a1b['未完成事项']).toMatch(/主题党日每月至少1次（2026-10）/);
    expect(a1b['待开展事项']).toMatch(/主题党日每月至少1次（2026-11）/);
    expect(a1b).toMatchObject({ 上级组织: '中共甲一社区委员会', 类型: '党支部', 沉默支部: '是' });
    // every overdue item is named, every due one too, separated by 「；」
    for (const [r, l] of e.rows.map((x, i) => [x, list.rows[i]!] as const)) {
      const overdue = new Set(l.items.filter((i) => i.status === 'overdue').map((i) => i.label));
      expect(String(r['未完成事项']).split('；').filter(Boolean).length, l.orgName).toBe(overdue.size);
      for (const label of overdue) expect(String(r['未完成事项'])).toContain(label);
    }

    expect(e.footer[0]).toContain('中共甲街道工作委员会');
    expect(e.footer[0]).toContain('2026年第四季度（2026-10-01 至 2026-12-31）');
    expect(e.footer[0]).toContain(`共 ${list.total} 个`);
    expect(e.footer[0]).toContain('导出日期 2026-11-22');
    expect(e.footer.some((f) => f.startsWith('本范围合计：'))).toBe(true);
    expect(e.footer.at(-1)).toBe(COMPLIANCE_EXPORT_NOTE);
  });

  it('applies the list’s filters: status, name and the period around a date', async () => {
    for (const query of [
      '?status=missing',
      '?status=due',
      '?status=done',
      '?status=silent&period=month',
      '?q=第二&period=year',
      `?orgId=${t.communityA1}&period=month&date=2026-10-05`,
    ]) {
      const e = await exported(streetA, query);
      const list = await listed(streetA, query);
      expect(counts(e.rows), query).toEqual(list.rows.map(asSheet));
    }
    const silent = await exported(streetA, '?status=silent');
    expect(silent.rows.map((r) => r['党组织'])).toEqual(['甲一社区第二党支部']);
    expect(silent.footer[0]).toContain('沉默支部，共 1 个');
    const october = await exported(streetA, `?orgId=${t.communityA1}&period=month&date=2026-10-05`);
    expect(october.disposition).toContain('组织生活完成情况（2026年10月）_中共甲一社区委员会_2026-11-22.xlsx');
    // nothing matches: the headers and the lines under them
    const none = await exported(streetA, '?q=不存在的组织');
    expect(none.headers).toEqual(HEADERS);
    expect(none.rows).toEqual([]);
    expect(none.footer[0]).toContain('名称含“不存在的组织”');
  });

  it('keeps to the scope: another street’s organization is 404, a member is 403', async () => {
    const other = await streetB.get<Err>(`/api/compliance/orgs/export?orgId=${t.streetA}`);
    expect(other.status).toBe(404);
    expect(other.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await streetB.get<Err>(`/api/compliance/orgs/export?orgId=${t.branchA1a}`)).status).toBe(404);
    const b = await exported(streetB, '?status=all');
    expect(b.disposition).toContain('_中共乙街道工作委员会_');
    expect(b.rows.map((r) => r['党组织']).sort()).toEqual((await listed(streetB, '?status=all')).rows.map((r) => r.orgName).sort());
    expect(b.rows.some((r) => String(r['党组织']).startsWith('甲'))).toBe(false);
    const member = await login(server, 'memberA1a');
    expect((await member.get<Err>('/api/compliance/orgs/export')).status).toBe(403);
  });

  it('refuses bad query values in Chinese', async () => {
    for (const query of ['status=bogus', 'period=week', 'date=2026-13-01', 'orgId=abc', `q=${'长'.repeat(51)}`]) {
      const res = await streetA.get<Err>(`/api/compliance/orgs/export?${encodeURI(query)}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message, query).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it(`reads a list longer than one batch (${COMPLIANCE_EXPORT_BATCH}) whole, in the list's order`, async () => {
    const parent = (await server.db.one<{ path: string; depth: number }>(
      sql`select path::text as path, depth from org where region_id = ${server.regionId} and id = ${t.communityB1}`,
    ))!;
    const n = COMPLIANCE_EXPORT_BATCH + 23;
    const rows = Array.from({ length: n }, (_, i) => {
      const id = newId();
      return sql`(${server.regionId}, ${id}, ${t.communityB1}, ${`${parent.path}.${pathLabel(id)}`}::ltree, ${parent.depth + 1},
        ${`乙一社区测试党支部${String(i + 1).padStart(3, '0')}`}, 'branch', 'community', '2015-03-01', ''::tsvector)`;
    });
    await server.db.run(
      sql`insert into org (region_id, id, parent_id, path, depth, name, type, domain, approval_date, search) values ${sql.join(rows, sql`, `)}`,
    );
    // statistics for the bulk-loaded rows, as after any bulk load (without them PGlite plans the list's SQL badly)
    await server.db.run(sql`analyze`);
    const e = await exported(streetB, '?period=quarter');
    const list = await listed(streetB, '?period=quarter', 200);
    expect(list.total).toBeGreaterThan(n);
    expect(e.rows).toHaveLength(list.total);
    expect(counts(e.rows)).toEqual(list.rows.map(asSheet));
    expect(e.footer[0]).toContain(`共 ${list.total} 个`);
  });
});
