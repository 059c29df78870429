import {
  duesChannelLabel,
  duesMonthStateLabel,
  type DuesChannel,
  type DuesLedgerQuery,
  type DuesLedgerRow,
  type DuesSummary,
  type DuesSummaryQuery,
  type DuesTotals,
} from '@jiceng/contracts';
import { duesMonthName } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { DuesLedgerService } from './dues.ledger.service.ts';
import type { DuesSummaryService } from './dues.summary.ts';

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const rate = (t: DuesTotals) => (t.paidRate === null ? null : Math.round(t.paidRate * 1000) / 10);

const LEDGER_COLUMNS: ExportColumn<DuesLedgerRow>[] = [
  { key: 'name', header: '姓名', width: 10, value: (r) => r.memberName },
  { key: 'status', header: '党员状态', width: 10, value: (r) => r.memberStatus },
  { key: 'month', header: '党费月份', width: 10, value: (r) => r.month },
  { key: 'due', header: '应交（元）', width: 10, numFmt: '0.00', value: (r) => yuan(r.dueFen) },
  { key: 'paid', header: '实交（元）', width: 10, numFmt: '0.00', value: (r) => yuan(r.paidFen) },
  { key: 'state', header: '状态', width: 10, value: (r) => duesMonthStateLabel[r.state] },
  { key: 'paidOn', header: '交纳日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.paidOn) },
  { key: 'channel', header: '交纳方式', width: 8, value: (r) => (r.channel ? duesChannelLabel[r.channel as DuesChannel] : null) },
  { key: 'proxy', header: '代交人', width: 10, value: (r) => r.proxyName },
  { key: 'recordedBy', header: '登记人', width: 10, value: (r) => r.recordedBy },
  { key: 'reason', header: '未交原因', width: 20, value: (r) => r.reason },
  { key: 'note', header: '备注', width: 20, value: (r) => r.note },
];

/** A line of the summary sheet; the remittance only on the organization's total. */
type SummaryLine = { name: string; totals: DuesTotals; remitFen?: number };
const SUMMARY_COLUMNS: ExportColumn<SummaryLine>[] = [
  { key: 'name', header: '党组织 / 月份', width: 30, value: (r) => r.name },
  { key: 'members', header: '应交人次', width: 10, value: (r) => r.totals.members },
  { key: 'owing', header: '需交纳人次（不含免交）', width: 14, value: (r) => r.totals.owingMembers },
  { key: 'paidMembers', header: '已交人次', width: 10, value: (r) => r.totals.paidMembers },
  { key: 'rate', header: '交纳率（%）', width: 10, value: (r) => rate(r.totals) },
  { key: 'waived', header: '免交人次', width: 10, value: (r) => r.totals.waivedMembers },
  { key: 'noBasis', header: '未定基数人次', width: 12, value: (r) => r.totals.noBasisMembers },
  { key: 'due', header: '应交金额（元）', width: 14, numFmt: '0.00', value: (r) => yuan(r.totals.dueFen) },
  { key: 'paid', header: '实交金额（元）', width: 14, numFmt: '0.00', value: (r) => yuan(r.totals.paidFen) },
  { key: 'remit', header: '应上缴党费（元）', width: 16, numFmt: '0.00', value: (r) => yuan(r.remitFen ?? null) },
];

/** The .xlsx of a branch's month and of a subtree's summary (its children, then its months). */
export function createDuesExport(deps: { ledger: Pick<DuesLedgerService, 'ledger'>; summary: Pick<DuesSummaryService, 'summary'>; clock: Clock }) {
  return {
    async ledgerXlsx(actor: Actor, q: DuesLedgerQuery) {
      const l = await deps.ledger.ledger(actor, q);
      return {
        fileName: exportFileName(`党费台账（${duesMonthName(l.month)}）`, l.orgName, deps.clock.today()),
        data: await exportWorkbook('党费台账', LEDGER_COLUMNS, l.rows),
      };
    },

    async summaryXlsx(actor: Actor, q: DuesSummaryQuery) {
      const s: DuesSummary = await deps.summary.summary(actor, q);
      const period = s.month ? duesMonthName(s.month) : `${s.year}年`;
      const lines: SummaryLine[] = [
        { name: `${s.orgName}（合计）`, totals: s.totals, remitFen: s.remittance.fen },
        ...s.children.map((c) => ({ name: c.orgName, totals: c.totals })),
        ...(s.month ? [] : s.byMonth.map((m) => ({ name: duesMonthName(m.month), totals: m.totals }))),
      ];
      return {
        fileName: exportFileName(`党费统计（${period}）`, s.orgName, deps.clock.today()),
        data: await exportWorkbook('党费统计', SUMMARY_COLUMNS, lines),
      };
    },
  };
}
export type DuesExport = ReturnType<typeof createDuesExport>;
