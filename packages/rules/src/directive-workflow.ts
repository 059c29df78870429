import { directiveStateLabel, directiveTargetStateLabel, type DirectiveState, type DirectiveTargetState } from '@jiceng/contracts';
import type { WorkflowDefinition } from './workflow.ts';

export type DirectiveStep = 'acknowledge' | 'sign_notice' | 'report' | 'request_extension' | 'grant_extension' | 'refuse_extension' | 'close';
/**
 * recipient: an account of the receiving organization; issuer: of the organization that sent it to
 * the recipient (the sender, or the recipient above that forwarded it); sender: of the directive's
 * sending organization.
 */
export type DirectiveRole = 'recipient' | 'issuer' | 'sender';

/** States a recipient still owes an answer in. */
export const DIRECTIVE_OPEN_TARGET_STATES: readonly DirectiveTargetState[] = ['sent', 'acknowledged', 'extension'];

/**
 * Rule directive-target-workflow: a recipient is sent the task (未签收), signs for it (已签收) and
 * reports it done with its evidence (已完成); a 通知 is complete at its 签收 (rule
 * directive-notice-ack). A signed recipient may ask for more time (延期申请中, with the reason); the
 * issuer grants it (the due date moves) or refuses it with a reason, once — either way back to
 * 已签收; a recipient may report done while its request waits (the request then lapses). When the
 * sender closes the directive, every recipient still open ends 未完成.
 */
export const DIRECTIVE_TARGET_WORKFLOW: WorkflowDefinition<DirectiveTargetState, DirectiveStep, DirectiveRole> = {
  id: 'directive-target-workflow-2026',
  subjectLabel: '该任务',
  states: ['sent', 'acknowledged', 'extension', 'done', 'unfinished'],
  stateLabel: directiveTargetStateLabel,
  initial: 'sent',
  final: ['done', 'unfinished'],
  actionLabel: {
    acknowledge: '签收',
    sign_notice: '签收通知',
    report: '上报完成',
    request_extension: '申请延期',
    grant_extension: '同意延期',
    refuse_extension: '不同意延期',
    close: '关闭任务',
  },
  roleLabel: { recipient: '接收单位', issuer: '下发单位', sender: '发起单位' },
  transitions: [
    { action: 'acknowledge', from: ['sent'], to: 'acknowledged', roles: ['recipient'], reasonRequired: false },
    { action: 'sign_notice', from: ['sent'], to: 'done', roles: ['recipient'], reasonRequired: false },
    { action: 'report', from: ['acknowledged', 'extension'], to: 'done', roles: ['recipient'], reasonRequired: false },
    { action: 'request_extension', from: ['acknowledged'], to: 'extension', roles: ['recipient'], reasonRequired: true },
    { action: 'grant_extension', from: ['extension'], to: 'acknowledged', roles: ['issuer'], reasonRequired: false },
    { action: 'refuse_extension', from: ['extension'], to: 'acknowledged', roles: ['issuer'], reasonRequired: true },
    { action: 'close', from: ['sent', 'acknowledged', 'extension'], to: 'unfinished', roles: ['sender'], reasonRequired: false },
  ],
};

export type DirectiveAction = 'close';

/** Rule directive-workflow: a directive is open (办理中) until its sender closes it (已关闭). */
export const DIRECTIVE_WORKFLOW: WorkflowDefinition<DirectiveState, DirectiveAction, 'sender'> = {
  id: 'directive-workflow-2026',
  subjectLabel: '该下发任务',
  states: ['open', 'closed'],
  stateLabel: directiveStateLabel,
  initial: 'open',
  final: ['closed'],
  actionLabel: { close: '关闭' },
  roleLabel: { sender: '发起单位' },
  transitions: [{ action: 'close', from: ['open'], to: 'closed', roles: ['sender'], reasonRequired: false }],
};
