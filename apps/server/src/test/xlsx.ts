import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { IMPORT_FILE_FIELD } from '@jiceng/contracts';
import { flattenCell, type CellValue } from '../platform/xlsx/cells.ts';
import { toBuffer } from '../platform/xlsx/workbook.ts';
import type { Client, Response } from './harness.ts';

/**
 * Test helpers for any spreadsheet import or export: build .xlsx files with exceljs, upload them as
 * multipart, read .xlsx answers back. A module's own fixtures add its columns on top.
 */

export type Cell = string | number | Date | null;

/** An .xlsx file with one sheet named `sheet`: `headers` on row 1, then `rows`. */
export async function sheetFile(sheet: string, headers: Cell[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return toBuffer(wb);
}

/** POSTs `data` as the multipart field of an import (`file`). */
export function upload<T = unknown>(c: Client, url: string, data: Buffer, fileName = '导入.xlsx', method = 'POST'): Promise<Response<T>> {
  const boundary = `----jiceng${crypto.randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${IMPORT_FILE_FIELD}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request<T>(method, url, { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/** Opens an .xlsx answer. */
export async function openXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet as header texts and rows keyed by header without `*` (values flattened). */
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
