import { sql, type SQL } from 'drizzle-orm';
import { Permission, type TodoSourceId } from '@jiceng/contracts';
import { fenToYuan, WISH_RULES_2026, type WishRuleSet } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoRowsOptions, type TodoScope, type TodoSource } from '../../platform/todo/todo.source.ts';

/** What a wish's to-do row carries for its title and detail. */
interface WishTodoData {
  title: string;
  beneficiary: string;
  valueFen: number;
  orgName: string;
  claimer: string | null;
  claimedOn: string | null;
}

const data = sql`jsonb_build_object('title', w.title, 'beneficiary', w.beneficiary, 'valueFen', w.value_fen, 'orgName', o.name,
  'claimer', w.claimer_name, 'claimedOn', (w.claimed_at at time zone 'Asia/Shanghai')::date)`;
const link = (id: string) => `/wishes?wishId=${id}`;

/** One wish source: its condition, due date and severity (SQL over wish w join org o), and its wording. */
function source(
  id: TodoSourceId,
  where: (s: TodoScope) => SQL,
  cols: (s: TodoScope) => { dueDate: SQL; severity: SQL },
  text: (d: WishTodoData) => { title: string; detail: string },
): TodoSource {
  return {
    id,
    permission: Permission.SERVICE_DISPATCH,
    rows: (s: TodoScope, o: TodoRowsOptions) => {
      if (s.actor.scope !== 'subtree') return null;
      const c = cols(s);
      return sql`select ${todoColumns(id, o, { key: sql`w.id`, ref: sql`w.id`, orgId: sql`w.org_id`, orgPath: sql`w.org_path`, severity: c.severity, dueDate: c.dueDate, name: sql`o.name`, data })}
        from wish w join org o on o.region_id = w.region_id and o.id = w.org_id
        where w.region_id = ${s.regionId} and w.org_path <@ ${s.path}::ltree and ${where(s)} ${refsFilter(sql`w.id`, o)}`;
    },
    present(row): TodoPresented {
      const d = row.data as unknown as WishTodoData;
      return { key: row.key, source: id, ...text(d), orgId: row.org_id, dueDate: row.due_date, severity: row.severity, link: link(row.ref) };
    },
  };
}

/**
 * The wishes' 待办 for the community side (service:dispatch, in scope): a resident's wish awaiting
 * review and a fulfilment awaiting confirmation (待完善, no due date), and a wish claimed but not
 * fulfilled within the rule's days (rule wish-overdue, 已逾期 from the day after its due day).
 * Read at read time from the wish table (a community has few wishes; no read model needed).
 */
export function wishTodoSources(rules: WishRuleSet = WISH_RULES_2026): TodoSource[] {
  const claimedOn = sql`(w.claimed_at at time zone 'Asia/Shanghai')::date`;
  return [
    source(
      'wish.review',
      () => sql`w.state = 'pending'`,
      () => ({ dueDate: sql`null::date`, severity: sql`'incomplete'` }),
      (d) => ({
        title: `微心愿待审核：${d.title}`,
        detail: `群众向${d.orgName}提交了微心愿「${d.title}」（为${d.beneficiary}，价值 ${fenToYuan(d.valueFen)} 元），请核实后审核发布到心愿墙，或说明原因不予发布`,
      }),
    ),
    source(
      'wish.confirm',
      () => sql`w.state = 'fulfilled'`,
      () => ({ dueDate: sql`null::date`, severity: sql`'incomplete'` }),
      (d) => ({
        title: `微心愿待确认：${d.title}`,
        detail: `${d.claimer ?? '认领党员'}已完成${d.orgName}的微心愿「${d.title}」并上传照片，请核实后确认完成，或说明原因退回重办`,
      }),
    ),
    source(
      'wish.overdue',
      (s) => sql`w.state = 'claimed' and ${claimedOn} + ${rules.overdueDays}::int < ${s.today}::date`,
      () => ({ dueDate: sql`${claimedOn} + ${rules.overdueDays}::int`, severity: sql`'overdue'` }),
      (d) => ({
        title: `微心愿逾期未完成：${d.title}`,
        detail: `${d.orgName}的微心愿「${d.title}」由${d.claimer ?? '党员'}于 ${d.claimedOn ?? ''} 认领，超过 ${rules.overdueDays} 天仍未完成；请联系认领党员了解进展，必要时撤下后重新发布`,
      }),
    ),
  ];
}
