import type { DuesLedgerRow, DuesMemberLedger } from '@jiceng/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  canCancel,
  canGiveReason,
  channelText,
  chartSeries,
  defaultPayMonths,
  dueOf,
  h5StateColor,
  monthOptions,
  monthsBetween,
  monthShort,
  monthText,
  owedText,
  paidRateText,
  payableMonths,
  paymentTotalFen,
  publicationCell,
  reasonOf,
  stateColor,
  stateText,
  toPaymentInput,
  yuan,
  yuanText,
} from './ledgerForm.ts';

const row = (month: string, patch: Partial<DuesLedgerRow> = {}): DuesLedgerRow => ({
  memberId: 'm1',
  memberName: '孙丽',
  memberStatus: '正式党员',
  orgId: 'o1',
  orgName: '梅花山社区第一党支部',
  month,
  state: 'pending',
  dueFen: 7650,
  basisMonth: '2026-10',
  paidFen: null,
  paidOn: null,
  channel: null,
  proxyName: null,
  note: null,
  recordedBy: null,
  recordedAt: null,
  reason: null,
  version: 1,
  ...patch,
});

const ledger = (rows: DuesLedgerRow[], patch: Partial<DuesMemberLedger> = {}): DuesMemberLedger => ({
  memberId: 'm1',
  memberName: '孙丽',
  orgName: '梅花山社区第一党支部',
  currentMonth: '2026-12',
  paidTo: null,
  monthlyFen: 7650,
  basisExplanation: null,
  arrears: { unpaidMonths: [], oweFen: 0, consecutive: 0, consecutiveWithoutReason: 0, todo: false, lapseWarning: false },
  payable: { from: '2026-10', to: '2027-02' },
  rows,
  ...patch,
});

describe('党费台账 amounts and labels', () => {
  it('shows 分 as 元 with two decimals, exactly', () => {
    expect(yuan(7650)).toBe('76.50');
    expect(yuan(0)).toBe('0.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(123_456_789)).toBe('1,234,567.89');
    expect(yuan(-1050)).toBe('-10.50');
    expect(yuanText(20)).toBe('0.20 元');
    expect(yuanText(null)).toBe('—');
    expect(yuanText(undefined)).toBe('—');
  });

  it('words rates, states and channels', () => {
    expect(paidRateText(0.875)).toBe('87.5%');
    expect(paidRateText(1)).toBe('100%');
    expect(paidRateText(2 / 3)).toBe('66.7%');
    expect(paidRateText(null)).toBe('—');
    expect(stateText('paid')).toBe('已交');
    expect(stateText('no_basis')).toBe('未定基数');
    expect(stateText('later')).toBe('later');
    expect(stateColor('arrears')).toBe('red');
    expect(stateColor('paid')).toBe('green');
    expect(stateColor('later')).toBe('default');
    expect(h5StateColor('arrears')).toBe('danger');
    expect(h5StateColor('paid')).toBe('success');
    expect(channelText({ channel: 'proxy', proxyName: '张三' })).toBe('代交（张三）');
    expect(channelText({ channel: 'transfer', proxyName: null })).toBe('转账');
    expect(channelText({ channel: null, proxyName: null })).toBe('—');
    expect(owedText({ unpaidMonths: ['2026-10', '2026-11', '2026-12'], oweFen: 22_950 })).toBe('欠交 3 个月，共 229.50 元');
    expect(owedText({ unpaidMonths: [], oweFen: 0 })).toBe('无欠交');
  });

  it('counts months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-06', -18)).toBe('2024-12');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-12', '2026-12')).toEqual(['2026-12']);
    expect(monthsBetween('2027-01', '2026-12')).toEqual([]);
    expect(monthText('2026-03')).toBe('2026年3月');
    expect(monthShort('2026-10')).toBe('10月');
    expect(monthOptions(2026)).toHaveLength(12);
    expect(monthOptions(2026)[0]).toEqual({ value: '2026-01', label: '1月' });
  });

  it('says which rows take 撤销 and which 未交原因', () => {
    expect(canCancel({ state: 'paid' })).toBe(true);
    expect(canCancel({ state: 'arrears' })).toBe(false);
    expect(canGiveReason({ state: 'arrears' })).toBe(true);
    expect(canGiveReason({ state: 'pending' })).toBe(true);
    expect(canGiveReason({ state: 'waived' })).toBe(false);
    expect(reasonOf('  因病住院 ')).toBe('因病住院');
    expect(reasonOf('  ')).toBeNull();
  });
});

