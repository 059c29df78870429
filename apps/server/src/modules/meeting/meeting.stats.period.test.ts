import { MEETING_STATS_RANGE_MAX_MONTHS } from '@jiceng/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { statsPeriod } from './meeting.stats.period.ts';

const refusal = (q: Parameters<typeof statsPeriod>[0]) => {
  try {
    statsPeriod(q);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    return { status: err.status, message: err.message, field: (err.details as { fields: { field: string }[] }).fields[0]!.field };
  }
  throw new Error('expected a refusal');
};

describe('会议统计 period: a year, a quarter or a range of dates, never mixed', () => {
  it('covers a whole year or quarter from the per-month counts alone', () => {
    expect(statsPeriod({ year: 2026 })).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      label: '2026年',
      fullFirst: '2026-01-01',
      fullLast: '2026-12-01',
      partial: false,
    });
    const q1 = statsPeriod({ year: 2026, quarter: 1 });
    expect(q1).toMatchObject({ from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度', quarter: 1, partial: false });
    expect(q1.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(q1.monthLabels).toEqual(['1月', '2月', '3月']);
  });

  it('names the months of a range across a year boundary with their year, and marks the cut months', () => {
    const p = statsPeriod({ from: '2025-11-15', to: '2026-02-10' });
    expect(p.months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(p.monthLabels).toEqual(['2025年11月', '2025年12月', '2026年1月', '2026年2月']);
    expect(p).toMatchObject({
      year: null,
      quarter: null,
      label: '2025年11月15日至2026年2月10日',
      fullFirst: '2025-12-01',
      fullLast: '2026-01-01',
      partial: true,
    });
    // whole months only (February of a leap year ends on the 29th)
    expect(statsPeriod({ from: '2023-12-01', to: '2024-02-29' })).toMatchObject({ fullFirst: '2023-12-01', fullLast: '2024-02-01', partial: false });
    // inside one month: no whole month at all
    const days = statsPeriod({ from: '2026-03-10', to: '2026-03-20' });
    expect(days).toMatchObject({ months: ['2026-03'], monthLabels: ['3月'], partial: true });
    expect(days.fullFirst > days.fullLast).toBe(true);
    expect(statsPeriod({ from: '2026-03-10', to: '2026-03-10' }).months).toEqual(['2026-03']);
  });

  it(`takes up to ${MEETING_STATS_RANGE_MAX_MONTHS} calendar months, both ends' months included`, () => {
    expect(statsPeriod({ from: '2025-01-31', to: '2026-12-01' }).months).toHaveLength(24);
    expect(refusal({ from: '2025-01-31', to: '2027-01-01' })).toMatchObject({ status: 400, field: 'to', message: expect.stringMatching(/最多24个月/) });
  });

  it('refuses in Chinese what it cannot answer, naming the field', () => {
    expect(refusal({ from: '2026-03-01', to: '2026-02-28' })).toMatchObject({ status: 400, field: 'to', message: expect.stringMatching(/不能早于开始日期/) });
    expect(refusal({ from: '2026-03-01' })).toMatchObject({ field: 'to', message: expect.stringMatching(/同时填写开始日期和结束日期/) });
    expect(refusal({ to: '2026-03-01' })).toMatchObject({ field: 'from' });
    expect(refusal({ year: 2026, from: '2026-01-01', to: '2026-03-31' })).toMatchObject({ field: 'year', message: expect.stringMatching(/只能选一种/) });
    expect(refusal({ quarter: 2, to: '2026-03-31' })).toMatchObject({ field: 'quarter', message: expect.stringMatching(/只能选一种/) });
    expect(refusal({})).toMatchObject({ field: 'year', message: expect.stringMatching(/请选择统计年度/) });
    expect(refusal({ quarter: 2 })).toMatchObject({ field: 'year', message: expect.stringMatching(/同时选择年度/) });
  });
});
