import { sql, type SQL } from 'drizzle-orm';
import { floatingStatusLabel, lostContactProposalLabel, Permission, type FloatingStatus, type TodoSourceId } from '@jiceng/contracts';
import { FLOATING_RULES_2023, LOST_CONTACT_RULES_2019, type FloatingRuleSet, type LostContactRuleSet } from '@jiceng/rules';
import {
  refsFilter,
  todoColumns,
  type TodoColumnExprs,
  type TodoRowsOptions,
  type TodoScope,
  type TodoPresented,
  type TodoSource,
} from '../../platform/todo/todo.source.ts';

/**
 * 待办 of floating and lost-contact members, derived at read time for accounts holding member:write
 * in whose subtree the responsible branch lies (never for an account that sees only itself). They
 * propose; people decide (转接, 停止党籍, 除名 are done on the member's page). The rules' month
 * counts are parameters; SQL date arithmetic clamps month ends like the rules' addMonths.
 */

const severityOf = (due: SQL, s: TodoScope) => sql`case when ${due} < ${s.today}::date then 'overdue' else 'due_soon' end`;
const homeFrom = sql`from floating_member f join org h on h.region_id = f.region_id and h.id = f.home_org_id`;

/** A floating source's select over `from` with `where`, the member named and searched. */
function floatingRows(
  id: TodoSourceId,
  s: TodoScope,
  opts: TodoRowsOptions,
  c: Omit<TodoColumnExprs, 'key' | 'ref' | 'name'>,
  from: SQL,
  where: SQL,
): SQL | null {
  if (s.actor.scope === 'self') return null;
  return sql`select ${todoColumns(id, opts, { key: sql`f.id`, ref: sql`f.id`, name: sql`f.member_name`, ...c })} ${from}
    where f.region_id = ${s.regionId} and ${where} ${refsFilter(sql`f.id`, opts)}`;
}

interface FloatingTodoData {
  memberId: string;
  memberName: string;
  since: string;
  place: string;
  certNo: string | null;
  status: FloatingStatus;
  arrivalDate: string | null;
  destinationOrgId: string | null;
  homeOrgName: string;
}
const floatingData = sql`jsonb_build_object('memberId', f.member_id, 'memberName', f.member_name, 'since', f.destination_since, 'place', f.destination_place,
  'certNo', f.cert_no, 'status', f.status, 'arrivalDate', f.arrival_date, 'destinationOrgId', f.destination_org_id, 'homeOrgName', f.home_org_name)`;
const dataOf = (row: { data: Record<string, unknown> }) => row.data as unknown as FloatingTodoData;

/** Rule floating-2023: at one destination for 6 months or more → propose the formal transfer. */
function sixMonthsSource(rules: FloatingRuleSet): TodoSource {
  const due = sql`(f.destination_since + make_interval(months => ${rules.transferAfterMonths}::int))::date`;
  return {
    id: 'floating.six_months',
    permission: Permission.MEMBER_WRITE,
    rows: (s, opts) =>
      floatingRows(
        'floating.six_months',
        s,
        opts,
        { orgId: sql`f.home_org_id`, orgPath: sql`h.path`, severity: severityOf(due, s), dueDate: due, data: floatingData },
        homeFrom,
        sql`h.path <@ ${s.path}::ltree and f.status <> 'returned' and ${due} <= ${s.today}::date`,
      ),
    present(row): TodoPresented {
      const d = dataOf(row);
      const months = rules.transferAfterMonths;
      return {
        key: row.key,
        source: 'floating.six_months',
        title: `${d.memberName}：流动满 ${months} 个月，建议转接组织关系`,
        detail: `${d.memberName}自 ${d.since} 起在「${d.place}」，已满 ${months} 个月。按规定，外出地点固定且时间较长的应将组织关系转到流入地党组织；转接后请结束流出登记。`,
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: row.severity,
        // the work is the transfer: the page opens 发起转接 for this member
        link: `/transfers?memberId=${d.memberId}`,
      };
    },
  };
}

/** 活动证 valid through its end date: expired from the next day. */
const certExpiredSource: TodoSource = {
  id: 'floating.cert_expired',
  permission: Permission.MEMBER_WRITE,
  rows: (s, opts) =>
    floatingRows(
      'floating.cert_expired',
      s,
      opts,
      { orgId: sql`f.home_org_id`, orgPath: sql`h.path`, severity: sql`'overdue'`, dueDate: sql`f.cert_valid_until`, data: floatingData },
      homeFrom,
      sql`h.path <@ ${s.path}::ltree and f.status <> 'returned' and f.cert_valid_until < ${s.today}::date`,
    ),
  present(row): TodoPresented {
    const d = dataOf(row);
    return {
      key: row.key,
      source: 'floating.cert_expired',
      title: `${d.memberName}：流动党员活动证已过期`,
      detail: `活动证${d.certNo ? ` ${d.certNo} ` : ''}有效期至 ${row.due_date}，请换发活动证或办理组织关系转接。`,
      orgId: row.org_id,
      dueDate: row.due_date,
      severity: 'overdue',
      link: `/floating?id=${row.ref}`,
    };
  },
};

/**
 * 凡进必登 / 凡登必核 waiting on the scope: an arrival to register (the destination, or the home branch
 * when the destination is outside the platform), a registration to confirm (home). No rule sets a
 * deadline for either: a warning, incomplete (待完善).
 */
