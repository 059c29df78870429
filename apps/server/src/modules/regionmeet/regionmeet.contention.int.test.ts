import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RmMeetingDetail, RmReport, UnitReportIn } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { unitWithAccount } from './regionmeet.fixtures.ts';

const UNIT_SCORES = { activities: 20, resources: 10, projects: 18, problems: 16, masses: 12 };

describe.each(ENGINES)('joint meetings and 双报告 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let communityA1: Client;
  let unitA: { c: Client; unit: UnitReportIn };
  const n = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    communityA1 = await login(server, 'communityA1');
    unitA = await unitWithAccount(server, 'unitA', t.communityA1, '演示区人民医院');
    await communityA1.post('/api/regional/reports/assemble', { year: 2025 });
  });
  afterAll(() => server.close());

  it('two answers to one report at once: one wins, the other is told it was answered', async () => {
    const [report] = (await unitA.c.get<RmReport[]>('/api/regional/unit/reports?year=2025')).body;
    const twin = await login(server, 'unitA');
    const { ok } = await race(
      2,
      (i) =>
        (i === 0 ? unitA.c : twin).post(
          `/api/regional/unit/reports/${report!.id}/respond`,
          i === 0 ? { action: 'confirm' } : { action: 'correct', note: '人数有误' },
        ),
      {
        successes: 1,
        refusals: ['CONFLICT'],
      },
    );
    const state = (ok[0]!.body as RmReport).state;
    expect(await n(sql`select count(*)::int as n from workflow_event where kind = 'rm_report' and record_id = ${report!.id}`)).toBe(1);
    expect((await server.db.one<{ state: string }>(sql`select state from rm_report where id = ${report!.id}`))!.state).toBe(state);
  });

  it('two first ratings of one pair at once: one is kept, the other is refused', async () => {
    const other = await login(server, 'communityA1');
    await race(
      2,
      (i) => (i === 0 ? communityA1 : other).put(`/api/regional/ratings/${unitA.unit.id}`, { year: 2025, scores: { ...UNIT_SCORES, masses: 10 + i } }),
      {
        successes: 1,
        refusals: ['CONFLICT'],
      },
    );
    expect(await n(sql`select count(*)::int as n from rm_rating where unit_id = ${unitA.unit.id} and year = 2025 and rater = 'community'`)).toBe(1);
  });

  it('two 办结 of one follow-up at once: one is recorded', async () => {
    const m = (await communityA1.post<RmMeetingDetail>('/api/regional/meetings', { title: '联席会议', heldOn: '2026-11-01', place: '会议室' })).body;
    await communityA1.post(`/api/regional/meetings/${m.id}/actions`, { action: 'hold' });
    const f = (
      await communityA1.post<RmMeetingDetail>(`/api/regional/meetings/${m.id}/followups`, { title: '报送建议', ownerKind: 'community', dueOn: '2026-12-01' })
    ).body.followups[0]!;
    const other = await login(server, 'communityA1');
    await race(2, (i) => (i === 0 ? communityA1 : other).post(`/api/regional/meetings/${m.id}/followups/${f.id}/done`, { note: `第${i + 1}次` }), {
      successes: 1,
      refusals: ['CONFLICT'],
    });
    expect(await n(sql`select count(*)::int as n from audit_log where action = 'rm_meeting.followup_done' and entity_id = ${m.id}`)).toBe(1);
  });
});
