import {
  duesChannelLabel,
  IMPORT_MAX_ROWS,
  normalizeIdNumber,
  parseIdNumber,
  type DuesChannel,
  type ImportResult,
  type ImportRowError,
} from '@jiceng/contracts';
import {
  addDuesMonths,
  DUES_RULES_2008,
  duesMonthName,
  duesMonthOf,
  duesMonthsBetween,
  duesPaymentRefusal,
  firstDuesMonth,
  isDuesMonth,
  type DuesRuleSet,
} from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { Upload } from '../../platform/http/files.ts';
import { cellText, parseExcelDate, type CellValue } from '../../platform/xlsx/cells.ts';
import { importInvalid, sortRowErrors } from '../../platform/xlsx/rejection.ts';
import { annotateErrors } from '../../platform/xlsx/report.ts';
import { readSheet, type ImportSheet, type SheetSpec } from '../../platform/xlsx/sheet.ts';
import { addDropdown, addGuideSheet } from '../../platform/xlsx/template.ts';
import { addTableSheet, loadWorkbook, newWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import { yuanText } from './dues.ledger.presenter.ts';
import { duesMembersByIdHash, type DuesLedgerRepository } from './dues.ledger.repository.ts';
import { assertSubtree, duesMemberRefusal } from './dues.policy.ts';

/** The data sheet of the payments template. */
export const DUES_IMPORT_SHEET = '党费交纳记录';

export const DUES_IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'idNumber', header: '公民身份号码', required: true, width: 22, numFmt: '@' },
  { key: 'month', header: '党费月份', required: true, width: 12, numFmt: '@' },
  { key: 'amount', header: '实交金额（元）', width: 14 },
  { key: 'paidOn', header: '交纳日期', required: true, width: 14, numFmt: 'yyyy-mm-dd' },
  { key: 'channel', header: '交纳方式', width: 10 },
  { key: 'proxyName', header: '代交人', width: 10 },
  { key: 'note', header: '备注', width: 20 },
] as const;
type Key = (typeof DUES_IMPORT_COLUMNS)[number]['key'];
const SPEC: SheetSpec<Key> = { columns: DUES_IMPORT_COLUMNS, sheet: DUES_IMPORT_SHEET, noun: '党员一个月的党费' };
const header = (k: Key) => DUES_IMPORT_COLUMNS.find((c) => c.key === k)!.header;
const CHANNEL_OF = new Map(Object.entries(duesChannelLabel).map(([k, v]) => [v, k as DuesChannel]));

const guide = (rules: DuesRuleSet) => [
  '党费交纳记录导入填写说明（本工作表不会被导入）',
  `1. 在“${DUES_IMPORT_SHEET}”工作表中从第 2 行起每行填写一名党员一个月的党费，不要修改第 1 行表头；带 * 的列必须填写。可直接整理银行或收款台导出的流水。`,
  '2. 党员须在您的管理范围内，以公民身份号码识别，姓名须与党员档案一致。',
  `3. 党费月份填写如 2026-11；补交一般不超过 ${rules.backPayMonths} 个月，预交最多至本月后 ${rules.payAheadMonths} 个月。一次交纳多个月的，每月填写一行。`,
  '4. 实交金额不填时按该月应交金额登记；填写时不能少于应交金额。尚未设置党费基数的月份须填写实交金额。',
  '5. 交纳方式为 现金、转账 或 代交（不填为转账）；代交时填写代交人。',
  '6. 同一党员同一月份只能登记一次：文件内重复或已登记交纳的都会报错。',
  `7. 导入时逐行检查，有任何错误则整个文件都不导入；可上传同一文件获取“错误报告”。单次最多 ${IMPORT_MAX_ROWS} 行。`,
  '',
  '填写示例（灰色斜体，仅供参考）：',
];
const EXAMPLE: Record<Key, string> = {
  name: '张建国',
  idNumber: '320102198506150011',
  month: '2026-11',
  amount: '76.5',
  paidOn: '2026-11-15',
  channel: '转账',
  proxyName: '',
  note: '',
};

interface Draft {
  row: number;
  name: string;
  idHash: string;
  month: string;
  amountFen: number | null;
  paidOn: string;
  channel: DuesChannel;
  proxyName: string | null;
  note: string | null;
  memberId?: string;
}

