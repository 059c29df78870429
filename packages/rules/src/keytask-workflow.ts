import { ktTaskStateLabel, type KtTaskState } from '@jiceng/contracts';
import type { WorkflowDefinition } from './workflow.ts';

export type KtAction = 'publish' | 'assign' | 'complete' | 'accept' | 'reject' | 'cancel';
/** owner: the committee whose plan it is (and above); lead: the confirmed 牵头 organization. */
export type KtRole = 'owner' | 'lead';

/**
 * Rule kt-workflow: a key task goes on the board when its plan is published, is 已落实 when the plan
 * owner confirms a lead claim (one lead only: the transition and a unique index settle two
 * confirmations at once), 已完成 when the lead reports it done, 已验收 when acceptance passes; a
 * failed acceptance returns it to the lead, and the owner may cancel it with a reason until it is done.
 */
export const KT_WORKFLOW: WorkflowDefinition<KtTaskState, KtAction, KtRole> = {
  id: 'kt-workflow-2026',
  subjectLabel: '重点任务',
  states: ['draft', 'open', 'assigned', 'completed', 'accepted', 'cancelled'],
  stateLabel: ktTaskStateLabel,
  initial: 'draft',
  final: ['accepted', 'cancelled'],
  actionLabel: { publish: '发布上榜', assign: '确认牵头单位', complete: '报告完成', accept: '验收通过', reject: '验收不通过', cancel: '撤销' },
  roleLabel: { owner: '计划制定单位', lead: '牵头单位' },
  transitions: [
    { action: 'publish', from: ['draft'], to: 'open', roles: ['owner'], reasonRequired: false },
    { action: 'assign', from: ['open'], to: 'assigned', roles: ['owner'], reasonRequired: false },
    { action: 'complete', from: ['assigned'], to: 'completed', roles: ['lead'], reasonRequired: false },
    { action: 'accept', from: ['completed'], to: 'accepted', roles: ['owner'], reasonRequired: false },
    { action: 'reject', from: ['completed'], to: 'assigned', roles: ['owner'], reasonRequired: true },
    { action: 'cancel', from: ['draft', 'open', 'assigned'], to: 'cancelled', roles: ['owner'], reasonRequired: true },
  ],
};
