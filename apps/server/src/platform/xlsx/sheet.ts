import type ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS, type ImportRowError } from '@jiceng/contracts';
import { invalid } from '../errors.ts';
import { cellText, flattenCell, normalizeText, type CellValue } from './cells.ts';
import type { SheetColumn } from './workbook.ts';

/** Header of the column an error report adds; a re-uploaded report is recognized by it. */
export const ERROR_COLUMN = '错误说明';

/** What an import reads from an uploaded workbook. */
export interface SheetSpec<K extends string> {
  /** Columns read, matched by header; those marked `required` must be present. */
  columns: readonly SheetColumn<K>[];
  /** The template's data sheet, read when present; otherwise the first sheet holding the first column's header. */
  sheet: string;
  /** What one row describes, in messages (“每行填写一个组织”). */
  noun: string;
}

/** One non-empty data row of the uploaded sheet, by column key, with its Excel row number. */
export interface SheetRow<K extends string> {
  row: number;
  cells: Partial<Record<K, CellValue>>;
}

export interface ImportSheet<K extends string> {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  date1904: boolean;
  /** Column number of each recognized column, by key. */
  columns: Map<K, number>;
  /** Column number of each recognized column, by its header (the `column` of an ImportRowError). */
  headers: Map<string, number>;
  /** Column number of an existing 错误说明 column (a re-uploaded error report). */
  errorColumn: number | null;
  /** Last column with a header. */
  lastColumn: number;
  rows: SheetRow<K>[];
  /** Missing required columns, reported on row 1. */
  headerErrors: ImportRowError[];
}

/** A header as compared: normalized, without `*`, whitespace or 「(必填)」. */
const headerKey = (v: CellValue) => normalizeText(cellText(v)).replace(/[*＊\s]|[(（]必填[)）]/g, '');

function rowHeaders(ws: ExcelJS.Worksheet): { col: number; key: string }[] {
  const out: { col: number; key: string }[] = [];
  ws.getRow(1).eachCell((cell, col) => out.push({ col, key: headerKey(flattenCell(cell.value)) }));
  return out;
}

function findSheet(wb: ExcelJS.Workbook, name: string, firstHeader: string): ExcelJS.Worksheet | undefined {
  const named = wb.getWorksheet(name);
  if (named) return named;
  const wanted = headerKey(firstHeader);
  return wb.worksheets.find((ws) => rowHeaders(ws).some((h) => h.key === wanted)) ?? wb.worksheets[0];
}

/**
 * Reads an import sheet: headers on row 1 matched by name (order and extra columns do not matter,
 * `*`, spaces and 「(必填)」 are ignored), data from row 2, blank rows skipped. Missing required
 * columns come back as row-1 errors so they are reported with the rows' problems. Throws for a file
 * with no sheet, no recognizable header, no data or more than IMPORT_MAX_ROWS rows.
 */
export function readSheet<K extends string>(wb: ExcelJS.Workbook, spec: SheetSpec<K>): ImportSheet<K> {
  const first = spec.columns[0]!.header;
  const sheet = findSheet(wb, spec.sheet, first);
  if (!sheet) throw invalid('文件中没有工作表，请使用导入模板填写');
  const wanted = spec.columns.map((c) => ({ column: c, key: headerKey(c.header) }));
  const columns = new Map<K, number>();
  const headers = new Map<string, number>();
  let errorColumn: number | null = null;
  let lastColumn = 0;
  for (const h of rowHeaders(sheet)) {
    if (h.key === '') continue;
    lastColumn = Math.max(lastColumn, h.col);
    if (h.key === ERROR_COLUMN) errorColumn = h.col;
    const c = wanted.find((x) => x.key === h.key)?.column;
    if (c && !columns.has(c.key)) {
      columns.set(c.key, h.col);
      headers.set(c.header, h.col);
    }
  }
  if (columns.size === 0) throw invalid(`第 1 行没有找到“${first}”等表头，请下载导入模板，在“${spec.sheet}”工作表中填写`);
  const headerErrors: ImportRowError[] = spec.columns
    .filter((c) => c.required && !columns.has(c.key))
    .map((c) => ({ row: 1, column: c.header, message: `缺少必填列“${c.header}”，请使用导入模板的表头` }));
  const rows: SheetRow<K>[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: SheetRow<K>['cells'] = {};
    let empty = true;
    for (const [key, col] of columns) {
      const v = flattenCell(r.getCell(col).value);
      if (v !== null && cellText(v) !== '') empty = false;
      cells[key] = v;
    }
    if (!empty) rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0) throw invalid(`文件中没有数据：请从第 2 行起每行填写一个${spec.noun}（第 1 行是表头）`);
  if (rows.length > IMPORT_MAX_ROWS) throw invalid(`文件有 ${rows.length} 行数据，超过单次导入上限 ${IMPORT_MAX_ROWS} 行，请拆分成多个文件分批导入`);
  return { workbook: wb, sheet, date1904: wb.properties.date1904 === true, columns, headers, errorColumn, lastColumn, rows, headerErrors };
}
