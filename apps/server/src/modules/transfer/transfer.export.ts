import {
  genderLabel,
  memberStatusLabel,
  transferKindLabel,
  type Gender,
  type MemberStatus,
  type Transfer,
  type TransferExportQuery,
  type TransferKind,
} from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { TransferService } from './transfer.service.ts';

export const TRANSFER_EXPORT_SHEET = '转接记录';

const COLUMNS: ExportColumn<Transfer>[] = [
  { key: 'kind', header: '转接方式', width: 16, value: (t) => transferKindLabel[t.kind as TransferKind] ?? t.kind },
  { key: 'status', header: '办理状态', width: 12, value: (t) => t.statusText },
  { key: 'name', header: '姓名', width: 10, value: (t) => t.memberName },
  { key: 'gender', header: '性别', width: 6, value: (t) => genderLabel[t.memberGender as Gender] ?? t.memberGender },
  { key: 'age', header: '年龄', width: 6, value: (t) => t.memberAge },
  { key: 'idNumber', header: '公民身份号码', width: 22, value: (t) => t.memberIdNumber },
  { key: 'memberStatus', header: '党员类别', width: 10, value: (t) => memberStatusLabel[t.memberStatus as MemberStatus] ?? t.memberStatus },
  { key: 'from', header: '转出党组织', width: 28, value: (t) => t.fromOrgName },
  { key: 'to', header: '接收党组织', width: 28, value: (t) => t.toOrgName },
  { key: 'reason', header: '转接原因', width: 20, value: (t) => t.reason },
  { key: 'startedOn', header: '发起日期', width: 12, numFmt: 'yyyy-mm-dd', value: (t) => excelDate(t.startedOn) },
  { key: 'completedOn', header: '办结日期', width: 12, numFmt: 'yyyy-mm-dd', value: (t) => excelDate(t.completedOn) },
  { key: 'letterNo', header: '介绍信编号', width: 16, value: (t) => t.letterNo },
  { key: 'validUntil', header: '有效期至', width: 12, numFmt: 'yyyy-mm-dd', value: (t) => excelDate(t.validUntil) },
  { key: 'duesPaidTo', header: '党费缴至', width: 12, value: (t) => t.duesPaidTo },
  { key: 'daysOverdue', header: '逾期天数', width: 8, value: (t) => (t.overdue ? t.daysOverdue : null) },
  { key: 'createdBy', header: '经办人', width: 12, value: (t) => t.createdByName },
  { key: 'decidedBy', header: '办理人', width: 12, value: (t) => t.decidedByName },
];

/** Excel export of the transfer list: the same filters and scope, the member masked as in the list. */
export function createTransferExport(deps: { service: Pick<TransferService, 'list'>; clock: Clock }) {
  return {
    async exportXlsx(actor: Actor, q: TransferExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const rows = allPages((page, pageSize) => deps.service.list(actor, { ...q, page, pageSize }));
      return { fileName: exportFileName('组织关系转接', actor.orgName, deps.clock.today()), data: await exportWorkbook(TRANSFER_EXPORT_SHEET, COLUMNS, rows) };
    },
  };
}
export type TransferExport = ReturnType<typeof createTransferExport>;
