import { describe, expect, it } from 'vitest';
import { correctionDeadline, dispositionAlert, excellentLimit, excellentShareExceeded } from './appraisal.ts';
import { APPRAISAL_RULES_2024 } from './appraisal.rules.ts';

describe('rule appraisal-2024: 优秀 at most one third', () => {
  it('allows one third rounded down', () => {
    expect(excellentLimit(9)).toBe(3);
    expect(excellentLimit(10)).toBe(3);
    expect(excellentLimit(2)).toBe(0);
    expect(excellentLimit(0)).toBe(0);
  });
  it('is exceeded only above one third', () => {
    expect(excellentShareExceeded(3, 9)).toBe(false);
    expect(excellentShareExceeded(4, 9)).toBe(true);
    expect(excellentShareExceeded(4, 12)).toBe(false);
    expect(excellentShareExceeded(1, 2)).toBe(true);
    expect(excellentShareExceeded(0, 0)).toBe(false);
  });
  it('appraises full and probationary members, not suspended ones', () => {
    expect(APPRAISAL_RULES_2024.appraisedStatuses).toEqual(['full', 'probationary']);
  });
});

describe('rule appraisal-2024: 限期改正 deadline', () => {
  it('defaults to 6 months after the start', () => {
    expect(correctionDeadline('2026-11-22', undefined)).toEqual({ ok: true, deadline: '2027-05-22' });
    expect(correctionDeadline('2026-08-31', null)).toEqual({ ok: true, deadline: '2027-02-28' });
  });
  it('accepts up to 12 months and refuses more', () => {
    expect(correctionDeadline('2026-11-22', '2027-11-22')).toEqual({ ok: true, deadline: '2027-11-22' });
    const late = correctionDeadline('2026-11-22', '2027-11-23');
    expect(late.ok).toBe(false);
    expect(!late.ok && late.reason).toBe('限期改正的期限最长为 12 个月，请设在 2027-11-22 或之前');
  });
  it('refuses a deadline not after the start', () => {
    expect(correctionDeadline('2026-11-22', '2026-11-22')).toEqual({ ok: false, reason: '整改期限应晚于开始日期' });
  });
});

describe('rule appraisal-2024: disposition to-do window', () => {
  it('is due soon within 30 days, overdue after the deadline, silent before', () => {
    expect(dispositionAlert('2026-12-22', '2026-11-22')).toBe('due_soon');
    expect(dispositionAlert('2026-12-23', '2026-11-22')).toBeNull();
    expect(dispositionAlert('2026-11-22', '2026-11-22')).toBe('due_soon');
    expect(dispositionAlert('2026-11-21', '2026-11-22')).toBe('overdue');
  });
});
