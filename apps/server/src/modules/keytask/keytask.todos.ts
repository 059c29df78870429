import { sql, type SQL } from 'drizzle-orm';
import { Permission, type TodoSourceId } from '@jiceng/contracts';
import type { KtRuleSet } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoScope, type TodoSource, type TodoRowsOptions } from '../../platform/todo/todo.source.ts';

type KtSource = Extract<TodoSourceId, `keytask.${string}`>;
interface Data {
  title: string;
  no: number;
  plan: string;
  org: string;
  what: string;
  extra: string | null;
}

const severity = (due: SQL, today: string, lead: number) =>
  sql`case when ${due} < ${today}::date then 'overdue' when ${due} <= (${today}::date + ${lead}::int) then 'due_soon' else 'open' end`;

const taskJoins = sql`join kt_plan p on p.region_id = t.region_id and p.id = t.plan_id join org po on po.region_id = p.region_id and po.id = p.org_id`;
const leadJoin = sql`join kt_claim c on c.region_id = t.region_id and c.task_id = t.id and c.role = 'lead' and c.state = 'confirmed'
  join org co on co.region_id = c.region_id and co.id = c.org_id`;
/**
 * An owner's to-do belongs to the owner organization: its accounts and every committee above it see
 * it (the plan's committee too, which 督办s them), so a list filtered to a child is that child's list.
 */
const forOwner = (s: TodoScope, orgPath: SQL) => sql`${orgPath} <@ ${s.path}::ltree`;

/**
 * 重点任务 to-dos, derived at read time from the module's tables (the lag the rule set judged is
 * read from kt_task.status / behind, written at every change and by the daily sweep):
 * - keytask.claim: claims waiting for the plan owner (rule kt-claim-confirm);
 * - keytask.milestone: the lead's milestones due within `reminderLeadDays` or passed;
 * - keytask.lagging: the plan owner's tasks past their deadline (overdue) or lagging (alert);
 * - keytask.decision: 调度会 decisions the owner organization must carry out (rule kt-decision-days);
 * - keytask.acceptance: completed tasks waiting for acceptance (rule kt-accept-within).
 */
