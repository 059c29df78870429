import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

export interface ReminderRow {
  id: string;
  org_id: string;
  org_name: string;
  title: string;
  type: string;
  meeting_date: string;
  /** not_held: planned and its day passed; record_due: the record's last day; record_overdue: past it. */
  stage: 'not_held' | 'record_due' | 'record_overdue';
}

/** The meetings a secretary must be reminded of on `today` (rule meeting-time-limits-2026's record days). */
export const meetingReminderRepository = {
  due(db: Database, regionId: string, today: string, recordDays: number): Promise<ReminderRow[]> {
    return db.rows<ReminderRow>(sql`select m.id::text as id, m.org_id::text as org_id, o.name as org_name, m.title, m.type, m.meeting_date::text as meeting_date,
        case when m.state in ('plan', 'notice') then 'not_held'
             when m.meeting_date + ${recordDays}::int < ${today}::date then 'record_overdue'
             else 'record_due' end as stage
      from meeting m join org o on o.region_id = m.region_id and o.id = m.org_id
      where m.region_id = ${regionId}
        and ((m.state in ('plan', 'notice') and m.meeting_date < ${today}::date)
          or (m.state in ('held', 'recorded') and m.meeting_date + ${recordDays}::int <= ${today}::date))
      order by m.meeting_date, m.id`);
  },
};
