import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { monthsTouched, outOfRange, statsFilter } from './statsFilter.ts';

describe('会议统计 filter: a year and quarter, or a range of dates', () => {
  it('sends year/quarter or from/to, never both', () => {
    expect(statsFilter('o1', { kind: 'year', year: 2026, quarter: 2 })).toEqual({ orgId: 'o1', year: 2026, quarter: 2 });
    expect(statsFilter(undefined, { kind: 'range', from: dayjs('2025-11-15'), to: dayjs('2026-02-10') })).toEqual({
      orgId: undefined,
      from: '2025-11-15',
      to: '2026-02-10',
    });
  });

  it('keeps the picker within 24 calendar months of the end picked first', () => {
    expect(monthsTouched(dayjs('2025-01-31'), dayjs('2026-12-01'))).toBe(24);
    expect(outOfRange(dayjs('2026-12-31'), { from: dayjs('2025-01-01') })).toBe(false);
    expect(outOfRange(dayjs('2027-01-01'), { from: dayjs('2025-01-31') })).toBe(true);
    expect(outOfRange(dayjs('2023-01-01'), { from: dayjs('2024-12-31') })).toBe(false);
    expect(outOfRange(dayjs('2022-12-31'), { from: dayjs('2024-12-01') })).toBe(true);
    expect(outOfRange(dayjs('2000-01-01'))).toBe(false);
  });
});
