import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '@jiceng/contracts';
import type { Client, Response } from '../../test/harness.ts';
import { displayHeader, flattenCell, IMPORT_COLUMNS, type CellValue, type ImportColumnKey } from './org.xlsx.ts';

/**
 * Test helpers for the organization import (shared by the import's test files): build .xlsx files
 * with exceljs, upload them as multipart, read answers back.
 */

export type Cell = string | number | Date | null;
export type RowSpec = Partial<Record<ImportColumnKey, Cell>>;

/** The template's header row (required columns with `*`). */
export const TEMPLATE_HEADERS = IMPORT_COLUMNS.map(displayHeader);

/** A row in template column order. */
export const rowOf = (spec: RowSpec): Cell[] => IMPORT_COLUMNS.map((c) => spec[c.key] ?? null);

/** An .xlsx file with one sheet: `headers` on row 1, then `rows`. */
export async function xlsxOf(rows: Cell[][], opts: { headers?: string[]; sheet?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? '组织导入');
  ws.addRow(opts.headers ?? TEMPLATE_HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** An .xlsx of organization rows given by column key. */
export const orgFile = (rows: RowSpec[]) => xlsxOf(rows.map(rowOf));

/** A valid 统一社会信用代码 (random body, correct check character). */
export function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = '91' + Array.from(crypto.randomBytes(15), (b) => alphabet[b % alphabet.length]).join('');
  return body + creditCodeCheckChar(body)!;
}

/** POSTs `data` as the multipart field `file`. */
export function upload<T = unknown>(c: Client, url: string, data: Buffer, fileName = '组织导入.xlsx'): Promise<Response<T>> {
  const boundary = `----jiceng${crypto.randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request<T>('POST', url, { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/** Opens an .xlsx answer. */
export async function openXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet as header texts and rows keyed by header (values flattened). */
export function sheetTable(ws: ExcelJS.Worksheet): { headers: string[]; rows: Record<string, CellValue>[] } {
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => (headers[col - 1] = String(flattenCell(cell.value) ?? '')));
  const rows: Record<string, CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h.replace('*', ''), flattenCell(row.getCell(i + 1).value)])));
  });
  return { headers, rows };
}

/** The error shape of a rejected import. */
export interface ImportErrorBody {
  error: { code: string; message: string; details?: { errors: { row: number; column: string; message: string }[] } };
}
