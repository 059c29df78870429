import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org, OrgSetupWarning } from '@jiceng/contracts';
import { buildMember, buildOrg, ENGINES, login, startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { buildWorld, type World } from '../../test/world.ts';
import { openXlsx, sheetTable } from '../../test/xlsx.ts';

/**
 * The exports of the list pages (转接, 流动党员, 失联党员, 困难党员帮扶, 组织设置预警): each answers the
 * list's own rows for the same filters (never another street's), with Chinese headers, ID numbers
 * and phones masked as in the list, in a file named after what it holds and whose.
 */

const EXPORTS = [
  {
    what: '组织关系转接',
    url: '/api/transfers/export',
    list: '/api/transfers',
    name: 'memberName',
    headers: [
      '转接方式',
      '办理状态',
      '姓名',
      '性别',
      '年龄',
      '公民身份号码',
      '党员类别',
      '转出党组织',
      '接收党组织',
      '转接原因',
      '发起日期',
      '办结日期',
      '介绍信编号',
      '有效期至',
      '党费缴至',
      '逾期天数',
      '经办人',
      '办理人',
    ],
  },
  {
    what: '流动党员',
    url: '/api/floating/export',
    list: '/api/floating',
    name: 'memberName',
    headers: [
      '姓名',
      '性别',
      '公民身份号码',
      '所在党支部',
      '状态',
      '流入地',
      '流入地党组织',
      '外出原因',
      '联系电话',
      '外出日期',
      '预计返回日期',
      '流动党员活动证编号',
      '活动证有效期至',
      '流入地登记日期',
      '核实日期',
      '返回日期',
    ],
  },
  {
    what: '失联党员',
    url: '/api/lost-contact/export',
    list: '/api/lost-contact',
    name: 'memberName',
    headers: ['姓名', '党员状态', '所在党支部', '失联状态', '最后联系日期', '失联月数', '已采取措施', '联系次数', '最近联系尝试', '处置建议', '恢复联系日期'],
  },
  {
    what: '困难党员帮扶',
    url: '/api/hardship/export',
    list: '/api/hardship',
    name: 'memberName',
    headers: ['姓名', '性别', '所在党支部', '困难类型', '开始帮扶日期', '结束帮扶日期', '帮扶干部', '走访情况', '最近走访日期', '走访次数', '慰问金合计（元）'],
  },
  {
    what: '在职党员报到',
    url: '/api/report-ins/members/export',
    list: '/api/report-ins/members',
    name: 'memberName',
    headers: ['姓名', '性别', '所在党支部', '报到社区', '联系电话', '报到日期', '服务意向', '状态', '注销日期', '注销原因'],
  },
] as const;

describe.each(ENGINES)('list exports (%s)', (engine) => {
  let server: TestServer;
  let world: World;
  let streetA: Client;
  let streetB: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    world = await buildWorld(server);
    [streetA, streetB] = await Promise.all([login(server, 'streetA'), login(server, 'streetB')]);
  }, 300_000);
  afterAll(() => server.close());

  const exported = async (c: Client, url: string) => {
    const res = await c.get(url);
    expect(res.status, String(res.raw)).toBe(200);
    return {
      disposition: decodeURIComponent(String(res.headers['content-disposition'])),
      raw: res.raw,
      ...sheetTable((await openXlsx(res.raw)).worksheets[0]!),
    };
  };
  const listed = async (c: Client, url: string, name: string) =>
    (await c.get<{ items: Record<string, unknown>[] }>(`${url}${url.includes('?') ? '&' : '?'}pageSize=200`)).body.items.map((r) => r[name]);

  it.each(EXPORTS)("$what: the list's rows of the scope, Chinese headers, masked, named after what and whose", async (e) => {
    const a = await exported(streetA, e.url);
    expect(a.headers).toEqual(e.headers);
    expect(a.disposition).toContain(`${e.what}_中共甲街道工作委员会_2026-11-22.xlsx`);
    const names = await listed(streetA, e.list, e.name);
    expect(names.length).toBeGreaterThan(0);
    expect(a.rows.map((r) => r['姓名']).sort()).toEqual([...names].sort());
    const text = JSON.stringify(a.rows);
    for (const p of world.people) expect(text, p.key).not.toContain(p.idNumber);
    if (a.headers.includes('公民身份号码' as never)) expect(a.rows.every((r) => /^\d{2}\*{14}[\dX]{2}$/.test(String(r['公民身份号码'])))).toBe(true);
    if (a.headers.includes('联系电话' as never)) expect(a.rows.every((r) => /^\d{3}\*{4}\d{4}$/.test(String(r['联系电话'])))).toBe(true);

    // another street: only what its own list shows, never all of 甲街道's rows
    const b = await exported(streetB, e.url);
    expect(b.disposition).toContain(`${e.what}_中共乙街道工作委员会_`);
    expect(b.rows.map((r) => r['姓名']).sort()).toEqual([...(await listed(streetB, e.list, e.name))].sort());
    // 流动党员 registered to one of 乙街道's branches are on its list too (凡进必登), and 在职党员报到 lists
    // whoever reported to its communities, from anywhere; the others are 甲街道's alone
    if (e.what !== '流动党员' && e.what !== '在职党员报到') expect(b.rows.length).toBeLessThan(a.rows.length);
  });

  it('换届预警: the page’s rows of the scope, by status, Chinese headers and status names', async () => {
    type Problem = { orgName: string; status: string };
    const problems = async (c: Client) => (await c.get<Problem[]>('/api/org-terms/problems')).body;
    const a = await exported(streetA, '/api/org-terms/problems/export');
    expect(a.headers).toEqual(['组织名称', '类别', '上级组织', '当前届次', '任期届满日期', '剩余天数（负数为已逾期）', '状态']);
    expect(a.disposition).toContain('换届预警_中共甲街道工作委员会_2026-11-22.xlsx');
    const mine = await problems(streetA);
    expect(mine.length).toBeGreaterThan(0);
    expect(a.rows.map((r) => r['组织名称']).sort()).toEqual(mine.map((p) => p.orgName).sort());
    expect(a.rows.every((r) => ['严重逾期', '逾期未换届', '即将到期', '未录入届次'].includes(String(r['状态'])))).toBe(true);
    const noTerm = await exported(streetA, '/api/org-terms/problems/export?status=no_term');
    expect(noTerm.disposition).toContain('换届预警（未录入届次）_中共甲街道工作委员会_');
    expect(noTerm.rows.map((r) => r['组织名称']).sort()).toEqual(
      mine
        .filter((p) => p.status === 'no_term')
        .map((p) => p.orgName)
        .sort(),
    );
    const b = await exported(streetB, '/api/org-terms/problems/export');
    expect(b.rows.map((r) => r['组织名称']).sort()).toEqual((await problems(streetB)).map((p) => p.orgName).sort());
    const bad = await streetA.get<{ error: { message: string } }>('/api/org-terms/problems/export?status=ok');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/\p{Script=Han}/u);
  });

  it('驻区单位报到: the list’s units of the scope, phones masked, named after what and whose', async () => {
    const units = async (c: Client) => (await c.get<{ items: { unitName: string }[] }>('/api/report-ins/units?pageSize=200')).body.items.map((u) => u.unitName);
    const a = await exported(streetA, '/api/report-ins/units/export');
    expect(a.headers).toEqual(['单位名称', '统一社会信用代码', '报到社区', '联系人', '联系电话', '可提供资源', '报到日期', '状态', '注销日期', '注销原因']);
    expect(a.disposition).toContain('驻区单位报到_中共甲街道工作委员会_2026-11-22.xlsx');
    expect(a.rows.map((r) => r['单位名称']).sort()).toEqual((await units(streetA)).sort());
    expect(a.rows.every((r) => /^\d{3}\*{4}\d{4}$/.test(String(r['联系电话'])))).toBe(true);
    const b = await exported(streetB, '/api/report-ins/units/export');
    expect(b.rows.map((r) => r['单位名称']).sort()).toEqual((await units(streetB)).sort());
  });

  it('组织处置: the list’s dispositions of the scope, Chinese headers and names, named after what and whose', async () => {
    const listed = async (c: Client) => (await c.get<{ memberName: string }[]>('/api/appraisals/dispositions')).body.map((d) => d.memberName);
    const a = await exported(streetA, '/api/appraisals/dispositions/export');
    expect(a.headers).toEqual([
      '姓名',
      '所在党支部',
      '评议年度',
      '处置方式',
      '开始日期',
      '整改期限',
      '剩余天数（负数为已逾期）',
      '状态',
      '处置结果',
      '完成日期',
    ]);
    expect(a.disposition).toContain('组织处置_中共甲街道工作委员会_2026-11-22.xlsx');
    const mine = await listed(streetA);
    expect(mine.length).toBeGreaterThan(0);
    expect(a.rows.map((r) => r['姓名']).sort()).toEqual(mine.sort());
    expect(a.rows.every((r) => ['限期改正', '劝其退党', '除名'].includes(String(r['处置方式'])))).toBe(true);
    const b = await exported(streetB, '/api/appraisals/dispositions/export');
    expect(b.rows.map((r) => r['姓名']).sort()).toEqual((await listed(streetB)).sort());
    expect((await streetB.get(`/api/appraisals/dispositions/export?orgId=${world.tree.streetA}`)).status).toBe(404);
  });

  it('applies the list filters; an organization outside the scope is 404, bad filters a Chinese 400', async () => {
    const open = (await exported(streetA, '/api/hardship/export?state=open')).rows;
    expect(open.map((r) => r['姓名'])).toEqual(await listed(streetA, '/api/hardship?state=open', 'memberName'));
    expect(open.length).toBeLessThan((await exported(streetA, '/api/hardship/export')).rows.length);
    expect((await exported(streetA, `/api/hardship/export?orgId=${world.tree.branchA1a}`)).disposition).toContain('困难党员帮扶_甲一社区第一党支部_');
    expect((await streetB.get(`/api/hardship/export?orgId=${world.tree.branchA1a}`)).status).toBe(404);
    const found = (await exported(streetA, '/api/lost-contact/export?status=found')).rows;
    expect(found.map((r) => r['失联状态'])).toEqual(['已恢复联系']);
    const out = (await exported(streetB, '/api/floating/export?direction=out')).rows;
    expect(out).toEqual([]);
    const bad = await streetA.get<{ error: { message: string } }>('/api/transfers/export?status=nothing');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/\p{Script=Han}/u);
    expect((await (await login(server, 'memberA1a')).get('/api/transfers/export')).status).toBe(403);
  });

  it('组织设置预警: searched by name and filtered by organization, exported the same way, scoped', async () => {
    const temp = await streetA.post<Org>('/api/orgs', buildOrg(world.tree.communityA1, { name: '甲一社区防汛临时党支部', type: 'temporary_branch' }));
    expect(temp.status, JSON.stringify(temp.body)).toBe(201);
    const m = await streetA.post<{ id: string }>('/api/members', buildMember(world.tree.branchA1b));
    await server.db.run(sql`update member set org_id = ${temp.body.id} where id = ${m.body.id}`);

    const searched = (await streetA.get<OrgSetupWarning[]>(`/api/org-setup/warnings?q=${encodeURIComponent('防汛')}`)).body;
    expect(searched.map((w) => w.orgName)).toEqual(['甲一社区防汛临时党支部']);
    const all = (await streetA.get<OrgSetupWarning[]>(`/api/org-setup/warnings?orgId=${world.tree.communityA1}`)).body;
    const file = await exported(streetA, `/api/org-setup/warnings/export?orgId=${world.tree.communityA1}`);
    expect(file.headers).toEqual(['组织名称', '类别', '上级组织', '预警', '程度', '涉及单位', '说明', '数值', '标准']);
    expect(file.disposition).toContain('组织设置预警_中共甲一社区委员会_2026-11-22.xlsx');
    expect(file.rows.map((r) => r['组织名称'])).toEqual(all.map((w) => w.orgName));
    expect(file.rows.find((r) => r['组织名称'] === '甲一社区防汛临时党支部')).toMatchObject({
      类别: '临时党支部',
      预警: '临时党支部接收组织关系',
      程度: '违反规定',
      数值: 1,
    });
    const qFile = await exported(streetA, `/api/org-setup/warnings/export?q=${encodeURIComponent('防汛')}`);
    expect(qFile.rows.map((r) => r['组织名称'])).toEqual(['甲一社区防汛临时党支部']);
    expect((await exported(streetB, '/api/org-setup/warnings/export')).rows.some((r) => String(r['组织名称']).startsWith('甲'))).toBe(false);
    expect((await streetB.get(`/api/org-setup/warnings/export?orgId=${world.tree.communityA1}`)).status).toBe(404);
  });
});
