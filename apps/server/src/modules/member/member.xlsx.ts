import type { ImportSheet, SheetRow, SheetSpec } from '../../platform/xlsx/sheet.ts';
import type { SheetColumn } from '../../platform/xlsx/workbook.ts';

/**
 * The roster spreadsheet (党员名册): its columns and sheet, shared by the template, the importer,
 * the error report and the export, so all four agree. Reading cells and sheets is platform/xlsx's.
 */

/** The data sheet of the template and of the export; the importer reads it (or the first sheet with our headers). */
export const ROSTER_SHEET = '党员名册';

/** Columns of the template and of an import, in order. */
export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'idNumber', header: '公民身份号码', required: true, width: 22, numFmt: '@' },
  { key: 'ethnicity', header: '民族', required: true, width: 10 },
  { key: 'education', header: '学历', required: true, width: 14 },
  { key: 'occupation', header: '人员类别', required: true, width: 20 },
  { key: 'workUnit', header: '工作单位', width: 28 },
  { key: 'position', header: '职务', width: 14 },
  { key: 'phone', header: '联系电话', width: 15, numFmt: '@' },
  { key: 'address', header: '家庭住址', width: 32 },
  { key: 'appliedDate', header: '申请入党日期', width: 14, numFmt: 'yyyy-mm-dd' },
  { key: 'joinedDate', header: '入党日期', required: true, width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'status', header: '党员类别', required: true, width: 10 },
  { key: 'confirmedDate', header: '转正日期', width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'branchName', header: '所在党支部', required: true, width: 30 },
  { key: 'categories', header: '人员标签', width: 18 },
] as const satisfies readonly SheetColumn[];

/**
 * Columns the export adds after the import columns. 性别 and 出生日期 are derived from the ID number;
 * the importer reads them when present and checks that they agree. 出生日期 is filled only in an
 * unmasked export (a masked one has 年龄, which the importer ignores like 党龄). It also reads 状态, so
 * a member who has left, exported and re-imported, is refused instead of registered again as active.
 */
export const EXPORT_EXTRA_COLUMNS = [
  { key: 'gender', header: '性别', width: 6 },
  { key: 'birthDate', header: '出生日期', width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'age', header: '年龄', width: 6 },
  { key: 'state', header: '状态', width: 10 },
  { key: 'partyAge', header: '党龄', width: 6 },
] as const satisfies readonly SheetColumn[];

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
/** Keys the importer reads: the import columns and the export's 性别, 出生日期 and 状态. */
export type ReadKey = ImportColumnKey | 'gender' | 'birthDate' | 'state';
const READ_EXTRAS = EXPORT_EXTRA_COLUMNS.filter((c) => c.key !== 'partyAge' && c.key !== 'age');

/** What the importer reads from an upload. */
export const ROSTER_READ: SheetSpec<ReadKey> = { columns: [...IMPORT_COLUMNS, ...READ_EXTRAS], sheet: ROSTER_SHEET, noun: '党员' };

/** A roster upload as read, and one of its data rows. */
export type RosterSheet = ImportSheet<ReadKey>;
export type RosterSheetRow = SheetRow<ReadKey>;

export const headerOf = (key: ReadKey): string => ROSTER_READ.columns.find((c) => c.key === key)!.header;
