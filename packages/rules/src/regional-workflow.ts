import type { WorkflowDefinition } from './workflow.ts';

/**
 * The needs' and projects' workflows as data (区域化党建, issue 14 [R1] in regional.rules.ts). The
 * steps and their order follow the wording of the practice; who takes each is Jiceng design.
 */

export type RgNeedState = 'open' | 'claimed' | 'in_progress' | 'completed' | 'rated' | 'closed';
export type RgNeedAction = 'claim' | 'propose' | 'release' | 'start' | 'complete' | 'rate' | 'close';
/** The community's side (社区/村/网格 staff), a 驻区单位, or the system (a project's step carried to its need). */
export type RgNeedRole = 'community' | 'unit' | 'system';

/**
 * Rule rg-need-workflow: 待认领 → 已认领 (a unit claims it, or the community proposes a project to
 * units) → 实施中 (the project starts) → 已完成 → 已评价; 已关闭 with a reason from any open state. A
 * claim or proposal that comes to nothing releases the need back to 待认领.
 */
export const RG_NEED_WORKFLOW: WorkflowDefinition<RgNeedState, RgNeedAction, RgNeedRole> = {
  id: 'rg-need-workflow',
  subjectLabel: '需求',
  states: ['open', 'claimed', 'in_progress', 'completed', 'rated', 'closed'],
  stateLabel: { open: '待认领', claimed: '已认领', in_progress: '实施中', completed: '已完成', rated: '已评价', closed: '已关闭' },
  initial: 'open',
  final: ['rated', 'closed'],
  actionLabel: { claim: '认领', propose: '立项对接', release: '退回待认领', start: '开始实施', complete: '完成', rate: '评价', close: '关闭' },
  roleLabel: { community: '社区', unit: '驻区单位', system: '系统' },
  transitions: [
    { action: 'claim', from: ['open'], to: 'claimed', roles: ['unit'], reasonRequired: false },
    { action: 'propose', from: ['open', 'claimed'], to: 'claimed', roles: ['community'], reasonRequired: false },
    { action: 'release', from: ['claimed', 'in_progress'], to: 'open', roles: ['community', 'unit', 'system'], reasonRequired: true },
    { action: 'start', from: ['claimed'], to: 'in_progress', roles: ['system'], reasonRequired: false },
    { action: 'complete', from: ['in_progress'], to: 'completed', roles: ['system'], reasonRequired: false },
    { action: 'rate', from: ['completed'], to: 'rated', roles: ['system'], reasonRequired: false },
    { action: 'close', from: ['open', 'claimed', 'in_progress'], to: 'closed', roles: ['community'], reasonRequired: true },
  ],
};

export type RgProjectState = 'proposed' | 'active' | 'completed' | 'rated' | 'withdrawn';
export type RgProjectAction = 'start' | 'complete' | 'rate' | 'withdraw';
export type RgProjectRole = 'community' | 'system';

/**
 * Rule rg-project-workflow: 立项 makes a project 待单位确认 (proposed) until every unit in it has
 * agreed, then 实施中 (the last consent starts it: `start`, taken by the system); 完成 with the
 * results; 评价 by the community. 撤销 with a reason before completion (a unit declining withdraws a
 * proposed project, and its need returns to 待认领).
 */
export const RG_PROJECT_WORKFLOW: WorkflowDefinition<RgProjectState, RgProjectAction, RgProjectRole> = {
  id: 'rg-project-workflow',
  subjectLabel: '项目',
  states: ['proposed', 'active', 'completed', 'rated', 'withdrawn'],
  stateLabel: { proposed: '待单位确认', active: '实施中', completed: '已完成', rated: '已评价', withdrawn: '已撤销' },
  initial: 'proposed',
  final: ['rated', 'withdrawn'],
  actionLabel: { start: '开始实施', complete: '完成项目', rate: '评价', withdraw: '撤销项目' },
  roleLabel: { community: '社区', system: '系统' },
  transitions: [
    { action: 'start', from: ['proposed'], to: 'active', roles: ['system'], reasonRequired: false },
    { action: 'complete', from: ['active'], to: 'completed', roles: ['community'], reasonRequired: false },
    { action: 'rate', from: ['completed'], to: 'rated', roles: ['community'], reasonRequired: false },
    { action: 'withdraw', from: ['proposed', 'active'], to: 'withdrawn', roles: ['community', 'system'], reasonRequired: true },
  ],
};