export function keyTaskTodoSources(rules: KtRuleSet): TodoSource[] {
  const lead = rules.reminderLeadDays;
  const data = (title: SQL, what: SQL, org: SQL, extra: SQL = sql`null`) =>
    sql`jsonb_build_object('title', ${title}, 'no', t.no, 'plan', p.title, 'org', ${org}, 'what', ${what}, 'extra', ${extra})`;

  const rows: Record<KtSource, (s: TodoScope, o: TodoRowsOptions) => SQL | null> = {
    'keytask.claim': (s, o) => {
      const due = sql`(k.claimed_at at time zone 'Asia/Shanghai')::date + ${rules.claimConfirmDays}::int`;
      return sql`select ${todoColumns('keytask.claim', o, {
        key: sql`k.id`,
        ref: sql`t.id`,
        orgId: sql`p.org_id`,
        orgPath: sql`po.path`,
        severity: severity(due, s.today, rules.claimConfirmDays),
        dueDate: due,
        name: sql`t.title`,
        data: data(sql`t.title`, sql`case k.role when 'lead' then '牵头' else '配合' end`, sql`k.unit_name`, sql`k.owner_name`),
      })} from kt_claim k join kt_task t on t.region_id = k.region_id and t.id = k.task_id ${taskJoins}
        where k.region_id = ${s.regionId} and k.state = 'pending' and po.path <@ ${s.path}::ltree ${refsFilter(sql`t.id`, o)}`;
    },
    'keytask.milestone': (s, o) =>
      sql`select ${todoColumns('keytask.milestone', o, {
        key: sql`m.id`,
        ref: sql`t.id`,
        orgId: sql`c.org_id`,
        orgPath: sql`co.path`,
        severity: severity(sql`m.due_on`, s.today, lead),
        dueDate: sql`m.due_on`,
        name: sql`t.title`,
        data: data(sql`t.title`, sql`m.title`, sql`c.unit_name`),
      })} from kt_milestone m join kt_task t on t.region_id = m.region_id and t.id = m.task_id ${taskJoins} ${leadJoin}
        where m.region_id = ${s.regionId} and m.done_on is null and t.state = 'assigned' and m.due_on <= (${s.today}::date + ${lead}::int)
          and ${forOwner(s, sql`co.path`)} ${refsFilter(sql`t.id`, o)}`,
    'keytask.lagging': (s, o) => {
      const late = sql`t.deadline < ${s.today}::date`;
      return sql`select ${todoColumns('keytask.lagging', o, {
        key: sql`t.id`,
        ref: sql`t.id`,
        orgId: sql`p.org_id`,
        orgPath: sql`po.path`,
        severity: sql`case when ${late} then 'overdue' else 'alert' end`,
        dueDate: sql`case when ${late} then t.deadline end`,
        name: sql`t.title`,
        data: data(
          sql`t.title`,
          sql`case when ${late} then '已超过完成时限' else '进度滞后' end`,
          sql`coalesce((select c.unit_name from kt_claim c where c.region_id = t.region_id and c.task_id = t.id and c.role = 'lead' and c.state = 'confirmed'), '未落实牵头单位')`,
        ),
      })} from kt_task t ${taskJoins}
        where t.region_id = ${s.regionId} and t.state in ('open', 'assigned') and po.path <@ ${s.path}::ltree
          and (${late} or t.status = 'lagging' or t.behind
            or exists (select 1 from kt_milestone m where m.region_id = t.region_id and m.task_id = t.id and m.done_on is null and m.due_on < ${s.today}::date))
          ${refsFilter(sql`t.id`, o)}`;
    },
    'keytask.decision': (s, o) =>
      sql`select ${todoColumns('keytask.decision', o, {
        key: sql`i.review_id::text || ':' || i.task_id::text`,
        ref: sql`t.id`,
        orgId: sql`i.owner_org_id`,
        orgPath: sql`co.path`,
        severity: severity(sql`i.due_on`, s.today, lead),
        dueDate: sql`i.due_on`,
        name: sql`t.title`,
        data: data(sql`t.title`, sql`r.title`, sql`co.name`, sql`i.decision_text`),
      })} from kt_review_item i join kt_review r on r.region_id = i.region_id and r.id = i.review_id
        join kt_task t on t.region_id = i.region_id and t.id = i.task_id ${taskJoins}
        join org co on co.region_id = i.region_id and co.id = i.owner_org_id
        where i.region_id = ${s.regionId} and r.state = 'held' and i.due_on is not null and i.done_on is null
          and ${forOwner(s, sql`co.path`)} ${refsFilter(sql`t.id`, o)}`,
    'keytask.acceptance': (s, o) => {
      const due = sql`(t.completed_on + ${rules.acceptWithinDays}::int)`;
      return sql`select ${todoColumns('keytask.acceptance', o, {
        key: sql`t.id`,
        ref: sql`t.id`,
        orgId: sql`p.org_id`,
        orgPath: sql`po.path`,
        severity: severity(due, s.today, rules.acceptWithinDays),
        dueDate: due,
        name: sql`t.title`,
        data: data(sql`t.title`, sql`'待验收'`, sql`po.name`),
      })} from kt_task t ${taskJoins}
        where t.region_id = ${s.regionId} and t.state = 'completed' and po.path <@ ${s.path}::ltree ${refsFilter(sql`t.id`, o)}`;
    },
  };

  const text: Record<KtSource, (d: Data, late: boolean, due: string) => { title: string; detail: string }> = {
    'keytask.claim': (d) => ({
      title: `揭榜认领待确认：${d.no}. ${d.title}`,
      detail: `${d.org}申请${d.what}「${d.plan}」第${d.no}项任务（责任人 ${d.extra ?? ''}），请确认或说明不予确认的理由（规则 kt-claim-confirm）`,
    }),
    'keytask.milestone': (d, late, due) => ({
      title: `重点任务节点${late ? '已逾期' : '即将到期'}：${d.title}`,
      detail: `${d.org}牵头的「${d.title}」时间节点「${d.what}」应于 ${due} 完成${late ? '，已超过节点日期' : ''}，请报告进展`,
    }),
    'keytask.lagging': (d, late, due) => ({
      title: `重点任务${late ? '逾期未完成' : '滞后'}：${d.no}. ${d.title}`,
      detail: `「${d.plan}」第${d.no}项（${d.org}）${late ? `完成时限 ${due} 已过，尚未完成` : '进度落后于时间或节点逾期'}，请督促或提交调度会研究（规则 kt-lag-*）`,
    }),
    'keytask.decision': (d, late, due) => ({
      title: `调度会决定待落实：${d.title}`,
      detail: `${d.what}决定：${d.extra ?? ''}；请${d.org}于 ${due} 前落实并报告${late ? '（已逾期）' : ''}（规则 kt-decision-days）`,
    }),
    'keytask.acceptance': (d, late, due) => ({
      title: `重点任务待验收：${d.no}. ${d.title}`,
      detail: `牵头单位已报告完成，请对照验收标准于 ${due} 前验收${late ? '（已逾期）' : ''}（规则 kt-accept-within）`,
    }),
  };

  const present =
    (id: KtSource) =>
    (row: Parameters<TodoSource['present']>[0]): TodoPresented => {
      const t = text[id](row.data as unknown as Data, row.severity === 'overdue', row.due_date ?? '');
      return { key: row.key, source: id, ...t, orgId: row.org_id, dueDate: row.due_date, severity: row.severity, link: `/keytasks/tasks/${row.ref}` };
    };
  const permission: Record<KtSource, Permission> = {
    'keytask.claim': Permission.TASK_PLAN,
    'keytask.milestone': Permission.TASK_REPORT,
    'keytask.lagging': Permission.TASK_PLAN,
    'keytask.decision': Permission.TASK_REPORT,
    'keytask.acceptance': Permission.TASK_PLAN,
  };
  return (Object.keys(rows) as KtSource[]).map((id) => ({
    id,
    permission: permission[id],
    rows: (s: TodoScope, o: TodoRowsOptions) => (s.actor.scope === 'self' ? null : rows[id](s, o)),
    present: present(id),
  }));
}