const pendingSource: TodoSource = {
  id: 'floating.pending',
  permission: Permission.MEMBER_WRITE,
  rows: (s, opts) => {
    const atDestination = sql`f.status = 'pending_arrival' and f.destination_org_id is not null`;
    return floatingRows(
      'floating.pending',
      s,
      opts,
      {
        orgId: sql`case when ${atDestination} then f.destination_org_id else f.home_org_id end`,
        orgPath: sql`case when ${atDestination} then d.path else h.path end`,
        severity: sql`'incomplete'`,
        dueDate: sql`null`,
        data: floatingData,
      },
      sql`${homeFrom} left join org d on d.region_id = f.region_id and d.id = f.destination_org_id`,
      sql`((f.status = 'pending_arrival' and d.path <@ ${s.path}::ltree)
        or (f.status = 'pending_arrival' and f.destination_org_id is null and h.path <@ ${s.path}::ltree)
        or (f.status = 'pending_verify' and h.path <@ ${s.path}::ltree))`,
    );
  },
  present(row): TodoPresented {
    const d = dataOf(row);
    const arrival = d.status === 'pending_arrival';
    return {
      key: row.key,
      source: 'floating.pending',
      title: `${d.memberName}：${floatingStatusLabel[d.status]}`,
      detail: !arrival
        ? `流入地已于 ${d.arrivalDate} 登记${d.memberName}，请核实（凡登必核）。`
        : d.destinationOrgId
          ? `${d.homeOrgName}的流动党员${d.memberName}登记流入本组织，请及时登记（凡进必登）。`
          : `流入地「${d.place}」的党组织不在本平台，请与其联系，确认接收后录入流入地登记情况。`,
      orgId: row.org_id,
      dueDate: null,
      severity: 'incomplete',
      link: `/floating?id=${row.ref}`,
    };
  },
};

interface LostTodoData {
  memberId: string;
  memberName: string;
  kind: 'suspend' | 'remove';
  lastContactDate: string;
  suspendedDate: string | null;
}

/**
 * Rule lost-contact-2019 (packages/rules lostContactProposal) in SQL: 6 months after the last
 * contact a member still lost is proposed for 停止党籍; a suspended one, 2 years after 停止党籍 (or
 * after the day it became due when its date is unknown), for 除名. Scope: the member's current branch.
 */
function lostContactSource(rules: LostContactRuleSet): TodoSource {
  const suspendDue = sql`(l.last_contact_date + make_interval(months => ${rules.suspendAfterMonths}::int))::date`;
  const due = sql`case when m.status = 'suspended'
    then (coalesce(x.suspended_date, ${suspendDue}) + make_interval(months => ${rules.removeAfterSuspendedMonths}::int))::date else ${suspendDue} end`;
  return {
    id: 'member.lost_contact',
    permission: Permission.MEMBER_WRITE,
    rows: (s, opts) => {
      if (s.actor.scope === 'self') return null;
      return sql`select ${todoColumns('member.lost_contact', opts, {
        key: sql`l.id || ':' || case when m.status = 'suspended' then 'remove' else 'suspend' end`,
        ref: sql`l.id`,
        orgId: sql`m.org_id`,
        orgPath: sql`o.path`,
        severity: severityOf(due, s),
        dueDate: due,
        name: sql`m.name`,
        data: sql`jsonb_build_object('memberId', l.member_id, 'memberName', m.name, 'kind', case when m.status = 'suspended' then 'remove' else 'suspend' end,
          'lastContactDate', l.last_contact_date, 'suspendedDate', x.suspended_date)`,
      })}
        from lost_contact l
        join member m on m.region_id = l.region_id and m.id = l.member_id
        join org o on o.region_id = m.region_id and o.id = m.org_id
        cross join lateral (select max(e.event_date) as suspended_date from member_status_event e
          where e.region_id = l.region_id and e.member_id = l.member_id and e.event = 'suspend') x
        where l.region_id = ${s.regionId} and o.path <@ ${s.path}::ltree and l.status = 'lost' and m.status <> 'left'
          and ${suspendDue} <= ${s.today}::date and ${due} <= ${s.today}::date ${refsFilter(sql`l.id`, opts)}`;
    },
    present(row): TodoPresented {
      const d = row.data as unknown as LostTodoData;
      return {
        key: row.key,
        source: 'member.lost_contact',
        title: `${d.memberName}：失联${d.kind === 'suspend' ? `满 ${rules.suspendAfterMonths} 个月` : `且停止党籍满 ${rules.removeAfterSuspendedMonths / 12} 年`}，${lostContactProposalLabel[d.kind]}`,
        detail:
          d.kind === 'suspend'
            ? `最后联系日期 ${d.lastContactDate}，至今仍未取得联系。请经支委会研究决定是否停止其党籍，决定后在党员档案中办理「停止党籍」。`
            : `已停止党籍${d.suspendedDate ? `（${d.suspendedDate}）` : ''}，仍无法取得联系。请经支委会研究决定是否按自行脱党予以除名，决定后在党员档案中办理「出党」。`,
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: row.severity,
        // 停止党籍 and 出党 are entered on the member's 状态变动 tab
        link: `/members/${d.memberId}?tab=status`,
      };
    },
  };
}

/** The module's four sources, with the rule sets they judge by. */
export function floatingTodoSources(floating: FloatingRuleSet = FLOATING_RULES_2023, lost: LostContactRuleSet = LOST_CONTACT_RULES_2019): TodoSource[] {
  return [sixMonthsSource(floating), certExpiredSource, pendingSource, lostContactSource(lost)];
}
