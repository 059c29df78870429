import type ExcelJS from 'exceljs';
import { PAGE_SIZE_MAX } from '@jiceng/contracts';
import { addTableSheet, newWorkbook, toBuffer, type SheetColumn } from './workbook.ts';

/**
 * Exports of a list page: the list's own rows (its scope, filters and masking, read page after
 * page) written to one sheet with Chinese headers, named `<what>_<whose>_<date>.xlsx`.
 */

/** A column of an export: its header and how a row fills it. */
export interface ExportColumn<T> extends SheetColumn {
  value: (row: T) => ExcelJS.CellValue;
}

/** Most rows one export reads (a list far past this is narrowed with its filters first). */
export const EXPORT_ROWS_MAX = 100_000;

/** Characters Windows and Excel refuse in a file name. */
const UNSAFE_NAME = /[\\/:*?"<>|\p{Cc}]/gu;

/** `<what>_<whose>_<date>.xlsx`, e.g. 党员名册_中共甲街道工作委员会_2026-05-01.xlsx. */
export function exportFileName(what: string, whose: string, date: string): string {
  const part = (s: string) => s.replace(UNSAFE_NAME, '').trim();
  return `${[what, whose, date].map(part).filter(Boolean).join('_')}.xlsx`;
}

/** Every row of a paged list, read `PAGE_SIZE_MAX` at a time through the list's own function. */
export async function* allPages<T>(list: (page: number, pageSize: number) => Promise<{ items: T[] }>): AsyncGenerator<T> {
  let read = 0;
  for (let page = 1; read < EXPORT_ROWS_MAX; page++) {
    const { items } = await list(page, PAGE_SIZE_MAX);
    for (const item of items) yield item;
    read += items.length;
    if (items.length < PAGE_SIZE_MAX) return;
  }
}

/** One sheet named `sheet` with the columns' headers (bold, frozen, filter buttons) and a row per item. */
export async function exportWorkbook<T>(sheet: string, columns: readonly ExportColumn<T>[], rows: Iterable<T> | AsyncIterable<T>): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addTableSheet(wb, sheet, columns, { filter: true });
  for await (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(r)])));
  return toBuffer(wb);
}
