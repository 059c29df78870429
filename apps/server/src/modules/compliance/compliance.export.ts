import {
  orgTypeLabel,
  type ComplianceItemView,
  type ComplianceOrgExportQuery,
  type ComplianceOrgFilter,
  type ComplianceOrgRow,
  type ComplianceStatusCode,
  type OrgType,
} from '@jiceng/contracts';
import { COMPLIANCE_RULES_2018 } from '@jiceng/rules';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { EXPORT_ROWS_MAX, exportFileName, type ExportColumn } from '../../platform/xlsx/export.ts';
import { addTableSheet, newWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import type { ComplianceService } from './compliance.service.ts';

/**
 * 组织生活完成情况 as .xlsx: the organizations' list of the calendar (its period, scope, filters and
 * order) for the whole scope, one row per organization with its counts and what it has not done,
 * and under it whose list it is, for which period, the scope's totals and how it is counted.
 */

export const COMPLIANCE_ORGS_SHEET = '组织生活完成情况';
/** Organizations read per call of the list (each call reads its organizations' items in one query). */
export const COMPLIANCE_EXPORT_BATCH = 5000;
/** What the list counts, in words (rule set compliance-2018 and the subtrees' own numbers). */
export const COMPLIANCE_EXPORT_NOTE =
  '统计口径：会议记录已提交审核（含退回修改）、审核通过或已归档的会议计为已开展（规则 compliance-2018，本组织或上级党组织另行设定的频次自其生效日起适用）；' +
  '已完成、未完成、待开展均按事项计：未完成为期限已过仍未达到要求次数的事项，待开展为本期尚未到期、尚未达到次数的事项；' +
  `沉默支部为连续 ${COMPLIANCE_RULES_2018.silentAfterDays} 天（或另行设定的天数）无任何会议活动的党支部`;

const FILTER_LABEL: Record<ComplianceOrgFilter, string> = {
  all: '全部组织',
  missing: '有未完成的组织',
  due: '有待开展的组织',
  done: '全部完成的组织',
  silent: '沉默支部',
};
const OVERDUE = new Set<ComplianceStatusCode>(['overdue']);
const DUE = new Set<ComplianceStatusCode>(['due', 'due_soon']);
const QUARTER = ['一', '二', '三', '四'];

/** An item's period: 「2026-11」 (a month), 「2026年第四季度」, 「2026年」. */
function periodText(i: ComplianceItemView): string {
  const [y1, m1] = [Number(i.start.slice(0, 4)), Number(i.start.slice(5, 7))];
  const months = (Number(i.end.slice(0, 4)) - y1) * 12 + Number(i.end.slice(5, 7)) - m1 + 1;
  if (months === 1) return i.start.slice(0, 7);
  if (months === 3) return `${y1}年第${QUARTER[Math.floor((m1 - 1) / 3)]}季度`;
  return `${y1}年`;
}

/** The items of `statuses` by requirement, each with its periods: 「主题党日每月至少1次（2026-10、2026-11）；…」. */
function itemsText(items: readonly ComplianceItemView[], statuses: ReadonlySet<ComplianceStatusCode>): string {
  const byLabel = new Map<string, string[]>();
  for (const i of items) {
    if (!statuses.has(i.status)) continue;
    const periods = byLabel.get(i.label) ?? [];
    periods.push(i.status === 'due_soon' ? `${periodText(i)}，即将到期` : periodText(i));
    byLabel.set(i.label, periods);
  }
  return [...byLabel].map(([label, periods]) => `${label}（${periods.join('、')}）`).join('；');
}

type Row = ComplianceOrgRow & { seq: number };

const COLUMNS: ExportColumn<Row>[] = [
  { key: 'seq', header: '序号', width: 6, value: (r) => r.seq },
  { key: 'org', header: '党组织', width: 32, value: (r) => r.orgName },
  { key: 'parent', header: '上级组织', width: 28, value: (r) => r.parentName ?? '' },
  { key: 'type', header: '类型', width: 12, value: (r) => orgTypeLabel[r.orgType as OrgType] ?? r.orgType },
  { key: 'done', header: '已完成', width: 8, value: (r) => r.done },
  { key: 'overdue', header: '未完成', width: 8, value: (r) => r.missing },
  { key: 'due', header: '待开展', width: 8, value: (r) => r.items.filter((i) => DUE.has(i.status)).length },
  { key: 'lastMeeting', header: '最近一次会议', width: 14, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.lastMeetingDate) ?? '无' },
  { key: 'silent', header: '沉默支部', width: 10, value: (r) => (r.silent ? '是' : '否') },
  { key: 'overdueItems', header: '未完成事项', width: 60, value: (r) => itemsText(r.items, OVERDUE) },
  { key: 'dueItems', header: '待开展事项', width: 48, value: (r) => itemsText(r.items, DUE) },
];

