import { expect } from 'vitest';
import type { MemberImportAccepted, MemberImportJob } from '@jiceng/contracts';
import { buildIdNumber, type Client } from '../../test/harness.ts';
import { sheetFile, upload, type Cell } from '../../test/xlsx.ts';
import { displayHeader } from '../../platform/xlsx/workbook.ts';
import { IMPORT_COLUMNS, ROSTER_SHEET, type ImportColumnKey } from './member.xlsx.ts';

/**
 * Test helpers for the roster import (shared by its test files): rows by column key, files in the
 * template's shape, uploading and waiting for the job. Generic helpers live in test/xlsx.ts.
 */

export type RosterRowSpec = Partial<Record<ImportColumnKey | '性别' | '出生日期' | '状态', Cell>>;

export const IMPORT_URL = '/api/members/import';
export const REPORT_URL = '/api/members/import/error-report';

/** The template's header row (required columns with `*`). */
export const ROSTER_HEADERS = IMPORT_COLUMNS.map(displayHeader);

/** A valid row for `branchName` with this ID number; override what the test is about. */
export const rosterRow = (idNumber: Cell, branchName: string, over: RosterRowSpec = {}): RosterRowSpec => ({
  name: '王建华',
  idNumber,
  ethnicity: '汉族',
  education: '大学本科',
  occupation: '专业技术人员',
  workUnit: '某某科技有限公司',
  position: '工程师',
  phone: '13912345678',
  address: '南京市玄武区孝陵卫街道中山门大街1号',
  appliedDate: '2008-03-01',
  joinedDate: '2009-07-01',
  status: '正式党员',
  branchName,
  categories: '在职',
  ...over,
});

/** An .xlsx of roster rows in template column order (plus any extra columns named by header). */
export function rosterFile(rows: RosterRowSpec[], extraHeaders: ('性别' | '出生日期' | '状态')[] = []): Promise<Buffer> {
  const keys = [...IMPORT_COLUMNS.map((c) => c.key), ...extraHeaders] as (keyof RosterRowSpec)[];
  return sheetFile(ROSTER_SHEET, [...ROSTER_HEADERS, ...extraHeaders], rows.map((r) => keys.map((k) => r[k] ?? null)));
}

/** Polls the job until it has finished (done or failed). */
export async function waitForJob(c: Client, jobId: string): Promise<MemberImportJob> {
  for (let i = 0; i < 2000; i++) {
    const res = await c.get<MemberImportJob>(`${IMPORT_URL}/${jobId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    if (res.body.phase === 'done' || res.body.phase === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`import job ${jobId} did not finish`);
}

/** Uploads a roster and waits for its job to finish. */
export async function importRoster(c: Client, file: Buffer, fileName = '党员名册.xlsx'): Promise<MemberImportJob> {
  const res = await upload<MemberImportAccepted>(c, IMPORT_URL, file, fileName);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return waitForJob(c, res.body.jobId);
}

/** A valid ID number whose check character is X (written here in lower case, as people type it). */
export function idEndingWithX(birth = '1980-05-20'): string {
  for (;;) {
    const id = buildIdNumber(birth);
    if (id.endsWith('X')) return id.toLowerCase();
  }
}

/** Digits as full-width characters (０-９), as some input methods type them. */
export const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Every member of the region, left ones included (as the admin sees them). */
export const memberCount = async (admin: Client) => (await admin.get<{ total: number }>('/api/members?includeLeft=true&pageSize=1')).body.total;

/** Audit rows of one action (as the admin sees them). */
export const auditCount = async (admin: Client, action: string) => (await admin.get<{ total: number }>(`/api/audit?action=${action}&pageSize=1`)).body.total;
