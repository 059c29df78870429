import { describe, expect, it } from 'vitest';
import { activityCertExpired, floatingTransferDue, floatingTransferDueDate, floatingStep, lostContactProposal, wholeMonths } from './floating.ts';
import { FLOATING_RULES_2023, LOST_CONTACT_RULES_2019 } from './floating.rules.ts';

describe('rule floating-2023: six months at one destination → formal transfer', () => {
  it('is due on the same day six months later, not before', () => {
    expect(FLOATING_RULES_2023.transferAfterMonths).toBe(6);
    expect(floatingTransferDueDate('2026-05-22')).toBe('2026-11-22');
    expect(floatingTransferDue('2026-05-22', '2026-11-21')).toBe(false);
    expect(floatingTransferDue('2026-05-22', '2026-11-22')).toBe(true);
  });
  it('clamps month ends', () => {
    expect(floatingTransferDueDate('2026-08-31')).toBe('2027-02-28');
  });
  it('follows a locality’s rule set', () => {
    expect(floatingTransferDue('2026-05-22', '2026-11-22', { ...FLOATING_RULES_2023, transferAfterMonths: 12 })).toBe(false);
  });
});

describe('rule floating-2023: 流动党员活动证 validity', () => {
  it('is valid through its end date and expired the day after', () => {
    expect(activityCertExpired('2026-11-21', '2026-11-21')).toBe(false);
    expect(activityCertExpired('2026-11-21', '2026-11-22')).toBe(true);
  });
  it('never expires when no certificate was issued', () => {
    expect(activityCertExpired(null, '2030-01-01')).toBe(false);
  });
});

describe('rule lost-contact-2019: 停止党籍 after 6 months, 除名 2 years later', () => {
  const lost = { lastContactDate: '2026-03-10', memberStatus: 'full' as const, suspendedDate: null };
  it('proposes nothing before 6 months without contact', () => {
    expect(LOST_CONTACT_RULES_2019.suspendAfterMonths).toBe(6);
    expect(lostContactProposal(lost, '2026-09-09')).toBeNull();
  });
  it('proposes 停止党籍 from 6 months after the last contact', () => {
    expect(lostContactProposal(lost, '2026-09-10')).toEqual({ kind: 'suspend', dueDate: '2026-09-10' });
    expect(lostContactProposal({ ...lost, memberStatus: 'probationary' }, '2027-01-01')).toEqual({ kind: 'suspend', dueDate: '2026-09-10' });
  });
  it('proposes 除名 only 2 years after 停止党籍', () => {
    expect(LOST_CONTACT_RULES_2019.removeAfterSuspendedMonths).toBe(24);
    const suspended = { ...lost, memberStatus: 'suspended' as const, suspendedDate: '2026-10-01' };
    expect(lostContactProposal(suspended, '2028-09-30')).toBeNull();
    expect(lostContactProposal(suspended, '2028-10-01')).toEqual({ kind: 'remove', dueDate: '2028-10-01' });
  });
  it('counts 2 years from the 停止党籍 due day when the decision date is unknown', () => {
    expect(lostContactProposal({ ...lost, memberStatus: 'suspended' }, '2028-09-10')).toEqual({ kind: 'remove', dueDate: '2028-09-10' });
  });
  it('proposes nothing for a member who has left', () => {
    expect(lostContactProposal({ ...lost, memberStatus: 'left' }, '2035-01-01')).toBeNull();
  });
});

describe('months out of contact', () => {
  it('counts whole months', () => {
    expect(wholeMonths('2026-03-10', '2026-09-09')).toBe(5);
    expect(wholeMonths('2026-03-10', '2026-09-10')).toBe(6);
    expect(wholeMonths('2026-03-10', '2026-03-01')).toBe(0);
  });
});

describe('rule floating-2023: 凡进必登、凡登必核', () => {
  it('lets the destination register first, then the home branch confirm', () => {
    expect(floatingStep('pending_arrival', 'arrive')).toEqual({ ok: true, next: 'pending_verify' });
    expect(floatingStep('pending_verify', 'verify')).toEqual({ ok: true, next: 'verified' });
  });
  it('refuses to confirm before the destination registered, or to register twice', () => {
    expect(floatingStep('pending_arrival', 'verify')).toEqual({ ok: false, reason: '该登记当前为「待流入地登记」，不能办理「核实」' });
    expect(floatingStep('verified', 'arrive').ok).toBe(false);
  });
  it('ends floating at any open step, once', () => {
    for (const s of ['pending_arrival', 'pending_verify', 'verified'] as const) expect(floatingStep(s, 'return')).toEqual({ ok: true, next: 'returned' });
    expect(floatingStep('returned', 'return').ok).toBe(false);
  });
});
