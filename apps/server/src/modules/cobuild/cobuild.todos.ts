import { sql, type SQL } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import { COBUILD_RULES_2026, type CobuildRuleSet } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoRowsOptions, type TodoScope, type TodoSource } from '../../platform/todo/todo.source.ts';
import { link } from './cobuild.core.ts';

type Rows = Extract<TodoSource, { rows: unknown }>['rows'];
type SourceId = 'cobuild.expiring' | 'cobuild.confirm' | 'cobuild.overdue';

interface CobuildTodoData {
  agreementId: string;
  title: string;
  orgName: string;
  otherName: string;
  endOn: string;
  content: string | null;
}

const from = sql`from cobuild_agreement a join org oa on oa.region_id = a.region_id and oa.id = a.org_a_id join org ob on ob.region_id = a.region_id and ob.id = a.org_b_id`;

/**
 * One row per side whose organization the scope holds: side A's row, and side B's only when the
 * actor's own scope does not hold side A too (so an account above both counts the agreement once).
 */
function bySide(s: TodoScope, o: TodoRowsOptions, id: SourceId, cond: SQL, cols: { key: SQL; dueDate: SQL; severity: SQL; content: SQL }): SQL {
  const part = (side: 'a' | 'b') => {
    const [own, other] = side === 'a' ? [sql`oa`, sql`ob`] : [sql`ob`, sql`oa`];
    const only = side === 'b' ? sql`and not (a.org_a_path <@ ${s.actor.orgPath}::ltree)` : sql``;
    return sql`select ${todoColumns(id, o, {
      key: sql`${cols.key} || ':' || ${side}::text`,
      ref: sql`a.id`,
      orgId: sql`${own}.id`,
      orgPath: sql`${own}.path`,
      severity: cols.severity,
      dueDate: cols.dueDate,
      name: sql`${own}.name`,
      data: sql`jsonb_build_object('agreementId', a.id, 'title', a.title, 'orgName', ${own}.name, 'otherName', ${other}.name, 'endOn', a.end_on::text,
        'content', ${cols.content})`,
    })}
      ${from} where a.region_id = ${s.regionId} and ${own}.path <@ ${s.path}::ltree ${only} and ${cond} ${refsFilter(sql`a.id`, o)}`;
  };
  return sql`${part('a')} union all ${part('b')}`;
}

/**
 * The agreements' 待办 (derived at read time; an agreement is a small table):
 * - `cobuild.expiring` (regional:manage) — an agreement in force ending within the window (rule
 *   cobuild-expiry-window), for both sides: due on its end date; 续签 or let it expire.
 * - `cobuild.confirm` (regional:manage) — an agreement sent for confirmation, for the other side only
 *   (an account whose scope holds the drafting side cannot confirm it): 待完善, no due date.
 * - `cobuild.overdue` (regional:record) — a commitment of an agreement in force past its due date
 *   (rule cobuild-commitment-overdue), for the side responsible for it.
 */
