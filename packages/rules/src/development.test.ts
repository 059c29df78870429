import { describe, expect, it } from 'vitest';
import { DEV_RULES_2014, type DevRuleSet } from './development.rules.ts';
import {
  devPartyAgeFrom,
  devProbationEnd,
  devRound,
  devStageAfter,
  devStepRefusal,
  workdaysBetween,
  type DevAttempt,
  type DevPath,
  type DevPerson,
  type DevRecord,
} from './development.ts';
import { devDeadlines, devNextSteps } from './development-schedule.ts';

const R = DEV_RULES_2014;
const full = (name: string, over: Partial<DevPerson> = {}): DevPerson => ({ name, status: 'full', disciplineUntil: null, ...over });
const rec = (key: string, date: string, over: Partial<DevRecord> = {}): DevRecord => ({ key, date, round: 1, ...over });
const path = (records: DevRecord[], over: Partial<DevPath> = {}): DevPath => ({ birthDate: '2000-05-20', stage: 'applicant', ended: null, records, ...over });
const attempt = (key: string, date: string, over: Partial<DevAttempt> = {}): DevAttempt => ({ key, date, today: '2030-01-01', ...over });
const refusal = (p: DevPath, a: DevAttempt, rules: DevRuleSet = R) => devStepRefusal(p, a, rules);
const committee = { entitled: 5, present: 4, yes: 3, no: 1, abstain: 0 };
const admission = { entitled: 10, present: 8, yes: 6, no: 1, abstain: 1 };

/** An applicant taken through step 11 with the dates a branch typically has. */
const toTraining: DevRecord[] = [
  rec('apply', '2024-03-01'),
  rec('talk', '2024-03-20'),
  rec('activist', '2024-06-10'),
  rec('activist_filing', '2024-06-20'),
  rec('contacts', '2024-06-20'),
  rec('assessment', '2024-12-05'),
  rec('assessment', '2025-06-01'),
  rec('candidate', '2025-06-15'),
  rec('candidate_filing', '2025-06-25'),
  rec('introducers', '2025-07-01'),
  rec('political_review', '2025-08-01', { outcome: 'pass' }),
  rec('training', '2025-08-10'),
];
const toProbation: DevRecord[] = [
  ...toTraining,
  rec('branch_review', '2025-09-01'),
  rec('pre_review', '2025-09-10'),
  rec('volunteer_form', '2025-09-15'),
  rec('branch_meeting', '2025-10-01'),
  rec('superior_talk', '2025-10-15'),
  rec('approval', '2025-11-01'),
  rec('join_branch', '2025-11-05'),
  rec('oath', '2025-11-05'),
];

