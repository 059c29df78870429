import { sql, type SQL } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import {
  COMPLIANCE_ACTIVE_STATES,
  COMPLIANCE_COMMITTEE_MIN_SEATS,
  COMPLIANCE_COUNTED_STATES,
  COMPLIANCE_FREQUENCIES,
  COMPLIANCE_RULES_2018,
  periodBounds,
  periodOf,
  type ComplianceRuleSet,
} from '@jiceng/rules';
import { todoStoreColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';
import { evaluated, type RequirementRow } from './compliance.repository.ts';
import { requirementRows } from './compliance.requirements.ts';

interface DueData {
  orgName: string;
  end: string;
  items: { label: string; held: number; required: number }[];
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthOf = (date: string) => date.slice(0, 7);

/**
 * The requirement-periods a to-do may come from on `today`: every period of each frequency that
 * contains today, and the one before it during the first month after it ended (a miss is shown
 * for that month, then it stays on the compliance page only). Default rule set rows; the
 * subtrees' own numbers are applied in SQL.
 */
export function todoRequirementRows(defaults: readonly ComplianceRuleSet[], today: string): RequirementRow[] {
  const month = periodOf('month', today);
  const current = requirementRows(defaults, [], month).filter((r) => r.periodStart <= today && today <= r.periodEnd);
  const previous = COMPLIANCE_FREQUENCIES.flatMap((kind) => {
    const { start } = periodBounds(periodOf(kind, today));
    const prev = periodOf(kind, addDays(start, -1));
    const { end } = periodBounds(prev);
    if (monthOf(addDays(end, 1)) !== monthOf(today)) return [];
    return requirementRows(defaults, [], prev).filter((r) => r.every === kind && r.periodEnd === end);
  });
  return [...current, ...previous];
}

/**
 * 组织生活待开展 (kind 三会一课), kept in the to-do read model: per organization and period end, the
 * requirements not yet met — from the rule set's due-soon days before the end (即将到期), and
 * overdue for the month after it. Recomputed for the organizations the database marks (a meeting
 * or a subtree rule set written: migration 0033; with their subtrees), and for all of them when
 * the month changes.
 */
export function complianceTodoSource(defaults: readonly ComplianceRuleSet[] = [COMPLIANCE_RULES_2018]): TodoSource {
  const types = [...new Set(Object.keys(defaults.at(-1)!.requirementsByType))];
  const typeList = sql`${`{${types.join(',')}}`}::text[]`;
  return {
    id: 'compliance.due',
    permission: Permission.MEETING_WRITE,
    store: {
      undated: 'incomplete',
      affected: (regionId, dirty: SQL) => sql`select a.id from org d join org a on a.region_id = d.region_id and a.path <@ d.path
        where d.region_id = ${regionId} and d.id = any(${dirty}) and a.type = any(${typeList})`,
      candidates: (regionId, today, refs) => {
        const e = {
          regionId,
          scopePath: '',
          today,
          requirements: todoRequirementRows(defaults, today),
          counted: COMPLIANCE_COUNTED_STATES,
          active: COMPLIANCE_ACTIVE_STATES,
          committeeMinSeats: COMPLIANCE_COMMITTEE_MIN_SEATS,
          orgRefs: refs,
          overridesInSql: true,
        };
        return sql`with ${evaluated(e)}
          select ${todoStoreColumns('compliance.due', {
            key: sql`g.org_id::text || ':' || g.period_end::text`,
            ref: sql`g.org_id`,
            orgId: sql`g.org_id`,
            orgPath: sql`o.path`,
            name: sql`o.name`,
            dueDate: sql`g.period_end`,
            dueFrom: sql`g.due_from`,
            data: sql`jsonb_build_object('orgName', o.name, 'end', g.period_end, 'items', g.items)`,
          })}
          from (select j.org_id, j.period_end, min(j.period_end - j.due_soon_days + 1) as due_from,
                  jsonb_agg(jsonb_build_object('label', j.label, 'held', j.held, 'required', j.min_count) order by j.requirement_id) as items
                from judged j where j.min_count > 0 and j.status in ('due', 'due_soon', 'overdue') group by j.org_id, j.period_end) g
          join org o on o.region_id = ${regionId} and o.id = g.org_id`;
      },
      staleBetween: (regionId, since, today) =>
        monthOf(since) === monthOf(today)
          ? sql`select null::uuid as org_id where false`
          : sql`select o.id as org_id from org o where o.region_id = ${regionId} and o.status = 'active' and o.type = any(${typeList})`,
    },
    present(row, today): TodoPresented {
      const d = row.data as unknown as DueData;
      const what = d.items.map((i) => `${i.label}（已开展${i.held}次）`).join('、');
      const over = d.end < today;
      return {
        key: row.key,
        source: 'compliance.due',
        title: over ? `组织生活未完成：${d.orgName}` : `组织生活待开展：${d.orgName}`,
        detail: over ? `截至 ${d.end} 未完成：${what}。请在组织生活完成情况中核对，已开展的请补录会议记录` : `${d.end} 前应完成：${what}`,
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: row.severity,
        link: '/compliance',
      };
    },
  };
}