export function cobuildTodoSources(rules: CobuildRuleSet = COBUILD_RULES_2026): TodoSource[] {
  const window = (s: TodoScope) => sql`(${s.today}::date + ${rules.expiryWindowDays}::int)`;

  const expiring: Rows = (s, o) =>
    s.actor.scope !== 'subtree'
      ? null
      : bySide(s, o, 'cobuild.expiring', sql`a.state = 'active' and a.end_on <= ${window(s)}`, {
          key: sql`a.id::text`,
          dueDate: sql`a.end_on`,
          severity: sql`case when a.end_on < ${s.today}::date then 'overdue' else 'due_soon' end`,
          content: sql`null::text`,
        });

  const confirm: Rows = (s, o) => {
    if (s.actor.scope !== 'subtree') return null;
    const drafter = sql`case a.drafting_side when 'a' then oa.path else ob.path end`;
    return sql`select ${todoColumns('cobuild.confirm', o, {
      key: sql`a.id::text`,
      ref: sql`a.id`,
      orgId: sql`case a.drafting_side when 'a' then ob.id else oa.id end`,
      orgPath: sql`case a.drafting_side when 'a' then ob.path else oa.path end`,
      severity: sql`'incomplete'`,
      dueDate: sql`null::date`,
      name: sql`case a.drafting_side when 'a' then ob.name else oa.name end`,
      data: sql`jsonb_build_object('agreementId', a.id, 'title', a.title, 'orgName', case a.drafting_side when 'a' then ob.name else oa.name end,
        'otherName', case a.drafting_side when 'a' then oa.name else ob.name end, 'endOn', a.end_on::text, 'content', null)`,
    })}
      ${from} where a.region_id = ${s.regionId} and a.state = 'pending'
        and (case a.drafting_side when 'a' then ob.path else oa.path end) <@ ${s.path}::ltree
        and not (${drafter} <@ ${s.actor.orgPath}::ltree) ${refsFilter(sql`a.id`, o)}`;
  };

  const overdue: Rows = (s, o) => {
    if (s.actor.scope !== 'subtree') return null;
    const due = sql`(k.due_on + ${rules.commitmentGraceDays}::int)`;
    const side = (x: 'a' | 'b') => {
      const [own, other] = x === 'a' ? [sql`oa`, sql`ob`] : [sql`ob`, sql`oa`];
      return sql`select ${todoColumns('cobuild.overdue', o, {
        key: sql`k.id::text`,
        ref: sql`k.id`,
        orgId: sql`${own}.id`,
        orgPath: sql`${own}.path`,
        severity: sql`'overdue'`,
        dueDate: due,
        name: sql`${own}.name`,
        data: sql`jsonb_build_object('agreementId', a.id, 'title', a.title, 'orgName', ${own}.name, 'otherName', ${other}.name, 'endOn', a.end_on::text,
          'content', k.content)`,
      })}
        ${from} join cobuild_commitment k on k.region_id = a.region_id and k.agreement_id = a.id
        where a.region_id = ${s.regionId} and a.state = 'active' and k.side = ${x} and k.done_on is null and ${due} < ${s.today}::date
          and ${own}.path <@ ${s.path}::ltree ${refsFilter(sql`k.id`, o)}`;
    };
    return sql`${side('a')} union all ${side('b')}`;
  };

  const present =
    (id: SourceId) =>
    (row: Parameters<TodoSource['present']>[0]): TodoPresented => {
      const d = row.data as unknown as CobuildTodoData;
      const text: Record<SourceId, { title: string; detail: string }> = {
        'cobuild.expiring': {
          title: `结对共建协议即将到期：${d.title}`,
          detail: `${d.orgName}与${d.otherName}的结对共建协议将于 ${d.endOn} 到期，请总结共建成效；需要继续结对的，请办理续签`,
        },
        'cobuild.confirm': {
          title: `结对共建协议待确认：${d.title}`,
          detail: `${d.otherName}起草了与${d.orgName}的结对共建协议，请核对共建内容、期限和联系人后确认签订，或说明原因退回修改`,
        },
        'cobuild.overdue': {
          title: `共建承诺逾期未完成：${d.content ?? ''}`,
          detail: `${d.orgName}在与${d.otherName}的结对共建协议中承诺「${d.content ?? ''}」，应于 ${row.due_date ?? ''} 前完成，已逾期；完成后请在协议页登记`,
        },
      };
      return { key: row.key, source: id, ...text[id], orgId: row.org_id, dueDate: row.due_date, severity: row.severity, link: link(d.agreementId) };
    };

  return [
    { id: 'cobuild.expiring', permission: Permission.REGION_MANAGE, rows: expiring, present: present('cobuild.expiring') },
    { id: 'cobuild.confirm', permission: Permission.REGION_MANAGE, rows: confirm, present: present('cobuild.confirm') },
    { id: 'cobuild.overdue', permission: Permission.REGION_RECORD, rows: overdue, present: present('cobuild.overdue') },
  ];
}
