import ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS, type ImportRowError } from '@jiceng/contracts';
import { invalid } from '../../platform/errors.ts';

/**
 * The organization spreadsheet: its columns, and reading cells the way people fill them in Excel
 * (full-width characters, dates typed as text or stored as serial numbers, rich text, formulas).
 * Shared by the template, the importer, the error report and the export, so all four agree.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The data sheet of the template; the importer reads this sheet (or the first sheet with our headers). */
export const IMPORT_SHEET = '组织导入';
export const ERROR_COLUMN = '错误说明';

export interface OrgColumn {
  key: string;
  header: string;
  required?: boolean;
  width: number;
  /** Cell format: '@' keeps codes as text so Excel does not turn them into numbers. */
  numFmt?: string;
}

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
] as const satisfies readonly OrgColumn[];

/** Read-only columns the export adds after the import columns; the importer reads only 状态. */
export const EXPORT_EXTRA_COLUMNS = [
  { key: 'status', header: '状态', width: 10 },
  { key: 'termNo', header: '当前届次', width: 10 },
  { key: 'termEnd', header: '届满日期', width: 14, numFmt: 'yyyy-mm-dd' },
  { key: 'termStatus', header: '换届状态', width: 14 },
] as const satisfies readonly OrgColumn[];

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
type ReadKey = ImportColumnKey | 'status';

export const headerOf = (key: ImportColumnKey): string => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
/** Header as written in the sheet: required columns carry a `*`. */
export const displayHeader = (c: OrgColumn): string => (c.required ? `${c.header}*` : c.header);

/** A cell reduced to what the importer needs. */
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
 * Splits a cell holding several values (the units of a 联合组建 organization) on 、 ； ; or line
 * breaks, positionally: an empty part (or 无, -) keeps its place so the n-th code stays with the
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

/** One non-empty data row of the uploaded sheet, by column key, with its Excel row number. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<ReadKey, CellValue>>;
}

export interface OrgSheet {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  date1904: boolean;
  /** Column number of each recognized header. */
  columns: Map<ReadKey, number>;
  /** Column number of an existing 错误说明 column (a re-uploaded error report). */
  errorColumn: number | null;
  /** Last column with a header. */
  lastColumn: number;
  rows: SheetRow[];
  /** Missing required columns, reported on row 1. */
  headerErrors: ImportRowError[];
}

const headerKey = (v: CellValue) => normalizeText(cellText(v)).replace(/[*＊\s]|[(（]必填[)）]/g, '');
const READ_COLUMNS: { key: ReadKey; header: string }[] = [...IMPORT_COLUMNS, EXPORT_EXTRA_COLUMNS[0]];

/** Opens an uploaded file as a workbook, refusing what is not an .xlsx with a message that says what to do. */
export async function loadWorkbook(buf: Buffer, fileName: string): Promise<ExcelJS.Workbook> {
  const isZip = buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  const isOle = buf.length > 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (isOle || ext === 'xls') throw invalid('不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 格式后重新上传');
  // A name without extension is tried (some clients send "blob"); any other extension is refused.
  if (!isZip || (ext !== undefined && ext !== 'xlsx')) throw invalid('请上传 .xlsx 格式的 Excel 文件（可先下载导入模板填写）');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid('无法读取该文件，文件可能已损坏或不是 Excel 文件，请用 Excel 重新保存为 .xlsx 后上传');
  }
  return wb;
}

function findSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const named = wb.getWorksheet(IMPORT_SHEET);
  if (named) return named;
  const wanted = headerKey(IMPORT_COLUMNS[0].header);
  return wb.worksheets.find((ws) => rowHeaders(ws).some((h) => h.key === wanted)) ?? wb.worksheets[0];
}

function rowHeaders(ws: ExcelJS.Worksheet): { col: number; key: string }[] {
  const out: { col: number; key: string }[] = [];
  ws.getRow(1).eachCell((cell, col) => out.push({ col, key: headerKey(flattenCell(cell.value)) }));
  return out;
}

/**
 * Reads the organization sheet: headers on row 1 matched by name (order and extra columns do not
 * matter, a `*` is ignored), data from row 2, blank rows skipped. Throws for a file with no sheet,
 * no recognizable header, no data or more than IMPORT_MAX_ROWS rows.
 */
export function readOrgSheet(wb: ExcelJS.Workbook): OrgSheet {
  const sheet = findSheet(wb);
  if (!sheet) throw invalid('文件中没有工作表，请使用导入模板填写');
  const columns = new Map<ReadKey, number>();
  let errorColumn: number | null = null;
  let lastColumn = 0;
  for (const h of rowHeaders(sheet)) {
    if (h.key === '') continue;
    lastColumn = Math.max(lastColumn, h.col);
    if (h.key === ERROR_COLUMN) errorColumn = h.col;
    const c = READ_COLUMNS.find((x) => x.header === h.key);
    if (c && !columns.has(c.key)) columns.set(c.key, h.col);
  }
  if (columns.size === 0) throw invalid(`第 1 行没有找到“${IMPORT_COLUMNS[0].header}”等表头，请下载导入模板，在“${IMPORT_SHEET}”工作表中填写`);
  const headerErrors: ImportRowError[] = IMPORT_COLUMNS.filter((c) => 'required' in c && c.required && !columns.has(c.key)).map((c) => ({
    row: 1,
    column: c.header,
    message: `缺少必填列“${c.header}”，请使用导入模板的表头`,
  }));
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: SheetRow['cells'] = {};
    let empty = true;
    for (const [key, col] of columns) {
      const v = flattenCell(r.getCell(col).value);
      if (v !== null && cellText(v) !== '') empty = false;
      cells[key] = v;
    }
    if (!empty) rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0) throw invalid('文件中没有数据：请从第 2 行起每行填写一个组织（第 1 行是表头）');
  if (rows.length > IMPORT_MAX_ROWS) throw invalid(`文件有 ${rows.length} 行数据，超过单次导入上限 ${IMPORT_MAX_ROWS} 行，请拆分成多个文件分批导入`);
  return { workbook: wb, sheet, date1904: wb.properties.date1904 === true, columns, errorColumn, lastColumn, rows, headerErrors };
}

/** A date of record as a real Excel date cell (UTC midnight, which Excel shows as that day). */
export const excelDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** Adds a sheet whose header row is bold, filled and frozen, with the columns' widths and formats. */
export function addTableSheet(wb: ExcelJS.Workbook, name: string, columns: readonly OrgColumn[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: displayHeader(c), key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    cell.fill = HEADER_FILL;
    cell.numFmt = 'General';
    if (columns[col - 1]?.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
  });
  return ws;
}
