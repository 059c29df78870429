import {
  orgSetupLevelLabel,
  orgSetupRuleLabel,
  orgTypeLabel,
  type OrgSetupLevel,
  type OrgSetupRule,
  type OrgSetupWarning,
  type OrgSetupWarningQuery,
  type OrgType,
} from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { OrgService } from '../org/index.ts';
import type { OrgSetupService } from './orgsetup.service.ts';

export const ORG_SETUP_EXPORT_SHEET = '组织设置预警';

const COLUMNS: ExportColumn<OrgSetupWarning>[] = [
  { key: 'org', header: '组织名称', width: 32, value: (w) => w.orgName },
  { key: 'type', header: '类别', width: 14, value: (w) => orgTypeLabel[w.orgType as OrgType] ?? w.orgType },
  { key: 'parent', header: '上级组织', width: 32, value: (w) => w.parentName },
  { key: 'rule', header: '预警', width: 26, value: (w) => orgSetupRuleLabel[w.rule as OrgSetupRule] ?? w.rule },
  { key: 'level', header: '程度', width: 10, value: (w) => orgSetupLevelLabel[w.level as OrgSetupLevel] ?? w.level },
  { key: 'unit', header: '涉及单位', width: 24, value: (w) => w.unitName },
  { key: 'message', header: '说明', width: 60, value: (w) => w.message },
  { key: 'value', header: '数值', width: 8, value: (w) => w.value },
  { key: 'threshold', header: '标准', width: 8, value: (w) => w.threshold },
];

/** Excel export of the warning list: the same filters and scope, named after the organization filtered on (or the account's). */
export function createOrgSetupExport(deps: { service: Pick<OrgSetupService, 'warnings'>; orgs: Pick<OrgService, 'resolveInScope'>; clock: Clock }) {
  return {
    async exportXlsx(actor: Actor, q: OrgSetupWarningQuery): Promise<{ fileName: string; data: Buffer }> {
      const whose = q.orgId ? (await deps.orgs.resolveInScope(actor, q.orgId)).name : actor.orgName;
      const rows = await deps.service.warnings(actor, q);
      return { fileName: exportFileName('组织设置预警', whose, deps.clock.today()), data: await exportWorkbook(ORG_SETUP_EXPORT_SHEET, COLUMNS, rows) };
    },
  };
}
export type OrgSetupExport = ReturnType<typeof createOrgSetupExport>;
