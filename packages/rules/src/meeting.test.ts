import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEETING_TYPE_RULES, MEETING_TYPES, MEETING_WORKFLOW, meetingTypeLabel, type MeetingAction, type MeetingState } from './meeting.rules.ts';
import { meetingActions, meetingEditable, meetingTransition } from './meeting.ts';
import { workflowProblems } from './workflow.ts';

describe('meeting types (domain-rules §2 [A2][A15][A16][A17][B3])', () => {
  it('labels every type in Chinese', () => {
    expect(MEETING_TYPES.map((t) => meetingTypeLabel[t])).toEqual([
      '支部党员大会',
      '支委会',
      '党小组会',
      '党课',
      '主题党日',
      '组织生活会',
      '民主评议会',
      '谈心谈话',
      '其他',
    ]);
  });
  it('expects the branch at 党员大会, the committee at 支委会, the group at 党小组会, pairs at 谈心谈话 [A2][A16]', () => {
    expect(MEETING_TYPE_RULES.branch_assembly.audience).toBe('branch_members');
    expect(MEETING_TYPE_RULES.committee_meeting.audience).toBe('committee');
    expect(MEETING_TYPE_RULES.group_meeting).toEqual({ audience: 'group', convener: 'group_leader', quorum: null });
    expect(MEETING_TYPE_RULES.heart_talk.audience).toBe('pair');
  });
  it('counts the quorum of 党员大会 over voting members and of 支委会 over 委员 [A2][A3][A21]', () => {
    expect(MEETING_TYPE_RULES.branch_assembly.quorum).toBe('voting_members');
    expect(MEETING_TYPE_RULES.committee_meeting.quorum).toBe('committee_members');
  });
});

describe('rule meeting-workflow-2026 (issue 9)', () => {
  it('is a sound definition', () => {
    expect(workflowProblems(MEETING_WORKFLOW)).toEqual([]);
  });
  it('runs plan → notice → held → recorded → submitted → reviewed → archived', () => {
    const path: [MeetingAction, 'secretary' | 'supervisor'][] = [
      ['notify', 'secretary'],
      ['hold', 'secretary'],
      ['record', 'secretary'],
      ['submit', 'secretary'],
      ['approve', 'supervisor'],
      ['archive', 'secretary'],
    ];
    let s: MeetingState = 'plan';
    const seen: MeetingState[] = [s];
    for (const [action, role] of path) {
      const r = meetingTransition(s, action, { role });
      if (!r.ok) throw new Error(r.reason);
      s = r.to;
      seen.push(s);
    }
    expect(seen).toEqual(['plan', 'notice', 'held', 'recorded', 'submitted', 'reviewed', 'archived']);
  });
  it('lets only the supervisor send back, with a reason, and the secretary resubmit', () => {
    expect(meetingTransition('submitted', 'return', { role: 'secretary', reason: '缺签字' })).toEqual({
      ok: false,
      code: 'role_not_allowed',
      reason: '会议当前为「已提交审核」，「退回修改」只能由督导员办理',
    });
    expect(meetingTransition('submitted', 'return', { role: 'supervisor', reason: '' })).toEqual({
      ok: false,
      code: 'reason_required',
      reason: '会议当前为「已提交审核」，「退回修改」须填写原因',
    });
    expect(meetingTransition('submitted', 'return', { role: 'supervisor', reason: '缺少主持人签字' })).toMatchObject({ ok: true, to: 'returned' });
    expect(meetingTransition('returned', 'submit', { role: 'secretary' })).toMatchObject({ ok: true, to: 'submitted' });
    expect(meetingTransition('submitted', 'approve', { role: 'secretary' }).ok).toBe(false);
  });
  it('cancels only a meeting not yet held, with a reason', () => {
    expect(meetingTransition('notice', 'cancel', { role: 'secretary', reason: '改期' })).toMatchObject({ ok: true, to: 'cancelled' });
    expect(meetingTransition('held', 'cancel', { role: 'secretary', reason: '改期' })).toEqual({
      ok: false,
      code: 'illegal_transition',
      reason: '会议当前为「已召开」，不能办理「取消会议」',
    });
  });
  it('keeps an approved record out of the secretary’s hands', () => {
    expect(meetingEditable('returned')).toBe(true);
    expect(meetingEditable('submitted')).toBe(false);
    expect(meetingEditable('reviewed')).toBe(false);
    expect(meetingActions('reviewed', 'secretary')).toEqual(['archive']);
    expect(meetingActions('submitted', 'supervisor')).toEqual(['return', 'approve']);
  });
  it('never leaves archived or cancelled (property)', () => {
    const actions = MEETING_WORKFLOW.transitions.map((t) => t.action);
    fc.assert(
      fc.property(fc.constantFrom<MeetingState>('archived', 'cancelled'), fc.constantFrom(...actions), (s, a) => {
        const r = meetingTransition(s, a, { reason: '原因' });
        expect(r).toMatchObject({ ok: false, code: 'illegal_transition' });
      }),
    );
  });
});
