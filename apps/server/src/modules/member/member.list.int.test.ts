import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_COUNT_CAP, type Member, type MemberListPage, type MemberListQuery } from '@jiceng/contracts';
import type { Actor } from '../../platform/http/actor.ts';
import { buildMember, buildOrg, ENGINES, login, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';
import { memberRepository } from './member.repository.ts';
import { createMemberService, type MemberService } from './member.service.ts';

/**
 * The member list's count stops at a cap (MEMBER_COUNT_CAP): more matches answer `total` as a lower
 * bound with `totalCapped`. Tested with a cap of 3 on a service built here, so no test needs
 * 10,000 members; over HTTP, lists under the cap keep their exact totals.
 */
describe.each(ENGINES)('member list count with a cap (%s)', (engine) => {
  const CAP = 3;
  let server: TestServer;
  let t: SeededTree;
  let branch: string;
  let capped: MemberService;
  let actor: Actor;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    const org = await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.communityA1, { name: '计数测试党支部' }));
    expect(org.status, JSON.stringify(org.body)).toBe(201);
    branch = org.body.id;
    for (let i = 0; i < 5; i++) expect((await t.admin.post<Member>('/api/members', buildMember(branch, { name: `计数${i}` }))).status).toBe(201);
    capped = createMemberService({
      db: server.db,
      regionId: server.regionId,
      members: memberRepository,
      orgs: server.modules.org.service,
      audit: server.audit,
      clock: server.clock,
      crypto: server.crypto,
      listCountCap: CAP,
    });
    actor = (await server.systemActor())!;
  });
  afterAll(() => server.close());

  const list = (q: MemberListQuery) => capped.list(actor, { orgId: branch, ...q });
  const count = (p: MemberListPage) => ({ items: p.items.length, total: p.total, totalCapped: p.totalCapped });

  it('stops counting at the cap: total is then at least that many', async () => {
    expect(count(await list({ pageSize: 2 }))).toEqual({ items: 2, total: CAP, totalCapped: true });
  });

  it('counts to the end of a page past the cap, so the total never falls short of the page shown', async () => {
    expect(count(await list({ pageSize: 2, page: 2 }))).toEqual({ items: 2, total: 4, totalCapped: true });
  });

  it('knows the exact total from a page that is not full, and from a page past the end', async () => {
    expect(count(await list({ pageSize: 2, page: 3 }))).toEqual({ items: 1, total: 5, totalCapped: false });
    expect(count(await list({ pageSize: 10 }))).toEqual({ items: 5, total: 5, totalCapped: false });
    expect(count(await list({ pageSize: 2, page: 9 }))).toEqual({ items: 0, total: 5, totalCapped: false });
  });

  it('is exact under the cap: a filter that matches fewer', async () => {
    expect(count(await list({ q: '计数', pageSize: 1, status: 'full' }))).toMatchObject({ items: 1, totalCapped: true });
    expect(count(await list({ q: '计数1' }))).toEqual({ items: 1, total: 1, totalCapped: false });
    expect(count(await list({ q: '没有这个人' }))).toEqual({ items: 0, total: 0, totalCapped: false });
  });

  it('answers exact totals with totalCapped false over HTTP for lists under MEMBER_COUNT_CAP', async () => {
    const secretary = await login(server, 'secA1a');
    const page = await t.admin.get<MemberListPage>(`/api/members?orgId=${branch}&pageSize=2`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 5, totalCapped: false });
    expect(page.body.items).toHaveLength(2);
    expect(MEMBER_COUNT_CAP).toBeGreaterThan(5);
    // another scope: the branch's own secretary sees none of them
    expect((await secretary.get<MemberListPage>(`/api/members?q=${encodeURIComponent('计数')}`)).body).toMatchObject({
      total: 0,
      totalCapped: false,
      items: [],
    });
  });
});
