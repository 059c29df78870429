import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberStats } from '@jiceng/contracts';
import { buildIdNumber, buildMember, ENGINES, login, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';

const count = (s: MemberStats, dim: 'byGender' | 'byAge' | 'byEducation', key: string) => s[dim].find((b) => b.key === key)?.count;

/** The 工作台's member structure: counts only, in scope, by full years on the day, members who left not counted. */
describe.each(ENGINES)('member structure statistics (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    const add = async (orgId: string, birth: string, male: boolean, education: string) => {
      const res = await t.admin.post<{ id: string }>(
        '/api/members',
        buildMember(orgId, { idNumber: buildIdNumber(birth, male), education, appliedDate: '2020-03-01', joinedDate: '2021-07-01' } as never),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    };
    // today is 2026-11-22: 30 today, 29 until tomorrow, 31, 66
    await add(t.branchA1a, '1996-11-22', true, 'bachelor');
    await add(t.branchA1a, '1996-11-23', false, 'bachelor');
    await add(t.branchA1b, '1995-11-22', false, 'master');
    await add(t.branchA1b, '1960-01-01', true, 'high_school');
    await add(t.branchB1a, '1980-05-05', true, 'doctorate');
    const gone = await add(t.branchA1a, '1970-01-01', true, 'bachelor');
    await server.db.run(sql`update member set status = 'left', leave_reason = 'deceased', left_date = '2026-01-01' where id = ${gone}`);
  });
  afterAll(() => server.close());

  it('counts the street’s members by gender, age band and education, every value listed and each breakdown summing to the total', async () => {
    const s = (await (await login(server, 'streetA')).get<MemberStats>('/api/members/stats')).body;
    expect(s.total).toBe(4);
    expect(s.byGender).toEqual([
      { key: 'male', label: '男', count: 2 },
      { key: 'female', label: '女', count: 2 },
    ]);
    expect(count(s, 'byAge', '-30')).toBe(2);
    expect(count(s, 'byAge', '31-35')).toBe(1);
    expect(count(s, 'byAge', '61-')).toBe(1);
    expect(s.byAge.map((b) => b.label)).toEqual(['30岁及以下', '31～35岁', '36～40岁', '41～45岁', '46～50岁', '51～55岁', '56～60岁', '61岁及以上']);
    expect(count(s, 'byEducation', 'bachelor')).toBe(2);
    expect(count(s, 'byEducation', 'doctorate')).toBe(0);
    expect(s.byEducation).toHaveLength(7);
    for (const dim of ['byGender', 'byAge', 'byEducation'] as const)
      expect(
        s[dim].reduce((a, b) => a + b.count, 0),
        dim,
      ).toBe(s.total);
    // aggregates only: nothing but keys, labels and counts
    expect(JSON.stringify(s)).not.toMatch(/张建国|3201/);
  });

  it('keeps to the account’s scope and matches the member list’s count', async () => {
    const admin = (await t.admin.get<MemberStats>('/api/members/stats')).body;
    expect(admin.total).toBe(5);
    expect(count(admin, 'byEducation', 'doctorate')).toBe(1);
    expect(admin.total).toBe((await t.admin.get<{ total: number }>('/api/members?pageSize=1')).body.total);
    const sec = (await (await login(server, 'secA1a')).get<MemberStats>('/api/members/stats')).body;
    expect(sec.total).toBe(2);
    // a 党员 account sees only its own record: no structure
    const member = await login(server, 'memberA1a');
    const res = await member.get<{ error: { message: string } }>('/api/members/stats');
    expect(res.status).toBe(403);
  });
});
