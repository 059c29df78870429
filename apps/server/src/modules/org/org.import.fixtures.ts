import crypto from 'node:crypto';
import { creditCodeCheckChar } from '@jiceng/contracts';
import { displayHeader } from '../../platform/xlsx/workbook.ts';
import { sheetFile, type Cell } from '../../test/xlsx.ts';
import { IMPORT_COLUMNS, IMPORT_SHEET, type ImportColumnKey } from './org.xlsx.ts';

/**
 * Test helpers for the organization import (shared by the import's test files): organization rows
 * by column key, files in the template's shape, valid credit codes. Generic upload and reading
 * helpers live in test/xlsx.ts.
 */

export type RowSpec = Partial<Record<ImportColumnKey, Cell>>;

/** The template's header row (required columns with `*`). */
export const TEMPLATE_HEADERS = IMPORT_COLUMNS.map(displayHeader);

/** A row in template column order. */
export const rowOf = (spec: RowSpec): Cell[] => IMPORT_COLUMNS.map((c) => spec[c.key] ?? null);

/** An .xlsx file with one sheet (default: the template's) holding `headers` (default: the template's), then `rows`. */
export const xlsxOf = (rows: Cell[][], opts: { headers?: string[]; sheet?: string } = {}): Promise<Buffer> =>
  sheetFile(opts.sheet ?? IMPORT_SHEET, opts.headers ?? TEMPLATE_HEADERS, rows);

/** An .xlsx of organization rows given by column key. */
export const orgFile = (rows: RowSpec[]) => xlsxOf(rows.map(rowOf));

/** A valid 统一社会信用代码 (random body, correct check character). */
export function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = '91' + Array.from(crypto.randomBytes(15), (b) => alphabet[b % alphabet.length]).join('');
  return body + creditCodeCheckChar(body)!;
}
