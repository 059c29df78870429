import { sql } from 'drizzle-orm';
import { newId } from '../platform/ids.ts';
import type { TestServer } from './harness.ts';

/**
 * A meeting of `orgId` in `state` on `date`, written straight to the table as the meeting module
 * leaves it (the period counts and change marks follow by trigger): for tests of what reads
 * meetings — the compliance calendar, its read model and to-dos, reminders, training credit.
 */
export async function insertMeeting(
  server: TestServer,
  m: { orgId: string; date: string; state: string; type?: string; title?: string; topics?: string; bySecretary?: boolean },
): Promise<string> {
  const id = newId();
  await server.db
    .run(sql`insert into meeting (region_id, id, org_id, type, title, topics, meeting_date, start_time, end_time, starts_at, state, lecture_by_secretary)
    values (${server.regionId}, ${id}, ${m.orgId}, ${m.type ?? 'theme_day'}, ${m.title ?? '测试会议'}, ${m.topics ?? '议题'}, ${m.date}, '09:00', '10:00',
      ${`${m.date}T01:00:00Z`}, ${m.state}, ${m.bySecretary ?? false})`);
  return id;
}
