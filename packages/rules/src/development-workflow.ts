import { devStageLabel, type DevStage } from '@jiceng/contracts';
import type { WorkflowDefinition } from './workflow.ts';

export type DevState = DevStage | 'stopped' | 'cancelled';
export type DevAction = 'record' | 'activist' | 'candidate' | 'approve' | 'confirm' | 'cancel' | 'stop';
export type DevRole = 'branch' | 'superior';

const ACTIVE: readonly DevState[] = ['applicant', 'activist', 'candidate', 'probationary', 'full'];

/**
 * Rule dev-workflow: the path's states and the steps between them. Every recorded step is one
 * transition — 'record' keeps the stage; the 积极分子 and 发展对象 decisions, the approval (预备党员)
 * and the 转正 approval move it; a failed 政审 or the branch's decision stops it (with a reason).
 */
export const DEV_WORKFLOW: WorkflowDefinition<DevState, DevAction, DevRole> = {
  id: 'dev-workflow-2014',
  subjectLabel: '发展对象',
  states: [...ACTIVE, 'stopped', 'cancelled'],
  stateLabel: { ...devStageLabel, stopped: '已终止培养', cancelled: '已取消预备党员资格' },
  initial: 'applicant',
  final: ['stopped', 'cancelled'],
  actionLabel: {
    record: '办理步骤',
    activist: '确定为入党积极分子',
    candidate: '确定为发展对象',
    approve: '审批为预备党员',
    confirm: '审批转正',
    cancel: '取消预备党员资格',
    stop: '终止培养',
  },
  roleLabel: { branch: '党支部', superior: '上级党委' },
  transitions: [
    ...ACTIVE.map((s) => ({ action: 'record' as const, from: [s], to: s, roles: ['branch', 'superior'] as const, reasonRequired: false })),
    { action: 'activist', from: ['applicant'], to: 'activist', roles: ['branch'], reasonRequired: false },
    { action: 'candidate', from: ['activist'], to: 'candidate', roles: ['branch'], reasonRequired: false },
    { action: 'approve', from: ['candidate'], to: 'probationary', roles: ['superior'], reasonRequired: false },
    { action: 'confirm', from: ['probationary'], to: 'full', roles: ['superior'], reasonRequired: false },
    { action: 'cancel', from: ['probationary'], to: 'cancelled', roles: ['superior'], reasonRequired: false },
    { action: 'stop', from: ['applicant', 'activist', 'candidate'], to: 'stopped', roles: ['branch', 'superior'], reasonRequired: true },
  ],
};
