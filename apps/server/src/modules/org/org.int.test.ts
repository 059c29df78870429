import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org, OrgSummary, TodoPage } from '@jiceng/contracts';
import { buildOrg, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

describe.each(ENGINES)('organization tree over HTTP (%s)', (engine) => {
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

  const auditCount = async (action: string) => (await t.admin.get<{ total: number }>(`/api/audit?action=${action}&pageSize=1`)).body.total;

  describe('create', () => {
    it('creates a branch under a community in scope and audits it', async () => {
      const before = await auditCount('org.create');
      const res = await streetA.post<Org>('/api/orgs', buildOrg(t.communityA1, { name: '甲一社区第三党支部' }));
      expect(res.status).toBe(201);
      expect(res.body.ancestors.map((a) => a.name)).toEqual(['中共测试区委员会', '中共甲街道工作委员会', '中共甲一社区委员会']);
      expect(res.body.termStatus).toBe('no_term');
      expect(await auditCount('org.create')).toBe(before + 1);
    });

    it('rejects a bad body with a Chinese message and changes nothing', async () => {
      const before = (await streetA.get<{ total: number }>('/api/orgs?pageSize=1')).body.total;
      const res = await streetA.post<{ error: { code: string; message: string } }>('/api/orgs', { ...buildOrg(t.communityA1), name: '' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(res.body.error.message).toMatch(/组织全称/);
      expect((await streetA.get<{ total: number }>('/api/orgs?pageSize=1')).body.total).toBe(before);
    });

    it('rejects an invalid unified social credit code', async () => {
      const res = await streetA.post<{ error: { message: string } }>(
        '/api/orgs',
        buildOrg(t.communityA1, { units: [{ name: '某公司', creditCode: '91320102MA1XXXXXX1', category: 'private_enterprise' }] }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/统一社会信用代码/);
    });

    it('refuses a type that may not sit under the parent', async () => {
      const res = await streetA.post<{ error: { message: string } }>('/api/orgs', buildOrg(t.branchA1a, { type: 'branch' }));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('党支部下不能设立党支部');
    });

    it('refuses a second active organization of the same name under one parent', async () => {
      const res = await streetA.post<{ error: { message: string } }>('/api/orgs', buildOrg(t.communityA1, { name: '甲一社区第一党支部' }));
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe('上级组织下已有同名组织「甲一社区第一党支部」');
    });

    it('answers 404 for a parent in another street', async () => {
      const res = await streetA.post('/api/orgs', buildOrg(t.communityB1));
      expect(res.status).toBe(404);
    });

    it('answers 403 without the permission and 401 without a session', async () => {
      const member = await login(server, 'memberA1a');
      expect((await member.post('/api/orgs', buildOrg(t.branchA1a, { type: 'group' }))).status).toBe(403);
      const anon = await server.app.inject({ method: 'GET', url: '/api/orgs' });
      expect(anon.statusCode).toBe(401);
    });
  });

  describe('scope', () => {
    it('hides another street from reads, edits and moves', async () => {
      expect((await streetA.get(`/api/orgs/${t.communityB1}`)).status).toBe(404);
      expect((await streetA.patch(`/api/orgs/${t.communityB1}`, { name: '改名' })).status).toBe(404);
      expect((await streetA.post(`/api/orgs/${t.communityB1}/move`, { newParentId: t.streetA })).status).toBe(404);
      expect((await streetA.post(`/api/orgs/${t.communityA1}/move`, { newParentId: t.streetB })).status).toBe(404);
      const list = await streetA.get<{ items: OrgSummary[] }>('/api/orgs?pageSize=200');
      expect(list.body.items.some((o) => o.name.startsWith('乙'))).toBe(false);
    });

    it('lets a branch secretary see only their own branch', async () => {
      expect((await secA1a.get(`/api/orgs/${t.branchA1b}`)).status).toBe(404);
      expect((await secA1a.get(`/api/orgs/${t.branchA1a}`)).status).toBe(200);
      const tree = await secA1a.get<OrgSummary[]>('/api/orgs/tree');
      expect(tree.body.map((o) => o.id)).toEqual([t.branchA1a]);
    });
  });

  describe('every organization route keeps another street out', () => {
    const cases: [string, string, (id: string) => string, unknown?][] = [
      ['GET', 'detail', (id) => `/api/orgs/${id}`],
      ['GET', 'children', (id) => `/api/orgs/tree?parentId=${id}`],
      ['GET', 'counts', (id) => `/api/orgs/${id}/counts`],
      ['GET', 'committee', (id) => `/api/orgs/${id}/committee`],
      ['GET', 'terms', (id) => `/api/orgs/${id}/terms`],
      ['PATCH', 'edit', (id) => `/api/orgs/${id}`, { name: '越权改名' }],
      ['POST', 'dissolve', (id) => `/api/orgs/${id}/dissolve`],
      ['POST', 'add committee member', (id) => `/api/orgs/${id}/committee`, { personName: '越权', post: 'member', startDate: '2024-01-01' }],
      ['POST', 'add term', (id) => `/api/orgs/${id}/terms`, { termNo: 9, startDate: '2024-01-01' }],
      ['POST', 'create child', () => '/api/orgs'],
    ];
    it.each(cases)('%s %s answers 404 and changes nothing', async (method, _what, url, body) => {
      const target = t.branchB1a;
      const payload = url(target) === '/api/orgs' ? buildOrg(t.communityB1) : body;
      const before = await t.admin.get<Org>(`/api/orgs/${target}`);
      const res = await streetA.request(method, url(target), payload === undefined ? (method === 'GET' ? {} : { body: {} }) : { body: payload });
      expect(res.status).toBe(404);
      expect((res.body as { error: { message: string } }).error.message).toMatch(/不存在或不在您的管理范围内/);
      const after = await t.admin.get<Org>(`/api/orgs/${target}`);
      expect(after.body).toEqual(before.body);
    });
  });

  describe('validation of edits, committee and terms', () => {
    it('rejects an edit that breaks a rule and keeps the record', async () => {
      const before = await streetA.get<Org>(`/api/orgs/${t.branchA1a}`);
      const res = await streetA.patch<{ error: { message: string } }>(`/api/orgs/${t.branchA1a}`, { formationMode: 'joint', version: before.body.version });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/联合组建应由 2–5 个单位组成/);
      expect((await streetA.get<Org>(`/api/orgs/${t.branchA1a}`)).body).toEqual(before.body);
    });

    it('rejects an approval date in the future', async () => {
      const { version } = (await streetA.get<Org>(`/api/orgs/${t.branchA1a}`)).body;
      const res = await streetA.patch<{ error: { message: string } }>(`/api/orgs/${t.branchA1a}`, { approvalDate: '2099-01-01', version });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('批准成立日期不能晚于今天');
    });

    it('rejects a committee member without a post, and an unknown post', async () => {
      expect((await secA1a.post(`/api/orgs/${t.branchA1a}/committee`, { personName: '李四', startDate: '2024-01-01' })).status).toBe(400);
      const res = await secA1a.post<{ error: { message: string } }>(`/api/orgs/${t.branchA1a}/committee`, {
        personName: '李四',
        post: 'boss',
        startDate: '2024-01-01',
      });
      expect(res.body.error.message).toMatch(/职务/);
    });

    it('rejects a term number that goes backwards, and a term for a type without terms', async () => {
      await streetA.post(`/api/orgs/${t.branchA1a}/terms`, { termNo: 3, startDate: '2024-03-01' });
      const back = await streetA.post<{ error: { message: string } }>(`/api/orgs/${t.branchA1a}/terms`, { termNo: 2, startDate: '2025-03-01' });
      expect(back.status).toBe(409);
      const group = await streetA.post<Org>('/api/orgs', buildOrg(t.branchA1a, { type: 'group', name: '第一党小组' }));
      const res = await streetA.post<{ error: { message: string } }>(`/api/orgs/${group.body.id}/terms`, { termNo: 1, startDate: '2024-01-01' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/不实行任期制/);
    });

    it('refuses to move or dissolve the account’s own organization', async () => {
      expect((await secA1a.post(`/api/orgs/${t.branchA1a}/dissolve`)).status).toBe(403);
      expect((await streetA.post(`/api/orgs/${t.streetA}/move`, { newParentId: t.communityA1 })).status).toBe(403);
    });
  });

  describe('browse and search', () => {
    it('lists children with counts', async () => {
      const res = await t.admin.get<OrgSummary[]>(`/api/orgs/tree?parentId=${t.rootId}`);
      expect(res.body.map((o) => o.name).sort()).toEqual(['中共乙街道工作委员会', '中共甲街道工作委员会']);
      const counts = await t.admin.get<{ byType: Record<string, number> }>(`/api/orgs/${t.streetA}/counts`);
      expect(counts.body.byType.branch).toBeGreaterThanOrEqual(2);
    });

    it('finds a name with full-width brackets however the keyword is typed', async () => {
      await streetA.post('/api/orgs', buildOrg(t.communityA1, { name: '甲一社区（临时）物业党支部', type: 'temporary_branch' }));
      for (const q of ['（临时）物业', '(临时)物业', '临时', '物']) {
        const res = await streetA.get<{ items: OrgSummary[] }>(`/api/orgs?q=${encodeURIComponent(q)}`);
        expect(
          res.body.items.map((o) => o.name),
          q,
        ).toContain('甲一社区（临时）物业党支部');
      }
      const miss = await streetA.get<{ items: OrgSummary[] }>(`/api/orgs?q=${encodeURIComponent('临物')}`);
      expect(miss.body.items).toHaveLength(0);
    });

    it('finds organizations by a two-character keyword', async () => {
      const res = await streetB.get<{ items: OrgSummary[] }>(`/api/orgs?q=${encodeURIComponent('乙一')}`);
      expect(res.body.items.map((o) => o.name).sort()).toEqual(['中共乙一社区委员会', '乙一社区第一党支部']);
      const none = await streetB.get<{ items: OrgSummary[] }>(`/api/orgs?q=${encodeURIComponent('甲一')}`);
      expect(none.body.items).toHaveLength(0);
    });
  });

  describe('move and dissolve', () => {
    it('moves a subtree and rewrites every path in it', async () => {
      const community = await t.admin.post<Org>('/api/orgs', buildOrg(t.streetA, { name: '中共甲二社区委员会', type: 'committee' }));
      const branch = await t.admin.post<Org>('/api/orgs', buildOrg(community.body.id, { name: '甲二社区党支部' }));
      const moved = await t.admin.post<Org>(`/api/orgs/${community.body.id}/move`, { newParentId: t.streetB });
      expect(moved.status).toBe(200);
      const child = await streetB.get<Org>(`/api/orgs/${branch.body.id}`);
      expect(child.status).toBe(200);
      expect(child.body.ancestors.map((a) => a.name)).toEqual(['中共测试区委员会', '中共乙街道工作委员会', '中共甲二社区委员会']);
      expect((await streetA.get(`/api/orgs/${branch.body.id}`)).status).toBe(404);
    });

    it('refuses to move an organization under its own descendant', async () => {
      const res = await t.admin.post<{ error: { message: string } }>(`/api/orgs/${t.streetA}/move`, { newParentId: t.branchA1a });
      expect(res.status).toBe(400);
    });

    it('refuses to dissolve while children exist, then dissolves a leaf', async () => {
      const res = await streetA.post<{ error: { code: string } }>(`/api/orgs/${t.communityA1}/dissolve`);
      expect(res.status).toBe(409);
      const leaf = await streetA.post<Org>('/api/orgs', buildOrg(t.communityA1));
      const done = await streetA.post<Org>(`/api/orgs/${leaf.body.id}/dissolve`);
      expect(done.body.status).toBe('dissolved');
    });
  });

  describe('committee and terms', () => {
    it('records a term with the rule-set default length and flags it', async () => {
      const res = await streetA.post<{ endDate: string; termYears: number }>(`/api/orgs/${t.branchA1b}/terms`, { termNo: 1, startDate: '2021-06-01' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ termYears: 5, endDate: '2026-05-31' });
      const problems = await streetA.get<{ orgId: string; status: string }[]>('/api/org-terms/problems');
      expect(problems.body.find((p) => p.orgId === t.branchA1b)?.status).toBe('overdue');
      const todos = await streetA.get<TodoPage>('/api/todos?source=org.term&pageSize=200');
      expect(todos.body.items.find((x) => x.key === `org.term:${t.branchA1b}`)).toMatchObject({ severity: 'overdue', dueDate: '2026-05-31' });
    });

    it('counts 换届 status under each child of the reader, the organizations whose term is fine included', async () => {
      type ByChild = { orgId: string; ok: number; dueSoon: number; overdue: number; noTerm: number };
      const before = (await streetA.get<ByChild[]>('/api/org-terms/by-child')).body;
      const row = (rows: ByChild[]) => rows.find((r) => r.orgId === t.communityA1)!;
      expect(row(before)).toBeDefined();
      // a new term that runs long past the due-soon window moves the branch to 正常
      const bucket = { due_soon: 'dueSoon', overdue: 'overdue', seriously_overdue: 'overdue', no_term: 'noTerm' } as const;
      const was = (await streetA.get<{ orgId: string; status: keyof typeof bucket }[]>('/api/org-terms/problems')).body.find((p) => p.orgId === t.branchA1b);
      const terms = (await streetA.get<unknown[]>(`/api/orgs/${t.branchA1b}/terms`)).body;
      const res = await streetA.post(`/api/orgs/${t.branchA1b}/terms`, { termNo: terms.length + 1, startDate: '2026-06-01' });
      expect(res.status).toBe(201);
      const after = (await streetA.get<ByChild[]>('/api/org-terms/by-child')).body;
      expect(was).toBeDefined();
      expect(row(after).ok).toBe(row(before).ok + 1);
      expect(row(after)[bucket[was!.status]]).toBe(row(before)[bucket[was!.status]] - 1);
      // the problems are the 换届预警 page's, under the children (the street's own row excepted)
      const problems = (await streetA.get<{ orgId: string }[]>('/api/org-terms/problems')).body.filter((p) => p.orgId !== t.streetA);
      expect(after.reduce((n, r) => n + r.dueSoon + r.overdue + r.noTerm, 0)).toBe(problems.length);
      expect((await streetA.get<ByChild[]>('/api/org-terms/by-child')).body.some((r) => r.orgId === t.streetB)).toBe(false);
    });

    it('adds, edits and removes a committee member', async () => {
      const add = await secA1a.post<{ id: string }>(`/api/orgs/${t.branchA1a}/committee`, { personName: '王芳', post: 'secretary', startDate: '2024-01-01' });
      expect(add.status).toBe(201);
      const edit = await secA1a.put(`/api/orgs/${t.branchA1a}/committee/${add.body.id}`, {
        personName: '王芳',
        post: 'secretary',
        startDate: '2024-01-01',
        endDate: '2023-01-01',
      });
      expect(edit.status).toBe(400);
      expect((await secA1a.del(`/api/orgs/${t.branchA1a}/committee/${add.body.id}`)).status).toBe(200);
      expect((await secA1a.get<unknown[]>(`/api/orgs/${t.branchA1a}/committee`)).body).toHaveLength(0);
    });
  });
});
