import type ExcelJS from 'exceljs';
import type { ImportRowError } from '@jiceng/contracts';
import { ERROR_COLUMN, type ImportSheet } from './sheet.ts';

const PROBLEM_ARGB = 'FFFFC7CE';
const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PROBLEM_ARGB } };
const NO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'none' };

const isProblemFill = (f: ExcelJS.Fill | undefined) => f?.type === 'pattern' && f.pattern === 'solid' && f.fgColor?.argb === PROBLEM_ARGB;

/** The parts of a read sheet the error report writes into. */
export type ReportSheet = Pick<ImportSheet<string>, 'sheet' | 'errorColumn' | 'lastColumn' | 'headers'>;

/**
 * Writes each row's problems into a 错误说明 column (added after the last header, or reused when the
 * user re-uploads an error report) and highlights the cells they are about (found by the error's
 * `column`, the header of a column the import read). Highlights left by an earlier report are
 * cleared first, so a fixed cell turns plain again. Row-1 problems (missing columns) go into the
 * 错误说明 header.
 */
export function annotateErrors(sheet: ReportSheet, errors: readonly ImportRowError[]): void {
  const ws = sheet.sheet;
  const col = sheet.errorColumn ?? sheet.lastColumn + 1;

  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell((cell) => {
      if (isProblemFill(cell.fill)) cell.fill = NO_FILL;
    });
    row.getCell(col).value = null;
  });

  const byRow = new Map<number, ImportRowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);

  const header = ws.getRow(1).getCell(col);
  const headerProblems = byRow.get(1) ?? [];
  header.value = headerProblems.length ? `${ERROR_COLUMN}（表头：${headerProblems.map((e) => e.message).join('；')}）` : ERROR_COLUMN;
  header.font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getColumn(col).width = 60;

  for (const [rowNo, list] of byRow) {
    if (rowNo === 1) continue;
    const row = ws.getRow(rowNo);
    const cell = row.getCell(col);
    cell.value = list.map((e) => (e.column ? `【${e.column}】${e.message}` : e.message)).join('\n');
    cell.font = { color: { argb: 'FFC00000' } };
    cell.alignment = { wrapText: true, vertical: 'top' };
    for (const e of list) {
      const c = sheet.headers.get(e.column);
      if (c) row.getCell(c).fill = PROBLEM_FILL;
    }
  }
}
