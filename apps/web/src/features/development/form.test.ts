import { ApplicantInput, DevStepInput, idNumberCheckChar, type DevStepView } from '@jiceng/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { refusals } from '../../api/strictBody.ts';
import { ApiError } from '../../api/client.ts';
import { acceptOf, devFileRefusal, devFileUrl } from './files.ts';
import {
  approvalIsLate,
  chosen,
  completionRate,
  dossierPath,
  listFilterFromParams,
  listFilterToParams,
  rateText,
  recordDates,
  refusalOf,
  stepsByStage,
  stepState,
  toApplicantInput,
  toApplicantQuery,
  toStepInput,
  waitingText,
  type StepFormValues,
} from './form.ts';

const ORG = '0190a000-0000-7000-8000-0000000000b1';
const M1 = '0190a000-0000-7000-8000-0000000000a1';
const M2 = '0190a000-0000-7000-8000-0000000000a2';
const idBody = '32010220010412002';
const ID = idBody + idNumberCheckChar(idBody);

const step = (key: string, inputs: string[]) => ({ key, inputs });
const base: StepFormValues = { date: dayjs('2026-03-02'), note: '  ' };

describe('development list filter', () => {
  it('reads the URL, falls back on what the API would refuse, and writes only what differs from the defaults', () => {
    const f = listFilterFromParams(
      new URLSearchParams({ orgId: ORG, stage: 'activist', state: 'ended', overdue: 'true', q: ' 张 ', page: '3', pageSize: '50' }),
    );
    expect(f).toEqual({ orgId: ORG, stage: 'activist', state: 'ended', overdue: true, q: '张', page: 3, pageSize: 50 });
    expect(listFilterToParams(f)).toEqual({ orgId: ORG, stage: 'activist', state: 'ended', overdue: 'true', q: '张', page: '3', pageSize: '50' });
    const bad = listFilterFromParams(new URLSearchParams({ orgId: 'x', stage: 'member', state: 'gone', page: '-1', pageSize: '5000' }));
    expect(bad).toEqual({ orgId: undefined, stage: undefined, state: 'active', overdue: false, q: undefined, page: 1, pageSize: 20 });
    expect(listFilterToParams(bad)).toEqual({});
    expect(toApplicantQuery(bad)).toEqual({ orgId: undefined, stage: undefined, state: 'active', overdue: undefined, q: undefined, page: 1, pageSize: 20 });
  });
});

describe('登记入党申请', () => {
  it('builds the POST body the server accepts: trimmed, the ID number normalized, empty optional fields null', () => {
    const body = toApplicantInput({
      orgId: ORG,
      name: ' 李明 ',
      idNumber: ` ${ID.toLowerCase()} `,
      ethnicity: '汉族',
      education: 'bachelor',
      occupation: 'worker',
      workUnit: '  ',
      phone: '',
      appliedOn: dayjs('2026-01-05'),
    });
    expect(body).toMatchObject({ name: '李明', idNumber: ID.toUpperCase(), workUnit: null, phone: null, appliedOn: '2026-01-05' });
    expect(refusals(ApplicantInput, body)).toEqual([]);
  });
});

