import { MEETING_STATS_RANGE_MAX_MONTHS, type MeetingStatsQuery } from '@jiceng/contracts';
import { invalid } from '../../platform/errors.ts';

/**
 * The period 会议统计 covers, from its query: a year, a quarter of a year, or a range of dates —
 * one kind only (MeetingStatsQuery). Mixing them or giving neither is a Chinese 400 saying what to
 * clear or fill in, so the counts never answer a question other than the one asked.
 */
export interface StatsPeriod {
  year: number | null;
  quarter: number | null;
  /** First and last day counted, both included. */
  from: string;
  to: string;
  label: string;
  /** `YYYY-MM` of every month the period touches, in order. */
  months: string[];
  monthLabels: string[];
  /**
   * The whole months inside the period (`YYYY-MM-01` of the first and last; first > last when there
   * is none): read from the per-month counts. Days of a month cut by `from` or `to` are counted from
   * the meetings themselves.
   */
  fullFirst: string;
  fullLast: string;
  /** The first or last month is cut by the range (its days are read from the meetings). */
  partial: boolean;
}

const QUARTER = ['', '第一季度', '第二季度', '第三季度', '第四季度'];
const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
/** Last day of the month of `YYYY-MM`. */
const monthEnd = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
/** 「2025年11月15日」. */
const dayLabel = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const field = (name: 'year' | 'quarter' | 'from' | 'to', message: string) => invalid(message, { fields: [{ field: name, message }] });

function fromMonths(first: number, last: number, p: Pick<StatsPeriod, 'year' | 'quarter' | 'from' | 'to' | 'label'>): StatsPeriod {
  const months = Array.from({ length: last - first + 1 }, (_, i) => monthOf(first + i));
  const oneYear = months[0]!.slice(0, 4) === months.at(-1)!.slice(0, 4);
  const monthLabels = months.map((m) => (oneYear ? `${Number(m.slice(5))}月` : `${m.slice(0, 4)}年${Number(m.slice(5))}月`));
  const fullFirst = p.from.endsWith('-01') ? `${months[0]}-01` : `${monthOf(first + 1)}-01`;
  const fullLast = p.to === monthEnd(months.at(-1)!) ? `${months.at(-1)}-01` : `${monthOf(last - 1)}-01`;
  const partial = p.from !== `${months[0]}-01` || p.to !== monthEnd(months.at(-1)!);
  return { ...p, months, monthLabels, fullFirst, fullLast, partial };
}

/** The period of `q`, or a 400 naming the field to change. */
export function statsPeriod(q: MeetingStatsQuery): StatsPeriod {
  const byRange = q.from !== undefined || q.to !== undefined;
  const byYear = q.year !== undefined || q.quarter !== undefined;
  if (byRange && byYear)
    throw field(q.year !== undefined ? 'year' : 'quarter', '按年度（季度）统计和按起止日期统计只能选一种：请清空年度和季度，或清空起止日期');
  if (!byRange && !byYear) throw field('year', '请选择统计年度，或填写统计的起止日期');
  if (byYear) {
    if (q.year === undefined) throw field('year', '按季度统计时请同时选择年度');
    const first = q.quarter ? (q.quarter - 1) * 3 : 0;
    const last = q.quarter ? first + 2 : 11;
    const from = `${q.year}-${pad(first + 1)}-01`;
    const to = monthEnd(`${q.year}-${pad(last + 1)}`);
    const label = `${q.year}年${q.quarter ? QUARTER[q.quarter] : ''}`;
    return fromMonths(q.year * 12 + first, q.year * 12 + last, { year: q.year, quarter: q.quarter ?? null, from, to, label });
  }
  if (q.from === undefined) throw field('from', '按起止日期统计时请同时填写开始日期和结束日期');
  if (q.to === undefined) throw field('to', '按起止日期统计时请同时填写开始日期和结束日期');
  if (q.to < q.from) throw field('to', `结束日期（${q.to}）不能早于开始日期（${q.from}），请重新选择`);
  const first = monthIndex(q.from);
  const last = monthIndex(q.to);
  if (last - first + 1 > MEETING_STATS_RANGE_MAX_MONTHS)
    throw field('to', `统计范围最多${MEETING_STATS_RANGE_MAX_MONTHS}个月（按自然月计，含起止日期所在月份），请缩短日期范围或按年度统计`);
  return fromMonths(first, last, { year: null, quarter: null, from: q.from, to: q.to, label: `${dayLabel(q.from)}至${dayLabel(q.to)}` });
}
