import type { DirectiveTargetView } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelChinaTime, excelDate } from '../../platform/xlsx/cells.ts';
import { exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { DirectiveService } from './directive.service.ts';

const TIME = 'yyyy-mm-dd hh:mm';

const COLUMNS: ExportColumn<DirectiveTargetView>[] = [
  { key: 'org', header: '接收单位', width: 30, value: (t) => `${'　'.repeat(t.depth - 1)}${t.orgName}` },
  { key: 'issuer', header: '下发单位', width: 28, value: (t) => t.issuerOrgName },
  { key: 'status', header: '办理情况', width: 12, value: (t) => t.statusLabel },
  { key: 'dueOn', header: '办结期限', width: 12, numFmt: 'yyyy-mm-dd', value: (t) => excelDate(t.dueOn) },
  { key: 'ackAt', header: '签收时间', width: 17, numFmt: TIME, value: (t) => excelChinaTime(t.acknowledgedAt) },
  { key: 'ackBy', header: '签收人', width: 10, value: (t) => t.acknowledgedByName ?? '' },
  { key: 'doneAt', header: '上报时间', width: 17, numFmt: TIME, value: (t) => excelChinaTime(t.reportedAt) },
  { key: 'doneBy', header: '上报人', width: 10, value: (t) => t.reportedByName ?? '' },
  { key: 'report', header: '完成情况', width: 40, value: (t) => t.report ?? '' },
  { key: 'files', header: '佐证材料', width: 8, value: (t) => t.attachments.length },
  {
    key: 'extension',
    header: '延期申请',
    width: 30,
    value: (t) => (t.extension ? `申请延期至 ${t.extension.dueOn}（${t.extension.stateLabel}）：${t.extension.reason}` : ''),
  },
  { key: 'reminded', header: '催办次数', width: 8, value: (t) => t.remindedCount },
  { key: 'lastReminded', header: '最近催办', width: 17, numFmt: TIME, value: (t) => excelChinaTime(t.lastRemindedAt) },
];

/** The directive's recipients as the sender's table shows them (the reader's scope), one sheet with Chinese headers. */
export function createDirectiveExport(deps: { service: DirectiveService; clock: Clock }) {
  return {
    async targets(actor: Actor, id: string): Promise<{ fileName: string; data: Buffer }> {
      const d = await deps.service.get(actor, id);
      return { fileName: exportFileName('下发任务办理情况', d.title, deps.clock.today()), data: await exportWorkbook('办理情况', COLUMNS, d.targets) };
    },
  };
}
export type DirectiveExport = ReturnType<typeof createDirectiveExport>;