describe('办理 a step', () => {
  it('sends only what the step carries, with the version', () => {
    const v: StepFormValues = { ...base, talkerName: ' 王书记 ', talkerPost: 'secretary', memberIds: [M1], trainingDays: 3, docNo: 'x' };
    const body = toStepInput(step('talk', ['talker']), v, 4);
    expect(body).toEqual({ key: 'talk', date: '2026-03-02', version: 4, note: null, talker: { name: '王书记', post: 'secretary' } });
    expect(refusals(DevStepInput, body)).toEqual([]);
    expect(refusals(DevStepInput, { ...body, memberIds: [M1], orgId: ORG })).not.toEqual([]);
    expect(refusals(DevStepInput, toStepInput(step('oath', []), { ...base, note: ' 在党旗下宣誓 ' }, 1))).toEqual([]);
    expect(toStepInput(step('oath', []), { ...base, note: ' 在党旗下宣誓 ' }, 1).note).toBe('在党旗下宣誓');
  });

  it('培养联系人 and 入党介绍人 as member ids, once each', () => {
    const body = toStepInput(step('introducers', ['introducers']), { ...base, memberIds: [M1, M2, M1] }, 2);
    expect(body.memberIds).toEqual([M1, M2]);
    expect(refusals(DevStepInput, body)).toEqual([]);
  });

  it('a 支委会 vote without 书面意见; a 支部大会 vote with it only when filled in', () => {
    const vote = { entitled: 9, present: 8, onLeave: 1, yes: 8, no: 0, abstain: 0 };
    const committee = toStepInput(step('activist', ['committee_vote']), { ...base, vote: { ...vote, writtenYes: 1 } }, 1);
    expect(committee.vote).toEqual(vote);
    const meeting = toStepInput(step('branch_meeting', ['admission_vote']), { ...base, vote: { ...vote, onLeave: null } }, 1);
    expect(meeting.vote).toEqual({ entitled: 9, present: 8, yes: 8, no: 0, abstain: 0 });
    const written = toStepInput(step('branch_meeting', ['admission_vote']), { ...base, vote: { ...vote, writtenYes: 1 } }, 1);
    expect(written.vote?.written).toEqual({ yes: 1, no: 0, abstain: 0 });
    for (const b of [committee, meeting, written]) expect(refusals(DevStepInput, b)).toEqual([]);
  });

  it('政审, 培训, 公示, 审批 and 转正 in the shapes of the contract', () => {
    const bodies = [
      toStepInput(step('political_review', ['review_result']), { ...base, reviewResult: 'pass', note: '政治历史清楚' }, 1),
      toStepInput(step('training', ['training']), { ...base, trainingDays: 3, trainingHours: 24, trainingCourse: ' ' }, 1),
      toStepInput(
        step('branch_review', ['committee_vote', 'publicity']),
        { ...base, vote: { entitled: 5, present: 5, yes: 5, no: 0, abstain: 0 }, publicity: [dayjs('2026-02-20'), dayjs('2026-02-27')] },
        1,
      ),
      toStepInput(step('approval', ['approval']), { ...base, docNo: ' 街党工委〔2026〕3号 ', reason: '' }, 1),
      toStepInput(
        step('full_meeting', ['admission_vote', 'probation_outcome']),
        { ...base, vote: { entitled: 9, present: 9, yes: 9, no: 0, abstain: 0 }, outcome: 'extend', extendMonths: 6 },
        1,
      ),
      toStepInput(
        step('full_meeting', ['admission_vote', 'probation_outcome']),
        { ...base, vote: { entitled: 9, present: 9, yes: 9, no: 0, abstain: 0 }, outcome: 'full', extendMonths: 6 },
        1,
      ),
    ];
    expect(bodies[1]!.training).toEqual({ days: 3, hours: 24, course: null });
    expect(bodies[2]!.publicity).toEqual({ from: '2026-02-20', to: '2026-02-27' });
    expect(bodies[3]).toMatchObject({ docNo: '街党工委〔2026〕3号', reason: null });
    expect(bodies[4]).toMatchObject({ outcome: 'extend', extendMonths: 6 });
    expect(bodies[5]).not.toHaveProperty('extendMonths');
    for (const b of bodies) expect(refusals(DevStepInput, b)).toEqual([]);
  });

  it('knows when an approval is late (the reason must then be written)', () => {
    const deadlines = [{ key: 'approval', dueOn: '2026-05-10' }];
    expect(approvalIsLate('approval', dayjs('2026-05-10'), deadlines)).toBe(false);
    expect(approvalIsLate('approval', dayjs('2026-05-11'), deadlines)).toBe(true);
    expect(approvalIsLate('full_approval', dayjs('2026-05-11'), deadlines)).toBe(false);
  });

  it("reads the server's refusal: its message and the day the step becomes possible", () => {
    const e = new ApiError(409, 'RULE_VIOLATION', '经过一年以上培养教育和考察方可列为发展对象：2026-06-10 起方可办理确定发展对象', {
      rule: 'dev-activist-one-year',
      possibleFrom: '2026-06-10',
    });
    expect(refusalOf(e)).toEqual({ message: e.message, possibleFrom: '2026-06-10' });
    expect(refusalOf(new ApiError(409, 'STALE_VERSION', '记录已被他人修改'))).toEqual({ message: '记录已被他人修改', possibleFrom: null });
    expect(refusalOf(new Error('x')).possibleFrom).toBeNull();
  });
});

