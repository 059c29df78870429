import {
  DUES_CHANNELS,
  DUES_MONTH_STATES,
  duesChannelLabel,
  duesMonthStateLabel,
  type DuesArrears,
  type DuesChannel,
  type DuesLedgerRow,
  type DuesMemberLedger,
  type DuesMonthState,
  type DuesPaymentInput,
  type DuesSummary,
} from '@jiceng/contracts';
import type { Dayjs } from 'dayjs';

/** Pure pieces of the 党费台账 pages: 元 from 分, state tags, rates, month arithmetic, the payment form's body. */

/** Integer 分 → `1,234.50` (元, always two decimals; exact, no floating point). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** 分 → `76.50 元`; nothing (no basis, not paid) → `—`. */
export const yuanText = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : `${yuan(fen)} 元`);

/** A share 0–1 → `87.5%`; null (nobody owes) → `—`. */
export const paidRateText = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** A share 0–1 as a chart's percentage, one decimal; null stays null (a gap). */
export const percentOf = (rate: number | null | undefined): number | null => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);

const isState = (s: string): s is DuesMonthState => (DUES_MONTH_STATES as readonly string[]).includes(s);

/** 已交 / 待交 / 欠交 / 免交 / 未定基数; a state the contract adds later is shown as it comes. */
export const stateText = (s: string): string => (isState(s) ? duesMonthStateLabel[s] : s);

const STATE_COLOR: Record<DuesMonthState, string> = { paid: 'green', pending: 'blue', arrears: 'red', waived: 'default', no_basis: 'orange' };
/** The antd Tag colour of a month's state. */
export const stateColor = (s: string): string => (isState(s) ? STATE_COLOR[s] : 'default');

const H5_STATE_COLOR: Record<DuesMonthState, 'success' | 'primary' | 'danger' | 'default' | 'warning'> = {
  paid: 'success',
  pending: 'primary',
  arrears: 'danger',
  waived: 'default',
  no_basis: 'warning',
};
/** The antd-mobile Tag colour of a month's state (the phone's 我的党费). */
export const h5StateColor = (s: string) => (isState(s) ? H5_STATE_COLOR[s] : 'default');

export const channelOptions = DUES_CHANNELS.map((value) => ({ value, label: duesChannelLabel[value] }));

