import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTodoCount,
  emptyTodoCounts,
  TODO_NATURES,
  TODO_SEVERITIES,
  todoCountField,
  todoSeverityNature,
  type Todo,
  type TodoCounts,
  type TodoPage,
  type TodoSummary,
} from '@jiceng/contracts';
import { buildMember, buildOrg, ENGINES, login, movableClock, startTestServer, TEST_TODAY, type Client, type TestServer } from '../../test/harness.ts';
import { buildWorld, ZERO_ID, type World } from '../../test/world.ts';

type Err = { error: { code: string; message: string } };
const TODAY = TEST_TODAY.slice(0, 10);
const RANK = Object.fromEntries(TODO_SEVERITIES.map((s, i) => [s, i]));

/**
 * The 待办 list and summary over the world (a person in every module) plus a to-do of every kind the
 * world lacks: counts agree with the list, severities follow their definitions, pages cover every
 * to-do once in a stable order, the children's counts sum to the total, and the scope holds.
 */
describe.each(ENGINES)('待办 list and summary (%s)', (engine) => {
  let server: TestServer;
  let world: World;
  let admin: Client;
  let streetA: Client;
  let streetB: Client;
  const clock = movableClock();

  const page = async (c: Client, query: string) => {
    const res = await c.get<TodoPage & Err>(`/api/todos?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  /** Every to-do of the query, read with the largest page. */
  const all = async (c: Client, query = '') => {
    const p = await page(c, `pageSize=200&${query}`);
    expect(p.items).toHaveLength(p.total);
    return p.items;
  };
  const summary = async (c: Client) => (await c.get<TodoSummary>('/api/todos/summary')).body;

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    world = await buildWorld(server);
    const t = world.tree;
    admin = t.admin;
    [streetA, streetB] = await Promise.all([login(server, 'streetA'), login(server, 'streetB')]);
    // What the world lacks: a term ending within 6 months, one far ahead (no to-do), a 限期改正 due
    // within 30 days, a floating member six months at the destination with an expired 活动证.
    expect((await streetA.post(`/api/orgs/${t.branchA1b}/terms`, { termNo: 1, startDate: '2021-12-01' })).status).toBe(201);
    expect((await streetB.post(`/api/orgs/${t.branchB1a}/terms`, { termNo: 1, startDate: '2025-01-01' })).status).toBe(201);
    await server.db.run(sql`update appraisal_disposition set deadline = '2026-12-10' where kind = 'correction'`);
    await server.db.run(
      sql`update floating_member set left_date = '2026-03-01', destination_since = '2026-03-01', cert_valid_until = '2026-11-01' where status = 'verified'`,
    );
  });
  afterAll(() => server.close());

  it('gives every kind its nature and severity: a warning or missing record without a deadline is never overdue nor due soon', async () => {
    const t = world.tree;
    const items = await all(admin);
    const by = (key: string) => items.find((x) => x.key === key);
    for (const x of items) {
      expect(x.nature, x.key).toBe(todoSeverityNature[x.severity]);
      expect(x.dueDate === null, x.key).toBe(x.nature === 'warning');
      if (x.severity === 'overdue') expect(x.dueDate! < TODAY, x.key).toBe(true);
      if (x.severity === 'due_soon') expect(x.dueDate! >= TODAY, x.key).toBe(true);
    }
    expect(by(`org.term:${t.branchA1a}`)).toMatchObject({ severity: 'overdue', dueDate: '2025-12-31', title: '甲一社区第一党支部：逾期未换届' });
    expect(by(`org.term:${t.branchA1b}`)).toMatchObject({
      severity: 'due_soon',
      dueDate: '2026-11-30',
      detail: '第 1 届将于 2026-11-30 届满，还有 8 天，请按期换届',
    });
    expect(by(`org.term:${t.branchB1a}`)).toBeUndefined();
    // 未录入届次: no deadline, not 即将到期
    expect(by(`org.term:${t.rootId}`)).toMatchObject({
      nature: 'warning',
      severity: 'incomplete',
      dueDate: null,
      title: '中共测试区委员会：未录入届次',
      detail: '党委尚未录入届次信息',
    });
    // 组织设置预警: a standing warning, not overdue (the 25 members of 支部A1a have one 支委); the work is on the 班子成员 tab
    expect(by(`org.setup:branch_without_committee:${t.branchA1a}`)).toMatchObject({
      nature: 'warning',
      severity: 'alert',
      dueDate: null,
      link: `/orgs/${t.branchA1a}?tab=committee`,
    });
    expect(items.filter((x) => x.source === 'org.setup').every((x) => x.severity === 'alert')).toBe(true);
    const sources = new Set(items.map((x) => x.source));
    for (const s of [
      'org.term',
      'org.setup',
      'transfer.letter',
      'floating.six_months',
      'floating.cert_expired',
      'floating.pending',
      'member.lost_contact',
      'appraisal.disposition',
      'hardship.visit',
    ])
      expect(sources, s).toContain(s);
    expect(items.find((x) => x.source === 'appraisal.disposition')).toMatchObject({ severity: 'due_soon', dueDate: '2026-12-10' });
    const six = items.find((x) => x.source === 'floating.six_months')!;
    expect(six).toMatchObject({ nature: 'deadline', severity: 'overdue', dueDate: '2026-09-01' });
    expect(six.link).toMatch(/^\/transfers\?memberId=/);
    expect(items.find((x) => x.source === 'member.lost_contact')!.link).toMatch(/^\/members\/[0-9a-f-]+\?tab=status$/);
    expect(items.filter((x) => x.source === 'floating.pending').map((x) => x.severity)).toEqual(['incomplete', 'incomplete']);
    expect(items.find((x) => x.source === 'hardship.visit')).toMatchObject({ severity: 'overdue', dueDate: '2026-10-31' });
  });

  it('counts what the list holds: in all, by nature, by severity, by source and by kind', async () => {
    for (const c of [admin, streetA, streetB]) {
      const s = await summary(c);
      const items = await all(c);
      expect(s.counts).toEqual(tally(items));
      expect(s.counts.total).toBe(s.counts.deadline + s.counts.warning);
      for (const sev of TODO_SEVERITIES) expect((await page(c, `severity=${sev}&pageSize=1`)).total).toBe(s.counts[todoCountField[sev]]);
      for (const n of TODO_NATURES) {
        const list = await all(c, `nature=${n}`);
        expect(list.length).toBe(s.counts[n]);
        expect(list.every((x) => x.nature === n)).toBe(true);
      }
      // a severity of the other nature matches nothing
      expect((await page(c, 'nature=warning&severity=overdue')).total).toBe(0);
      for (const k of s.bySource) {
        expect(k.counts.total).toBe((await page(c, `source=${k.source}&pageSize=1`)).total);
        expect(k.counts.overdue).toBe((await page(c, `source=${k.source}&severity=overdue&pageSize=1`)).total);
      }
      expect(sum(s.bySource.map((k) => k.counts))).toEqual(s.counts);
      expect(sum(s.byKind.map((k) => k.counts))).toEqual(s.counts);
      for (const k of s.byKind) {
        const list = await all(c, `kind=${k.kind}`);
        expect(tally(list), k.kind).toEqual(k.counts);
        expect(k.counts.warning).toBe((await page(c, `kind=${k.kind}&nature=warning&pageSize=1`)).total);
      }
    }
    const admins = await summary(admin);
    expect(admins.byKind.map((k) => k.label)).toEqual([
      '换届',
      '组织设置',
      '转接',
      '流动',
      '失联',
      '帮扶',
      '评议',
      '培训',
      '三会一课',
      '微心愿',
      '群众诉求',
      '党费',
      '发展党员',
      '重点任务',
      '任务督办',
      '区域化党建',
    ]);
    expect(admins.bySource.find((k) => k.source === 'org.setup')).toMatchObject({
      label: '组织设置预警',
      kind: 'setup',
      counts: { deadline: 0, overdue: 0, dueSoon: 0, incomplete: 0 },
    });
    expect(admins.byKind.find((k) => k.kind === 'setup')!.counts.alert).toBeGreaterThan(0);
  });

  it('pages through every to-do exactly once, in a stable order', async () => {
    const everything = await all(admin);
    expect(everything.length).toBeGreaterThan(10);
    const keys = everything.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    // deadlines (overdue, due soon, later), then warnings (alerts, then records to complete); the earliest due date first; then the key
    const order = (x: Todo) => [RANK[x.severity]!, x.dueDate ?? '', x.key] as const;
    for (let i = 1; i < everything.length; i++) {
      const [a, b] = [order(everything[i - 1]!), order(everything[i]!)];
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]))), `${a.join(' ')} before ${b.join(' ')}`).toBe(true);
    }
    for (const size of [3, 7]) {
      const seen: string[] = [];
      const pages = Math.ceil(keys.length / size);
      for (let p = 1; p <= pages; p++) {
        const res = await page(admin, `page=${p}&pageSize=${size}`);
        expect(res.total).toBe(keys.length);
        expect(res.items.length).toBe(p < pages ? size : keys.length - size * (pages - 1));
        seen.push(...res.items.map((x) => x.key));
      }
      expect(seen).toEqual(keys);
      expect(await page(admin, `page=${pages + 1}&pageSize=${size}`)).toEqual({ items: [], total: keys.length });
    }
    // the filters keep the same order
    const overdue = await all(admin, 'severity=overdue');
    expect(overdue.map((x) => x.key)).toEqual(everything.filter((x) => x.severity === 'overdue').map((x) => x.key));
  });

  it('counts each direct child organization’s subtree; children and the own organization sum to the total', async () => {
    const t = world.tree;
    const s = await summary(admin);
    // the streets, and the agency branch 结对共建's world pairs with a community, directly under the root
    const agency = s.byChild.find((c) => c.orgName === '区机关工委第一党支部');
    expect(s.byChild.map((c) => c.orgId).sort()).toEqual([t.streetA, t.streetB, agency?.orgId].sort());
    expect(sum([s.own, ...s.byChild.map((c) => c.counts)])).toEqual(s.counts);
    expect(s.own).toMatchObject({ total: 1, warning: 1, incomplete: 1 }); // the root's own 未录入届次
    for (const [i, k] of s.byKind.entries()) expect(sum([s.ownByKind[i]!.counts, ...s.byChild.map((c) => c.byKind[i]!.counts)]), k.kind).toEqual(k.counts);
    for (const c of s.byChild) {
      const items = await all(admin, `childOrgId=${c.orgId}`);
      expect(tally(items), c.orgName).toEqual(c.counts);
      for (const k of c.byKind) expect(tally(items.filter((x) => kindOf(s, x) === k.kind)), `${c.orgName} ${k.kind}`).toEqual(k.counts);
      expect((await page(admin, `childOrgId=${c.orgId}&nature=deadline&pageSize=1`)).total).toBe(c.counts.deadline);
    }
    // a street's own list is the district's list filtered to that street
    const a = s.byChild.find((c) => c.orgId === t.streetA)!;
    expect(a.orgName).toBe('中共甲街道工作委员会');
    expect((await all(streetA)).map((x) => x.key)).toEqual((await all(admin, `childOrgId=${t.streetA}`)).map((x) => x.key));
    const fromA = await summary(streetA);
    expect(fromA.counts).toEqual(a.counts);
    expect(fromA.byChild.map((c) => c.orgName)).toEqual(['中共甲一社区委员会']);
    expect(sum([fromA.own, ...fromA.byChild.map((c) => c.counts)])).toEqual(fromA.counts);
  });

  it('keeps each account to its scope: a street never sees another street’s to-dos, another street’s child is 404', async () => {
    const t = world.tree;
    const a = await all(streetA);
    const b = await all(streetB);
    const inA = new Set((await all(admin, `childOrgId=${t.streetA}`)).map((x) => x.key));
    expect(b.some((x) => inA.has(x.key))).toBe(false);
    expect(a.some((x) => x.source === 'transfer.letter')).toBe(true);
    expect(b.some((x) => x.source === 'transfer.letter')).toBe(false);
    // the arrival to register waits on the destination (B), the confirmation on the home branch (A)
    expect(a.filter((x) => x.source === 'floating.pending')).toHaveLength(1);
    expect(b.filter((x) => x.source === 'floating.pending')).toHaveLength(1);
    for (const id of [t.streetB, t.branchB1a, t.rootId, ZERO_ID]) {
      const res = await streetA.get<Err>(`/api/todos?childOrgId=${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body.error.message).toBe('组织不存在或不在您的管理范围内');
    }
    expect((await streetA.get<Err>('/api/todos?childOrgId=not-an-id')).status).toBe(400);
    expect((await streetA.get<Err>('/api/todos?pageSize=201')).status).toBe(400);
  });

  it('offers each kind only to accounts holding its permission', async () => {
    const sup = await login(server, 'supA');
    const s = await summary(sup);
    expect(s.bySource.map((k) => k.source)).toEqual(['org.term', 'meeting.review']);
    expect(new Set((await all(sup)).map((x) => x.source))).toEqual(new Set(['org.term', 'meeting.review']));
    expect((await page(sup, 'source=org.setup')).total).toBe(0);
    const member = await login(server, 'memberA1a');
    // a 党员 account sees only its own meeting notices, the orders dispatched to itself and its own 双报告 (none: memberA1a is bound to no member here)
    const mine = await summary(member);
    expect(mine.counts.total).toBe(0);
    expect(mine.bySource.map((k) => k.source)).toEqual(['meeting.notice', 'service.orders', 'regionmeet.my_report']);
    expect(await page(member, '')).toEqual({ items: [], total: 0 });
  });

  it('finds to-dos by the organization’s or member’s name', async () => {
    const letter = (await all(admin, 'source=transfer.letter'))[0]!;
    const name = letter.title.split('：')[1]!;
    expect((await all(admin, `q=${encodeURIComponent(name)}`)).map((x) => x.key)).toContain(letter.key);
    const branch = await all(admin, `q=${encodeURIComponent('甲一社区第二')}`);
    // the branch's 未录入届次, past 1 October its members short of the yearly training hours, and in
    // November what it missed of October's 组织生活 (it held nothing)
    expect(branch.map((x) => x.key).sort()).toEqual(
      [`compliance.due:${world.tree.branchA1b}`, `org.term:${world.tree.branchA1b}`, `training.shortfall:${world.tree.branchA1b}:2026`].sort(),
    );
    expect(await page(admin, `q=${encodeURIComponent('没有这个名字')}`)).toEqual({ items: [], total: 0 });
  });

  it('keeps the stored 换届 and 组织设置 rows equal to a full rebuild after every kind of change, and on the next day', async () => {
    const t = world.tree;
    /** The district's to-do keys, after checking the stored rows a read brought up to date against a rebuild. */
    const same = async () => {
      const keys = (await all(admin)).map((x) => x.key);
      const incremental = await server.todos.store.rows();
      await server.todos.store.rebuild(clock.today());
      expect(await server.todos.store.rows()).toEqual(incremental);
      return keys;
    };
    await same();
    const post = async (c: Client, url: string, body: unknown) => {
      const res = await c.post<{ id: string }>(url, body);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body;
    };
    const gb = await post(streetA, '/api/orgs', buildOrg(t.communityA1, { name: '甲一社区党总支', type: 'general_branch' }));
    const b = await post(streetA, '/api/orgs', buildOrg(gb.id, { name: '甲一社区党总支第一支部' }));
    const members: string[] = [];
    for (let i = 0; i < 8; i++) members.push((await post(streetA, '/api/members', buildMember(b.id))).id);
    const warning = `org.setup:branch_without_committee:${b.id}`;
    expect(await same()).toContain(warning);
    // a member leaves the branch (as an accepted transfer moves it), then two more: below 7 full members
    await server.db.run(sql`update member set org_id = ${t.branchA1b} where id = ${members[0]}`);
    expect(await same()).toContain(warning);
    await server.db.run(sql`update member set status = 'probationary', confirmed_date = null where id in (${members[1]}, ${members[2]})`);
    expect(await same()).not.toContain(warning);
    await server.db.run(sql`update member set status = 'full' where id in (${members[1]}, ${members[2]})`);
    // the 党总支 and its branch move to street B: both streets' rows follow
    await post(admin, `/api/orgs/${gb.id}/move`, { newParentId: t.communityB1 });
    expect(await same()).toContain(warning);
    expect((await all(streetB, 'source=org.setup')).map((x) => x.key)).toContain(warning);
    expect((await all(streetA, 'source=org.setup')).map((x) => x.key)).not.toContain(warning);
    // terms: a term far ahead takes the 未录入届次 away
    expect(await same()).toContain(`org.term:${b.id}`);
    await post(admin, `/api/orgs/${b.id}/terms`, { termNo: 1, startDate: '2025-06-01' });
    expect(await same()).not.toContain(`org.term:${b.id}`);
    // three committee members, one of them until today: no warning today, one again tomorrow
    for (const [personName, post_, endDate] of [
      ['甲', 'secretary', null],
      ['乙', 'organization', null],
      ['丙', 'publicity', TODAY],
    ] as const)
      await post(admin, `/api/orgs/${b.id}/committee`, { personName, post: post_, startDate: '2025-06-01', ...(endDate ? { endDate } : {}) });
    expect(await same()).not.toContain(warning);
    clock.advance(86_400);
    expect(await same()).toContain(warning);
  });
});

function sum(cs: TodoCounts[]): TodoCounts {
  return cs.reduce((a, c) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + c[k as keyof TodoCounts]])) as TodoCounts, emptyTodoCounts());
}

/** The counts of a list, counted here one item at a time. */
function tally(items: Todo[]): TodoCounts {
  return items.reduce((c, x) => addTodoCount(c, x.severity, 1), emptyTodoCounts());
}

const kindOf = (s: TodoSummary, x: Todo) => s.bySource.find((k) => k.source === x.source)!.kind;
