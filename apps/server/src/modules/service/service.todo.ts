import { sql, type SQL } from 'drizzle-orm';
import { Permission, serviceStateName, type TodoSourceId } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import { refsFilter, todoColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';

interface RequestTodoData {
  code: string;
  description: string;
  state: string;
  dueAt: string | null;
  assignee: string | null;
}

/** Due date is the China date of the stage's due time; severity from the due time itself (a clock is to the minute). */
const severity = (now: string) =>
  sql`case when r.due_at < ${now}::timestamptz then 'overdue' when r.due_at < ${now}::timestamptz + interval '1 day' then 'due_soon' else 'open' end`;
const dueDate = sql`(r.due_at at time zone 'Asia/Shanghai')::date`;
const data = sql`jsonb_build_object('code', r.code, 'description', left(r.description, 60), 'state', r.state, 'dueAt', r.due_at, 'assignee', r.assignee_name)`;

function present(id: TodoSourceId, what: (d: RequestTodoData) => string) {
  return (row: {
    key: string;
    ref: string;
    org_id: string;
    due_date: string | null;
    severity: TodoPresented['severity'];
    data: Record<string, unknown>;
  }): TodoPresented => {
    const d = row.data as unknown as RequestTodoData;
    const due = d.dueAt ? new Date(Date.parse(d.dueAt) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';
    return {
      key: row.key,
      source: id,
      title: `${d.code} ${serviceStateName[d.state as 'submitted'] ?? d.state}：${d.description}`,
      detail: `${what(d)}${due ? `，时限 ${due}${row.severity === 'overdue' ? '（已超时）' : ''}` : ''}`,
      orgId: row.org_id,
      dueDate: row.due_date,
      severity: row.severity,
      link: `/service/requests?open=${row.ref}`,
    };
  };
}

/**
 * 群众诉求 as 待办 (derived at read time over the request table's state and due-time indexes):
 * for the desk, what waits to be accepted or dispatched (a community desk its 村居-level requests,
 * the street the higher levels and any community request already overdue); for whoever handles
 * orders, what is dispatched to an organization in their scope and not yet resolved.
 */
export function serviceTodoSources(clock: Clock): TodoSource[] {
  const nowOf = () => clock.now().toISOString();
  const pending: TodoSource = {
    id: 'service.pending',
    permission: Permission.SERVICE_DISPATCH,
    rows: (s, opts) => {
      const now = nowOf();
      const levels: SQL = s.actor.role === 'community' ? sql`r.level = 'community'` : sql`(r.level <> 'community' or r.due_at < ${now}::timestamptz)`;
      return sql`select ${todoColumns('service.pending', opts, {
        key: sql`r.id`,
        ref: sql`r.id`,
        orgId: sql`r.org_id`,
        orgPath: sql`r.org_path`,
        severity: severity(now),
        dueDate,
        name: sql`r.code`,
        data,
      })} from service_request r
        where r.region_id = ${s.regionId} and r.org_path <@ ${s.path}::ltree and r.state in ('submitted', 'accepted') and r.due_at is not null
          and ${levels} ${refsFilter(sql`r.id`, opts)}`;
    },
    present: present('service.pending', (d) => (d.state === 'submitted' ? '请受理或说明不予受理的理由' : '已受理，请派单')),
  };
  const orders: TodoSource = {
    id: 'service.orders',
    permission: Permission.SERVICE_HANDLE,
    rows: (s, opts) => {
      const now = nowOf();
      // a 党员 holds the orders dispatched to their own member record; anyone else those of the organizations in scope
      const held =
        s.actor.scope === 'subtree'
          ? sql`r.assignee_org_path <@ ${s.path}::ltree and r.assignee_type in ('grid', 'team', 'department')`
          : s.actor.memberId
            ? sql`r.assignee_type = 'member' and r.assignee_member_id = ${s.actor.memberId}::uuid`
            : null;
      if (!held) return null;
      return sql`select ${todoColumns('service.orders', opts, {
        key: sql`r.id`,
        ref: sql`r.id`,
        orgId: sql`r.assignee_org_id`,
        orgPath: sql`r.assignee_org_path`,
        severity: severity(now),
        dueDate,
        name: sql`r.code`,
        data,
      })} from service_request r
        where r.region_id = ${s.regionId} and ${held}
          and r.state in ('dispatched', 'in_progress') and r.due_at is not null ${refsFilter(sql`r.id`, opts)}`;
    },
    present: present('service.orders', (d) => `${d.assignee ?? '承办方'}${d.state === 'dispatched' ? '请接单' : '请按时办结'}`),
  };
  return [pending, orders];
}
