import { describe, expect, it } from 'vitest';
import { RM_MEETING_WORKFLOW, RM_REPORT_WORKFLOW, RM_RULES_2026 } from './regionmeet.rules.ts';
import {
  emptyRmFigures,
  rmAssembleYear,
  rmDefaultYear,
  rmFollowupStatus,
  rmGrade,
  rmMaxTotal,
  rmMinutesDue,
  rmRespondBy,
  rmScore,
  rmSuggestUnitScores,
} from './regionmeet.ts';
import { transition, workflowProblems } from './workflow.ts';

const R = RM_RULES_2026;
const unitFull = { activities: 25, resources: 20, projects: 20, problems: 20, masses: 15 };

describe('rm-unit-criteria and rm-community-criteria (rule set rm-2026)', () => {
  it('rm-unit-criteria: 参加活动 25, 提供资源 20, 认领项目 20, 解决问题 20, 群众评价 15 — 100 in all', () => {
    expect(R.unitCriteria.map((c) => [c.label, c.max])).toEqual([
      ['参加活动', 25],
      ['提供资源', 20],
      ['认领项目', 20],
      ['解决问题', 20],
      ['群众评价', 15],
    ]);
    expect(rmMaxTotal(R.unitCriteria)).toBe(100);
  });

  it('rm-community-criteria: 沟通协调 35, 服务保障 35, 需求响应 30 — 100 in all', () => {
    expect(R.communityCriteria.map((c) => [c.label, c.max])).toEqual([
      ['沟通协调', 35],
      ['服务保障', 35],
      ['需求响应', 30],
    ]);
    expect(rmMaxTotal(R.communityCriteria)).toBe(100);
  });
});

describe('rm-score-range and rm-grade-bands', () => {
  it('rm-score-range: sums the points of every criterion', () => {
    expect(rmScore(R.unitCriteria, unitFull)).toMatchObject({ ok: true, total: 100, grade: { grade: 'excellent', label: '优秀' } });
    expect(rmScore(R.communityCriteria, { coordination: 30, support: 28, response: 20 })).toMatchObject({ ok: true, total: 78, grade: { label: '良好' } });
  });

  it('rm-score-range: refuses a missing, fractional, negative, too high or unknown item, naming it', () => {
    expect(rmScore(R.unitCriteria, { ...unitFull, masses: undefined as unknown as number })).toEqual({
      ok: false,
      field: 'masses',
      refusal: '请为「群众评价」打分（0–15 分）',
    });
    expect(rmScore(R.unitCriteria, { ...unitFull, activities: 26 })).toEqual({
      ok: false,
      field: 'activities',
      refusal: '「参加活动」的得分应为 0 到 25 之间的整数',
    });
    expect(rmScore(R.unitCriteria, { ...unitFull, problems: -1 })).toMatchObject({ ok: false, field: 'problems' });
    expect(rmScore(R.unitCriteria, { ...unitFull, projects: 2.5 })).toMatchObject({ ok: false, field: 'projects' });
    expect(rmScore(R.communityCriteria, { coordination: 1, support: 1, response: 1, bonus: 5 })).toEqual({
      ok: false,
      field: 'bonus',
      refusal: '评价项目「bonus」不在本评价标准中',
    });
  });

  it('rm-grade-bands: 优秀 from 90, 良好 from 75, 一般 from 60, 较差 below', () => {
    expect([100, 90, 89, 75, 74, 60, 59, 0].map((t) => rmGrade(t).label)).toEqual(['优秀', '优秀', '良好', '良好', '一般', '一般', '较差', '较差']);
  });
});

