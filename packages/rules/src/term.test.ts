import { describe, expect, it } from 'vitest';
import { addMonths, termEndDate, termStatus, termYears } from './term.ts';

describe('rule term-2018: term lengths', () => {
  it('gives 基层党委 5 years and 总支/支部 3 years', () => {
    expect(termYears('committee', 'agency')).toBe(5);
    expect(termYears('general_branch', 'state_enterprise')).toBe(3);
    expect(termYears('branch', 'school')).toBe(3);
  });
  it('gives every village and community organization 5 years', () => {
    expect(termYears('branch', 'community')).toBe(5);
    expect(termYears('general_branch', 'rural')).toBe(5);
  });
  it('gives 党小组, 临时党支部 and grids no elected term', () => {
    expect(termYears('group', 'community')).toBeNull();
    expect(termYears('temporary_branch', 'other')).toBeNull();
    expect(termYears('grid', 'community')).toBeNull();
  });
});

describe('term dates', () => {
  it('ends the day before the anniversary', () => {
    expect(termEndDate('2021-03-15', 3)).toBe('2024-03-14');
    expect(termEndDate('2020-01-01', 5)).toBe('2024-12-31');
  });
  it('clamps month ends', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
  });
});

describe('rule term-2018: 换届 status', () => {
  const end = '2026-12-31';
  it('is ok more than 6 months before the end', () => {
    expect(termStatus(end, '2026-06-29')).toBe('ok');
  });
  it('is due soon within 6 months of the end, the end day included', () => {
    expect(termStatus(end, '2026-06-30')).toBe('due_soon');
    expect(termStatus(end, '2026-12-31')).toBe('due_soon');
  });
  it('is overdue after the end and seriously overdue after 12 months', () => {
    expect(termStatus(end, '2027-01-01')).toBe('overdue');
    expect(termStatus(end, '2027-12-31')).toBe('overdue');
    expect(termStatus(end, '2028-01-01')).toBe('seriously_overdue');
  });
  it('reports a missing term', () => {
    expect(termStatus(null, '2026-01-01')).toBe('no_term');
  });
});
