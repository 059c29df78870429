import { describe, expect, it } from 'vitest';
import { checkLetter, letterDaysOverdue, letterNumber, letterValidUntil, transferRefusal, transferTransition } from './transfer.ts';
import { TRANSFER_RULES } from './transfer.rules.ts';

describe('rule transfer-2019: decisions on a transfer', () => {
  it('lets a pending internal transfer be accepted, returned or cancelled', () => {
    expect(transferTransition('internal', 'pending', 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(transferTransition('internal', 'pending', 'return')).toEqual({ ok: true, to: 'returned' });
    expect(transferTransition('internal', 'pending', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
  });

  it('refuses any decision on a transfer no longer pending, naming its state', () => {
    expect(transferTransition('internal', 'returned', 'accept')).toEqual({ ok: false, reason: '已退回的转接不能接收' });
    expect(transferTransition('internal', 'accepted', 'cancel')).toEqual({ ok: false, reason: '已接收的转接不能撤销' });
    expect(transferTransition('internal', 'cancelled', 'return')).toEqual({ ok: false, reason: '已撤销的转接不能退回' });
  });

  it('lets a pending letter be voided or receive its receipt, never be accepted', () => {
    expect(transferTransition('letter_out', 'pending', 'receipt')).toEqual({ ok: true, to: 'received' });
    expect(transferTransition('letter_out', 'pending', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
    expect(transferTransition('letter_out', 'pending', 'accept')).toEqual({ ok: false, reason: '开具介绍信转出不能接收' });
    expect(transferTransition('letter_out', 'received', 'cancel')).toEqual({ ok: false, reason: '已登记回执的转接不能撤销' });
    expect(transferTransition('internal', 'pending', 'receipt').ok).toBe(false);
    expect(transferTransition('letter_in', 'accepted', 'cancel').ok).toBe(false);
  });
});

describe('rule transfer-2019: who may be transferred', () => {
  it('transfers full and probationary members only', () => {
    expect(transferRefusal({ status: 'full', transferredOutDate: null })).toBeNull();
    expect(transferRefusal({ status: 'probationary', transferredOutDate: null })).toBeNull();
    expect(transferRefusal({ status: 'suspended', transferredOutDate: null })).toMatch(/停止党籍/);
    expect(transferRefusal({ status: 'left', transferredOutDate: null })).toMatch(/已出党/);
  });
  it('refuses a member whose relation already left the deployment', () => {
    expect(transferRefusal({ status: 'full', transferredOutDate: '2026-03-01' })).toBe('该党员的组织关系已于 2026-03-01 转出本系统，不能再办理转接');
  });
});

describe('rule transfer-2019: introduction letters (介绍信)', () => {
  it('is valid for 3 months by default, through the day before the anniversary', () => {
    expect(TRANSFER_RULES.letterValidityMonths).toBe(3);
    expect(letterValidUntil('2026-06-01')).toBe('2026-08-31');
    expect(letterValidUntil('2026-11-15')).toBe('2027-02-14');
  });

  it('numbers letters per year', () => {
    expect(letterNumber(2026, 7)).toBe('2026第7号');
  });

  it('accepts a letter within the rules', () => {
    expect(checkLetter({ issueDate: '2026-11-01', validUntil: '2027-01-31', duesPaidTo: '2026-11' }, '2026-11-22')).toEqual([]);
  });

  it('refuses a future issue date, a validity over 6 months or before the issue, and dues paid in advance', () => {
    const today = '2026-11-22';
    expect(checkLetter({ issueDate: '2026-11-23', validUntil: '2026-12-01', duesPaidTo: '2026-10' }, today).map((p) => p.field)).toEqual(['issueDate']);
    expect(checkLetter({ issueDate: '2026-11-01', validUntil: '2027-05-01', duesPaidTo: '2026-10' }, today)).toEqual([{ field: 'validUntil', message: '介绍信有效期最长 6 个月（至 2027-04-30），请缩短有效期' }]);
    expect(checkLetter({ issueDate: '2026-11-01', validUntil: '2026-10-31', duesPaidTo: '2026-10' }, today).map((p) => p.field)).toEqual(['validUntil']);
    expect(checkLetter({ issueDate: '2026-11-01', validUntil: '2026-12-01', duesPaidTo: '2026-12' }, today).map((p) => p.message)).toEqual(['党费缴至月份不能晚于开具介绍信的当月（党费不得预交）']);
  });

  it('counts the days a letter is past its validity', () => {
    expect(letterDaysOverdue('2026-08-31', '2026-08-31')).toBe(0);
    expect(letterDaysOverdue('2026-08-31', '2026-09-10')).toBe(10);
    expect(letterDaysOverdue('2026-12-31', '2026-11-22')).toBe(0);
  });
});
