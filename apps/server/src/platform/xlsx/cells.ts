import type ExcelJS from 'exceljs';

/**
 * Reading cells the way people fill them in Excel: full-width characters, invisible characters,
 * rich text, hyperlinks, formulas, dates typed as text or stored as serial numbers. Every import
 * reads its cells through these functions, so all imports accept the same spellings.
 */

/** A cell reduced to what an importer needs. */
export type CellValue = string | number | boolean | Date | null | { error: string };

/** Flattens rich text, hyperlinks and formulas (their cached result) into a plain value. */
export function flattenCell(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return { error: v.error };
  if ('hyperlink' in v) return flattenCell(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return flattenCell(v.result);
  return null;
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** NFKC (full-width letters, digits and punctuation become half-width), invisible characters removed, whitespace collapsed and trimmed. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * A name as stored and compared: normalized like any text, but Chinese names keep full-width
 * brackets（…）, which NFKC would turn into ASCII ones. Used for file names and database names alike,
 * so 「中共某（集团）委员会」 matches however its brackets were typed.
 */
export function normalizeName(s: string): string {
  return normalizeText(s).replace(/\(/g, '（').replace(/\)/g, '）');
}

/** The text of a cell; numbers as written (integers without exponent where possible). */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return normalizeText(v);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? BigInt(v).toString() : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDate(v);
  return v.error;
}

const PLACEHOLDERS = new Set(['无', '-', '—', '/', '／']);

/**
 * Splits a cell holding several values (e.g. the units of a 联合组建 organization) on 、 ； ; or
 * line breaks, positionally: an empty part (or 无, -) keeps its place so the n-th code stays with the
 * n-th unit. Trailing empty parts are dropped.
 */
export function splitCell(v: CellValue): string[] {
  const raw = typeof v === 'string' ? v.normalize('NFKC') : cellText(v);
  const parts = raw.split(/\r\n|[、;\r\n]/).map((p) => {
    const t = normalizeText(p);
    return PLACEHOLDERS.has(t) ? '' : t;
  });
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const DAY_MS = 86_400_000;

function fromParts(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 9999 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return isoDate(t);
}

function fromSerial(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  // Excel's 1900 system counts from 1899-12-30 (it keeps Lotus's phantom 1900-02-29).
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const t = new Date(base + Math.floor(serial) * DAY_MS);
  return t.getUTCFullYear() >= 1900 ? isoDate(t) : undefined;
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/**
 * A date of record (`YYYY-MM-DD`) from any common Excel form: a real date cell, a serial number
 * (45292), or text such as 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105.
 * Returns null for an empty cell and undefined when the value is not a date.
 */
export function parseExcelDate(v: CellValue, date1904 = false): string | null | undefined {
  if (v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : isoDate(new Date(v.getTime() + 500)); // round sub-second float noise
  if (typeof v === 'number') return fromSerial(v, date1904);
  const s = cellText(v);
  if (s === '') return null;
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return fromSerial(Number(s), date1904);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const m = DATE_TEXT.exec(s);
  return m ? fromParts(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * A moment as people in China read it, as a real Excel date-time cell: Excel cells have no time
 * zone and show the stored fields as they are, so the cell holds 北京时间 (UTC+8, no daylight saving).
 */
export const excelChinaTime = (iso: string | null): Date | null => (iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000) : null);

/** A date of record as a real Excel date cell (UTC midnight, which Excel shows as that day). */
export const excelDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);