/** 现金 / 转账 / 代交（张三）; not paid → `—`. */
export function channelText(r: Pick<DuesLedgerRow, 'channel' | 'proxyName'>): string {
  if (!r.channel) return '—';
  const label = duesChannelLabel[r.channel] ?? r.channel;
  return r.channel === 'proxy' && r.proxyName ? `${label}（${r.proxyName}）` : label;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** `2026-12` moved by `n` months (`2027-02` for +2). */
export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included, oldest first; none when `from` is after `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** `2026-12` → `2026年12月`. */
export const monthText = (month: string): string => {
  const m = MONTH.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
};

/** `2026-12` → `12月` (a column of one year). */
export const monthShort = (month: string): string => {
  const m = MONTH.exec(month);
  return m ? `${Number(m[2])}月` : month;
};

/** Years offered by the filters: next year down to five years back. */
export function yearOptions(thisYear: number): { value: number; label: string }[] {
  return Array.from({ length: 7 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: `${y} 年` }));
}

/** The months of a year for the summary's filter (its `全年` is no month). */
export function monthOptions(year: number): { value: string; label: string }[] {
  return monthsBetween(`${year}-01`, `${year}-12`).map((value) => ({ value, label: monthShort(value) }));
}

/** What a member owes: `欠交 3 个月，共 229.50 元`, or `无欠交`. */
export function owedText(a: Pick<DuesArrears, 'unpaidMonths' | 'oweFen'>): string {
  return a.unpaidMonths.length ? `欠交 ${a.unpaidMonths.length} 个月，共 ${yuanText(a.oweFen)}` : '无欠交';
}

/** A paid month may be cancelled (登记有误); an unpaid one may have its reason recorded. */
export const canCancel = (r: Pick<DuesLedgerRow, 'state'>): boolean => r.state === 'paid';
export const canGiveReason = (r: Pick<DuesLedgerRow, 'state'>): boolean => r.state === 'arrears' || r.state === 'pending';

/**
 * What one month is due, as far as the page knows: its ledger row's due; a coming month not yet in
 * the ledger is due the basis in effect now (预交); null when unknown (no basis).
 */
export function dueOf(l: Pick<DuesMemberLedger, 'rows' | 'currentMonth' | 'monthlyFen'>, month: string): number | null {
  const row = l.rows.find((r) => r.month === month);
  if (row) return row.dueFen;
  return month > l.currentMonth ? l.monthlyFen : null;
}

/** A month of the 登记交纳 picker. */
export interface PayableMonth {
  value: string;
  label: string;
}

/**
 * The months that may be paid now (the server's 补交/预交 range), less those already paid or 免交,
 * each with what it is due: `2026-11 补交 · 应交 76.50 元`.
 */
export function payableMonths(l: Pick<DuesMemberLedger, 'rows' | 'currentMonth' | 'monthlyFen' | 'payable'>): PayableMonth[] {
  const settled = new Set(l.rows.filter((r) => r.state === 'paid' || r.state === 'waived').map((r) => r.month));
  return monthsBetween(l.payable.from, l.payable.to)
    .filter((m) => !settled.has(m))
    .map((m) => {
      const kind = m < l.currentMonth ? '补交' : m > l.currentMonth ? '预交' : '本月';
      const due = dueOf(l, m);
      return { value: m, label: `${m} ${kind} · ${due === null ? '未定基数' : `应交 ${yuanText(due)}`}` };
    });
}

/** The months the form opens with: this month when it is unpaid, else none. */
export function defaultPayMonths(l: Pick<DuesMemberLedger, 'rows' | 'currentMonth' | 'monthlyFen' | 'payable'>): string[] {
  return payableMonths(l).some((m) => m.value === l.currentMonth) ? [l.currentMonth] : [];
}

/** The whole payment: each month's amount (the one typed, else the month's due); null when a month's due is unknown. */
export function paymentTotalFen(l: Pick<DuesMemberLedger, 'rows' | 'currentMonth' | 'monthlyFen'>, months: string[], amountFen?: number): number | null {
  let total = 0;
  for (const m of months) {
    const fen = amountFen ?? dueOf(l, m);
    if (fen === null) return null;
    total += fen;
  }
  return total;
}

/** What the 登记交纳 form holds. */
export interface PaymentFormValues {
  months: string[];
  /** 每月实交, 元; empty: the month's due. */
  amountYuan?: number | null;
  paidOn: Dayjs;
  channel: DuesChannel;
  proxyName?: string;
  note?: string;
}

/** The POST body of 登记交纳: months in order, 分, the 代交人 only for 代交, empty texts left out. */
export function toPaymentInput(v: PaymentFormValues): DuesPaymentInput {
  const proxyName = v.channel === 'proxy' ? v.proxyName?.trim() : undefined;
  const note = v.note?.trim();
  const amountFen = v.amountYuan === null || v.amountYuan === undefined || Number.isNaN(v.amountYuan) ? undefined : Math.round(v.amountYuan * 100);
  return {
    months: [...new Set(v.months)].sort(),
    ...(amountFen !== undefined && { amountFen }),
    paidOn: v.paidOn.format('YYYY-MM-DD'),
    channel: v.channel,
    ...(proxyName && { proxyName }),
    ...(note && { note }),
  };
}

/** 未交原因: empty clears it (null), else trimmed. */
export const reasonOf = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

/** The summary chart's series: 应交 and 实交 in 元 (bars), 交纳率 in % (line), one point per month. */
export function chartSeries(byMonth: DuesSummary['byMonth']) {
  return {
    labels: byMonth.map((m) => monthShort(m.month)),
    due: byMonth.map((m) => m.totals.dueFen / 100),
    paid: byMonth.map((m) => m.totals.paidFen / 100),
    rate: byMonth.map((m) => percentOf(m.totals.paidRate)),
  };
}

/** A cell of the publication: the amount paid, or what the month is (免交, 欠交, 待交); nothing for no row. */
export function publicationCell(c: { state: string; dueFen: number | null; paidFen: number | null } | null): string {
  if (!c) return '';
  if (c.state === 'paid' && c.paidFen !== null) return yuan(c.paidFen);
  if (c.state === 'no_basis') return '—';
  return stateText(c.state);
}
