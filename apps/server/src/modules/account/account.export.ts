import type ExcelJS from 'exceljs';
import type { Account, AccountExportQuery } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelChinaTime } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { AccountService } from './account.service.ts';

export const ACCOUNT_EXPORT_SHEET = '账号列表';

/** An instant as China's wall clock: Excel has no time zones and shows a date cell as written. */

/** The export's columns: what the accounts page shows (never a password hash or counter). */
function columns(now: Date): ExportColumn<Account>[] {
  return [
    { key: 'username', header: '用户名', width: 18, numFmt: '@', value: (a) => a.username },
    { key: 'displayName', header: '姓名', width: 14, value: (a) => a.displayName },
    { key: 'role', header: '角色', width: 22, value: (a) => a.roleLabel },
    { key: 'orgName', header: '所属组织', width: 32, value: (a) => a.orgName },
    { key: 'state', header: '状态', width: 10, value: (a) => (a.disabled ? '已停用' : a.lockedUntil && new Date(a.lockedUntil) > now ? '已锁定' : '已启用') },
    { key: 'member', header: '关联党员档案', width: 12, value: (a) => (a.memberId ? '已关联' : '') },
    {
      key: 'lastLoginAt',
      header: '最近登录',
      width: 18,
      numFmt: 'yyyy-mm-dd hh:mm',
      value: (a): ExcelJS.CellValue => excelChinaTime(a.lastLoginAt) ?? '从未登录',
    },
    { key: 'createdAt', header: '创建时间', width: 18, numFmt: 'yyyy-mm-dd hh:mm', value: (a) => excelChinaTime(a.createdAt) },
  ];
}

/**
 * Excel export of the accounts list: the list's own rows (its scope and filters), read page after
 * page through the list, named 账号列表_<the account's organization>_<date>.xlsx.
 */
export function createAccountExportService(deps: { service: Pick<AccountService, 'list'>; clock: Clock }) {
  const { service, clock } = deps;
  return {
    async exportXlsx(actor: Actor, q: AccountExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const rows = allPages((page, pageSize) => service.list(actor, { ...q, page, pageSize }));
      const data = await exportWorkbook(ACCOUNT_EXPORT_SHEET, columns(clock.now()), rows);
      return { fileName: exportFileName(ACCOUNT_EXPORT_SHEET, actor.orgName, clock.today()), data };
    },
  };
}
export type AccountExportService = ReturnType<typeof createAccountExportService>;
