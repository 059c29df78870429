import { sql, type SQL } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import type { DirectiveRuleSet } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';

type SourceId = 'directive.receive' | 'directive.overdue' | 'directive.extension';

interface DirectiveTodoData {
  directiveId: string;
  title: string;
  kind: 'task' | 'notice';
  orgName: string;
  issuerName: string;
  state: string;
  requested: string | null;
}

const OPEN = sql`('sent', 'acknowledged', 'extension')`;

/**
 * The recipients still owing an answer, as 待办 (derived at read time: only open ones are read):
 * `directive.receive` — for the recipient's own accounts, every task not yet signed for, and a signed
 * one from `reminderLeadDays` before its due date (rule directive-reminder-lead); `directive.overdue` —
 * for the issuer (the sender, or the recipient that forwarded it), its recipients past their due date;
 * `directive.extension` — for the issuer, requests waiting, due `extensionDecisionDays` after they were
 * made (rule directive-extension). Each row is the recipient's organization; a step taken removes it.
 */
export function directiveTodoSources(rules: DirectiveRuleSet): TodoSource[] {
  const soon = (today: string) => sql`(${today}::date + ${rules.reminderLeadDays}::int)`;
  const decideBy = sql`(t.extension_requested_on + ${rules.extensionDecisionDays}::int)`;
  const rows = (id: SourceId) =>
    ((s, opts) => {
      if (s.actor.scope === 'self') return null;
      const cond: Record<SourceId, SQL> = {
        'directive.receive': sql`o.path = ${s.actor.orgPath}::ltree and (t.state = 'sent' or t.due_on <= ${soon(s.today)})`,
        'directive.overdue': sql`i.path = ${s.actor.orgPath}::ltree and t.state in ('sent', 'acknowledged') and t.due_on < ${s.today}::date`,
        'directive.extension': sql`i.path = ${s.actor.orgPath}::ltree and t.state = 'extension'`,
      };
      const due = id === 'directive.extension' ? decideBy : sql`t.due_on`;
      const severity =
        id === 'directive.extension'
          ? sql`case when ${decideBy} < ${s.today}::date then 'overdue' else 'due_soon' end`
          : sql`case when t.due_on < ${s.today}::date then 'overdue' when t.due_on <= ${soon(s.today)} then 'due_soon' else 'open' end`;
      return sql`select ${todoColumns(id, opts, {
        key: sql`t.id::text`,
        ref: sql`t.id`,
        orgId: sql`t.org_id`,
        orgPath: sql`o.path`,
        severity,
        dueDate: due,
        name: sql`o.name`,
        data: sql`jsonb_build_object('directiveId', d.id, 'title', d.title, 'kind', d.kind, 'orgName', o.name, 'issuerName', i.name, 'state', t.state,
          'requested', t.extension_due_on::text)`,
      })}
        from directive_target t
        join directive d on d.region_id = t.region_id and d.id = t.directive_id
        join org o on o.region_id = t.region_id and o.id = t.org_id
        join org i on i.region_id = t.region_id and i.id = t.issuer_org_id
        where t.region_id = ${s.regionId} and d.state = 'open' and t.state in ${OPEN} and o.path <@ ${s.path}::ltree and ${cond[id]}
          ${refsFilter(sql`t.id`, opts)}`;
    }) satisfies Extract<TodoSource, { rows: unknown }>['rows'];

  const present =
    (id: SourceId) =>
    (row: Parameters<TodoSource['present']>[0]): TodoPresented => {
      const d = row.data as unknown as DirectiveTodoData;
      const late = row.severity === 'overdue';
      const what = d.kind === 'notice' ? '通知' : '任务';
      const text: Record<SourceId, { title: string; detail: string }> = {
        'directive.receive': {
          title: `${d.state === 'sent' ? '待签收' : '待办结'}：${d.title}`,
          detail: `${d.issuerName}下发的${what}「${d.title}」应于 ${row.due_date ?? ''} 前${d.kind === 'notice' ? '签收' : '办结上报'}${late ? '，已逾期' : ''}`,
        },
        'directive.overdue': {
          title: `${d.orgName}逾期未${d.state === 'sent' ? '签收' : '办结'}：${d.title}`,
          detail: `${d.orgName}应于 ${row.due_date ?? ''} 前${d.kind === 'notice' ? '签收' : '办结上报'}「${d.title}」，已逾期，请催办`,
        },
        'directive.extension': {
          title: `${d.orgName}申请延期：${d.title}`,
          detail: `${d.orgName}申请将「${d.title}」延期至 ${d.requested ?? ''}，请于 ${row.due_date ?? ''} 前决定`,
        },
      };
      return { key: row.key, source: id, ...text[id], orgId: row.org_id, dueDate: row.due_date, severity: row.severity, link: `/directives/${d.directiveId}` };
    };

  return [
    { id: 'directive.receive', permission: Permission.TASK_REPORT, rows: rows('directive.receive'), present: present('directive.receive') },
    { id: 'directive.overdue', permission: Permission.TASK_PLAN, rows: rows('directive.overdue'), present: present('directive.overdue') },
    { id: 'directive.extension', permission: Permission.TASK_PLAN, rows: rows('directive.extension'), present: present('directive.extension') },
  ];
}
