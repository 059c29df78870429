import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingHours } from '@jiceng/contracts';
import { TRAINING_RULES_2026 } from '@jiceng/rules';
import { newId } from '../../platform/ids.ts';
import { buildMember, ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';

/** A 党课 attended at a meeting counts as training hours once its record is submitted (training rule set). */
describe.each(ENGINES)('党课 at meetings in the training hours (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
  });
  afterAll(() => server.close());

  it('counts the 党课 a member attended, not the ones missed or without a submitted record', async () => {
    const res = await t.admin.post<{ id: string }>('/api/members', buildMember(t.branchA1a, { name: '听课人' }));
    expect(res.status).toBe(201);
    const memberId = res.body.id;
    const lecture = async (date: string, state: string, attendance: string) => {
      const id = newId();
      await server.db.run(sql`insert into meeting (region_id, id, org_id, type, title, topics, meeting_date, start_time, end_time, starts_at, state)
        values (${server.regionId}, ${id}, ${t.branchA1a}, 'party_lecture', '党课', '学习', ${date}, '09:00', '10:00', ${`${date}T01:00:00Z`}, ${state})`);
      await server.db.run(sql`insert into meeting_attendee (region_id, meeting_id, id, seq, role, member_id, name, attendance)
        values (${server.regionId}, ${id}, ${newId()}, 1, 'expected', ${memberId}, '听课人', ${attendance})`);
    };
    await lecture('2026-03-10', 'reviewed', 'present');
    await lecture('2026-06-10', 'submitted', 'present');
    await lecture('2026-09-10', 'reviewed', 'absent');
    await lecture('2026-10-10', 'held', 'present');
    await lecture('2025-12-10', 'archived', 'present');
    const hours = (await t.admin.get<{ items: TrainingHours[] }>(`/api/training/hours?year=2026&q=${encodeURIComponent('听课人')}`)).body.items;
    expect(hours).toHaveLength(1);
    expect(hours[0]!.lectureHours).toBe(2 * TRAINING_RULES_2026.partyLecture.hours);
  });
});
