import { describe, expect, it } from 'vitest';
import { DIRECTIVE_TARGET_STATES, type DirectiveTargetState } from '@jiceng/contracts';
import {
  directiveCounts,
  directiveDueRefusal,
  directiveExtensionDecideBy,
  directiveExtensionRefusal,
  directiveForwardDueRefusal,
  directiveRecipientCountRefusal,
  directiveRecipientRefusal,
  directiveReminderStage,
  directiveRemindRefusal,
  directiveSignStep,
  directiveTargetStatus,
} from './directive.ts';
import { DIRECTIVE_RULES_2026 as R } from './directive.rules.ts';
import { DIRECTIVE_TARGET_WORKFLOW, DIRECTIVE_WORKFLOW, type DirectiveRole, type DirectiveStep } from './directive-workflow.ts';
import { transition, workflowProblems } from './workflow.ts';

const TODAY = '2026-11-22';

/** The recipient's workflow written out independently of the definition: (state, step) → [to, role, reason required]. */
const LEGAL: Record<string, [DirectiveTargetState, DirectiveRole, boolean]> = {
  'sent/acknowledge': ['acknowledged', 'recipient', false],
  'sent/sign_notice': ['done', 'recipient', false],
  'acknowledged/report': ['done', 'recipient', false],
  'extension/report': ['done', 'recipient', false],
  'acknowledged/request_extension': ['extension', 'recipient', true],
  'extension/grant_extension': ['acknowledged', 'issuer', false],
  'extension/refuse_extension': ['acknowledged', 'issuer', true],
  'sent/close': ['unfinished', 'sender', false],
  'acknowledged/close': ['unfinished', 'sender', false],
  'extension/close': ['unfinished', 'sender', false],
};
const STEPS = Object.keys(DIRECTIVE_TARGET_WORKFLOW.actionLabel) as DirectiveStep[];
const ROLES: DirectiveRole[] = ['recipient', 'issuer', 'sender'];

describe('rule directive-target-workflow (签收 → 上报完成, 延期 decided once, 未完成 at close)', () => {
  it('is a sound definition with Chinese names', () => {
    expect(workflowProblems(DIRECTIVE_TARGET_WORKFLOW)).toEqual([]);
    expect(workflowProblems(DIRECTIVE_WORKFLOW)).toEqual([]);
    expect(DIRECTIVE_TARGET_STATES.map((s) => DIRECTIVE_TARGET_WORKFLOW.stateLabel[s])).toEqual(['未签收', '已签收', '延期申请中', '已完成', '未完成']);
  });

  it('allows every legal step to its state, only for its role, with a reason where one is required', () => {
    for (const [key, [to, role, needsReason]] of Object.entries(LEGAL)) {
      const [from, step] = key.split('/') as [DirectiveTargetState, DirectiveStep];
      expect(transition(DIRECTIVE_TARGET_WORKFLOW, from, step, { role, reason: '原因' }), key).toMatchObject({ ok: true, to });
      for (const other of ROLES.filter((r) => r !== role))
        expect(transition(DIRECTIVE_TARGET_WORKFLOW, from, step, { role: other, reason: '原因' }).ok, `${key} by ${other}`).toBe(false);
      expect(transition(DIRECTIVE_TARGET_WORKFLOW, from, step, { role, reason: ' ' }).ok, `${key} blank reason`).toBe(!needsReason);
    }
  });

  it('refuses every other step naming the state: a decided request cannot be decided again', () => {
    for (const from of DIRECTIVE_TARGET_STATES)
      for (const step of STEPS) {
        if (LEGAL[`${from}/${step}`]) continue;
        const r = transition(DIRECTIVE_TARGET_WORKFLOW, from, step, { role: 'issuer', reason: '原因' });
        expect(r, `${from}/${step}`).toMatchObject({ ok: false, code: 'illegal_transition' });
      }
    expect(transition(DIRECTIVE_TARGET_WORKFLOW, 'acknowledged', 'grant_extension', { role: 'issuer' })).toMatchObject({
      ok: false,
      reason: '该任务当前为「已签收」，不能办理「同意延期」',
    });
  });
});

describe('rule directive-notice-ack', () => {
  it('ends a notice at its 签收, a task only at 上报完成', () => {
    expect(directiveSignStep('notice')).toBe('sign_notice');
    expect(directiveSignStep('task')).toBe('acknowledge');
    expect(directiveSignStep('notice', { ...R, noticeNeedsOnlyAck: false })).toBe('acknowledge');
  });
});

describe('rule directive-due-window and directive-forward-due', () => {
  it('takes today up to dueMaxDays ahead', () => {
    expect(directiveDueRefusal(TODAY, TODAY)).toBeNull();
    expect(directiveDueRefusal('2026-11-21', TODAY)).toBe('办结期限不能早于今天（2026-11-22）');
    expect(directiveDueRefusal('2027-11-23', TODAY)).toBeNull();
    expect(directiveDueRefusal('2027-11-24', TODAY)).toBe('办结期限最长为 366 天，不能晚于 2027-11-23');
  });

  it('keeps a forwarded task within the forwarder’s own due date', () => {
    expect(directiveForwardDueRefusal('2026-11-30', '2026-11-30', TODAY)).toBeNull();
    expect(directiveForwardDueRefusal('2026-12-01', '2026-11-30', TODAY)).toBe('下级办结期限不能晚于本单位的办结期限（2026-11-30）');
    expect(directiveForwardDueRefusal('2026-11-01', '2026-11-30', TODAY)).toMatch(/不能早于今天/);
  });
});

