import { describe, expect, it } from 'vitest';
import { HARDSHIP_RULES } from './hardship.rules.ts';
import { cadreLoadProblem, hardshipVisitStatus, visitWindow } from './hardship.ts';

describe('rule hardship-visit: the quarter and its grace', () => {
  it('finds the calendar quarter and the end of its first month', () => {
    expect(visitWindow('2026-11-22')).toEqual({ periodStart: '2026-10-01', periodEnd: '2026-12-31', graceEnd: '2026-10-31', pastGrace: true });
    expect(visitWindow('2026-01-31')).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-03-31', graceEnd: '2026-01-31', pastGrace: false });
    expect(visitWindow('2026-05-01')).toMatchObject({ periodStart: '2026-04-01', periodEnd: '2026-06-30', graceEnd: '2026-04-30', pastGrace: true });
  });
});

describe('rule hardship-visit: a visit every quarter', () => {
  const open = { startDate: '2025-03-01', closedDate: null };
  it('is satisfied by a visit dated in the current quarter', () => {
    expect(hardshipVisitStatus({ ...open, lastVisitDate: '2026-10-01' }, '2026-11-22')).toEqual({ status: 'visited', dueDate: null });
  });
  it('is due during the quarter’s first month, the last day included', () => {
    expect(hardshipVisitStatus({ ...open, lastVisitDate: '2026-09-30' }, '2026-10-31')).toEqual({ status: 'due', dueDate: '2026-10-31' });
  });
  it('is overdue once the first month has passed without a visit this quarter', () => {
    expect(hardshipVisitStatus({ ...open, lastVisitDate: '2026-09-30' }, '2026-11-01')).toEqual({ status: 'overdue', dueDate: '2026-10-31' });
    expect(hardshipVisitStatus({ ...open, lastVisitDate: null }, '2026-11-22').status).toBe('overdue');
  });
  it('gives a record opened during the quarter until the quarter’s end, never overdue in it', () => {
    expect(hardshipVisitStatus({ startDate: '2026-11-20', closedDate: null, lastVisitDate: null }, '2026-12-31')).toEqual({ status: 'due', dueDate: '2026-12-31' });
    expect(hardshipVisitStatus({ startDate: '2026-10-01', closedDate: null, lastVisitDate: null }, '2026-11-22').status).toBe('due');
  });
  it('needs no visit once the record is closed', () => {
    expect(hardshipVisitStatus({ ...open, closedDate: '2026-06-30', lastVisitDate: null }, '2026-11-22')).toEqual({ status: 'closed', dueDate: null });
  });
});

describe('rule hardship-pairing: a cadre helps 1–3 members', () => {
  it('allows up to three', () => {
    expect(HARDSHIP_RULES.cadreMaxMembers).toBe(3);
    expect(cadreLoadProblem('李明', 0)).toBeNull();
    expect(cadreLoadProblem('李明', 2)).toBeNull();
  });
  it('refuses a fourth with a Chinese reason', () => {
    expect(cadreLoadProblem('李明', 3)).toMatch(/^帮扶干部「李明」已结对帮扶 3 名困难党员，每名帮扶干部最多帮扶 3 名/);
  });
});
