import type ExcelJS from 'exceljs';
import {
  formationModeLabel,
  orgDomainLabel,
  orgStatusLabel,
  orgTypeLabel,
  termStatusLabel,
  type FormationMode,
  type OrgDomain,
  type OrgStatus,
  type OrgType,
} from '@jiceng/contracts';
import { hasElectedTerm, termStatus } from '@jiceng/rules';
import type { Actor } from '../../platform/http/actor.ts';
import type { OrgTransferDeps } from './org.import.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { exportFileName } from '../../platform/xlsx/export.ts';
import { addTableSheet, newWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import { EXPORT_EXTRA_COLUMNS, IMPORT_COLUMNS } from './org.xlsx.ts';

export const EXPORT_SHEET = '组织列表';

type SubtreeRow = Awaited<ReturnType<OrgTransferDeps['orgs']['subtree']>>[number];
type Units = { name: string; credit_code: string | null; category: string }[];

const label = <K extends string>(labels: Record<K, string>, k: string) => labels[k as K] ?? k;

/** Units as stored by json_agg: parsed by both drivers, but tolerate a JSON string. */
function unitsOf(r: SubtreeRow): Units {
  const u: unknown = r.units;
  if (typeof u === 'string') return JSON.parse(u) as Units;
  return (u as Units | null) ?? [];
}

/**
 * Excel export of a subtree in the import's columns (so the file can be imported elsewhere), plus
 * status and term columns. Out-of-scope roots answer 404 through the org service.
 */
export function createOrgExportService(deps: Pick<OrgTransferDeps, 'db' | 'regionId' | 'orgs' | 'service' | 'clock'>) {
  const { db, regionId, orgs, service, clock } = deps;

  function toRow(r: SubtreeRow, today: string): Record<string, ExcelJS.CellValue> {
    const units = unitsOf(r);
    const joined = (f: (u: Units[number]) => string) => units.map(f).join('、');
    const elected = hasElectedTerm(r.type as OrgType) && r.status === 'active';
    return {
      name: r.name,
      shortName: r.short_name,
      parentName: r.parent_name,
      type: label<OrgType>(orgTypeLabel, r.type),
      domain: label<OrgDomain>(orgDomainLabel, r.domain),
      formationMode: label<FormationMode>(formationModeLabel, r.formation_mode),
      unitNames: joined((u) => u.name),
      creditCodes: units.some((u) => u.credit_code) ? joined((u) => u.credit_code ?? '无') : '',
      unitCategories: joined((u) => label<OrgDomain>(orgDomainLabel, u.category)),
      approvalDocNo: r.approval_doc_no,
      approvalDate: excelDate(r.approval_date),
      code: r.code,
      status: label<OrgStatus>(orgStatusLabel, r.status),
      termNo: r.term_no,
      termEnd: excelDate(r.term_end),
      termStatus: elected ? termStatusLabel[termStatus(r.term_end, today)] : '',
    };
  }

  return {
    /** The subtree under `rootId` (default: the account's own organization), parents before children. */
    async exportXlsx(actor: Actor, rootId: string | undefined, includeDissolved: boolean): Promise<{ fileName: string; data: Buffer }> {
      const root = await service.resolveInScope(actor, rootId ?? actor.orgId);
      const today = clock.today();
      const rows = (await orgs.subtree(db, regionId, root.path)).filter((r) => includeDissolved || r.status === 'active');
      const wb = newWorkbook();
      const ws = addTableSheet(wb, EXPORT_SHEET, [...IMPORT_COLUMNS, ...EXPORT_EXTRA_COLUMNS], { filter: true });
      for (const r of rows) ws.addRow(toRow(r, today));
      return { fileName: exportFileName('组织架构', root.name, today), data: await toBuffer(wb) };
    },
  };
}
export type OrgExportService = ReturnType<typeof createOrgExportService>;
