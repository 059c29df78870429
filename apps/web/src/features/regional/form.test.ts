import {
  RgActivityInput,
  RgCompleteInput,
  RgFeedbackInput,
  RgNeedInput,
  RgProjectInput,
  RgRateInput,
  RgResourceInput,
  type RgNeed,
  type RgResource,
} from '@jiceng/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { refusals } from '../../api/strictBody.ts';
import {
  fenToYuan,
  hoursText,
  needValues,
  resourceValues,
  rgPhotoRefusal,
  toActivityInput,
  toCompleteInput,
  toFeedbackInput,
  toNeedInput,
  toProjectInput,
  toRateInput,
  toResourceInput,
  yearFromParams,
  yearOptions,
  yuanText,
  yuanToFen,
} from './form.ts';

const ORG = '0190a000-0000-7000-8000-0000000000b1';
const OTHER = '0190a000-0000-7000-8000-0000000000b2';
const NEED = '0190a000-0000-7000-8000-0000000000c1';
const RES = '0190a000-0000-7000-8000-0000000000d1';
const UNIT = '0190a000-0000-7000-8000-0000000000e1';
const MEMBER = '0190a000-0000-7000-8000-0000000000f1';
const MB = 1_048_576;

describe('元 and 分', () => {
  it('元 typed with two decimals becomes whole 分, without float drift; empty stays empty', () => {
    expect(yuanToFen(12.34)).toBe(1234);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen(null)).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
  });

  it('分 back to 元 for a form and as text', () => {
    expect(fenToYuan(1234)).toBe(12.34);
    expect(fenToYuan(null)).toBeNull();
    expect(yuanText(123_456_789)).toBe('1,234,567.89 元');
    expect(yuanText(50_000)).toBe('500 元');
    expect(yuanText(null)).toBe('—');
    expect(hoursText(12.345)).toBe('12.3 小时');
    expect(hoursText(null)).toBe('—');
  });
});

describe('the year', () => {
  it('offers next year back to six before, and reads ?year= only when the API takes it', () => {
    const years = yearOptions(2026).map((o) => o.value);
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2020);
    expect(yearFromParams(new URLSearchParams({ year: '2025' }), 2026)).toBe(2025);
    for (const bad of ['1999', '2100', 'x', '2026.5', '']) expect(yearFromParams(new URLSearchParams(bad ? { year: bad } : {}), 2026)).toBe(2026);
  });
});

describe('needs', () => {
  it('登记需求: trimmed, 元 to 分, empty optional fields as null, the shape of the contract', () => {
    const body = toNeedInput({
      orgId: ORG,
      categoryCode: 'elderly',
      title: ' 独居老人助餐 ',
      description: ' 每日午餐送餐 ',
      beneficiaries: ' 辖区独居老人 ',
      beneficiaryCount: 30,
      place: '  ',
      urgency: 'urgent',
      wantedBy: dayjs('2026-12-31'),
      estMoneyYuan: 1500.5,
      estPeople: null,
      source: 'visit',
    });
    expect(body).toEqual({
      orgId: ORG,
      categoryCode: 'elderly',
      title: '独居老人助餐',
      description: '每日午餐送餐',
      beneficiaries: '辖区独居老人',
      beneficiaryCount: 30,
      place: null,
      urgency: 'urgent',
      wantedBy: '2026-12-31',
      estMoneyFen: 150050,
      estPeople: null,
      source: 'visit',
    });
    expect(refusals(RgNeedInput, body)).toEqual([]);
  });

  it('修改: a need read back into the form gives the same body', () => {
    const n = {
      orgId: ORG,
      categoryCode: 'elderly',
      title: '独居老人助餐',
      description: '每日午餐送餐',
      beneficiaries: '辖区独居老人',
      beneficiaryCount: null,
      place: '幸福里',
      urgency: 'soon',
      wantedBy: null,
      estMoneyFen: 99,
      estPeople: 4,
      source: 'resident',
    } as unknown as RgNeed;
    const body = toNeedInput(needValues(n));
    expect(body).toMatchObject({ place: '幸福里', wantedBy: null, estMoneyFen: 99, estPeople: 4, beneficiaryCount: null, urgency: 'soon' });
    expect(refusals(RgNeedInput, body)).toEqual([]);
  });
});