describe('rule directive-recipients', () => {
  const street = '1.2';
  it('takes active organizations strictly below the sender, never a 党小组', () => {
    expect(directiveRecipientRefusal({ name: '社区', type: 'committee', status: 'active', path: '1.2.3' }, street)).toBeNull();
    expect(directiveRecipientRefusal({ name: '支部', type: 'branch', status: 'active', path: '1.2.3.4' }, street)).toBeNull();
    expect(directiveRecipientRefusal({ name: '街道', type: 'working_committee', status: 'active', path: street }, street)).toMatch(/不能下发给自己/);
    expect(directiveRecipientRefusal({ name: '邻街', type: 'committee', status: 'active', path: '1.22' }, street)).toMatch(/不在本单位下级/);
    expect(directiveRecipientRefusal({ name: '旧社区', type: 'committee', status: 'dissolved', path: '1.2.5' }, street)).toMatch(/已撤销/);
    expect(directiveRecipientRefusal({ name: '第一党小组', type: 'group', status: 'active', path: '1.2.3.4.5' }, street)).toBe(
      '「第一党小组」是党小组，不是一级党组织，不能接收任务',
    );
  });

  it('names at least one and at most recipientsMax', () => {
    expect(directiveRecipientCountRefusal(0)).toBe('请选择接收单位');
    expect(directiveRecipientCountRefusal(R.recipientsMax)).toBeNull();
    expect(directiveRecipientCountRefusal(R.recipientsMax + 1)).toMatch(/一次最多下发给 500 个组织/);
  });
});

describe('rule directive-reminder-lead', () => {
  it('is due from reminderLeadDays before the day, overdue after it', () => {
    expect(directiveReminderStage('2026-11-26', TODAY)).toBeNull();
    expect(directiveReminderStage('2026-11-25', TODAY)).toBe('due');
    expect(directiveReminderStage(TODAY, TODAY)).toBe('due');
    expect(directiveReminderStage('2026-11-21', TODAY)).toBe('overdue');
  });

  it('shows an open recipient past its day as 逾期, but a waiting extension request as it is', () => {
    expect(directiveTargetStatus({ state: 'sent', dueOn: '2026-11-21' }, TODAY)).toBe('overdue');
    expect(directiveTargetStatus({ state: 'acknowledged', dueOn: TODAY }, TODAY)).toBe('acknowledged');
    expect(directiveTargetStatus({ state: 'extension', dueOn: '2026-11-21' }, TODAY)).toBe('extension');
    expect(directiveTargetStatus({ state: 'done', dueOn: '2026-11-01' }, TODAY)).toBe('done');
    const c = directiveCounts(
      [
        { state: 'sent', dueOn: '2026-11-30' },
        { state: 'sent', dueOn: '2026-11-01' },
        { state: 'acknowledged', dueOn: '2026-11-30' },
        { state: 'done', dueOn: '2026-11-30' },
        { state: 'unfinished', dueOn: '2026-11-01' },
      ],
      TODAY,
    );
    expect(c).toEqual({ total: 5, sent: 1, acknowledged: 1, extension: 0, overdue: 1, done: 1, unfinished: 1, notAcknowledged: 2 });
  });
});

describe('rule directive-extension', () => {
  const ask = (requested: string, over: Partial<{ dueOn: string; today: string; asked: number }> = {}) =>
    directiveExtensionRefusal({ dueOn: '2026-11-30', requested, today: TODAY, asked: 0, ...over });
  it('asks before the day passes, for a later date at most extensionMaxDays on, at most extensionRequestsMax times', () => {
    expect(ask('2026-12-30')).toBeNull();
    expect(ask('2026-12-31')).toBe('每次最多延期 30 天，不能晚于 2026-12-30');
    expect(ask('2026-11-30')).toBe('延期后的日期应晚于现在的办结期限（2026-11-30）');
    expect(ask('2026-12-10', { today: '2026-11-30' })).toBeNull();
    expect(ask('2026-12-10', { today: '2026-12-01' })).toMatch(/已过，不能再申请延期/);
    expect(ask('2026-12-10', { asked: 2 })).toBe('每个接收单位最多申请延期 2 次，已申请 2 次');
  });

  it('gives the issuer extensionDecisionDays to decide', () => {
    expect(directiveExtensionDecideBy(TODAY)).toBe('2026-11-25');
  });
});

describe('rule directive-remind-daily', () => {
  it('reminds a recipient at most once a day', () => {
    expect(directiveRemindRefusal(null, TODAY)).toBeNull();
    expect(directiveRemindRefusal(TODAY, TODAY)).toBe('今天已催办过');
    expect(directiveRemindRefusal('2026-11-21', TODAY)).toBeNull();
  });
});
