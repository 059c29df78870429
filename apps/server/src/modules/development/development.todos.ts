import { sql } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import type { DevRuleSet } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';

interface DevTodoData {
  name: string;
  orgName: string;
  no: number;
  label: string;
  what: string;
  rule: string;
  byWhom: string;
}

/**
 * The time limits of the paths (dev_deadline, written from the rule set at every step) as 待办:
 * `development.due` — the branch's own limits (谈话, 考察, 预备期满 …) for the accounts of that
 * branch, from `reminderLeadDays` before the day; `development.overdue` — for the committees above
 * it (development:approve): their own steps (备案, 审批 within three months) when due, and the
 * branch's limits once passed. A step recorded removes its limit at once.
 */
export function developmentTodoSources(rules: DevRuleSet): TodoSource[] {
  const rows = (id: 'development.due' | 'development.overdue') =>
    ((s, opts) => {
      if (s.actor.scope === 'self') return null;
      const mine =
        id === 'development.due'
          ? sql`d.by_whom = 'branch' and o.path = ${s.actor.orgPath}::ltree and d.due_on <= (${s.today}::date + ${rules.reminderLeadDays}::int)`
          : sql`o.path <> ${s.actor.orgPath}::ltree and ((d.by_whom = 'superior' and d.due_on <= (${s.today}::date + ${rules.reminderLeadDays}::int)) or d.due_on < ${s.today}::date)`;
      return sql`select ${todoColumns(id, opts, {
        key: sql`d.applicant_id::text || ':' || d.step`,
        ref: sql`d.applicant_id`,
        orgId: sql`a.org_id`,
        orgPath: sql`o.path`,
        severity: sql`case when d.due_on < ${s.today}::date then 'overdue' else 'due_soon' end`,
        dueDate: sql`d.due_on`,
        name: sql`a.name`,
        data: sql`jsonb_build_object('name', a.name, 'orgName', o.name, 'no', d.step_no, 'label', d.label, 'what', d.what, 'rule', d.rule, 'byWhom', d.by_whom)`,
      })}
        from dev_deadline d
        join dev_applicant a on a.region_id = d.region_id and a.id = d.applicant_id
        join org o on o.region_id = a.region_id and o.id = a.org_id
        where d.region_id = ${s.regionId} and o.path <@ ${s.path}::ltree and ${mine}
          ${refsFilter(sql`d.applicant_id`, opts)}`;
    }) satisfies Extract<TodoSource, { rows: unknown }>['rows'];

  const present =
    (id: 'development.due' | 'development.overdue') =>
    (row: Parameters<TodoSource['present']>[0]): TodoPresented => {
      const d = row.data as unknown as DevTodoData;
      const late = row.severity === 'overdue';
      const who = d.byWhom === 'superior' ? '上级党委' : `${d.orgName}`;
      return {
        key: row.key,
        source: id,
        title: `${d.name}：第${d.no}步「${d.label}」${late ? '已逾期' : '即将到期'}`,
        detail: `${d.orgName}的${d.name}：${d.what}，应由${who}于 ${row.due_date ?? ''} 前办理${late ? '，已超过时限' : ''}（规则 ${d.rule}）`,
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: row.severity,
        link: `/development/${row.ref}`,
      };
    };

  return [
    { id: 'development.due', permission: Permission.DEV_RECORD, rows: rows('development.due'), present: present('development.due') },
    { id: 'development.overdue', permission: Permission.DEV_APPROVE, rows: rows('development.overdue'), present: present('development.overdue') },
  ];
}
