import {
  KtAcceptInput,
  KtAccountabilityInput,
  KtChangeInput,
  KtClaimInput,
  KtDecisionInput,
  KtHoldInput,
  KtPlanInput,
  KtProgressInput,
  KtReviewInput,
  KtTaskInput,
  type KtReviewItem,
} from '@jiceng/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { refusals } from '../../api/strictBody.ts';
import { ktFileRefusal } from './files.ts';
import {
  behindText,
  lagPoints,
  orderReviewItems,
  percentText,
  subtaskShare,
  toAcceptInput,
  toAccountabilityInput,
  toChangeInput,
  toClaimInput,
  toDecisionInput,
  toHoldInput,
  toPlanInput,
  toProgressInput,
  toReviewInput,
  toTaskInput,
  yearFromParams,
  yearOptions,
} from './form.ts';

const ORG = '0190a000-0000-7000-8000-0000000000b1';
const PLAN = '0190a000-0000-7000-8000-0000000000c1';
const SUB = '0190a000-0000-7000-8000-0000000000d1';
const NODE = '0190a000-0000-7000-8000-0000000000e1';

describe('the year of the plans list', () => {
  it('offers two years ahead and six back, and reads ?year= only when the API takes it', () => {
    const years = yearOptions(2026).map((o) => o.value);
    expect(years[0]).toBe(2028);
    expect(years.at(-1)).toBe(2020);
    expect(yearFromParams(new URLSearchParams({ year: '2025' }), 2026)).toBe(2025);
    for (const bad of ['1999', 'x', '2026.5', '']) expect(yearFromParams(new URLSearchParams(bad ? { year: bad } : {}), 2026)).toBe(2026);
  });
});

describe('plans and tasks', () => {
  it('新建计划: trimmed, an empty note as null', () => {
    const body = toPlanInput({ orgId: ORG, year: 2026, title: ' 孝陵街道2026年度重点任务 ', note: '  ' });
    expect(body).toEqual({ orgId: ORG, year: 2026, title: '孝陵街道2026年度重点任务', note: null });
    expect(refusals(KtPlanInput, body)).toEqual([]);
  });

  it('新增任务: empty sub-task and milestone rows dropped, milestones by date, the shape of the contract', () => {
    const body = toTaskInput({
      category: ' 基层治理 ',
      title: ' 老旧小区加装电梯 ',
      description: '',
      target: ' 完成 20 部 ',
      deadline: dayjs('2026-12-31'),
      acceptanceStandard: ' 电梯投入使用 ',
      weight: 3,
      subtasks: [{ title: ' 征求意见 ', weight: 1 }, { title: '  ' }, { title: '施工', weight: 2 }],
      milestones: [
        { title: '完工', dueOn: dayjs('2026-10-31') },
        { title: '开工', dueOn: dayjs('2026-05-01') },
        { title: '无日期' },
        { dueOn: dayjs('2026-06-01') },
      ],
    });
    expect(body).toEqual({
      category: '基层治理',
      title: '老旧小区加装电梯',
      description: null,
      target: '完成 20 部',
      deadline: '2026-12-31',
      acceptanceStandard: '电梯投入使用',
      weight: 3,
      subtasks: [
        { title: '征求意见', weight: 1 },
        { title: '施工', weight: 2 },
      ],
      milestones: [
        { title: '开工', dueOn: '2026-05-01' },
        { title: '完工', dueOn: '2026-10-31' },
      ],
    });
    expect(refusals(KtTaskInput, body)).toEqual([]);
    expect(subtaskShare([1, 3, null])).toEqual([25, 75, 0]);
    expect(subtaskShare([])).toEqual([]);
  });

  it('调整目标或时限: only what changed, with the decision and version; nothing changed is null', () => {
    const now = { target: '完成 20 部', deadline: '2026-12-31', version: 4 };
    expect(toChangeInput({ target: ' 完成 20 部 ', deadline: dayjs('2026-12-31'), decision: '调度会决定' }, now)).toBeNull();
    const later = toChangeInput({ target: '完成 20 部', deadline: dayjs('2027-03-31'), decision: ' 第二次调度会决定 ' }, now);
    expect(later).toEqual({ deadline: '2027-03-31', decision: '第二次调度会决定', version: 4 });
    const both = toChangeInput({ target: '完成 15 部', deadline: dayjs('2027-03-31'), decision: '区委批示' }, now)!;
    expect(both.target).toBe('完成 15 部');
    for (const b of [later, both]) expect(refusals(KtChangeInput, b)).toEqual([]);
  });
});

