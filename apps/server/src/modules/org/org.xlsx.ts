import type { ImportSheet, SheetRow, SheetSpec } from '../../platform/xlsx/sheet.ts';
import type { SheetColumn } from '../../platform/xlsx/workbook.ts';

/**
 * The organization spreadsheet: its columns and sheet, shared by the template, the importer, the
 * error report and the export, so all four agree. Reading cells and sheets is platform/xlsx's.
 */

/** The data sheet of the template; the importer reads this sheet (or the first sheet with our headers). */
export const IMPORT_SHEET = '组织导入';

/** Columns of the template and of an import, in order. */
export const IMPORT_COLUMNS = [
  { key: 'name', header: '组织全称', required: true, width: 36 },
  { key: 'shortName', header: '简称', width: 16 },
  { key: 'parentName', header: '上级组织全称', required: true, width: 36 },
  { key: 'type', header: '组织类别', required: true, width: 14 },
  { key: 'domain', header: '所属领域', required: true, width: 12 },
  { key: 'formationMode', header: '组建方式', required: true, width: 12 },
  { key: 'unitNames', header: '单位名称', width: 32, numFmt: '@' },
  { key: 'creditCodes', header: '统一社会信用代码', width: 24, numFmt: '@' },
  { key: 'unitCategories', header: '单位类别', width: 14 },
  { key: 'approvalDocNo', header: '批准文号', width: 20, numFmt: '@' },
  { key: 'approvalDate', header: '批准日期', width: 14, numFmt: 'yyyy-mm-dd' },
  { key: 'code', header: '组织代码', width: 18, numFmt: '@' },
] as const satisfies readonly SheetColumn[];

/** Read-only columns the export adds after the import columns; the importer reads only 状态. */
export const EXPORT_EXTRA_COLUMNS = [
  { key: 'status', header: '状态', width: 10 },
  { key: 'termNo', header: '当前届次', width: 10 },
  { key: 'termEnd', header: '届满日期', width: 14, numFmt: 'yyyy-mm-dd' },
  { key: 'termStatus', header: '换届状态', width: 14 },
] as const satisfies readonly SheetColumn[];

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
/** Keys the importer reads: the import columns, and 状态 so that a dissolved organization in a re-imported export is refused. */
type ReadKey = ImportColumnKey | 'status';

/** What the importer reads from an upload. */
export const ORG_SHEET: SheetSpec<ReadKey> = { columns: [...IMPORT_COLUMNS, EXPORT_EXTRA_COLUMNS[0]], sheet: IMPORT_SHEET, noun: '组织' };

/** An organization upload as read, and one of its data rows. */
export type OrgSheet = ImportSheet<ReadKey>;
export type OrgSheetRow = SheetRow<ReadKey>;

export const headerOf = (key: ImportColumnKey): string => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