describe('resources', () => {
  const v = {
    ownerKind: 'member' as const,
    unitId: UNIT,
    memberReportId: MEMBER,
    categoryCode: 'medical',
    title: ' 义诊服务 ',
    description: ' 每月一次 ',
    capacityPeople: 5,
    capacityHoursMonth: 8.5,
    capacityMoneyYuan: null,
    venue: '',
    availableFrom: dayjs('2026-01-01'),
    availableTo: null,
    contactName: ' 王医生 ',
    phone: ' 13812345678 ',
    offeredTo: [OTHER],
  };

  it('a 驻区单位 account sends no owner: its own unit', () => {
    const body = toResourceInput(v, true);
    expect(body.ownerKind).toBe('unit');
    expect(body).not.toHaveProperty('unitId');
    expect(body).not.toHaveProperty('memberReportId');
    expect(body).toMatchObject({ title: '义诊服务', contactName: '王医生', phone: '13812345678', venue: null, availableFrom: '2026-01-01', availableTo: null });
    expect(refusals(RgResourceInput, body)).toEqual([]);
  });

  it('the community names the member’s report, or the unit — never both', () => {
    const member = toResourceInput(v, false);
    expect(member).toMatchObject({ ownerKind: 'member', memberReportId: MEMBER });
    expect(member).not.toHaveProperty('unitId');
    expect(refusals(RgResourceInput, member)).toEqual([]);
    const unit = toResourceInput({ ...v, ownerKind: 'unit' }, false);
    expect(unit).toMatchObject({ ownerKind: 'unit', unitId: UNIT });
    expect(unit).not.toHaveProperty('memberReportId');
    expect(unit.capacityMoneyFen).toBeNull();
    expect(refusals(RgResourceInput, unit)).toEqual([]);
  });

  it('修改: a masked phone is left empty to type again; the owner’s own community is not listed among the others', () => {
    const r = {
      ownerKind: 'unit',
      unitId: UNIT,
      memberReportId: null,
      communityId: ORG,
      categoryCode: 'medical',
      title: '义诊',
      description: '每月',
      capacityPeople: null,
      capacityHoursMonth: null,
      capacityMoneyFen: 12345,
      venue: null,
      availableFrom: null,
      availableTo: '2026-12-31',
      contactName: '王',
      phone: '138****5678',
      offeredTo: [
        { id: ORG, name: '本社区' },
        { id: OTHER, name: '邻社区' },
      ],
    } as unknown as RgResource;
    const values = resourceValues(r);
    expect(values.phone).toBe('');
    expect(values.offeredTo).toEqual([OTHER]);
    expect(values.capacityMoneyYuan).toBe(123.45);
    expect(resourceValues({ ...r, phone: '13812345678' }).phone).toBe('13812345678');
  });
});

describe('projects', () => {
  it('立项: the ticked resources once each, 元 to 分, no budget is 0', () => {
    const body = toProjectInput(NEED, [RES, RES], {
      title: ' 助餐项目 ',
      plan: ' 每日送餐 ',
      startDate: dayjs('2026-11-01'),
      endDate: dayjs('2026-12-31'),
      budgetYuan: null,
      plannedPeople: 6,
    });
    expect(body).toEqual({
      needId: NEED,
      title: '助餐项目',
      plan: '每日送餐',
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      budgetFen: 0,
      plannedPeople: 6,
      resourceIds: [RES],
    });
    expect(refusals(RgProjectInput, body)).toEqual([]);
    expect(toProjectInput(NEED, [], { title: 'x', plan: 'y', startDate: dayjs(), endDate: dayjs(), budgetYuan: 88.8 }).budgetFen).toBe(8880);
  });

  it('记录活动: a unit account names no unit, the community may', () => {
    const v = { heldOn: dayjs('2026-11-20'), title: ' 送餐 ', description: ' ', participants: 4, hours: 8, beneficiaries: null, unitId: UNIT };
    const own = toActivityInput(v, true);
    expect(own).toEqual({ heldOn: '2026-11-20', title: '送餐', description: null, participants: 4, hours: 8 });
    expect(refusals(RgActivityInput, own)).toEqual([]);
    const side = toActivityInput({ ...v, beneficiaries: 12 }, false);
    expect(side).toMatchObject({ unitId: UNIT, beneficiaries: 12 });
    expect(refusals(RgActivityInput, side)).toEqual([]);
  });

  it('完成, 评价 and 群众评价 carry what the contract takes', () => {
    const done = toCompleteInput({ results: ' 送餐 300 份 ', fundsYuan: 2000, problemsSolved: null }, 4);
    expect(done).toEqual({ version: 4, results: '送餐 300 份', fundsFen: 200000, problemsSolved: null });
    expect(refusals(RgCompleteInput, done)).toEqual([]);
    const rated = toRateInput({ rating: 5, comment: '  ' }, 5);
    expect(rated).toEqual({ version: 5, rating: 5, comment: null });
    expect(refusals(RgRateInput, rated)).toEqual([]);
    const said = toFeedbackInput({ verdict: 'fair', comment: ' 还行 ', rater: '' });
    expect(said).toEqual({ verdict: 'fair', comment: '还行', rater: null });
    expect(refusals(RgFeedbackInput, said)).toEqual([]);
  });
});

describe('activity photos', () => {
  it('takes JPG, PNG and WebP up to 10 MB, nine to an activity', () => {
    expect(rgPhotoRefusal({ name: '活动.JPG', size: 2 * MB }, 0)).toBeNull();
    expect(rgPhotoRefusal({ name: 'a.webp', size: 10 * MB }, 8)).toBeNull();
    expect(rgPhotoRefusal({ name: 'a.png', size: 1 }, 9)).toContain('最多上传 9 张');
    expect(rgPhotoRefusal({ name: '总结.pdf', size: 1 }, 0)).toContain('只接受');
    expect(rgPhotoRefusal({ name: 'noext', size: 1 }, 0)).toContain('只接受');
    expect(rgPhotoRefusal({ name: 'a.jpg', size: 0 }, 0)).toContain('空文件');
    expect(rgPhotoRefusal({ name: 'a.jpg', size: 10 * MB + 1 }, 0)).toContain('过大');
  });
});