describe('登记交纳', () => {
  const l = ledger([
    row('2026-12'),
    row('2026-11', { state: 'paid', paidFen: 7650 }),
    row('2026-10', { state: 'arrears', dueFen: 5000 }),
    row('2026-09', { state: 'no_basis', dueFen: null }),
  ]);

  it('offers the payable months not yet paid, with what each is due', () => {
    expect(payableMonths(l)).toEqual([
      { value: '2026-10', label: '2026-10 补交 · 应交 50.00 元' },
      { value: '2026-12', label: '2026-12 本月 · 应交 76.50 元' },
      { value: '2027-01', label: '2027-01 预交 · 应交 76.50 元' },
      { value: '2027-02', label: '2027-02 预交 · 应交 76.50 元' },
    ]);
    expect(defaultPayMonths(l)).toEqual(['2026-12']);
    expect(defaultPayMonths(ledger([row('2026-12', { state: 'paid' })]))).toEqual([]);
    expect(payableMonths(ledger([], { monthlyFen: null, payable: { from: '2026-12', to: '2026-12' } }))).toEqual([
      { value: '2026-12', label: '2026-12 本月 · 未定基数' },
    ]);
  });

  it('adds up the payment from the dues, or from the amount typed', () => {
    expect(dueOf(l, '2026-10')).toBe(5000);
    expect(dueOf(l, '2027-01')).toBe(7650);
    expect(dueOf(l, '2026-09')).toBeNull();
    expect(dueOf(l, '2026-08')).toBeNull();
    expect(paymentTotalFen(l, ['2026-10', '2026-12'])).toBe(12_650);
    expect(paymentTotalFen(l, ['2026-10', '2026-12'], 8000)).toBe(16_000);
    expect(paymentTotalFen(l, ['2026-09'])).toBeNull();
    expect(paymentTotalFen(l, [])).toBe(0);
  });

  it('builds the request body', () => {
    const paidOn = dayjs('2026-12-02');
    expect(toPaymentInput({ months: ['2026-12', '2026-10', '2026-12'], paidOn, channel: 'cash', proxyName: '张三', note: '  ' })).toEqual({
      months: ['2026-10', '2026-12'],
      paidOn: '2026-12-02',
      channel: 'cash',
    });
    expect(toPaymentInput({ months: ['2026-12'], amountYuan: 100.1, paidOn, channel: 'proxy', proxyName: ' 张三 ', note: ' 女儿代交 ' })).toEqual({
      months: ['2026-12'],
      amountFen: 10_010,
      paidOn: '2026-12-02',
      channel: 'proxy',
      proxyName: '张三',
      note: '女儿代交',
    });
    expect(toPaymentInput({ months: ['2026-12'], amountYuan: null, paidOn, channel: 'transfer' })).not.toHaveProperty('amountFen');
  });
});

describe('党费统计 and 公示', () => {
  it('turns the months into chart series in 元 and %', () => {
    const totals = { members: 4, owingMembers: 4, paidMembers: 3, waivedMembers: 0, noBasisMembers: 0, dueFen: 30_600, paidFen: 22_950, paidRate: 0.75 };
    expect(
      chartSeries([
        { month: '2026-01', totals },
        { month: '2026-02', totals: { ...totals, paidRate: null } },
      ]),
    ).toEqual({
      labels: ['1月', '2月'],
      due: [306, 306],
      paid: [229.5, 229.5],
      rate: [75, null],
    });
  });

  it('words each month of the publication', () => {
    expect(publicationCell({ state: 'paid', dueFen: 7650, paidFen: 7650 })).toBe('76.50');
    expect(publicationCell({ state: 'waived', dueFen: 0, paidFen: null })).toBe('免交');
    expect(publicationCell({ state: 'arrears', dueFen: 7650, paidFen: null })).toBe('欠交');
    expect(publicationCell({ state: 'no_basis', dueFen: null, paidFen: null })).toBe('—');
    expect(publicationCell(null)).toBe('');
  });
});
