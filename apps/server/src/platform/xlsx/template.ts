import type ExcelJS from 'exceljs';
import type { SheetColumn } from './workbook.ts';

/** Template helpers: dropdown lists on a column, and a sheet of instructions with examples. */

/**
 * Rows that get dropdowns. Excel stores a validation as one range, but exceljs expands ranges into
 * one entry per cell when it reads a file back (the error report), so the range stays moderate.
 */
export const DROPDOWN_ROWS = 5000;

/** Data validations are in exceljs at runtime but missing from its typings. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } };

/**
 * A dropdown on the data rows of the column `key` (of a sheet made by addTableSheet). `strict`
 * refuses other values in Excel; otherwise the list only suggests (e.g. when a cell may hold several
 * values). Excel keeps an inline list to 255 characters, commas included.
 */
export function addDropdown(ws: ExcelJS.Worksheet, key: string, values: readonly string[], opts: { strict: boolean; prompt: string }): void {
  const column = ws.getColumn(key);
  // exceljs takes an unknown key for a column letter: a misspelt key must not land on another column.
  if (column.key !== key) throw new Error(`addDropdown: the sheet has no column with key "${key}"`);
  const letter = column.letter;
  (ws as WithValidations).dataValidations.add(`${letter}2:${letter}${DROPDOWN_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: opts.strict,
    errorStyle: 'stop',
    errorTitle: '输入值无效',
    error: '请从下拉列表中选择',
    showInputMessage: true,
    prompt: opts.prompt,
  });
}

export interface GuideSpec<K extends string> {
  /** Sheet name, e.g. 填写说明; importers never read it (they read the data sheet by name or header). */
  name: string;
  /** The template's columns: their widths, and their headers above the examples. */
  columns: readonly SheetColumn<K>[];
  /** Instructions, one merged row each; the first is the title. */
  lines: readonly string[];
  /** Example rows by column key, shown in grey italics under the headers. */
  examples: readonly Record<K, string>[];
}

/** Adds a sheet of instructions followed by example rows under the columns' headers. */
export function addGuideSheet<K extends string>(wb: ExcelJS.Workbook, spec: GuideSpec<K>): ExcelJS.Worksheet {
  const { columns, lines, examples } = spec;
  const ws = wb.addWorksheet(spec.name);
  columns.forEach((c, i) => {
    if (c.width) ws.getColumn(i + 1).width = c.width;
  });
  lines.forEach((text, i) => {
    ws.mergeCells(i + 1, 1, i + 1, columns.length);
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.font = i === 0 ? { bold: true, size: 14 } : {};
    ws.getRow(i + 1).height = text.length > 80 ? 36 : 20;
  });
  const start = lines.length + 1;
  columns.forEach((c, i) => {
    const h = ws.getCell(start, i + 1);
    h.value = c.header;
    h.font = { bold: true };
    examples.forEach((ex, k) => {
      const cell = ws.getCell(start + 1 + k, i + 1);
      cell.value = ex[c.key];
      cell.font = { italic: true, color: { argb: 'FF808080' } };
    });
  });
  return ws;
}
