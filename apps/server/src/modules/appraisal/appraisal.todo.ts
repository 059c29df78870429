import { sql } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import { APPRAISAL_RULES_2024, daysBetween, type AppraisalRuleSet } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';

/** What a disposition's row carries for its title and detail. */
interface DispositionTodoData {
  memberName: string;
  year: number;
}

/**
 * 限期改正 in progress whose deadline is past (overdue) or within `dispositionDueSoonDays` (due_soon;
 * packages/rules dispositionAlert), as 待办 of the branch's scope for those who handle member records.
 */
export function dispositionTodoSource(rules: AppraisalRuleSet = APPRAISAL_RULES_2024): TodoSource {
  return {
    id: 'appraisal.disposition',
    permission: Permission.MEMBER_WRITE,
    rows: (s, opts) => sql`select ${todoColumns('appraisal.disposition', opts, {
      key: sql`d.id`,
      ref: sql`d.id`,
      orgId: sql`d.org_id`,
      orgPath: sql`o.path`,
      severity: sql`case when d.deadline < ${s.today}::date then 'overdue' else 'due_soon' end`,
      dueDate: sql`d.deadline`,
      name: sql`m.name`,
      data: sql`jsonb_build_object('memberName', m.name, 'year', a.year)`,
    })}
      from appraisal_disposition d
      join appraisal a on a.region_id = d.region_id and a.id = d.appraisal_id
      join member m on m.region_id = d.region_id and m.id = d.member_id
      join org o on o.region_id = d.region_id and o.id = d.org_id
      where d.region_id = ${s.regionId} and o.path <@ ${s.path}::ltree and d.status = 'in_progress' and d.kind = 'correction'
        and d.deadline <= ${s.today}::date + ${rules.dispositionDueSoonDays}::int ${refsFilter(sql`d.id`, opts)}`,
    present(row, today): TodoPresented {
      const d = row.data as unknown as DispositionTodoData;
      const deadline = row.due_date!;
      const overdue = row.severity === 'overdue';
      const left = daysBetween(today, deadline);
      return {
        key: row.key,
        source: 'appraisal.disposition',
        title: `${d.memberName}：限期改正${overdue ? '已到期' : '即将到期'}`,
        detail: `${d.year} 年度民主评议为不合格，限期改正至 ${deadline}（${overdue ? `已逾期 ${-left} 天` : `还有 ${left} 天`}），请了解整改情况并作出处置`,
        orgId: row.org_id,
        dueDate: deadline,
        severity: row.severity,
        link: `/appraisals?tab=dispositions&orgId=${row.org_id}`,
      };
    },
  };
}
