import { sql } from 'drizzle-orm';
import type { MeetingStats, MeetingStatsQuery } from '@jiceng/contracts';
import { COMPLIANCE_COUNTED_STATES, MEETING_TYPES, meetingTypeLabel } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { exportFileName } from '../../platform/xlsx/export.ts';
import { addTableSheet, newWorkbook, toBuffer, type SheetColumn } from '../../platform/xlsx/workbook.ts';
import { COUNTED_NOTE } from './meeting.ledger.ts';
import { statsPeriod } from './meeting.stats.period.ts';

/**
 * 会议统计: meetings held (the compliance rule set's counted states) in an organization's subtree by
 * type and month of a year, a quarter or a range of dates (meeting.stats.period.ts), and by direct
 * child organization. Whole months are read from the compliance module's per-period counts
 * (migration 0031), so a district reads counts, not meetings; only the days of a month a range cuts
 * (before `from`'s month ends, after `to`'s begins) are counted from the meetings themselves.
 */

export const STATS_TYPE_SHEET = '按类型和月份';
export const STATS_CHILD_SHEET = '按下级组织';
/** The row of meetings an organization held itself, beside its children. */
export const OWN_LEVEL = '（本级）';

const quoted = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

export function createMeetingStats(deps: { db: Database; regionId: string; clock: Clock }) {
  const { db, regionId, clock } = deps;

  async function stats(actor: Actor, q: MeetingStatsQuery): Promise<MeetingStats> {
    const org = await db.one<{ id: string; name: string; path: string }>(
      sql`select id, name, path::text as path from org where region_id = ${regionId} and id = ${q.orgId ?? actor.orgId}`,
    );
    if (!org || actor.scope !== 'subtree' || !pathInScope(actor, org.path)) throw notFound('党组织');
    const p = statsPeriod(q);
    const states = quoted(COMPLIANCE_COUNTED_STATES);
    const rows = await db.rows<{
      type: string;
      month: string;
      child_id: string | null;
      n: number;
    }>(sql`with src as (
        select c.org_id, c.type, c.period_start as month_start, c.n
        from meeting_period_count c
        where c.region_id = ${regionId} and c.period_kind = 'month' and c.period_start between ${p.fullFirst}::date and ${p.fullLast}::date
          and c.state in (${states}) and c.n > 0
        ${
          p.partial
            ? sql`union all
        select m.org_id, m.type, date_trunc('month', m.meeting_date)::date, 1
        from meeting m
        where m.region_id = ${regionId} and m.state in (${states}) and m.meeting_date between ${p.from}::date and ${p.to}::date
          and (m.meeting_date < ${p.fullFirst}::date or m.meeting_date >= (${p.fullLast}::date + interval '1 month'))`
            : sql``
        }
      )
      select s.type, to_char(s.month_start, 'YYYY-MM') as month, ch.id as child_id, sum(s.n)::int as n
      from src s
      join org o on o.region_id = ${regionId} and o.id = s.org_id
      left join org ch on ch.region_id = o.region_id and ch.parent_id = ${org.id} and o.path <@ ch.path
      where o.path <@ ${org.path}::ltree
      group by s.type, s.month_start, ch.id`);
    const months = p.months;
    // active children, and dissolved ones that held meetings in the period
    const counted = new Set(rows.map((r) => r.child_id));
    const children = (
      await db.rows<{ id: string; name: string; status: string }>(
        sql`select id, name, status from org where region_id = ${regionId} and parent_id = ${org.id} order by path`,
      )
    ).filter((c) => c.status === 'active' || counted.has(c.id));
    const types = MEETING_TYPES.map((t) => ({ type: t, label: meetingTypeLabel[t] }));
    const byType = types.map(({ type, label }) => {
      const counts = months.map((mo) => rows.filter((r) => r.type === type && r.month === mo).reduce((s, r) => s + r.n, 0));
      return { type, label, months: counts, total: counts.reduce((s, n) => s + n, 0) };
    });
    const childRow = (orgId: string, orgName: string, match: (r: (typeof rows)[number]) => boolean) => {
      const counts = Object.fromEntries(types.map(({ type }) => [type, rows.filter((r) => r.type === type && match(r)).reduce((s, r) => s + r.n, 0)]));
      return { orgId, orgName, counts, total: Object.values(counts).reduce((s, n) => s + n, 0) };
    };
    const byChild = children.map((c) => childRow(c.id, c.name, (r) => r.child_id === c.id));
    if (rows.some((r) => r.child_id === null)) byChild.unshift(childRow(org.id, `${org.name}${OWN_LEVEL}`, (r) => r.child_id === null));
    return {
      orgId: org.id,
      orgName: org.name,
      year: p.year,
      quarter: p.quarter,
      from: p.from,
      to: p.to,
      periodLabel: p.label,
      months,
      monthLabels: p.monthLabels,
      types,
      byType,
      byChild,
      total: byType.reduce((s, t) => s + t.total, 0),
      countedNote: COUNTED_NOTE,
    };
  }

  return {
    stats,

    /** The statistics as .xlsx: by type and month, and by child organization. */
    async statsXlsx(actor: Actor, q: MeetingStatsQuery): Promise<{ fileName: string; data: Buffer }> {
      const s = await stats(actor, q);
      const wb = newWorkbook();
      const byMonth: SheetColumn[] = [
        { key: 'type', header: '会议类型', width: 14 },
        ...s.months.map((m, i) => ({ key: m, header: s.monthLabels[i]!, width: s.monthLabels[i]!.length > 3 ? 11 : 7 })),
        { key: 'total', header: '合计', width: 8 },
      ];
      const ws = addTableSheet(wb, STATS_TYPE_SHEET, byMonth);
      for (const t of s.byType) ws.addRow({ type: t.label, ...Object.fromEntries(s.months.map((m, i) => [m, t.months[i]])), total: t.total });
      ws.addRow({
        type: '合计',
        ...Object.fromEntries(s.months.map((m, i) => [m, s.byType.reduce((n, t) => n + (t.months[i] ?? 0), 0)])),
        total: s.total,
      });
      ws.addRow({});
      ws.addRow({ type: COUNTED_NOTE });
      const byChild: SheetColumn[] = [
        { key: 'org', header: '党组织', width: 30 },
        ...s.types.map((t) => ({ key: t.type, header: t.label, width: 10 })),
        { key: 'total', header: '合计', width: 8 },
      ];
      const cs = addTableSheet(wb, STATS_CHILD_SHEET, byChild, { filter: true });
      for (const c of s.byChild) cs.addRow({ org: c.orgName, ...c.counts, total: c.total });
      const period = s.year !== null ? `${s.year}年${s.quarter ? `第${s.quarter}季度` : ''}` : `${s.from}至${s.to}`;
      return { fileName: exportFileName(`会议统计_${period}`, s.orgName, clock.today()), data: await toBuffer(wb) };
    },
  };
}
export type MeetingStatsReader = ReturnType<typeof createMeetingStats>;
