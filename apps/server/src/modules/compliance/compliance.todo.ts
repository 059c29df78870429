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
  items: { label: string; end: string; held: number; required: number }[];
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

/** Whether the due-soon days of a period containing `today` began after `since` (the to-dos gain items then). */
export function windowOpensBetween(defaults: readonly ComplianceRuleSet[], since: string, today: string): boolean {
  const set = defaults.at(-1)!;
  return COMPLIANCE_FREQUENCIES.some((kind) => {
    const opens = addDays(periodBounds(periodOf(kind, today)).end, 1 - set.dueSoonDays[kind]);
    return since < opens && opens <= today;
  });
}

/**
 * 组织生活待开展 (kind 三会一课), kept in the to-do read model: one per organization, listing the
 * requirements not yet met that are in the rule set's due-soon days before their period's end
 * (即将到期) or that ended last month unmet (已逾期 through the month after); due on the earliest. Recomputed for the organizations the database marks (a meeting
 * or a subtree rule set written: migration 0033; with their subtrees), and for all of them when
 * a month or a period's due-soon days begin.
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
            key: sql`g.org_id::text`,
            ref: sql`g.org_id`,
            orgId: sql`g.org_id`,
            orgPath: sql`o.path`,
            name: sql`o.name`,
            dueDate: sql`g.due_date`,
            dueFrom: sql`g.due_from`,
            data: sql`jsonb_build_object('orgName', o.name, 'items', g.items)`,
          })}
          from (select x.org_id, min(x.period_end) as due_date, min(x.due_from) as due_from,
                  jsonb_agg(jsonb_build_object('label', x.label, 'end', x.period_end, 'held', x.held, 'required', x.min_count) order by x.period_end, x.requirement_id) as items
                from (select j.*, j.period_end - j.due_soon_days + 1 as due_from from judged j
                      where j.min_count > 0 and j.status in ('due_soon', 'overdue')) x
                group by x.org_id) g
          join org o on o.region_id = ${regionId} and o.id = g.org_id`;
      },
      // the rows change with the day when a month begins or a period's due-soon days begin
      staleBetween: (regionId, since, today) =>
        monthOf(since) === monthOf(today) && !windowOpensBetween(defaults, since, today)
          ? sql`select null::uuid as org_id where false`
          : sql`select o.id as org_id from org o where o.region_id = ${regionId} and o.status = 'active' and o.type = any(${typeList})`,
    },
    present(row, today): TodoPresented {
      const d = row.data as unknown as DueData;
      const list = (xs: DueData['items']) => xs.map((i) => `${i.label}（${i.end}，已开展${i.held}次）`).join('、');
      const missed = d.items.filter((i) => i.end < today);
      const due = d.items.filter((i) => i.end >= today);
      const parts = [missed.length ? `未完成：${list(missed)}，请核对，已开展的请补录会议记录` : '', due.length ? `到期前应完成：${list(due)}` : ''].filter(
        Boolean,
      );
      return {
        key: row.key,
        source: 'compliance.due',
        title: missed.length ? `组织生活未完成：${d.orgName}` : `组织生活待开展：${d.orgName}`,
        detail: parts.join('；'),
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: row.severity,
        link: '/compliance',
      };
    },
  };
}
