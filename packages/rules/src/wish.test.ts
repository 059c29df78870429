import { describe, expect, it } from 'vitest';
import { WISH_ACTIONS, WISH_RULES_2026, WISH_STATES, WISH_WORKFLOW, type WishAction, type WishRole, type WishState } from './wish.rules.ts';
import { fenToYuan, wishActions, wishClaimRefusal, wishFulfilDue, wishTransition, wishValueRefusal } from './wish.ts';
import { workflowProblems } from './workflow.ts';

/** The workflow written out independently of the definition: (state, action) → [to, role, reason required]. */
const LEGAL: Record<string, [WishState, WishRole, boolean]> = {
  'pending/publish': ['published', 'community', false],
  'pending/reject': ['cancelled', 'community', true],
  'pending/withdraw': ['cancelled', 'resident', false],
  'published/claim': ['claimed', 'member', false],
  'published/cancel': ['cancelled', 'community', true],
  'published/withdraw': ['cancelled', 'resident', false],
  'claimed/release': ['published', 'member', true],
  'claimed/fulfil': ['fulfilled', 'member', false],
  'claimed/cancel': ['cancelled', 'community', true],
  'fulfilled/confirm': ['confirmed', 'community', false],
  'fulfilled/return': ['claimed', 'community', true],
};
const ROLES: readonly WishRole[] = ['resident', 'community', 'member'];

describe('rule wish-workflow-2026 (社区发布微心愿、党员认领, Jiceng design [W1])', () => {
  it('is a sound definition with Chinese names for every state and action', () => {
    expect(workflowProblems(WISH_WORKFLOW)).toEqual([]);
    expect(WISH_STATES.map((s) => WISH_WORKFLOW.stateLabel[s])).toEqual(['待审核', '已发布', '已认领', '已完成（待确认）', '已确认', '已撤下']);
    for (const a of WISH_ACTIONS) expect(WISH_WORKFLOW.actionLabel[a]).toMatch(/\p{Script=Han}/u);
  });

  it('runs a resident’s wish pending → published → claimed → fulfilled → confirmed', () => {
    const path: [WishAction, WishRole][] = [
      ['publish', 'community'],
      ['claim', 'member'],
      ['fulfil', 'member'],
      ['confirm', 'community'],
    ];
    let s: WishState = 'pending';
    const seen: WishState[] = [s];
    for (const [action, role] of path) {
      const r = wishTransition(s, action, { role });
      if (!r.ok) throw new Error(r.reason);
      s = r.to;
      seen.push(s);
    }
    expect(seen).toEqual(['pending', 'published', 'claimed', 'fulfilled', 'confirmed']);
  });

  it('allows every legal step, to the right state, only for its role, with a reason where one is required', () => {
    for (const [key, [to, role, needsReason]] of Object.entries(LEGAL)) {
      const [from, action] = key.split('/') as [WishState, WishAction];
      expect(wishTransition(from, action, { role, reason: '原因' }), key).toMatchObject({ ok: true, to });
      for (const other of ROLES.filter((r) => r !== role))
        expect(wishTransition(from, action, { role: other, reason: '原因' }), `${key} by ${other}`).toMatchObject({ ok: false, code: 'role_not_allowed' });
      expect(wishTransition(from, action, { role, reason: '  ' }), `${key} blank reason`).toMatchObject(
        needsReason ? { ok: false, code: 'reason_required' } : { ok: true, to },
      );
    }
  });

  it('refuses every other (state, action) naming the current state', () => {
    let refused = 0;
    for (const from of WISH_STATES)
      for (const action of WISH_ACTIONS) {
        if (LEGAL[`${from}/${action}`]) continue;
        for (const role of ROLES) {
          const r = wishTransition(from, action, { role, reason: '原因' });
          expect(r, `${from}/${action}`).toEqual({
            ok: false,
            code: 'illegal_transition',
            reason: `微心愿当前为「${WISH_WORKFLOW.stateLabel[from]}」，不能办理「${WISH_WORKFLOW.actionLabel[action]}」`,
          });
        }
        refused++;
      }
    expect(refused).toBe(WISH_STATES.length * WISH_ACTIONS.length - Object.keys(LEGAL).length);
  });

  it('names who may take a step in the refusal: a second claim says 已认领', () => {
    expect(wishTransition('claimed', 'claim', { role: 'member' })).toMatchObject({ ok: false, reason: '微心愿当前为「已认领」，不能办理「认领」' });
    expect(wishTransition('fulfilled', 'confirm', { role: 'member' })).toMatchObject({
      ok: false,
      reason: '微心愿当前为「已完成（待确认）」，「确认完成」只能由社区办理',
    });
  });

  it('never leaves confirmed or cancelled', () => {
    for (const s of WISH_WORKFLOW.final) expect(wishActions(s)).toEqual([]);
  });

  it('shows each role its buttons', () => {
    expect(wishActions('pending', 'community')).toEqual(['publish', 'reject']);
    expect(wishActions('published', 'member')).toEqual(['claim']);
    expect(wishActions('published', 'resident')).toEqual(['withdraw']);
    expect(wishActions('claimed', 'member')).toEqual(['release', 'fulfil']);
    expect(wishActions('claimed', 'resident')).toEqual([]);
    expect(wishActions('fulfilled', 'community')).toEqual(['confirm', 'return']);
  });
});

describe('rule wish-value-cap (common practice, UNCONFIRMED [W2])', () => {
  it('defaults to 500 元 (50000 fen), marked as practice', () => {
    expect(WISH_RULES_2026.valueCapFen).toBe(50_000);
    expect(WISH_RULES_2026.unconfirmed).toBe(true);
  });
  it('takes a whole number of fen above 0 and up to the cap', () => {
    expect(wishValueRefusal(1)).toBeNull();
    expect(wishValueRefusal(50_000)).toBeNull();
    expect(wishValueRefusal(0)).toMatch(/大于 0/);
    expect(wishValueRefusal(-100)).toMatch(/大于 0/);
    expect(wishValueRefusal(12.5)).toMatch(/整数/);
    expect(wishValueRefusal(50_001)).toBe('微心愿价值不能超过 500 元（本次 500.01 元），较大的需求请通过其他帮扶渠道办理');
    expect(wishValueRefusal(20_000, { ...WISH_RULES_2026, valueCapFen: 10_000 })).toMatch(/不能超过 100 元/);
  });
  it('writes yuan as people do', () => {
    expect([fenToYuan(50_000), fenToYuan(1250), fenToYuan(1205), fenToYuan(9)]).toEqual(['500', '12.5', '12.05', '0.09']);
  });
});

describe('rules wish-claim-limit and wish-overdue (Jiceng defaults [W3])', () => {
  it('lets a member hold at most 3 open wishes', () => {
    expect(WISH_RULES_2026.openClaimLimit).toBe(3);
    expect(wishClaimRefusal(2)).toBeNull();
    expect(wishClaimRefusal(3)).toBe('每名党员同时最多认领 3 个未完成的微心愿，请先完成已认领的心愿');
  });
  it('counts a wish claimed 14 days ago without fulfilment as overdue after its due day', () => {
    expect(wishFulfilDue('2026-11-20')).toBe('2026-12-04');
    expect(wishFulfilDue('2026-12-25')).toBe('2027-01-08');
  });
});
