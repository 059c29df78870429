import { sql } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import { HARDSHIP_RULES, visitWindow, type HardshipRuleSet } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';

/** What an overdue visit's row carries for its title and detail. */
interface VisitTodoData {
  memberName: string;
  orgName: string;
  lastVisitDate: string | null;
}

/**
 * Overdue quarterly visits (rule hardship-visit, packages/rules visitWindow) as 待办 for whoever may
 * log a visit in scope: open records opened before this quarter with no visit dated in it, once the
 * quarter's first month is over; due on the grace's last day. Scope: the member's current branch.
 */
export function hardshipTodoSource(rules: HardshipRuleSet = HARDSHIP_RULES): TodoSource {
  return {
    id: 'hardship.visit',
    permission: Permission.MEMBER_WRITE,
    rows: (s, opts) => {
      const w = visitWindow(s.today, rules);
      if (!w.pastGrace || s.actor.scope === 'self') return null;
      return sql`select ${todoColumns('hardship.visit', opts, {
        key: sql`h.id`,
        ref: sql`h.id`,
        orgId: sql`m.org_id`,
        orgPath: sql`o.path`,
        severity: sql`'overdue'`,
        dueDate: sql`${w.graceEnd}::date`,
        name: sql`m.name`,
        data: sql`jsonb_build_object('memberName', m.name, 'orgName', o.name, 'lastVisitDate', v.last_visit_date)`,
      })}
        from hardship h
        join member m on m.region_id = h.region_id and m.id = h.member_id
        join org o on o.region_id = m.region_id and o.id = m.org_id
        cross join lateral (select max(x.visit_date) as last_visit_date from hardship_visit x where x.region_id = h.region_id and x.hardship_id = h.id) v
        where h.region_id = ${s.regionId} and o.path <@ ${s.path}::ltree and h.closed_date is null and h.start_date < ${w.periodStart}::date
          and (v.last_visit_date is null or v.last_visit_date < ${w.periodStart}::date) ${refsFilter(sql`h.id`, opts)}`;
    },
    present(row): TodoPresented {
      const d = row.data as unknown as VisitTodoData;
      return {
        key: row.key,
        source: 'hardship.visit',
        title: `${d.memberName}：走访慰问逾期`,
        detail: `${d.orgName}的困难党员${d.memberName}本季度尚未走访慰问（应于 ${row.due_date ?? ''} 前完成${d.lastVisitDate ? `，上次走访 ${d.lastVisitDate}` : '，尚无走访记录'}），请尽快走访并登记`,
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: 'overdue',
        link: `/hardship?id=${row.ref}`,
      };
    },
  };
}
