import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, isValidCreditCode, ORG_DOMAINS, type CommitteeMember, type Org, type OrgSummary, type TermProblem } from '@jiceng/contracts';
import { DEMO_ACCOUNTS, DEMO_ORG, DEMO_PASSWORD } from '../seeds/demo-accounts.ts';
import { planDemo } from '../seeds/demo.ts';
import { bootstrap } from './bootstrap.ts';
import { ENGINES, login, startTestServer, type Client, type TestServer } from './test/harness.ts';

describe('demo plan', () => {
  it('has the same names and people whatever the seed day', () => {
    const a = planDemo('2026-11-22');
    const b = planDemo('2025-02-28');
    expect(b.orgs.map((o) => o.name)).toEqual(a.orgs.map((o) => o.name));
    expect(b.members.map((m) => m.personName)).toEqual(a.members.map((m) => m.personName));
    expect(new Set(a.orgs.map((o) => o.name)).size).toBe(a.orgs.length);
  });
});

describe.each(ENGINES)('demo district (%s)', (engine) => {
  let server: TestServer;
  let admin: Client;
  let lines: string[];

  /** Every page of GET /api/orgs for a query string. */
  const listAll = async (c: Client, query: string) => {
    const items: OrgSummary[] = [];
    for (let page = 1; ; page++) {
      const res = await c.get<{ items: OrgSummary[]; total: number }>(`/api/orgs?${query}&pageSize=200&page=${page}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      if (items.length >= res.body.total || res.body.items.length === 0) return items;
    }
  };
  const idOf = async (name: string) => {
    const hits = (await listAll(admin, `q=${encodeURIComponent(name)}`)).filter((o) => o.name === name);
    expect(hits, name).toHaveLength(1);
    return hits[0]!.id;
  };

  beforeAll(async () => {
    server = await startTestServer(engine);
    lines = await bootstrap(server, true);
    admin = await login(server, 'admin', DEMO_PASSWORD);
  });
  afterAll(() => server.close());

  it('seeds once and marks the database as demo', async () => {
    expect(lines.join('')).toMatch(/演示数据/);
    expect(await server.isDemo()).toBe(true);
    expect(await bootstrap(server, true)).toEqual([]);
  });

  it('has members in the branches, and the 党员 account sees its own record', async () => {
    const all = await admin.get<{ total: number }>('/api/members?pageSize=1');
    expect(all.body.total).toBeGreaterThan(1000);
    const me = await login(server, 'dangyuan', 'Demo@2026');
    const mine = await me.get<{ name: string; orgName: string; status: string }>('/api/me/member');
    expect(mine.body).toMatchObject({ name: '孙丽', orgName: '梅花山社区第一党支部', status: 'full' });
    const street = await login(server, 'jiedao', 'Demo@2026');
    const scoped = await street.get<{ items: { orgName: string }[]; total: number }>('/api/members?pageSize=200');
    expect(scoped.body.total).toBeGreaterThan(0);
    expect(scoped.body.total).toBeLessThan(all.body.total);
  });

  it('has about 8 streets and townships with at least 100 社区/村 organizations', async () => {
    const [root] = (await admin.get<OrgSummary[]>('/api/orgs/tree')).body;
    expect(root?.name).toBe(DEMO_ORG.root);
    const children = (await admin.get<OrgSummary[]>(`/api/orgs/tree?parentId=${root!.id}`)).body;
    const streets = children.filter((o) => o.domain === 'community' || o.domain === 'rural');
    expect(streets.length).toBeGreaterThanOrEqual(6);
    expect(streets.length).toBeLessThanOrEqual(10);
    let communities = 0;
    for (const s of streets) {
      const under = (await admin.get<OrgSummary[]>(`/api/orgs/tree?parentId=${s.id}`)).body;
      communities += under.filter(
        (o) => (o.domain === 'community' || o.domain === 'rural') && ['committee', 'general_branch', 'branch'].includes(o.type),
      ).length;
    }
    expect(communities).toBeGreaterThanOrEqual(100);
    const counts = (await admin.get<{ total: number; byType: Record<string, number> }>(`/api/orgs/${root!.id}/counts`)).body;
    expect(counts.byType.branch).toBeGreaterThan(300);
    for (const t of ['group', 'grid', 'general_branch', 'joint_branch', 'temporary_branch']) expect(counts.byType[t], t).toBeGreaterThan(0);
  });

  it('has branches in every domain, a 联合党支部 of several firms with valid credit codes, and a 临时党支部', async () => {
    const branches = await listAll(admin, 'type=branch');
    expect(new Set(branches.map((b) => b.domain))).toEqual(new Set(ORG_DOMAINS));
    const [joint] = await listAll(admin, 'type=joint_branch');
    const detail = (await admin.get<Org>(`/api/orgs/${joint!.id}`)).body;
    expect(detail.formationMode).toBe('joint');
    expect(detail.units.length).toBeGreaterThanOrEqual(2);
    for (const u of detail.units) expect(isValidCreditCode(u.creditCode ?? '')).toBe(true);
    expect(await listAll(admin, 'type=temporary_branch')).toHaveLength(1);
  });

  it('gives the 大党委 兼职委员 from resident units, and shuji their own branch', async () => {
    const committee = (await admin.get<CommitteeMember[]>(`/api/orgs/${await idOf(DEMO_ORG.community)}/committee`)).body;
    expect(committee.find((m) => m.post === 'secretary')?.personName).toBe('王秀兰');
    expect(committee.filter((m) => m.post === 'part_time' && m.unitName).length).toBeGreaterThanOrEqual(3);
    const branch = (await admin.get<CommitteeMember[]>(`/api/orgs/${await idOf(DEMO_ORG.branch)}/committee`)).body;
    expect(branch.find((m) => m.post === 'secretary' && m.endDate === null)?.personName).toBe('张建华');
  });

  it('shows due, overdue, seriously overdue and missing terms on the 换届预警 list', async () => {
    const problems = (await admin.get<TermProblem[]>('/api/org-terms/problems')).body;
    const status = (name: string) => problems.find((p) => p.orgName === name)?.status;
    for (const s of ['due_soon', 'overdue', 'seriously_overdue', 'no_term']) expect(problems.filter((p) => p.status === s).length, s).toBeGreaterThan(0);
    expect(status(DEMO_ORG.termDueSoon)).toBe('due_soon');
    expect(status(DEMO_ORG.termOverdue)).toBe('overdue');
    expect(status(DEMO_ORG.termSeriouslyOverdue)).toBe('seriously_overdue');
    expect(status(DEMO_ORG.termMissing)).toBe('no_term');
    expect(status(DEMO_ORG.community)).toBeUndefined();
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('lets %s log in and see its own scope', async (_, a) => {
    const c = await login(server, a.username, DEMO_PASSWORD);
    expect(c.me).toMatchObject({ role: a.role, displayName: a.displayName, orgName: a.orgName, mustChangePassword: false, demo: true });
    const tree = await c.get<OrgSummary[]>('/api/orgs/tree');
    if (can(a.role, 'org:read')) expect(tree.body.map((o) => o.name)).toEqual([a.orgName]);
    else expect(tree.status).toBe(403);
  });

  it('keeps jiedao inside its street', async () => {
    const jiedao = await login(server, 'jiedao', DEMO_PASSWORD);
    const other = await idOf(DEMO_ORG.otherStreet);
    expect((await jiedao.get(`/api/orgs/${other}`)).status).toBe(404);
    expect((await jiedao.get(`/api/orgs/tree?parentId=${other}`)).status).toBe(404);
    const street = await idOf(DEMO_ORG.street);
    const subtree = (await admin.get<{ total: number }>(`/api/orgs/${street}/counts`)).body.total;
    expect((await jiedao.get<{ total: number }>('/api/orgs?pageSize=1')).body.total).toBe(subtree);
    const q = `q=${encodeURIComponent('梅园')}`;
    expect((await listAll(admin, q)).length).toBeGreaterThan(0);
    expect(await listAll(jiedao, q)).toEqual([]);
  });
});
