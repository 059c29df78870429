import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableActions, transition, workflowProblems, type WorkflowDefinition } from './workflow.ts';

type S = 'open' | 'done' | 'void';
type A = 'finish' | 'drop';
type R = 'owner' | 'boss';
const toy: WorkflowDefinition<S, A, R> = {
  id: 'toy',
  subjectLabel: '事项',
  states: ['open', 'done', 'void'],
  stateLabel: { open: '办理中', done: '已办结', void: '已作废' },
  initial: 'open',
  final: ['done', 'void'],
  actionLabel: { finish: '办结', drop: '作废' },
  roleLabel: { owner: '承办人', boss: '负责人' },
  transitions: [
    { action: 'finish', from: ['open'], to: 'done', roles: ['owner'], reasonRequired: false },
    { action: 'drop', from: ['open'], to: 'void', roles: ['boss'], reasonRequired: true },
  ],
};

describe('workflow definitions as data (architecture.md "workflow")', () => {
  it('moves along a transition and lists the open actions per role', () => {
    expect(transition(toy, 'open', 'finish')).toMatchObject({ ok: true, to: 'done' });
    expect(availableActions(toy, 'open')).toEqual(['finish', 'drop']);
    expect(availableActions(toy, 'open', 'owner')).toEqual(['finish']);
    expect(availableActions(toy, 'done')).toEqual([]);
  });
  it('refuses in Chinese, naming the current state', () => {
    expect(transition(toy, 'done', 'finish')).toEqual({ ok: false, code: 'illegal_transition', reason: '事项当前为「已办结」，不能办理「办结」' });
    expect(transition(toy, 'open', 'drop', { role: 'owner', reason: '重复' })).toEqual({
      ok: false,
      code: 'role_not_allowed',
      reason: '事项当前为「办理中」，「作废」只能由负责人办理',
    });
    expect(transition(toy, 'open', 'drop', { role: 'boss', reason: '  ' })).toEqual({
      ok: false,
      code: 'reason_required',
      reason: '事项当前为「办理中」，「作废」须填写原因',
    });
    expect(transition(toy, 'open', 'drop')).toMatchObject({ ok: false, code: 'reason_required' });
    expect(transition(toy, 'open', 'drop', { role: 'boss', reason: '重复登记' })).toMatchObject({ ok: true, to: 'void' });
  });
  it('finds structural problems', () => {
    expect(workflowProblems(toy)).toEqual([]);
    const broken: WorkflowDefinition<S, A, R> = {
      ...toy,
      transitions: [
        { action: 'finish', from: ['open'], to: 'done', roles: ['owner'], reasonRequired: false },
        { action: 'finish', from: ['open', 'done'], to: 'done', roles: [], reasonRequired: false },
      ],
    };
    expect(workflowProblems(broken)).toEqual([
      'finish: no role may take it',
      'open/finish: more than one transition',
      'finish: leaves final state done',
      'void: unreachable from open',
    ]);
  });
  it('answers every (state, action) pair with a known state or a refusal naming the state (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...toy.states), fc.constantFrom<A>('finish', 'drop'), fc.constantFrom<R>('owner', 'boss'), fc.string(), (s, a, r, why) => {
        const res = transition(toy, s, a, { role: r, reason: why });
        if (res.ok) expect(toy.states).toContain(res.to);
        else expect(res.reason).toContain(`「${toy.stateLabel[s]}」`);
      }),
    );
  });
});
