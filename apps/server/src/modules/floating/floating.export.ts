import {
  floatingReasonLabel,
  floatingStatusLabel,
  genderLabel,
  lostContactProposalLabel,
  lostContactStatusLabel,
  memberStatusLabel,
  type FloatingExportQuery,
  type FloatingReason,
  type FloatingRecord,
  type FloatingStatus,
  type Gender,
  type LostContactExportQuery,
  type LostContactRecord,
  type LostContactStatus,
  type MemberStatus,
} from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { FloatingService } from './floating.service.ts';
import type { LostContactService } from './lost-contact.service.ts';

export const FLOATING_EXPORT_SHEET = '流动党员';
export const LOST_CONTACT_EXPORT_SHEET = '失联党员';

const date = (header: string, key: string, v: (r: FloatingRecord) => string | null): ExportColumn<FloatingRecord> => ({
  key,
  header,
  width: 12,
  numFmt: 'yyyy-mm-dd',
  value: (r) => excelDate(v(r)),
});

const FLOATING_COLUMNS: ExportColumn<FloatingRecord>[] = [
  { key: 'name', header: '姓名', width: 10, value: (r) => r.memberName },
  { key: 'gender', header: '性别', width: 6, value: (r) => genderLabel[r.memberGender as Gender] ?? r.memberGender },
  { key: 'idNumber', header: '公民身份号码', width: 22, value: (r) => r.memberIdNumber },
  { key: 'home', header: '所在党支部', width: 28, value: (r) => r.homeOrgName },
  { key: 'status', header: '状态', width: 14, value: (r) => floatingStatusLabel[r.status as FloatingStatus] ?? r.status },
  { key: 'place', header: '流入地', width: 20, value: (r) => r.destinationPlace },
  { key: 'destination', header: '流入地党组织', width: 28, value: (r) => r.destinationOrgName },
  { key: 'reason', header: '外出原因', width: 14, value: (r) => floatingReasonLabel[r.reason as FloatingReason] ?? r.reason },
  { key: 'phone', header: '联系电话', width: 14, value: (r) => r.contactPhone },
  date('外出日期', 'leftDate', (r) => r.leftDate),
  date('预计返回日期', 'expectedReturnDate', (r) => r.expectedReturnDate),
  { key: 'certNo', header: '流动党员活动证编号', width: 18, value: (r) => r.certNo },
  date('活动证有效期至', 'certValidUntil', (r) => r.certValidUntil),
  date('流入地登记日期', 'arrivalDate', (r) => r.arrivalDate),
  date('核实日期', 'verifiedDate', (r) => r.verifiedDate),
  date('返回日期', 'returnedDate', (r) => r.returnedDate),
];

const LOST_COLUMNS: ExportColumn<LostContactRecord>[] = [
  { key: 'name', header: '姓名', width: 10, value: (r) => r.memberName },
  { key: 'memberStatus', header: '党员状态', width: 10, value: (r) => memberStatusLabel[r.memberStatus as MemberStatus] ?? r.memberStatus },
  { key: 'org', header: '所在党支部', width: 28, value: (r) => r.orgName },
  { key: 'status', header: '失联状态', width: 10, value: (r) => lostContactStatusLabel[r.status as LostContactStatus] ?? r.status },
  { key: 'lastContactDate', header: '最后联系日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.lastContactDate) },
  { key: 'monthsLost', header: '失联月数', width: 8, value: (r) => r.monthsLost },
  { key: 'measures', header: '已采取措施', width: 30, value: (r) => r.measures },
  { key: 'attempts', header: '联系次数', width: 8, value: (r) => r.attemptCount },
  { key: 'lastAttemptDate', header: '最近联系尝试', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.lastAttemptDate) },
  {
    key: 'proposal',
    header: '处置建议',
    width: 16,
    value: (r) => (r.proposal ? (lostContactProposalLabel[r.proposal as 'suspend' | 'remove'] ?? r.proposal) : null),
  },
  { key: 'foundDate', header: '恢复联系日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.foundDate) },
];

/** Excel exports of the 流动党员 and 失联党员 lists: the same filters and scope, phones and ID numbers masked as in the lists. */
export function createFloatingExport(deps: { floating: Pick<FloatingService, 'list'>; lostContact: Pick<LostContactService, 'list'>; clock: Clock }) {
  return {
    async floatingXlsx(actor: Actor, q: FloatingExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const rows = allPages((page, pageSize) => deps.floating.list(actor, { ...q, page, pageSize }));
      return {
        fileName: exportFileName('流动党员', actor.orgName, deps.clock.today()),
        data: await exportWorkbook(FLOATING_EXPORT_SHEET, FLOATING_COLUMNS, rows),
      };
    },
    async lostContactXlsx(actor: Actor, q: LostContactExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const rows = allPages((page, pageSize) => deps.lostContact.list(actor, { ...q, page, pageSize }));
      return {
        fileName: exportFileName('失联党员', actor.orgName, deps.clock.today()),
        data: await exportWorkbook(LOST_CONTACT_EXPORT_SHEET, LOST_COLUMNS, rows),
      };
    },
  };
}
export type FloatingExport = ReturnType<typeof createFloatingExport>;