describe('rule set dev-2014', () => {
  it('has the 25 steps of the 细则 in order, each with its source and the steps it follows defined before it', () => {
    expect(R.steps.map((s) => s.no)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const seen = new Set<string>();
    for (const s of R.steps) {
      expect(s.source).toContain('发展党员工作细则');
      for (const f of s.follows) expect(seen.has(f)).toBe(true);
      seen.add(s.key);
    }
    expect(R).toMatchObject({
      minAge: 18,
      probationMonths: 12,
      extension: { minMonths: 6, maxMonths: 12, times: 1 },
      approval: { months: 3, withReasonMonths: 6 },
      trainingMin: { days: 3, hours: 24 },
    });
  });
});

describe('rule dev-order', () => {
  it('refuses a step before the steps it follows, naming them', () => {
    expect(refusal(path([rec('apply', '2024-03-01')]), attempt('activist', '2024-06-01', { vote: committee }))).toEqual({
      rule: 'dev-order',
      message: '须先办理第2步「党组织派人谈话」，再办理第3步「推荐和确定入党积极分子」',
    });
    expect(refusal(path(toTraining.slice(0, 4)), attempt('candidate', '2025-07-01'))?.message).toMatch(/^须先办理/);
  });
  it('refuses a date before the step it follows, a future date, and a step done already', () => {
    const p = path([rec('apply', '2024-03-01')]);
    expect(refusal(p, attempt('talk', '2024-02-28', { talker: { name: '张书记', post: 'secretary' } }))).toMatchObject({
      rule: 'dev-order',
      possibleFrom: '2024-03-01',
    });
    expect(refusal(p, attempt('talk', '2030-01-02', { talker: { name: '张书记', post: 'secretary' } }))?.message).toBe(
      '第2步「党组织派人谈话」的日期不能晚于今天（2030-01-01）',
    );
    expect(
      refusal(path([rec('apply', '2024-03-01'), rec('talk', '2024-03-05')]), attempt('talk', '2024-03-06', { talker: { name: '张书记', post: 'secretary' } }))
        ?.message,
    ).toBe('第2步「党组织派人谈话」已于 2024-03-05 办理');
  });
  it('takes no step on an ended path', () => {
    expect(refusal(path(toTraining, { ended: 'stopped' }), attempt('branch_review', '2025-09-01'))?.message).toBe('已终止培养，不能再办理');
  });
});

describe('rule dev-age-18', () => {
  it('accepts an application on the 18th birthday and refuses it the day before, saying when', () => {
    const p = path([], { birthDate: '2008-03-01' });
    expect(refusal(p, attempt('apply', '2026-03-01'))).toBeNull();
    expect(refusal(p, attempt('apply', '2026-02-28'))).toEqual({
      rule: 'dev-age-18',
      message: '递交申请书时须年满18周岁（2026-03-01 年满18周岁）',
      possibleFrom: '2026-03-01',
    });
  });
});

describe('rule dev-talk-1-month', () => {
  it('is due one month after the application (to-do before, overdue the day after), and asks for 书记/副书记/组织委员', () => {
    const p = path([rec('apply', '2026-01-31')]);
    const due = (today: string) => devDeadlines(p, today).find((d) => d.key === 'talk');
    expect(due('2026-02-10')).toMatchObject({ rule: 'dev-talk-1-month', dueOn: '2026-02-28', status: 'upcoming' });
    expect(due('2026-02-13')?.status).toBe('upcoming');
    expect(due('2026-02-14')?.status).toBe('due_soon');
    expect(due('2026-02-01')?.status).toBe('upcoming');
    expect(due('2026-02-28')?.status).toBe('due_soon');
    expect(due('2026-03-01')?.status).toBe('overdue');
    expect(refusal(p, attempt('talk', '2026-02-10', { talker: { name: '某党员', post: null } }))).toMatchObject({
      rule: 'dev-talk-1-month',
      message: '谈话人应为党支部书记、副书记或组织委员',
    });
    expect(refusal(p, attempt('talk', '2026-02-10', { talker: { name: '李委员', post: 'organization' } }))).toBeNull();
  });
});

describe('rule dev-activist-min (a locality’s minimum from 申请 to 积极分子)', () => {
  const local: DevRuleSet = { ...R, id: 'dev-local', activistAfterMonths: 6 };
  const p = path([rec('apply', '2024-03-01'), rec('talk', '2024-03-10')]);
  it('is off in the national set', () => expect(refusal(p, attempt('activist', '2024-03-11', { vote: committee }))).toBeNull());
  it('refuses the day before six months and accepts on the day in a local set', () => {
    expect(refusal(p, attempt('activist', '2024-08-31', { vote: committee }), local)).toMatchObject({ rule: 'dev-activist-min', possibleFrom: '2024-09-01' });
    expect(refusal(p, attempt('activist', '2024-09-01', { vote: committee }), local)).toBeNull();
  });
});

describe('rule dev-activist-one-year', () => {
  const p = path(toTraining.slice(0, 7));
  it('refuses 发展对象 the day before a full year as 积极分子 and says from when', () => {
    expect(refusal(p, attempt('candidate', '2025-06-09', { vote: committee }))).toEqual({
      rule: 'dev-activist-one-year',
      message: '经过一年以上培养教育和考察方可列为发展对象：2025-06-10 起方可办理第7步「确定发展对象」',
      possibleFrom: '2025-06-10',
    });
    expect(refusal(p, attempt('candidate', '2025-06-10', { vote: committee }))).toBeNull();
  });
});

describe('rule dev-assessment-6-months', () => {
  it('needs one assessment per full six months before 发展对象', () => {
    const one = path([...toTraining.slice(0, 5), rec('assessment', '2024-12-05')]);
    expect(refusal(one, attempt('candidate', '2025-06-10', { vote: committee }))).toMatchObject({
      rule: 'dev-assessment-6-months',
      message: '确定为入党积极分子以来应每半年考察一次，须有 2 次培养教育考察记录，现有 1 次',
    });
  });
  it('is due six months after the last assessment (or the decision), until the 支部大会', () => {
    const p = path(toTraining.slice(0, 6), { stage: 'activist' });
    expect(devDeadlines(p, '2025-05-01').find((d) => d.key === 'assessment')).toMatchObject({ dueOn: '2025-06-05', status: 'upcoming' });
    expect(devDeadlines(p, '2025-06-06').find((d) => d.key === 'assessment')?.status).toBe('overdue');
    expect(devDeadlines(path(toProbation, { stage: 'probationary' }), '2026-01-01').find((d) => d.key === 'assessment')).toBeUndefined();
  });
});

describe('rules dev-contacts and dev-introducers', () => {
  const p = path(toTraining.slice(0, 3));
  it('takes one or two full members as 培养联系人', () => {
    expect(refusal(p, attempt('contacts', '2024-06-20', { contacts: [full('甲')] }))).toBeNull();
    expect(refusal(p, attempt('contacts', '2024-06-20', { contacts: [] }))?.rule).toBe('dev-contacts');
    expect(refusal(p, attempt('contacts', '2024-06-20', { contacts: [full('甲'), full('乙'), full('丙')] }))?.rule).toBe('dev-contacts');
    expect(refusal(p, attempt('contacts', '2024-06-20', { contacts: [full('甲', { status: 'probationary' })] }))?.message).toBe(
      '培养联系人甲不是正式党员，不能担任培养联系人',
    );
  });
  it('takes exactly two full members not under 留党察看 as 入党介绍人 (察看 ending the day before is fine)', () => {
    const q = path(toTraining.slice(0, 8));
    expect(refusal(q, attempt('introducers', '2025-07-01', { introducers: [full('甲'), full('乙')] }))).toBeNull();
    expect(refusal(q, attempt('introducers', '2025-07-01', { introducers: [full('甲')] }))?.message).toBe('入党介绍人应为两名正式党员');
    expect(refusal(q, attempt('introducers', '2025-07-01', { introducers: [full('甲'), full('乙', { disciplineUntil: '2025-07-01' })] }))?.message).toBe(
      '入党介绍人乙正在留党察看期间，不能担任入党介绍人',
    );
    expect(refusal(q, attempt('introducers', '2025-07-01', { introducers: [full('甲'), full('乙', { disciplineUntil: '2025-06-30' })] }))).toBeNull();
  });
});

describe('rule dev-political-review', () => {
  const p = (outcome: string) => path([...toTraining.slice(0, 10), rec('political_review', '2025-08-01', { outcome }), rec('training', '2025-08-10')]);
  const review = (date: string) => attempt('branch_review', date, { vote: committee, publicity: { from: '2025-08-11', to: '2025-08-15' } });
  it('stops the path when failed and refuses the 支委会审查', () => {
    expect(devStageAfter(path([], { stage: 'candidate' }), { key: 'political_review', reviewResult: 'fail' })).toEqual({
      stage: 'candidate',
      ended: 'stopped',
    });
    expect(refusal(p('fail'), review('2025-09-01'))?.message).toBe('政治审查不合格，不能发展');
  });
  it('holds for twelve months (the day itself included)', () => {
    expect(refusal(p('pass'), review('2026-08-01'))).toBeNull();
    expect(refusal(p('pass'), review('2026-08-02'))).toMatchObject({ rule: 'dev-political-review' });
  });
});

describe('rule dev-training', () => {
  const p = path(toTraining.slice(0, 11));
  it('takes 3 days or 24 学时, refusing 2 days and 23 学时', () => {
    expect(refusal(p, attempt('training', '2025-08-10', { training: { days: 3, hours: 0 } }))).toBeNull();
    expect(refusal(p, attempt('training', '2025-08-10', { training: { days: 0, hours: 24 } }))).toBeNull();
    expect(refusal(p, attempt('training', '2025-08-10', { training: { days: 2, hours: 23 } }))).toEqual({
      rule: 'dev-training',
      message: '集中培训时间不少于3天或不少于24学时（已填 2 天、23 学时）',
    });
  });
});

describe('rule dev-publicity', () => {
  const p = path(toTraining);
  it('counts working days: Monday 2025-08-11 to Friday 08-15 is five, to Thursday four', () => {
    expect(workdaysBetween('2025-08-11', '2025-08-15')).toBe(5);
    expect(workdaysBetween('2025-08-09', '2025-08-17')).toBe(5);
    expect(refusal(p, attempt('branch_review', '2025-09-01', { vote: committee, publicity: { from: '2025-08-11', to: '2025-08-15' } }))).toBeNull();
    expect(refusal(p, attempt('branch_review', '2025-09-01', { vote: committee, publicity: { from: '2025-08-11', to: '2025-08-14' } }))).toMatchObject({
      rule: 'dev-publicity',
      message: '公示不少于5个工作日，2025-08-11 至 2025-08-14 只有 4 个',
    });
  });
  it('must have ended by the day of the step', () => {
    expect(refusal(p, attempt('branch_review', '2025-08-15', { vote: committee, publicity: { from: '2025-08-11', to: '2025-08-15' } }))).toBeNull();
    expect(refusal(p, attempt('branch_review', '2025-08-14', { vote: committee, publicity: { from: '2025-08-08', to: '2025-08-15' } }))).toMatchObject({
      rule: 'dev-publicity',
      possibleFrom: '2025-08-16',
    });
  });
  it('is not asked where a locality has none', () => {
    expect(refusal(p, attempt('branch_review', '2025-09-01', { vote: committee }), { ...R, publicity: null })).toBeNull();
  });
});

describe('rule dev-vote', () => {
  const p = path(toProbation.slice(0, 15));
  it('passes the 支部大会 with yes from more than half of all entitled, written opinions counted', () => {
    expect(refusal(p, attempt('branch_meeting', '2025-10-01', { vote: { entitled: 10, present: 6, yes: 6, no: 0, abstain: 0 } }))).toBeNull();
    expect(refusal(p, attempt('branch_meeting', '2025-10-01', { vote: { entitled: 10, present: 6, yes: 5, no: 1, abstain: 0 } }))?.rule).toBe('dev-vote');
    expect(
      refusal(
        p,
        attempt('branch_meeting', '2025-10-01', {
          vote: { entitled: 10, present: 6, onLeave: 2, yes: 5, no: 1, abstain: 0, written: { yes: 1, no: 0, abstain: 0 } },
        }),
      ),
    ).toBeNull();
  });
  it('refuses without a quorum and counts that do not add up', () => {
    expect(refusal(p, attempt('branch_meeting', '2025-10-01', { vote: { entitled: 10, present: 5, yes: 5, no: 0, abstain: 0 } }))?.message).toMatch(
      /未超过半数.*表决无效/,
    );
    expect(refusal(p, attempt('branch_meeting', '2025-10-01', { vote: { entitled: 10, present: 11, yes: 6, no: 0, abstain: 0 } }))?.message).toBe(
      '实到 11 人，多于应到会有表决权的 10 人',
    );
  });
});

describe('rule dev-approval-3-months', () => {
  const p = path(toProbation.slice(0, 17), { stage: 'candidate' });
  it('approves within 3 months; up to 6 with the reason; later not at all', () => {
    expect(refusal(p, attempt('approval', '2026-01-01'))).toBeNull();
    expect(refusal(p, attempt('approval', '2026-01-02'))).toMatchObject({
      rule: 'dev-approval-3-months',
      message: '支部大会（2025-10-01）后已超过3个月，须写明特殊情况的原因',
    });
    expect(refusal(p, attempt('approval', '2026-04-01', { reason: '审批单位换届' }))).toBeNull();
    expect(refusal(p, attempt('approval', '2026-04-02', { reason: '审批单位换届' }))?.message).toBe(
      '支部大会（2025-10-01）后超过6个月未审批，须由支部大会重新讨论',
    );
  });
  it('is a to-do for the superior until then', () => {
    expect(devDeadlines(p, '2025-12-20').find((d) => d.key === 'approval')).toMatchObject({ dueOn: '2026-01-01', by: 'superior', status: 'due_soon' });
  });
});

describe('rules dev-probation-1-year and dev-extension-once', () => {
  const p = path(toProbation, { stage: 'probationary' });
  it('ends 预备期 a year after the 支部大会, and refuses the 转正 meeting the day before', () => {
    expect(devProbationEnd(p)).toBe('2026-10-01');
    const applied = path([...toProbation, rec('full_application', '2026-09-20')], { stage: 'probationary' });
    expect(refusal(applied, attempt('full_meeting', '2026-09-30', { vote: admission, outcome: 'full' }))).toMatchObject({
      rule: 'dev-probation-1-year',
      possibleFrom: '2026-10-01',
    });
    expect(refusal(applied, attempt('full_meeting', '2026-10-01', { vote: admission, outcome: 'full' }))).toBeNull();
    expect(refusal(p, attempt('full_application', '2026-08-31', { publicity: { from: '2026-08-24', to: '2026-08-28' } }))).toMatchObject({
      possibleFrom: '2026-09-01',
    });
    expect(devDeadlines(p, '2026-09-20').find((d) => d.key === 'full_meeting')).toMatchObject({ dueOn: '2026-10-01', status: 'due_soon' });
  });
  it('dates 党龄 from the end of 预备期, not from the approval', () => {
    expect(devPartyAgeFrom(path([...toProbation, rec('full_approval', '2026-11-20')], { stage: 'full' }))).toBe('2026-10-01');
    expect(devPartyAgeFrom(p)).toBeNull();
  });
  it('extends once by 6–12 months, and the 转正 steps are taken again after the new end', () => {
    const meeting = path([...toProbation, rec('full_application', '2026-09-20')], { stage: 'probationary' });
    const extend = (m: number) => attempt('full_meeting', '2026-10-10', { vote: admission, outcome: 'extend', extendMonths: m });
    expect(refusal(meeting, extend(5))?.message).toBe('延长预备期为6至12个月');
    expect(refusal(meeting, extend(13))?.rule).toBe('dev-extension-once');
    expect(refusal(meeting, extend(6))).toBeNull();
    const extended = path(
      [
        ...toProbation,
        rec('full_application', '2026-09-20'),
        rec('full_meeting', '2026-10-10', { outcome: 'extend', extendMonths: 6 }),
        rec('full_approval', '2026-11-01', { outcome: 'extend', extendMonths: 6 }),
      ],
      { stage: 'probationary' },
    );
    expect(devRound(extended)).toBe(2);
    expect(devProbationEnd(extended)).toBe('2027-04-01');
    expect(devNextSteps(extended, '2026-11-02').map((s) => s.key)).toContain('full_application');
    const again = path([...extended.records, rec('full_application', '2027-03-10', { round: 2 })], { stage: 'probationary' });
    expect(refusal(again, attempt('full_meeting', '2027-04-01', { vote: admission, outcome: 'extend', extendMonths: 6 }))).toEqual({
      rule: 'dev-extension-once',
      message: '预备期只能延长一次，已延长过',
    });
    expect(refusal(again, attempt('full_meeting', '2027-04-01', { vote: admission, outcome: 'full' }))).toBeNull();
  });
  it('cancels the 资格 when the approval follows a cancel decision', () => {
    const cancelled = path([...toProbation, rec('full_application', '2026-09-20'), rec('full_meeting', '2026-10-10', { outcome: 'cancel' })], {
      stage: 'probationary',
    });
    expect(devStageAfter(cancelled, { key: 'full_approval' })).toEqual({ stage: 'probationary', ended: 'cancelled' });
    expect(devStageAfter(path(toProbation.slice(0, 20), { stage: 'candidate' }), { key: 'approval' })).toEqual({ stage: 'probationary', ended: null });
  });
});

describe('the next steps of a path', () => {
  it('lists what can be taken, with the day a date rule allows it', () => {
    const next = devNextSteps(path(toTraining.slice(0, 7), { stage: 'activist' }), '2025-05-01');
    expect(next.map((s) => s.key)).toEqual(['assessment', 'candidate']);
    expect(next[1]).toMatchObject({ possibleFrom: '2025-06-10', blockedBy: expect.stringContaining('一年以上') });
  });
});