describe('the timeline and the figures', () => {
  const view = (over: Partial<DevStepView>): DevStepView => ({
    key: 'talk',
    no: 2,
    label: '党组织派人谈话',
    stage: 'applicant',
    by: 'branch',
    inputs: [],
    periodic: false,
    documents: [],
    source: '',
    doneOn: null,
    open: false,
    possibleFrom: null,
    blockedBy: null,
    canRecord: false,
    ...over,
  });

  it('tells done, open, waiting and later apart (a periodic step stays open once recorded)', () => {
    expect(stepState(view({ doneOn: '2026-01-02' }))).toBe('done');
    expect(stepState(view({ open: true }))).toBe('open');
    expect(stepState(view({ open: true, periodic: true, doneOn: '2026-01-02' }))).toBe('open');
    expect(stepState(view({ open: true, possibleFrom: '2026-06-10', blockedBy: '须满一年' }))).toBe('waiting');
    expect(stepState(view({}))).toBe('later');
    expect(waitingText({ blockedBy: '须满一年：2026-06-10 起方可办理', possibleFrom: '2026-06-10' })).toBe('须满一年：2026-06-10 起方可办理');
    expect(waitingText({ blockedBy: '须有 2 次考察记录', possibleFrom: null })).toBe('须有 2 次考察记录');
    expect(waitingText({ blockedBy: null, possibleFrom: '2026-06-10' })).toBe('2026-06-10 起方可办理');
  });

  it('groups the steps under their stages in order, and lists every date of a periodic step', () => {
    const groups = stepsByStage([view({ key: 'candidate', no: 7, stage: 'candidate' }), view({ key: 'activist', no: 3, stage: 'activist' }), view({})]);
    expect(groups.map((g) => [g.label, g.steps.map((s) => s.no)])).toEqual([
      ['入党申请人', [2]],
      ['入党积极分子', [3]],
      ['发展对象', [7]],
    ]);
    const records = [
      { key: 'assessment', date: '2026-07-01' },
      { key: 'talk', date: '2025-02-01' },
      { key: 'assessment', date: '2026-01-01' },
    ];
    expect(recordDates(records, 'assessment')).toEqual(['2026-01-01', '2026-07-01']);
  });

  it('完成率 against the plan, none without one', () => {
    expect(rateText(completionRate({ quota: 3, developed: 2 }))).toBe('66.7%');
    expect(rateText(completionRate({ quota: null, developed: 2 }))).toBe('—');
    expect(rateText(completionRate({ quota: 0, developed: 0 }))).toBe('—');
  });

  it('asks for a choice without `required`, and names the dossier paths', async () => {
    const rule = chosen('请选择');
    await expect(rule.validator(null, undefined)).rejects.toThrow('请选择');
    await expect(rule.validator(null, [])).rejects.toThrow('请选择');
    await expect(rule.validator(null, 'x')).resolves.toBeUndefined();
    expect(dossierPath('a1')).toBe('/api/development/applicants/a1/dossier');
    expect(dossierPath('a1', 'vote')).toBe('/api/development/applicants/a1/dossier/vote');
  });
});

describe('发展党员材料', () => {
  const MB = 1_048_576;

  it('offers the types the step takes, every extension of each', () => {
    expect(acceptOf()).toBe('.jpg,.jpeg,.jpe,.jfif,.png,.webp,.pdf,.docx,.xlsx');
    expect(acceptOf(['pdf'])).toBe('.pdf');
  });

  it('sends a file within its type’s limit, refuses a larger one, another type, an empty one and the 21st', () => {
    expect(devFileRefusal({ name: '申请书.PDF', size: 20 * MB }, 0)).toBeNull();
    expect(devFileRefusal({ name: '照片.jpeg', size: 10 * MB }, 19)).toBeNull();
    expect(devFileRefusal({ name: '照片.jpg', size: 10 * MB + 1 }, 0)).toMatch(/照片\.jpg 过大（10 MB），JPG 图片不能超过 10 MB/);
    expect(devFileRefusal({ name: '志愿书.docx', size: 21 * MB }, 0)).toContain('不能超过 20 MB');
    expect(devFileRefusal({ name: '旧表.doc', size: 1000 }, 0)).toContain('只接受');
    expect(devFileRefusal({ name: '无扩展名', size: 1000 }, 0)).toContain('只接受');
    expect(devFileRefusal({ name: '空.pdf', size: 0 }, 0)).toContain('空文件');
    expect(devFileRefusal({ name: '第21个.pdf', size: 1000 }, 20)).toContain('最多上传 20 个');
  });

  it('reads a paper under its applicant and step', () => {
    expect(devFileUrl('a1', 'r1', 'f1')).toBe('/api/development/applicants/a1/records/r1/attachments/f1');
  });
});
