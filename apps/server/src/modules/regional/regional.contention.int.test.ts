import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgNeedDetail, RgProjectDetail, RgResource } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { needInput, resourceInput, unitAccount } from './regional.fixtures.ts';

/**
 * Races on one need and one project, on each engine: simultaneous 立项 of one need make one
 * project (the need's row lock, the partial unique index behind it); a unit's consent racing the
 * community's withdrawal ends in exactly one of the two legal outcomes, with the need following.
 */
describe.each(ENGINES)('区域化党建 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let community: Client;
  let unit: { client: Client; unitId: string };

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    community = await login(server, 'communityA1');
    unit = await unitAccount(server, 'rgRaceUnit', t.communityA1, '甲一卫生服务中心');
  });
  afterAll(() => server?.close());

  const project = async (needId: string, resourceId: string) =>
    community.post<RgProjectDetail>('/api/regional/projects', {
      needId,
      title: '健康随访',
      plan: '医生每月上门随访',
      startDate: '2026-11-20',
      endDate: '2026-12-31',
      resourceIds: [resourceId],
    });

  it('makes one project of ten simultaneous 立项 of one need', async () => {
    const need = await community.post<RgNeedDetail>('/api/regional/needs', needInput(t.communityA1));
    const res = await unit.client.post<RgResource>('/api/regional/resources', resourceInput());
    await race(10, () => project(need.body.id, res.body.id), { successes: 1, refusals: ['CONFLICT'] });
    const n = await server.db.one<{ n: number }>(sql`select count(*)::int as n from rg_project where need_id = ${need.body.id}`);
    expect(n!.n).toBe(1);
    expect((await community.get<RgNeedDetail>(`/api/regional/needs/${need.body.id}`)).body.state).toBe('claimed');
  });

  it('lets a consent and a withdrawal race to exactly one outcome', async () => {
    const need = await community.post<RgNeedDetail>('/api/regional/needs', needInput(t.communityA1, { title: '楼栋义诊' }));
    const res = await unit.client.post<RgResource>('/api/regional/resources', resourceInput({ title: '义诊医生' }));
    const p = await project(need.body.id, res.body.id);
    const { ok } = await race(
      6,
      (i) =>
        i % 2 === 0
          ? unit.client.post<RgProjectDetail>(`/api/regional/projects/${p.body.id}/consent`, { agree: true })
          : community.post<RgProjectDetail>(`/api/regional/projects/${p.body.id}/withdraw`, { reason: '改由街道统筹' }),
      { successes: [1, 2], refusals: ['CONFLICT'] },
    );
    const final = (await community.get<RgProjectDetail>(`/api/regional/projects/${p.body.id}`)).body;
    // either withdrawn at once, or agreed (active) and then possibly withdrawn by a later request
    expect(['active', 'withdrawn']).toContain(final.state);
    expect(final.need.state).toBe(final.state === 'active' ? 'in_progress' : 'open');
    const consents = await server.db.one<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity_id = ${p.body.id} and action = 'rg_project.consent'`,
    );
    expect(consents!.n).toBeLessThanOrEqual(1);
    expect(ok.length).toBeGreaterThanOrEqual(1);
  });
});
