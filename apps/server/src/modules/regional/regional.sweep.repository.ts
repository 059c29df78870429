import { sql } from 'drizzle-orm';
import type { RgRuleSet } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';

/** One reminder the sweep owes: to the accounts of `org_id` (or the one account `account_id`). */
export interface DueReminder {
  kind: 'need' | 'project' | 'consent' | 'rate';
  id: string;
  title: string;
  org_id: string;
  org_name: string;
  due_on: string;
  account_id: string | null;
  unit_name: string | null;
}

/** What is past its time on `today` (rule set rg-2026), at most `limit` of each kind. */
export const regionalSweepRepository = {
  due: (db: Database, regionId: string, today: string, rules: RgRuleSet, limit = 500) =>
    db.rows<DueReminder>(sql`
      (select 'need' as kind, n.id::text as id, n.title, n.org_id::text as org_id, o.name as org_name,
        coalesce(n.wanted_by, n.recorded_on + ${rules.staleDays}::int)::text as due_on, null::text as account_id, null::text as unit_name
        from rg_need n join org o on o.region_id = n.region_id and o.id = n.org_id
        where n.region_id = ${regionId} and ((n.state in ('open','claimed') and n.wanted_by < ${today}::date)
          or (n.state = 'open' and n.recorded_on + ${rules.staleDays}::int < ${today}::date))
          and not exists (select 1 from rg_project p where p.region_id = n.region_id and p.need_id = n.id and p.state <> 'withdrawn')
        order by n.id limit ${limit})
      union all
      (select 'project', p.id::text, p.title, p.org_id::text, o.name, p.end_date::text, null, null
        from rg_project p join org o on o.region_id = p.region_id and o.id = p.org_id
        where p.region_id = ${regionId} and p.state = 'active' and p.end_date < ${today}::date order by p.id limit ${limit})
      union all
      (select 'rate', p.id::text, p.title, p.org_id::text, o.name, (p.completed_on + ${rules.rateDays}::int)::text, null, null
        from rg_project p join org o on o.region_id = p.region_id and o.id = p.org_id
        where p.region_id = ${regionId} and p.state = 'completed' and p.completed_on + ${rules.rateDays}::int < ${today}::date order by p.id limit ${limit})
      union all
      (select distinct 'consent', p.id::text, p.title, p.org_id::text, o.name, ((p.created_at at time zone 'Asia/Shanghai')::date + ${rules.consentDays}::int)::text,
        u.created_by::text, u.unit_name
        from rg_project p join org o on o.region_id = p.region_id and o.id = p.org_id
        join rg_project_part pp on pp.region_id = p.region_id and pp.project_id = p.id and pp.consent = 'pending'
        join unit_report_in u on u.region_id = pp.region_id and u.id = pp.unit_id and u.status = 'reported' and u.created_by is not null
        where p.region_id = ${regionId} and p.state = 'proposed'
          and (p.created_at at time zone 'Asia/Shanghai')::date + ${rules.consentDays}::int < ${today}::date
        limit ${limit})`),
};
