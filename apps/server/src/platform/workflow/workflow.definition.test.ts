import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { availableActions, checkTransition, validateDefinition, type WorkflowDefinition } from './workflow.definition.ts';
import { PROBE_WORKFLOW } from './workflow.test-def.ts';

const street = { id: null, displayName: '街道', role: 'street' };
const secretary = { id: null, displayName: '书记', role: 'secretary' };

const refusal = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('no refusal');
};

describe('workflow definition', () => {
  it('accepts as-const rule data and the guards it names', () => {
    expect(() => validateDefinition(PROBE_WORKFLOW, ['hasMinutes'])).not.toThrow();
  });

  it('refuses a definition naming an unknown state, an unsupplied guard, an unlabeled state or two steps for one state and action', () => {
    expect(() => validateDefinition(PROBE_WORKFLOW)).toThrow(/guard hasMinutes/);
    const one = (over: Partial<WorkflowDefinition>): WorkflowDefinition => ({ states: ['a'], stateLabel: { a: '甲' }, transitions: [], ...over });
    expect(() => validateDefinition(one({ transitions: [{ action: 'go', from: ['a'], to: 'b' }] }))).toThrow(/unknown state b/);
    expect(() => validateDefinition(one({ stateLabel: { a: '' } }))).toThrow(/no label/);
    expect(() => validateDefinition(one({ transitions: [{ action: 'go', from: [], to: 'a' }] }))).toThrow(/no state/);
    const twice = [
      { action: 'go', from: ['a'], to: 'a' },
      { action: 'go', from: ['a'], to: 'a' },
    ];
    expect(() => validateDefinition(one({ transitions: twice }))).toThrow(/two steps/);
  });

  it('answers an illegal transition with a Chinese 409 naming the current state', () => {
    const e = refusal(() => checkTransition(PROBE_WORKFLOW, { action: 'archive', state: 'draft', actor: street }));
    expect([e.status, e.code]).toEqual([409, 'CONFLICT']);
    expect(e.message).toBe('测试事项当前为「草稿」，不能办理「归档」');
    expect(e.details).toEqual({ state: 'draft', stateLabel: '草稿' });
  });

  it('answers a role that may not act with 403 saying who may, after the state check', () => {
    const e = refusal(() => checkTransition(PROBE_WORKFLOW, { action: 'approve', state: 'submitted', actor: secretary }));
    expect([e.status, e.code, e.message]).toEqual([403, 'FORBIDDEN', '「审核通过」只能由街道办理']);
    expect(refusal(() => checkTransition(PROBE_WORKFLOW, { action: 'approve', state: 'draft', actor: secretary })).status).toBe(409);
    expect(refusal(() => checkTransition(PROBE_WORKFLOW, { action: 'approve', state: 'submitted', actor: { id: null, displayName: null } })).status).toBe(403);
  });

  it('answers a missing required reason (empty or blank) with 400', () => {
    for (const reason of [undefined, null, '', '   ']) {
      const e = refusal(() => checkTransition(PROBE_WORKFLOW, { action: 'return', state: 'submitted', actor: street, reason }));
      expect([e.status, e.message]).toEqual([400, '办理「退回」须填写原因']);
    }
    expect(checkTransition(PROBE_WORKFLOW, { action: 'return', state: 'submitted', actor: street, reason: '材料不全' }).to).toBe('returned');
  });

  it('refuses an action the definition does not know with 400', () => {
    expect(refusal(() => checkTransition(PROBE_WORKFLOW, { action: 'fly' as 'submit', state: 'draft', actor: street })).status).toBe(400);
  });

  it('lists the actions a role may take from a state', () => {
    expect(availableActions(PROBE_WORKFLOW, 'submitted', street)).toEqual(['approve', 'return']);
    expect(availableActions(PROBE_WORKFLOW, 'submitted', secretary)).toEqual([]);
    expect(availableActions(PROBE_WORKFLOW, 'returned', secretary)).toEqual(['submit']);
  });
});