const percent = (r: number | null) => (r === null ? '—（尚无到期要求）' : `${Math.round(r * 1000) / 10}%`);

/** The organizations' list of the compliance calendar as a workbook, through the list's own service function. */
export function createComplianceExport(deps: { service: ComplianceService; batch?: number }) {
  const { service, batch = COMPLIANCE_EXPORT_BATCH } = deps;

  /** Every organization of the list in its order, `batch` at a time (each organization once, should the list move meanwhile). */
  async function allRows(actor: Actor, q: ComplianceOrgExportQuery): Promise<{ rows: ComplianceOrgRow[]; total: number }> {
    const rows: ComplianceOrgRow[] = [];
    const seen = new Set<string>();
    let total = 0;
    for (let page = 1; rows.length < EXPORT_ROWS_MAX; page++) {
      const p = await service.orgPage(actor, { ...q, page, pageSize: batch });
      total = p.total;
      for (const r of p.items) {
        if (seen.has(r.orgId) || rows.length >= EXPORT_ROWS_MAX) continue;
        seen.add(r.orgId);
        rows.push(r);
      }
      if (p.items.length < batch || page * batch >= p.total) break;
    }
    return { rows, total };
  }

  return {
    async orgs(actor: Actor, q: ComplianceOrgExportQuery): Promise<{ fileName: string; data: Buffer }> {
      // the summary checks the scope (404 outside it) and gives its name, the day judged on and its totals
      const s = await service.summary(actor, { orgId: q.orgId, period: q.period, date: q.date });
      const { rows, total } = await allRows(actor, q);
      const wb = newWorkbook();
      const ws = addTableSheet(wb, COMPLIANCE_ORGS_SHEET, COLUMNS, { filter: true });
      ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
      rows.forEach((r, i) => {
        const row: Row = { ...r, seq: i + 1 };
        ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(row)])));
      });
      const name = q.q?.trim();
      const t = s.totals;
      ws.addRow({});
      ws.addRow({
        seq:
          `${s.scope.orgName} ${s.period.label}（${s.period.start} 至 ${s.period.end}）组织生活完成情况：` +
          `${FILTER_LABEL[q.status ?? 'all']}${name ? `（名称含“${name}”）` : ''}，共 ${total} 个；导出日期 ${s.today}`,
      });
      ws.addRow({
        seq:
          `本范围合计：${t.organizations} 个组织，已完成 ${t.done} 项、待开展 ${t.due + t.dueSoon} 项（其中即将到期 ${t.dueSoon} 项）、未完成 ${t.overdue} 项，` +
          `完成率 ${percent(t.rate)}，沉默支部 ${s.silent} 个`,
      });
      if (rows.length < total) ws.addRow({ seq: `仅导出前 ${rows.length} 个组织，请选择下级组织或筛选后分别导出` });
      ws.addRow({ seq: COMPLIANCE_EXPORT_NOTE });
      const fileName = exportFileName(`组织生活完成情况（${s.period.label}）`, s.scope.orgName, s.today);
      return { fileName, data: await toBuffer(wb) };
    },
  };
}
export type ComplianceExport = ReturnType<typeof createComplianceExport>;
