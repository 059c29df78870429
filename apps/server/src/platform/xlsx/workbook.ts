import ExcelJS from 'exceljs';
import { invalid } from '../errors.ts';

/**
 * Workbooks in and out: opening an upload (refusing what is not an .xlsx, in Chinese), writing one
 * to a buffer, and the table sheet every template and export starts from.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A column of a table sheet (template, export) and of an import; `key` names it in code, `header` in Excel. */
export interface SheetColumn<K extends string = string> {
  key: K;
  header: string;
  /** Shown with a `*` and in red; an import without it reports a missing column. */
  required?: boolean;
  width?: number;
  /** Cell format: '@' keeps codes as text so Excel does not turn them into numbers. */
  numFmt?: string;
}

/** Header as written in the sheet: required columns carry a `*`. */
export const displayHeader = (c: SheetColumn): string => (c.required ? `${c.header}*` : c.header);

/** A new workbook signed by the platform (shown in Excel's file properties). */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '基层党建工作平台';
  return wb;
}

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

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/**
 * Adds a sheet whose header row is bold, filled and frozen (required headers in red), with the
 * columns' widths and formats. `filter` adds Excel's filter buttons to the header (exports).
 */
export function addTableSheet(wb: ExcelJS.Workbook, name: string, columns: readonly SheetColumn[], opts: { filter?: boolean } = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: displayHeader(c), key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    cell.fill = HEADER_FILL;
    cell.numFmt = 'General';
    if (columns[col - 1]?.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
  });
  if (opts.filter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}
