import { sql } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import { trainingReminder, trainingRulesFor } from '@jiceng/rules';
import { todoStoreColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';
import { hoursSql, type LectureCounts } from './training.repository.ts';

/** What a branch's to-do carries for its title and detail. */
interface ShortfallData {
  orgName: string;
  year: number;
  short: number;
  cadres: number;
  memberMin: number;
  cadreMin: number;
}

/**
 * Members short of the yearly minimum (rule training-reminder, packages/rules `trainingReminder`) as
 * one 待办 per branch, not one per person (a branch of 30 members would flood the list; the link
 * opens the branch's hours list filtered to those short): from 1 October 即将到期, due 31 December;
 * in January 已逾期 for the year just ended (late records, the annual report), then gone. For
 * whoever records training (training:write) in scope; the organization is the members' branch.
 *
 * Kept in the to-do read model (ADR 0006): judging every member's hours at read time took 0.7–1.8 s
 * for a district of 100,000 members. The rows of an organization are recomputed when the database
 * marks it — a member, a committee seat (which makes a 书记/班子成员 of its subtree), a session or an
 * attendance written (migration 0034), a meeting (党课 hours) — and all of them when the reminder
 * window opens or closes.
 */
export function trainingTodoSource(lectures: LectureCounts): TodoSource {
  const id = 'training.shortfall' as const;
  return {
    id,
    permission: Permission.TRAINING_WRITE,
    store: {
      undated: 'incomplete',
      // a seat at an organization makes 书记/班子成员 of the same name anywhere below it
      affected: (regionId, dirty) => sql`select a.id from org d join org a on a.region_id = d.region_id and a.path <@ d.path
        where d.region_id = ${regionId} and d.id = any(${dirty})`,
      candidates: (regionId, today, refs) => {
        const r = trainingReminder(today);
        if (!r)
          return sql`select ${todoStoreColumns(id, { key: sql`''`, ref: sql`null`, orgId: sql`null`, orgPath: sql`null`, name: sql`''`, dueDate: sql`null`, dueFrom: sql`null`, data: sql`null` })} where false`;
        const rules = trainingRulesFor(r.year);
        const key = sql`b.org_id::text || ':' || ${String(r.year)}::text`;
        return sql`select ${todoStoreColumns(id, {
          key,
          ref: sql`b.org_id`,
          orgId: sql`b.org_id`,
          orgPath: sql`b.org_path`,
          name: sql`b.org_name`,
          dueDate: sql`${r.dueDate}::date`,
          dueFrom: sql`${`${r.year}-${rules.reminderFrom}`}::date`,
          data: sql`jsonb_build_object('orgName', b.org_name, 'year', ${r.year}::int, 'short', b.short, 'cadres', b.cadres, 'memberMin', ${rules.memberMinHours}::numeric, 'cadreMin', ${rules.cadreMinHours}::numeric)`,
        })}
          from (select h.org_id, h.org_path, h.org_name, count(*)::int as short, count(*) filter (where h.cadre_since is not null)::int as cadres
            from (${hoursSql(regionId, '', { year: r.year, rules, lectures, orgRefs: refs })}) h where h.shortfall > 0 group by h.org_id, h.org_path, h.org_name) b`;
      },
      // the window opens on reminderFrom and closes after overdueUntil: the rows change with the day then
      staleBetween: (regionId, since, today) =>
        (trainingReminder(since)?.year ?? null) === (trainingReminder(today)?.year ?? null) && !!trainingReminder(since) === !!trainingReminder(today)
          ? sql`select null::uuid as org_id where false`
          : sql`select o.id as org_id from org o where o.region_id = ${regionId} and o.status = 'active'`,
    },
    present(row): TodoPresented {
      const d = row.data as unknown as ShortfallData;
      const cadres = d.cadres > 0 ? `（其中书记、班子成员 ${d.cadres} 名）` : '';
      const what = row.severity === 'overdue' ? '年度已结束，请核实有无漏登的培训记录并在年报中如实反映' : `请在 ${row.due_date ?? ''} 前组织补学并登记学时`;
      return {
        key: row.key,
        source: id,
        title: `${d.orgName}：${d.year}年度培训学时未达标 ${d.short} 人`,
        detail: `${d.orgName}有 ${d.short} 名党员${cadres}${d.year}年度集中学习培训学时未达到要求（党员 ${d.memberMin} 学时，书记和班子成员 ${d.cadreMin} 学时），${what}`,
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: row.severity,
        link: `/training/hours?orgId=${row.org_id}&year=${d.year}&short=true`,
      };
    },
  };
}