describe('揭榜, progress and acceptance', () => {
  it('揭榜: an empty department is left to the server (the organization name)', () => {
    const body = toClaimInput({ role: 'lead', unitName: ' ', ownerName: ' 王秀兰 ', post: ' 社区党委书记 ', duty: ' 牵头推进 ' });
    expect(body).toEqual({ role: 'lead', unitName: null, ownerName: '王秀兰', post: '社区党委书记', duty: '牵头推进' });
    expect(refusals(KtClaimInput, body)).toEqual([]);
    const support = toClaimInput({ ...body, orgId: ORG, unitName: ' 综治办 ', role: 'support' });
    expect(support).toMatchObject({ orgId: ORG, unitName: '综治办' });
    expect(refusals(KtClaimInput, support)).toEqual([]);
  });

  it('报告进展: 节点已完成 only with a milestone; empty choices as null', () => {
    const base = { reportedOn: dayjs('2026-05-06'), percent: 40, narrative: ' 已完成征求意见 ', risks: '' };
    const plain = toProgressInput({ ...base, subtaskId: undefined, milestoneId: undefined, milestoneDone: true });
    expect(plain).toEqual({
      reportedOn: '2026-05-06',
      percent: 40,
      subtaskId: null,
      milestoneId: null,
      milestoneDone: false,
      narrative: '已完成征求意见',
      risks: null,
    });
    const node = toProgressInput({ ...base, subtaskId: SUB, milestoneId: NODE, milestoneDone: true, risks: ' 资金未到位 ' });
    expect(node).toMatchObject({ subtaskId: SUB, milestoneId: NODE, milestoneDone: true, risks: '资金未到位' });
    for (const b of [plain, node]) expect(refusals(KtProgressInput, b)).toEqual([]);
  });

  it('验收 and 问责 in the shapes of the contract', () => {
    const accept = toAcceptInput({ score: 92.5, opinion: ' 达到验收标准 ', acceptedOn: dayjs('2026-12-20') }, 7);
    expect(accept).toEqual({ score: 92.5, opinion: '达到验收标准', acceptedOn: '2026-12-20', version: 7 });
    expect(refusals(KtAcceptInput, accept)).toEqual([]);
    const acc = toAccountabilityInput({
      level: 'interview',
      subject: ' 梅花山社区 ',
      reason: ' 连续两月滞后 ',
      decidedBy: ' 街道党工委 ',
      decidedOn: dayjs('2026-08-01'),
    });
    expect(acc).toEqual({ level: 'interview', subject: '梅花山社区', reason: '连续两月滞后', decidedBy: '街道党工委', decidedOn: '2026-08-01' });
    expect(refusals(KtAccountabilityInput, acc)).toEqual([]);
  });

  it('refuses a file the report cannot take before sending it', () => {
    expect(ktFileRefusal({ name: '现场.jpg', size: 2_000_000 }, 0)).toBeNull();
    expect(ktFileRefusal({ name: '进展.docx', size: 1_000 }, 3)).toBeNull();
    expect(ktFileRefusal({ name: '说明.txt', size: 10 }, 0)).toContain('只接受');
    expect(ktFileRefusal({ name: '空.pdf', size: 0 }, 0)).toContain('空文件');
    expect(ktFileRefusal({ name: '大.png', size: 11 * 1_048_576 }, 0)).toContain('过大');
    expect(ktFileRefusal({ name: '多.pdf', size: 10 }, 20)).toContain('最多');
  });
});

describe('调度会', () => {
  it('creates, decides and holds in the shapes of the contract; a new target or deadline only with its kind', () => {
    const review = toReviewInput(PLAN, { title: ' 二季度调度会 ', heldOn: dayjs('2026-06-30'), place: ' ', host: ' 刘志刚 ' });
    expect(review).toEqual({ planId: PLAN, title: '二季度调度会', heldOn: '2026-06-30', place: null, host: '刘志刚' });
    expect(refusals(KtReviewInput, review)).toEqual([]);
    const v = { text: ' 延至明年一季度 ', newTarget: '新目标', newDeadline: dayjs('2027-03-31') };
    expect(toDecisionInput({ ...v, kind: 'new_deadline' })).toEqual({
      kind: 'new_deadline',
      text: '延至明年一季度',
      newTarget: null,
      newDeadline: '2027-03-31',
    });
    expect(toDecisionInput({ ...v, kind: 'new_target' })).toMatchObject({ newTarget: '新目标', newDeadline: null });
    expect(toDecisionInput({ ...v, kind: 'support' })).toMatchObject({ newTarget: null, newDeadline: null });
    for (const kind of ['continue', 'new_target', 'new_deadline', 'support', 'escalate'] as const)
      expect(refusals(KtDecisionInput, toDecisionInput({ ...v, kind }))).toEqual([]);
    const hold = toHoldInput({ attendees: ' 刘志刚、王秀兰 ', minutes: ' 会议听取了…… ' }, 2);
    expect(hold).toEqual({ attendees: '刘志刚、王秀兰', minutes: '会议听取了……', version: 2 });
    expect(refusals(KtHoldInput, hold)).toEqual([]);
  });

  it('orders the items: needing a decision, then lagging, then by 序号', () => {
    const item = (no: number, status: KtReviewItem['status'], needsDecision = false) => ({ no, status, needsDecision }) as KtReviewItem;
    const ordered = orderReviewItems([item(1, 'in_progress'), item(2, 'lagging'), item(3, 'lagging', true), item(4, null), item(5, 'lagging', true)]);
    expect(ordered.map((i) => i.no)).toEqual([3, 5, 2, 1, 4]);
    expect(lagPoints(30, 52.35)).toBe(22.4);
    expect(lagPoints(60, 50)).toBe(0);
    expect(behindText(30, 52.35)).toBe('落后 22.4 个百分点');
    expect(behindText(60, 0)).toBeNull();
    expect(percentText(62.46)).toBe('62.5%');
  });
});
