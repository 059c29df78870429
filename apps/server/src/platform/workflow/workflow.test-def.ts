import type { WorkflowDefinition } from './workflow.definition.ts';

/**
 * A small workflow for the platform's own tests, written the way `packages/rules` writes one
 * (`MEETING_WORKFLOW`): 草稿 → 待审核 → 已通过 → 已归档, with 退回 and its reason, and one guard.
 */
type ProbeState = 'draft' | 'submitted' | 'returned' | 'approved' | 'archived';
export type ProbeAction = 'submit' | 'approve' | 'return' | 'archive';

export const PROBE_WORKFLOW = {
  id: 'probe-workflow',
  subjectLabel: '测试事项',
  states: ['draft', 'submitted', 'returned', 'approved', 'archived'],
  stateLabel: { draft: '草稿', submitted: '待审核', returned: '已退回', approved: '已通过', archived: '已归档' },
  initial: 'draft',
  final: ['archived'],
  actionLabel: { submit: '提交', approve: '审核通过', return: '退回', archive: '归档' },
  roleLabel: { secretary: '支部书记', street: '街道' },
  transitions: [
    { action: 'submit', from: ['draft', 'returned'], to: 'submitted', reasonRequired: false },
    { action: 'approve', from: ['submitted'], to: 'approved', roles: ['street'], reasonRequired: false },
    { action: 'return', from: ['submitted'], to: 'returned', roles: ['street'], reasonRequired: true },
    { action: 'archive', from: ['approved'], to: 'archived', guard: 'hasMinutes' },
  ],
} as const;

/** The data satisfies the platform's interface structurally, extra members and all (a compile-time check). */
export const probeDefinition: WorkflowDefinition<ProbeState, ProbeAction> = PROBE_WORKFLOW;
