import { sql } from 'drizzle-orm';
import { orgTypeLabel, Permission, termStatusLabel, type OrgType } from '@jiceng/contracts';
import { daysBetween, TERM_RULES_2018, termStatus, type TermRuleSet } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { todoStoreColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';

/** What a 换届 to-do's row carries for its title and detail. */
interface TermTodoData {
  orgName: string;
  orgType: OrgType;
  termNo: number | null;
}

/**
 * 换届 problems as 待办 for everyone who can read the organization tree: every active organization of
 * an elected type (rule term-2018) whose latest term ends within `dueSoonMonths` (due_soon), has
 * ended (overdue; 严重逾期 in the title past `seriouslyOverdueMonths`), or is missing (未录入届次:
 * a warning: incomplete, 待完善). Stored: one row per active organization of an elected type with its latest term's
 * end, a to-do from `dueSoonMonths` before it (SQL date arithmetic clamps month ends like the rule's
 * addMonths); a new term, or a change to the organization, recomputes its row.
 */
export function termTodoSource(rules: TermRuleSet = TERM_RULES_2018): TodoSource {
  const types = Object.keys(rules.yearsByType);
  const typeList = sql.join(
    types.map((t) => sql`${t}`),
    sql`, `,
  );
  const latest = sql`left join lateral (select x.term_no, x.end_date from org_term x where x.region_id = o.region_id and x.org_id = o.id
                         order by x.term_no desc limit 1) t on true`;
  return {
    id: 'org.term',
    permission: Permission.ORG_READ,
    store: {
      undated: 'incomplete',
      candidates: (regionId, _today, refs) => sql`select ${todoStoreColumns('org.term', {
        key: sql`o.id`,
        ref: sql`o.id`,
        orgId: sql`o.id`,
        orgPath: sql`o.path`,
        name: sql`o.name`,
        dueDate: sql`t.end_date`,
        dueFrom: sql`(t.end_date - make_interval(months => ${rules.dueSoonMonths}::int))::date`,
        data: sql`jsonb_build_object('orgName', o.name, 'orgType', o.type, 'termNo', t.term_no)`,
      })}
        from org o ${latest}
        where o.region_id = ${regionId} and o.status = 'active' and o.type in (${typeList}) ${refs ? sql`and o.id = any(${refs})` : sql``}`,
    },
    present(row, today): TodoPresented {
      const d = row.data as unknown as TermTodoData;
      const end = row.due_date;
      const days = end ? daysBetween(today, end) : null;
      const status = termStatus(end, today, rules) as Exclude<ReturnType<typeof termStatus>, 'ok'>;
      return {
        key: row.key,
        source: 'org.term',
        title: `${d.orgName}：${termStatusLabel[status]}`,
        detail: end
          ? `第 ${d.termNo} 届${days !== null && days < 0 ? `已于 ${end} 届满，逾期 ${-days} 天` : `将于 ${end} 届满，还有 ${days} 天`}，请按期换届`
          : `${orgTypeLabel[d.orgType]}尚未录入届次信息`,
        orgId: row.org_id,
        dueDate: end,
        severity: row.severity,
        link: `/orgs/${row.org_id}?tab=terms`,
      };
    },
  };
}

/** The direct children of the actor's organization (dissolved ones too), under which the 待办 summary counts. */
export function todoChildren(db: Database, regionId: string) {
  return (actor: Actor) =>
    db.rows<{ id: string; name: string; path: string; status: string }>(sql`select id, name, path::text as path, status from org
      where region_id = ${regionId} and parent_id = ${actor.orgId} order by name, id`);
}
