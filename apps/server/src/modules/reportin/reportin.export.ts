import {
  genderLabel,
  reportInStatusLabel,
  type Gender,
  type MemberReportIn,
  type MemberReportInExportQuery,
  type ReportInStatus,
  type UnitReportIn,
  type UnitReportInExportQuery,
} from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { ReportInService } from './reportin.service.ts';

export const MEMBER_REPORT_SHEET = '在职党员报到';
export const UNIT_REPORT_SHEET = '驻区单位报到';

const status = (s: string) => reportInStatusLabel[s as ReportInStatus] ?? s;

const MEMBER_COLUMNS: ExportColumn<MemberReportIn>[] = [
  { key: 'name', header: '姓名', width: 10, value: (r) => r.memberName },
  { key: 'gender', header: '性别', width: 6, value: (r) => genderLabel[r.gender as Gender] ?? r.gender },
  { key: 'home', header: '所在党支部', width: 28, value: (r) => r.homeOrgName },
  { key: 'community', header: '报到社区', width: 24, value: (r) => r.communityName },
  { key: 'phone', header: '联系电话', width: 14, value: (r) => r.phone },
  { key: 'reportDate', header: '报到日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.reportDate) },
  { key: 'intentions', header: '服务意向', width: 28, value: (r) => r.intentions },
  { key: 'status', header: '状态', width: 8, value: (r) => status(r.status) },
  { key: 'cancelledDate', header: '注销日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.cancelledDate) },
  { key: 'cancelReason', header: '注销原因', width: 20, value: (r) => r.cancelReason },
];

const UNIT_COLUMNS: ExportColumn<UnitReportIn>[] = [
  { key: 'unit', header: '单位名称', width: 28, value: (r) => r.unitName },
  { key: 'creditCode', header: '统一社会信用代码', width: 22, numFmt: '@', value: (r) => r.creditCode },
  { key: 'community', header: '报到社区', width: 24, value: (r) => r.communityName },
  { key: 'contact', header: '联系人', width: 10, value: (r) => r.contactName },
  { key: 'phone', header: '联系电话', width: 14, value: (r) => r.phone },
  { key: 'resources', header: '可提供资源', width: 28, value: (r) => r.resources },
  { key: 'reportDate', header: '报到日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.reportDate) },
  { key: 'status', header: '状态', width: 8, value: (r) => status(r.status) },
  { key: 'cancelledDate', header: '注销日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.cancelledDate) },
  { key: 'cancelReason', header: '注销原因', width: 20, value: (r) => r.cancelReason },
];

/** Excel exports of the two 双报到 lists: the lists' own pages (filters, scope, masked phones). */
export function createReportInExport(deps: { service: Pick<ReportInService, 'listMembers' | 'listUnits'>; clock: Clock }) {
  const today = () => deps.clock.today();
  return {
    async members(actor: Actor, q: MemberReportInExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const rows = allPages((page, pageSize) => deps.service.listMembers(actor, { ...q, page, pageSize }));
      return { fileName: exportFileName('在职党员报到', actor.orgName, today()), data: await exportWorkbook(MEMBER_REPORT_SHEET, MEMBER_COLUMNS, rows) };
    },
    async units(actor: Actor, q: UnitReportInExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const rows = allPages((page, pageSize) => deps.service.listUnits(actor, { ...q, page, pageSize }));
      return { fileName: exportFileName('驻区单位报到', actor.orgName, today()), data: await exportWorkbook(UNIT_REPORT_SHEET, UNIT_COLUMNS, rows) };
    },
  };
}
export type ReportInExport = ReturnType<typeof createReportInExport>;