describe('rm-suggest (points the records suggest for a unit)', () => {
  it('counts activities, resources and money, projects and claims, problems; each capped at its maximum', () => {
    const f = { ...emptyRmFigures(), activities: 3, resources: 1, fundsFen: 2_500_000, projects: 1, needsClaimed: 1, problemsSolved: 2 };
    expect(rmSuggestUnitScores(f)).toEqual({ activities: 15, resources: 5 + 2 * 4, projects: 20, problems: 8, masses: 8 });
    const many = { ...f, activities: 40, problemsSolved: 30, projects: 5 };
    expect(rmSuggestUnitScores(many)).toMatchObject({ activities: 25, projects: 20, problems: 20 });
  });

  it('群众评价 is the share of 满意 among the beneficiaries’ ratings; none gives half the points', () => {
    expect(rmSuggestUnitScores({ ...emptyRmFigures(), feedbacks: 4, satisfied: 3 }).masses).toBe(11);
    expect(rmSuggestUnitScores(emptyRmFigures()).masses).toBe(8);
  });
});

describe('rm time limits', () => {
  it('rm-followup-lead: done, overdue after the due date, due soon within 7 days, open beyond', () => {
    const today = '2026-11-22';
    expect(rmFollowupStatus({ dueOn: '2026-11-01', doneOn: '2026-11-02' }, today)).toBe('done');
    expect(rmFollowupStatus({ dueOn: '2026-11-21', doneOn: null }, today)).toBe('overdue');
    expect(rmFollowupStatus({ dueOn: '2026-11-22', doneOn: null }, today)).toBe('due_soon');
    expect(rmFollowupStatus({ dueOn: '2026-11-29', doneOn: null }, today)).toBe('due_soon');
    expect(rmFollowupStatus({ dueOn: '2026-11-30', doneOn: null }, today)).toBe('open');
  });

  it('rm-minutes-days: minutes are due 7 days after the meeting', () => {
    expect(rmMinutesDue('2026-12-28')).toBe('2027-01-04');
  });

  it('rm-respond-by: a year’s report and ratings are due by 31 March of the next year', () => {
    expect(rmRespondBy(2025)).toBe('2026-03-31');
  });

  it('rm-assemble-month: the job assembles last year’s reports in January only', () => {
    expect(rmAssembleYear('2027-01-05')).toBe(2026);
    expect(rmAssembleYear('2026-11-22')).toBeNull();
    expect(rmDefaultYear('2026-11-22')).toBe(2025);
  });
});

describe('rm-meeting-workflow and rm-report-workflow', () => {
  it('are sound workflows', () => {
    expect(workflowProblems(RM_MEETING_WORKFLOW)).toEqual([]);
    expect(workflowProblems(RM_REPORT_WORKFLOW)).toEqual([]);
  });

  it('rm-meeting-workflow: 草稿 → 已召开 → 已归档; reopening and cancelling need a reason', () => {
    expect(transition(RM_MEETING_WORKFLOW, 'draft', 'hold')).toMatchObject({ ok: true, to: 'held' });
    expect(transition(RM_MEETING_WORKFLOW, 'held', 'archive')).toMatchObject({ ok: true, to: 'archived' });
    expect(transition(RM_MEETING_WORKFLOW, 'draft', 'archive')).toMatchObject({ ok: false, reason: '联席会议当前为「草稿」，不能办理「归档」' });
    expect(transition(RM_MEETING_WORKFLOW, 'archived', 'reopen', { reason: ' ' })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(transition(RM_MEETING_WORKFLOW, 'held', 'cancel')).toMatchObject({ ok: false, code: 'illegal_transition' });
  });

  it('rm-report-workflow: confirmed or corrected once; a correction needs its note', () => {
    expect(transition(RM_REPORT_WORKFLOW, 'pending', 'confirm', { role: 'subject' })).toMatchObject({ ok: true, to: 'confirmed' });
    expect(transition(RM_REPORT_WORKFLOW, 'pending', 'correct', { role: 'subject' })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(transition(RM_REPORT_WORKFLOW, 'confirmed', 'correct', { reason: '人数有误' })).toMatchObject({ ok: false, code: 'illegal_transition' });
  });
});
