import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicantDetail } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { buildIdNumber, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

/**
 * 发展党员 under contention: one step recorded by many at once is recorded once (the applicant's row
 * lock and the unique index on step and round; the others are told it was done, or that the page
 * is stale), a stage decision has one winner, and one person registered twice at once gets one path.
 */
describe.each(ENGINES)('发展党员 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let sec: Client;
  let community: Client;
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;
  const body = (idNumber: string) => ({
    orgId: t.branchA1a,
    name: '并发申请',
    idNumber,
    ethnicity: '汉族',
    education: 'bachelor',
    occupation: 'professional',
    appliedOn: '2026-10-08',
  });

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [sec, community] = await Promise.all([login(server, 'secA1a'), login(server, 'communityA1')]);
  });
  afterAll(() => server.close());

  it('20 registrations of one person at once: one path, the rest a Chinese 409', async () => {
    const idNumber = buildIdNumber('1995-02-02');
    await race(20, () => sec.post('/api/development/applicants', body(idNumber)), { successes: 1, refusals: ['CONFLICT'] });
    expect(await count(sql`select count(*)::int as n from dev_applicant where name = '并发申请'`)).toBe(1);
  });

  it('20 records of the same step at once (with and without the version): one record, one history row', async () => {
    const a = (await sec.post<ApplicantDetail>('/api/development/applicants', { ...body(buildIdNumber('1994-03-03')), name: '并发谈话' })).body;
    await race(
      20,
      (i) =>
        (i % 2 ? sec : community).post(`/api/development/applicants/${a.id}/steps`, {
          key: 'talk',
          date: '2026-10-20',
          talker: { name: '王书记', post: 'secretary' },
          ...(i % 3 ? { version: a.version } : {}),
        }),
      { successes: 1, refusals: ['CONFLICT', 'STALE_VERSION', 'RULE_VIOLATION'] },
    );
    expect(await count(sql`select count(*)::int as n from dev_record where applicant_id = ${a.id} and step = 'talk'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${a.id}`)).toBe(1);
    // the stage decision: one winner moves the stage
    const now = (await sec.get<ApplicantDetail>(`/api/development/applicants/${a.id}`)).body;
    await race(
      10,
      () =>
        sec.post(`/api/development/applicants/${a.id}/steps`, {
          key: 'activist',
          date: '2026-11-01',
          vote: { entitled: 5, present: 5, yes: 5, no: 0, abstain: 0 },
          version: now.version,
        }),
      {
        successes: 1,
        refusals: ['CONFLICT', 'STALE_VERSION', 'RULE_VIOLATION'],
      },
    );
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${a.id} and action = 'activist'`)).toBe(1);
    // periodic records are all kept: two assessments at once are both legal
    await race(2, (i) => sec.post(`/api/development/applicants/${a.id}/steps`, { key: 'assessment', date: `2026-11-0${i + 2}` }), {
      successes: [1, 2],
      refusals: ['RULE_VIOLATION'],
    });
    const n = await count(sql`select count(*)::int as n from dev_record where applicant_id = ${a.id} and step = 'assessment'`);
    expect(n).toBe(2);
  });
});
