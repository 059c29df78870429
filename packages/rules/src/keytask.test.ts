import { describe, expect, it } from 'vitest';
import { KT_RULES_2026, KT_WORKFLOW, ktAccountabilityRefusal, ktExpectedProgress, ktLag, ktPasses, ktRank, ktRollUp, type KtLagInput } from './index.ts';
import { transition as checkTransition, workflowProblems } from './workflow.ts';

const base: KtLagInput = {
  state: 'assigned',
  start: '2026-01-01',
  deadline: '2026-12-31',
  progress: 50,
  reported: true,
  milestones: [],
  today: '2026-07-01',
};
const rules = (r: { rule: string }[]) => r.map((x) => x.rule);

describe('key tasks: lag (rule set kt-2026)', () => {
  it('kt-lag-expected: the elapsed share of the planned time', () => {
    expect(ktExpectedProgress('2026-01-01', '2026-12-31', '2026-01-01')).toBe(0);
    expect(ktExpectedProgress('2026-01-01', '2026-12-31', '2026-07-02')).toBe(50);
    expect(ktExpectedProgress('2026-01-01', '2026-12-31', '2027-03-01')).toBe(100);
    expect(ktExpectedProgress('2026-05-01', '2026-05-01', '2026-04-30')).toBe(0);
    expect(ktExpectedProgress('2026-05-01', '2026-05-01', '2026-05-01')).toBe(100);
  });

  it('kt-lag-behind: more than 15 points behind the time is 滞后, 15 exactly is not', () => {
    expect(ktLag({ ...base, progress: 35 }).status).toBe('in_progress'); // expected 49.6
    const lag = ktLag({ ...base, progress: 30 });
    expect(lag.status).toBe('lagging');
    expect(rules(lag.reasons)).toEqual(['kt-lag-behind']);
    expect(lag.reasons[0]!.message).toContain('落后');
    expect(ktLag({ ...base, progress: 0, reported: false, today: '2026-01-20' }).status).toBe('not_started'); // inside the grace share
    expect(ktLag({ ...base, progress: 0, reported: false, today: '2026-03-01' }).status).toBe('lagging');
  });

  it('kt-lag-milestone: a milestone past its day and not reached', () => {
    const m = [
      { title: '完成调研', dueOn: '2026-06-30', doneOn: null },
      { title: '出台方案', dueOn: '2026-05-31', doneOn: '2026-05-20' },
      { title: '全面推开', dueOn: '2026-07-01', doneOn: null },
    ];
    const lag = ktLag({ ...base, milestones: m });
    expect(lag.status).toBe('lagging');
    expect(rules(lag.reasons)).toEqual(['kt-lag-milestone']);
    expect(lag.overdueMilestones).toEqual(['完成调研']); // due today is not overdue yet
  });

  it('kt-lag-deadline: past the deadline and not complete, whatever the progress', () => {
    const lag = ktLag({ ...base, progress: 95, today: '2027-01-01' });
    expect(rules(lag.reasons)).toEqual(['kt-lag-deadline']);
    expect(ktLag({ ...base, state: 'completed', progress: 100, today: '2027-01-01' }).status).toBe('completed');
    expect(ktLag({ ...base, state: 'accepted', today: '2027-01-01' }).status).toBe('accepted');
    expect(ktLag({ ...base, state: 'cancelled' }).status).toBeNull();
    expect(ktLag({ ...base, state: 'draft' }).status).toBeNull();
  });

  it('kt-lag-unclaimed: on the board for more than 15 days without a lead', () => {
    const open = { ...base, state: 'open' as const, progress: 0, reported: false, start: '2026-03-01', deadline: '2027-03-01' };
    expect(ktLag({ ...open, today: '2026-03-16' }).status).toBe('not_started');
    expect(rules(ktLag({ ...open, today: '2026-03-17' }).reasons)).toEqual(['kt-lag-unclaimed']);
  });

  it('a district may set its own tolerance', () => {
    expect(ktLag({ ...base, progress: 40 }, { ...KT_RULES_2026, lagTolerancePoints: 5 }).status).toBe('lagging');
  });
});

describe('key tasks: roll-up, acceptance, accountability, ranking', () => {
  it('kt-rollup-weight: progress by weight', () => {
    expect(ktRollUp([])).toBe(0);
    expect(
      ktRollUp([
        { weight: 3, progress: 100 },
        { weight: 1, progress: 0 },
      ]),
    ).toBe(75);
    expect(
      ktRollUp([
        { weight: 1, progress: 33 },
        { weight: 2, progress: 50 },
      ]),
    ).toBe(44.3);
  });

  it('kt-pass-score: 80 passes, 79.5 does not', () => {
    expect(ktPasses(80)).toBe(true);
    expect(ktPasses(79.5)).toBe(false);
  });

  it('kt-accountability-when: only late or failed tasks', () => {
    const t = { status: 'in_progress' as const, deadline: '2026-12-31', completedOn: null, failedAcceptances: 0 };
    expect(ktAccountabilityRefusal(t, '2026-07-01')).toContain('kt-accountability-when');
    expect(ktAccountabilityRefusal({ ...t, status: 'lagging' }, '2026-07-01')).toBeNull();
    expect(ktAccountabilityRefusal({ ...t, failedAcceptances: 1 }, '2026-07-01')).toBeNull();
    expect(ktAccountabilityRefusal({ ...t, status: 'accepted', completedOn: '2027-01-05' }, '2027-02-01')).toBeNull();
    expect(ktAccountabilityRefusal({ ...t, status: 'accepted', completedOn: '2026-12-01' }, '2027-02-01')).not.toBeNull();
  });

  it('kt-rank: completed share, then progress, then fewer lagging, ties share a rank', () => {
    const t = (progress: number, status: 'in_progress' | 'lagging' | 'accepted', score: number | null = null) => ({ weight: 1, progress, status, score });
    const ranked = ktRank([
      { key: 'a', tasks: [t(50, 'in_progress'), t(50, 'lagging')] },
      { key: 'b', tasks: [t(100, 'accepted', 90), t(20, 'in_progress')] },
      { key: 'c', tasks: [t(50, 'in_progress'), t(50, 'in_progress')] },
      { key: 'd', tasks: [t(50, 'in_progress'), t(50, 'in_progress')] },
    ]);
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['a', 4],
    ]);
    expect(ranked[0]).toMatchObject({ tasks: 2, progress: 60, completed: 1, lagging: 0, avgScore: 90 });
  });

  it('kt-workflow: one lead confirmation moves 待认领 to 已落实; a failed acceptance needs a reason', () => {
    expect(checkTransition(KT_WORKFLOW, 'open', 'assign', { role: 'owner' })).toMatchObject({ ok: true, to: 'assigned' });
    expect(checkTransition(KT_WORKFLOW, 'assigned', 'assign', { role: 'owner' }).ok).toBe(false);
    expect(checkTransition(KT_WORKFLOW, 'completed', 'reject', { role: 'owner' }).ok).toBe(false);
    expect(checkTransition(KT_WORKFLOW, 'completed', 'reject', { role: 'owner', reason: '未达到验收标准' })).toMatchObject({ ok: true, to: 'assigned' });
    expect(checkTransition(KT_WORKFLOW, 'assigned', 'complete', { role: 'owner' }).ok).toBe(false);
    expect(workflowProblems(KT_WORKFLOW)).toEqual([]);
  });
});
