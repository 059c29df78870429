import { sql } from 'drizzle-orm';
import { Permission } from '@jiceng/contracts';
import { DUES_RULES_2008, duesMonthName, duesMonthOf, type DuesRuleSet } from '@jiceng/rules';
import { yuanText } from './dues.ledger.presenter.ts';
import { refsFilter, todoColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';

interface ArrearsTodoData {
  memberName: string;
  orgName: string;
  consecutive: number;
  withoutReason: number;
  oweFen: number;
  since: string | null;
}

/**
 * The arrears (dues_arrears, as of this month) as 待办 for whoever records dues in scope: `dues.arrears`
 * at `arrearsTodoMonths` unpaid months in a row — a deadline, the last day the oldest of them may
 * still be paid back (补交 ≤ backPayMonths) — and `dues.lapse`, the 自行脱党 warning at
 * `lapseWarningMonths` in a row without a recorded reason (never acted on by the system: the branch
 * decides after criticism and a deadline, 中组发〔2008〕3号 第十三条). Scope: the member's branch now.
 */
export function duesTodoSources(rules: DuesRuleSet = DUES_RULES_2008): TodoSource[] {
  const rows = (id: 'dues.arrears' | 'dues.lapse') =>
    ((s, opts) => {
      if (s.actor.scope === 'self') return null;
      const current = duesMonthOf(s.today);
      const lapse = id === 'dues.lapse';
      // the oldest month of the run, and the end of the month it may be paid back until
      const runStart = sql`(${`${current}-01`}::date - make_interval(months => a.consecutive))::date`;
      const dueDate = sql`((${runStart} + make_interval(months => ${rules.backPayMonths + 1})) - interval '1 day')::date`;
      return sql`select ${todoColumns(id, opts, {
        key: sql`a.member_id`,
        ref: sql`a.member_id`,
        orgId: sql`m.org_id`,
        orgPath: sql`o.path`,
        severity: lapse ? sql`'alert'` : sql`case when ${dueDate} < ${s.today}::date then 'overdue' else 'due_soon' end`,
        dueDate: lapse ? sql`null` : dueDate,
        name: sql`m.name`,
        data: sql`jsonb_build_object('memberName', m.name, 'orgName', o.name, 'consecutive', a.consecutive, 'withoutReason', a.without_reason,
          'oweFen', a.owe_fen, 'since', to_char(${runStart}, 'YYYY-MM'))`,
      })}
        from dues_arrears a
        join member m on m.region_id = a.region_id and m.id = a.member_id
        join org o on o.region_id = m.region_id and o.id = m.org_id
        where a.region_id = ${s.regionId} and a.as_of = ${`${current}-01`}::date and o.path <@ ${s.path}::ltree
          and m.status in ('probationary', 'full') and m.transferred_out_date is null
          and ${lapse ? sql`a.without_reason >= ${rules.lapseWarningMonths}` : sql`a.consecutive >= ${rules.arrearsTodoMonths} and a.without_reason < ${rules.lapseWarningMonths}`}
          ${refsFilter(sql`a.member_id`, opts)}`;
    }) satisfies Extract<TodoSource, { rows: unknown }>['rows'];

  const present =
    (id: 'dues.arrears' | 'dues.lapse') =>
    (row: Parameters<TodoSource['present']>[0]): TodoPresented => {
      const d = row.data as unknown as ArrearsTodoData;
      const since = d.since ? duesMonthName(d.since) : '';
      const lapse = id === 'dues.lapse';
      return {
        key: row.key,
        source: id,
        title: lapse ? `${d.memberName}：连续${d.withoutReason}个月未交党费` : `${d.memberName}：已连续${d.consecutive}个月未交党费`,
        detail: lapse
          ? `${d.orgName}的${d.memberName}自${since}起连续${d.withoutReason}个月无正当理由未交纳党费（欠交${yuanText(Number(d.oweFen))}）。按规定应经教育仍不交纳的，由党支部研究是否按自行脱党处理；系统不会自动处理。如有正当理由请在党费台账中登记`
          : `${d.orgName}的${d.memberName}自${since}起已连续${d.consecutive}个月未交党费（欠交${yuanText(Number(d.oweFen))}），请及时提醒交纳；补交一般不超过${rules.backPayMonths}个月，${since}的党费最晚可在 ${row.due_date ?? ''} 前补交`,
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: row.severity,
        link: `/members/${row.ref}?tab=dues`,
      };
    };

  return (['dues.arrears', 'dues.lapse'] as const).map((id) => ({ id, permission: Permission.DUES_RECORD, rows: rows(id), present: present(id) }));
}
