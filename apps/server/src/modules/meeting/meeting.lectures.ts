import { sql } from 'drizzle-orm';
import { COMPLIANCE_COUNTED_STATES } from '@jiceng/rules';
import type { LectureCounts } from '../training/index.ts';

/**
 * The 党课 each member attended in a year, for the training hours (a 党课 at a meeting counts as
 * training where the training rule set says so): present at a 党课 whose record counts for the
 * compliance calendar (COMPLIANCE_COUNTED_STATES: submitted or later), held between the dates.
 */
export const meetingLectureCounts: LectureCounts = (regionId, yearStart, yearEnd) =>
  sql`select a.member_id, count(*)::int as lectures
    from meeting_attendee a join meeting m on m.region_id = a.region_id and m.id = a.meeting_id
    where a.region_id = ${regionId} and a.member_id is not null and a.attendance = 'present'
      and m.type = 'party_lecture' and m.state = any(${`{${COMPLIANCE_COUNTED_STATES.join(',')}}`}::text[])
      and m.meeting_date between ${yearStart}::date and ${yearEnd}::date
    group by a.member_id`;