/** A month cell as text: `2026-11`, `2026/11`, `2026年11月`, or a date (its month). */
function monthOfCell(v: CellValue, date1904: boolean): string | null {
  if (v instanceof Date || typeof v === 'number') {
    const d = parseExcelDate(v, date1904);
    return d ? duesMonthOf(d) : null;
  }
  const t = cellText(v).replace(/\s/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (!m) return null;
  const month = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  return isDuesMonth(month) ? month : null;
}

/** 元 with at most two decimals → fen; undefined when it is not such a number. */
function fenOf(text: string): number | undefined {
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return undefined;
  return Math.round(Number(text) * 100);
}

/**
 * Import of a month's payments from .xlsx (a bank or cashier export re-keyed to the template):
 * every row checked against the rule set and the ledger and every bad row named, then one
 * transaction recording them all. All or nothing.
 */
export function createDuesImport(deps: {
  db: Database;
  regionId: string;
  ledger: DuesLedgerRepository;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  rules?: DuesRuleSet;
}) {
  const { db, regionId, ledger, audit, clock, crypto } = deps;
  const rules = deps.rules ?? DUES_RULES_2008;

  function parse(sheet: ImportSheet<Key>): { drafts: Draft[]; errors: ImportRowError[] } {
    const errors: ImportRowError[] = [...sheet.headerErrors];
    const drafts: Draft[] = [];
    const today = clock.today();
    const current = duesMonthOf(today);
    for (const r of sheet.rows) {
      const err = (k: Key, message: string) => errors.push({ row: r.row, column: header(k), message });
      const before = errors.length;
      const name = cellText(r.cells.name ?? null);
      if (!name) err('name', '请填写姓名');
      const id = normalizeIdNumber(cellText(r.cells.idNumber ?? null));
      const parsedId = id ? parseIdNumber(id) : null;
      if (!id) err('idNumber', '请填写公民身份号码');
      else if (parsedId && !parsedId.ok) err('idNumber', parsedId.reason);
      const rawMonth = r.cells.month ?? null;
      const month = monthOfCell(rawMonth, sheet.date1904);
      if (!cellText(rawMonth)) err('month', '请填写党费月份');
      else if (!month) err('month', '党费月份无法识别，请填写如 2026-11 的年月');
      else {
        const refusal = duesPaymentRefusal({ month, current }, rules);
        if (refusal) err('month', refusal);
      }
      const rawAmount = cellText(r.cells.amount ?? null).replace(/[,，元]/g, '');
      const amountFen = rawAmount ? fenOf(rawAmount) : null;
      if (amountFen === undefined || amountFen === 0) err('amount', '实交金额应为大于 0 的金额，最多两位小数（如 76.5）');
      else if (amountFen !== null && amountFen > 100_000_000) err('amount', '实交金额过大，请核对');
      const paidOn = parseExcelDate(r.cells.paidOn ?? null, sheet.date1904);
      if (paidOn === null) err('paidOn', '请填写交纳日期');
      else if (paidOn === undefined) err('paidOn', '交纳日期无法识别，请填写如 2026-11-15 的日期');
      else if (paidOn > today) err('paidOn', '交纳日期不能晚于今天');
      else if (duesMonthsBetween(duesMonthOf(paidOn), current) > rules.backPayMonths)
        err('paidOn', `交纳日期不能早于${duesMonthName(addDuesMonths(current, -rules.backPayMonths))}`);
      const channelText = cellText(r.cells.channel ?? null);
      const channel = channelText ? CHANNEL_OF.get(channelText) : 'transfer';
      if (!channel) err('channel', '交纳方式应为 现金、转账 或 代交');
      const proxyName = cellText(r.cells.proxyName ?? null) || null;
      if (channel === 'proxy' && !proxyName) err('proxyName', '代交时请填写代交人');
      else if (channel !== 'proxy' && proxyName) err('proxyName', '只有交纳方式为代交时才填写代交人');
      else if (proxyName && proxyName.length > 20) err('proxyName', '代交人最多 20 个字');
      const note = cellText(r.cells.note ?? null) || null;
      if (note && note.length > 100) err('note', '备注最多 100 个字');
      if (errors.length === before)
        drafts.push({
          row: r.row,
          name,
          idHash: crypto.lookupHash(id),
          month: month!,
          amountFen: amountFen ?? null,
          paidOn: paidOn!,
          channel: channel!,
          proxyName,
          note,
        });
    }
    return { drafts, errors };
  }

  /** Members in scope by ID number, names that match, each member's month once, not paid before, no less than due. */
  async function resolve(actor: Actor, drafts: Draft[], errors: ImportRowError[]): Promise<Draft[]> {
    const found = new Map((await duesMembersByIdHash(db, regionId, [...new Set(drafts.map((d) => d.idHash))])).map((m) => [m.id_number_hash, m]));
    const seen = new Map<string, number>();
    const ok: Draft[] = [];
    for (const d of drafts) {
      const m = found.get(d.idHash);
      const err = (k: Key, message: string) => errors.push({ row: d.row, column: header(k), message });
      if (!m || !pathInScope(actor, m.org_path)) err('idNumber', '未找到该公民身份号码的党员，或该党员不在您的管理范围内');
      else if (m.name !== d.name) err('name', `姓名与党员档案不一致（档案中为“${m.name}”）`);
      else {
        const refusal =
          duesMemberRefusal(m) ?? duesPaymentRefusal({ month: d.month, current: duesMonthOf(clock.today()), firstMonth: firstDuesMonth(m.joined_date) }, rules);
        const key = `${m.id}|${d.month}`;
        if (refusal)
          err(refusal.includes('基数') || refusal.includes('组织关系') ? 'idNumber' : 'month', refusal.replace('不能设置党费基数', '不能登记交纳党费'));
        else if (seen.has(key)) err('month', `与第 ${seen.get(key)} 行重复：同一党员同一月份只能登记一次`);
        else {
          seen.set(key, d.row);
          ok.push(Object.assign(d, { memberId: m.id }));
        }
      }
    }
    // against the ledger: paid before, 免交, no basis without an amount, less than due
    const byMember = new Map<string, Draft[]>();
    for (const d of ok) byMember.set(d.memberId!, [...(byMember.get(d.memberId!) ?? []), d]);
    for (const [memberId, ds] of byMember) {
      const rows = new Map((await ledger.memberMonths(db, regionId, memberId, { months: ds.map((d) => d.month) })).map((r) => [r.month, r]));
      for (const d of ds) {
        const r = rows.get(d.month);
        const due = r ? r.due_fen : await ledger.dueOf(db, regionId, memberId, d.month, rules);
        const err = (k: Key, message: string) => errors.push({ row: d.row, column: header(k), message });
        if (r?.paid_fen != null) err('month', `“${d.name}”${duesMonthName(d.month)}的党费已于${r.paid_on}登记交纳（${yuanText(r.paid_fen)}）`);
        else if (due === 0 && d.amountFen === null) err('month', `“${d.name}”${duesMonthName(d.month)}经批准免交党费，无须登记`);
        else if (due !== null && d.amountFen !== null && d.amountFen < due)
          err('amount', `${duesMonthName(d.month)}应交${yuanText(due)}，实交金额不能少于应交金额`);
        else if (due === null && d.amountFen === null) err('amount', `“${d.name}”${duesMonthName(d.month)}尚未设置党费基数，请填写实交金额`);
      }
    }
    return ok;
  }

  async function check(actor: Actor, upload: Upload) {
    assertSubtree(actor);
    const sheet = readSheet(await loadWorkbook(upload.data, upload.fileName), SPEC);
    const { drafts, errors } = parse(sheet);
    const ok = await resolve(actor, drafts, errors);
    return { sheet, drafts: ok, errors: sortRowErrors(errors, DUES_IMPORT_COLUMNS) };
  }

  return {
    async template(): Promise<Buffer> {
      const wb = newWorkbook();
      const ws = addTableSheet(wb, DUES_IMPORT_SHEET, DUES_IMPORT_COLUMNS);
      addDropdown(ws, 'channel', Object.values(duesChannelLabel), { strict: true, prompt: '现金、转账或代交' });
      addGuideSheet(wb, { name: '填写说明', columns: DUES_IMPORT_COLUMNS, lines: guide(rules), examples: [EXAMPLE] });
      return toBuffer(wb);
    },

    async importFile(actor: Actor, upload: Upload): Promise<ImportResult> {
      const { drafts, errors } = await check(actor, upload);
      if (errors.length > 0) throw importInvalid(errors);
      const current = duesMonthOf(clock.today());
      return db.transaction(async (tx) => {
        await ledger.lockMembers(tx, regionId, [...new Set(drafts.map((d) => d.memberId!))].sort());
        const byMonth = new Map<string, string[]>();
        for (const d of drafts) byMonth.set(d.month, [...(byMonth.get(d.month) ?? []), d.memberId!]);
        for (const [month, ids] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) await ledger.generate(tx, regionId, month, rules, ids);
        const ordered = [...drafts].sort((a, b) => a.memberId!.localeCompare(b.memberId!) || a.month.localeCompare(b.month));
        for (const d of ordered) {
          const [r] = await ledger.memberMonths(tx, regionId, d.memberId!, { months: [d.month], lock: true });
          if (!r) throw importInvalid([{ row: d.row, column: header('month'), message: `“${d.name}”${duesMonthName(d.month)}无须在本支部交纳党费` }]);
          const paid = await ledger.pay(tx, regionId, d.memberId!, d.month, {
            paidFen: d.amountFen ?? r.due_fen!,
            paidOn: d.paidOn,
            channel: d.channel,
            proxyName: d.proxyName,
            note: d.note,
            recordedBy: actor.displayName,
          });
          // paid by someone else between the check and now: the whole file is refused
          if (!paid) throw conflict(`第 ${d.row} 行：“${d.name}”${duesMonthName(d.month)}的党费刚刚已被登记交纳，整个文件未导入，请重新上传`);
        }
        await ledger.refreshArrears(tx, regionId, current, [...new Set(drafts.map((d) => d.memberId!))]);
        await audit.record(tx, actor, {
          action: 'dues_payment.import',
          entity: 'member',
          entityId: null,
          orgPath: actor.orgPath,
          after: { fileName: upload.fileName, rows: drafts.length, members: new Set(drafts.map((d) => d.memberId)).size },
        });
        return { created: drafts.length, updated: 0 };
      });
    },

    /** The uploaded sheet with a 错误说明 column; changes nothing. */
    async errorReport(actor: Actor, upload: Upload): Promise<Buffer> {
      const { sheet, errors } = await check(actor, upload);
      annotateErrors(sheet, errors);
      return toBuffer(sheet.workbook);
    },
  };
}
export type DuesImport = ReturnType<typeof createDuesImport>;
