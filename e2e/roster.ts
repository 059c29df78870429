import { idNumberCheckChar } from '@jiceng/contracts';
import ExcelJS from 'exceljs';

/** One row of a roster file, as a branch would type it (labels in Chinese). */
export interface RosterRow {
  name: string;
  idNumber: string;
  ethnicity: string;
  education: string;
  occupation: string;
  joinedDate: string;
  status: '正式党员' | '预备党员';
  branchName: string;
  phone?: string;
  categories?: string;
}

/**
 * The roster's columns as the import documents them (党员名册 sheet, one header row); optional
 * columns left out of a row stay empty.
 */
const COLUMNS: [keyof RosterRow, string][] = [
  ['name', '姓名'],
  ['idNumber', '公民身份号码'],
  ['ethnicity', '民族'],
  ['education', '学历'],
  ['occupation', '人员类别'],
  ['phone', '联系电话'],
  ['joinedDate', '入党日期'],
  ['status', '党员类别'],
  ['branchName', '所在党支部'],
  ['categories', '人员标签'],
];

/** A valid 18-character ID number for a birth date (`YYYY-MM-DD`), odd sequence for a man. */
export function idNumberFor(birthDate: string, male: boolean): string {
  const seq = Math.floor(Math.random() * 450) * 2 + (male ? 1 : 2);
  const body = `320102${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

/** The .xlsx bytes of a roster with these rows (ID numbers and phones as text, dates as text). */
export async function rosterFile(rows: RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(COLUMNS.map(([, header]) => header));
  for (const r of rows) ws.addRow(COLUMNS.map(([key]) => r[key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
