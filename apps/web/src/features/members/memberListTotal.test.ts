import { MEMBER_COUNT_CAP } from '@jiceng/contracts';
import { describe, expect, it } from 'vitest';
import { memberListTotal } from './memberListTotal.ts';

describe('member list count', () => {
  it('shows an exact total as it is, with no hint', () => {
    expect(memberListTotal({ total: 1234, totalCapped: false })).toEqual({ pagerTotal: 1234, text: '共 1,234 名党员', narrowHint: null });
    expect(memberListTotal({ total: 0, totalCapped: false }).text).toBe('共 0 名党员');
  });

  it('shows a capped count as 10,000+ and pages as far as the cap, with a hint to narrow the filter', () => {
    const t = memberListTotal({ total: MEMBER_COUNT_CAP, totalCapped: true });
    expect(t.text).toBe('共 10,000+ 名党员');
    expect(t.pagerTotal).toBe(MEMBER_COUNT_CAP);
    // 20 a page: 500 pages to go through
    expect(Math.ceil(t.pagerTotal / 20)).toBe(500);
    expect(t.narrowHint).toMatch(/超过 10,000 名.*缩小范围.*导出/);
  });

  it('keeps paging past the cap when a deep page was asked for (the count then ran to that page)', () => {
    const t = memberListTotal({ total: 12_020, totalCapped: true });
    expect(t.pagerTotal).toBe(12_020);
    expect(t.text).toBe('共 12,020+ 名党员');
  });

  it('shows nothing before the first answer', () => {
    expect(memberListTotal(undefined)).toEqual({ pagerTotal: 0, text: '', narrowHint: null });
  });
});
