import {
  COBUILD_NAME_MAX,
  COBUILD_TITLE_MAX,
  IMPORT_MAX_ROWS,
  PHONE_PATTERN,
  type CobuildContactInput,
  type ImportResult,
  type ImportRowError,
} from '@jiceng/contracts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Upload } from '../../platform/http/files.ts';
import { cellText, parseExcelDate, splitCell, type CellValue } from '../../platform/xlsx/cells.ts';
import { importInvalid, sortRowErrors } from '../../platform/xlsx/rejection.ts';
import { annotateErrors } from '../../platform/xlsx/report.ts';
import { readSheet, type ImportSheet, type SheetSpec } from '../../platform/xlsx/sheet.ts';
import { addGuideSheet } from '../../platform/xlsx/template.ts';
import { addTableSheet, loadWorkbook, newWorkbook, toBuffer, type SheetColumn } from '../../platform/xlsx/workbook.ts';
import { COBUILD_KIND } from './cobuild.core.ts';
import { cobuildRepository as repo, type SideOrgRow } from './cobuild.repository.ts';
import type { CobuildDraft, CobuildService } from './cobuild.service.ts';

export const COBUILD_IMPORT_SHEET = '结对共建协议';

export const COBUILD_IMPORT_COLUMNS = [
  { key: 'orgA', header: '甲方党组织', required: true, width: 28 },
  { key: 'orgB', header: '乙方党组织', required: true, width: 28 },
  { key: 'startOn', header: '开始日期', required: true, width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'endOn', header: '结束日期', required: true, width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'headings', header: '共建内容', width: 40 },
  { key: 'title', header: '协议名称', width: 30 },
  { key: 'nameA', header: '甲方联系人', required: true, width: 10 },
  { key: 'postA', header: '甲方联系人职务', required: true, width: 14 },
  { key: 'phoneA', header: '甲方联系电话', required: true, width: 14 },
  { key: 'nameB', header: '乙方联系人', width: 10 },
  { key: 'postB', header: '乙方联系人职务', width: 14 },
  { key: 'phoneB', header: '乙方联系电话', width: 14 },
] as const satisfies readonly SheetColumn[];
type Key = (typeof COBUILD_IMPORT_COLUMNS)[number]['key'];
const SPEC: SheetSpec<Key> = { columns: COBUILD_IMPORT_COLUMNS, sheet: COBUILD_IMPORT_SHEET, noun: '结对共建协议' };
const header = (k: Key) => COBUILD_IMPORT_COLUMNS.find((c) => c.key === k)!.header;
const PHONE = new RegExp(PHONE_PATTERN);

const guide = (headings: readonly string[], maxYears: number) => [
  '结对共建协议导入填写说明（本工作表不会被导入）',
  `1. 在“${COBUILD_IMPORT_SHEET}”工作表中从第 2 行起每行填写一对结对组织，不要修改第 1 行表头；带 * 的列必须填写。`,
  '2. 甲方、乙方党组织填写系统中的党组织全称；乙方应为村、社区或企业党组织。甲乙双方至少有一方是本单位或下级党组织（由本方起草）。',
  `3. 开始、结束日期填写如 2026-01-01 的日期；协议期限最长 ${maxYears} 年。同一对组织的协议期限不能重叠。`,
  `4. 共建内容用“、”或换行分隔；不填则为：${headings.join('、')}。`,
  '5. 甲方联系人必填；乙方联系人可以导入后补充，但提交对方确认前须填写。联系电话为手机号或带区号的固定电话。',
  `6. 导入时逐行检查，有任何错误则整个文件都不导入；可上传同一文件获取“错误报告”（在每行末尾写明问题）。导入的协议为草稿，核对后逐份提交对方确认。单次最多 ${IMPORT_MAX_ROWS} 行。`,
  '',
  '填写示例（灰色斜体，仅供参考）：',
];
const EXAMPLE: Record<Key, string> = {
  orgA: '中共南京市玄武区发展和改革委员会机关支部委员会',
  orgB: '中共梅花山社区委员会',
  startOn: '2026-01-01',
  endOn: '2027-12-31',
  headings: '党建工作联创、发展项目联抓、基础设施联建、社会活动联谊',
  title: '',
  nameA: '王明',
  postA: '支部书记',
  phoneA: '13912340001',
  nameB: '李红',
  postB: '社区党委书记',
  phoneB: '025-84561234',
};

interface Row {
  row: number;
  draft: CobuildDraft & { side: 'a' | 'b' };
}

/**
 * Import of a campaign's pairing sheet (甲方, 乙方, dates, headings, contacts) as drafts: every row
 * checked — both organizations found by their full name (an ambiguous name is reported), the
 * importing account on one side, the pair's kind, the term, the headings, the contacts, no overlap
 * with the pair's other agreements or another row — every problem named by row; then one
 * transaction drafts them all. All or nothing.
 */
export function createCobuildImport(service: CobuildService) {
  const { db, regionId, audit, rules } = service.core;

  async function parse(actor: Actor, sheet: ImportSheet<Key>): Promise<{ rows: Row[]; errors: ImportRowError[] }> {
    const errors: ImportRowError[] = [...sheet.headerErrors];
    const cell = (r: (typeof sheet.rows)[number], k: Key): CellValue => r.cells[k] ?? null;
    const names = [...new Set(sheet.rows.flatMap((r) => [cellText(cell(r, 'orgA')).trim(), cellText(cell(r, 'orgB')).trim()]).filter(Boolean))];
    const found = new Map<string, SideOrgRow[]>();
    for (const o of await repo.orgsNamed(db, regionId, names)) found.set(o.name, [...(found.get(o.name) ?? []), o]);
    const rows: Row[] = [];
    for (const r of sheet.rows) {
      const before = errors.length;
      const err = (k: Key, message: string) => errors.push({ row: r.row, column: header(k), message });
      const text = (k: Key, max: number, req = false) => {
        const v = cellText(cell(r, k)).trim();
        if (req && !v) err(k, `请填写${header(k)}`);
        if (v.length > max) err(k, `${header(k)}不能超过 ${max} 个字（当前 ${v.length} 个）`);
        return v;
      };
      const org = (k: 'orgA' | 'orgB') => {
        const name = text(k, 100, true);
        const list = found.get(name) ?? [];
        if (name && list.length === 0) err(k, `系统中没有名为「${name}」的党组织，请填写党组织全称`);
        if (list.length > 1) err(k, `名为「${name}」的党组织有 ${list.length} 个，无法确定是哪一个，请在系统中使用不重复的全称后再导入`);
        return list.length === 1 ? list[0]! : null;
      };
      const date = (k: 'startOn' | 'endOn') => {
        const d = parseExcelDate(cell(r, k), sheet.date1904);
        if (d === undefined) err(k, `${header(k)}“${cellText(cell(r, k))}”无法识别，请填写如 2026-01-01 的日期`);
        else if (d === null) err(k, `请填写${header(k)}`);
        return d ?? null;
      };
      const contact = (side: 'a' | 'b', req: boolean): CobuildContactInput | null => {
        const [n, p, t] = side === 'a' ? (['nameA', 'postA', 'phoneA'] as const) : (['nameB', 'postB', 'phoneB'] as const);
        const name = text(n, COBUILD_NAME_MAX, req);
        const post = text(p, COBUILD_NAME_MAX, req);
        const phone = text(t, 14, req).replace(/\s/g, '');
        if (!req && !name && !post && !phone) return null;
        if (!req)
          for (const [k, v] of [
            [n, name],
            [p, post],
            [t, phone],
          ] as const)
            if (!v) err(k, `请填写${header(k)}（乙方联系人的姓名、职务、电话须一并填写）`);
        if (phone && !PHONE.test(phone)) err(t, `联系电话“${phone}”格式不正确，应为 11 位手机号或带区号的固定电话`);
        return { side, name, post, phone };
      };
      const orgA = org('orgA');
      const orgB = org('orgB');
      const startOn = date('startOn');
      const endOn = date('endOn');
      const headingsCell = splitCell(cell(r, 'headings')).filter(Boolean);
      const title = text('title', COBUILD_TITLE_MAX);
      const contacts = [contact('a', true), contact('b', false)].filter((c): c is CobuildContactInput => !!c);
      if (errors.length > before || !orgA || !orgB || !startOn || !endOn) continue;
      try {
        const c = await service.checkDraft(db, actor, {
          orgAId: orgA.id,
          orgBId: orgB.id,
          startOn,
          endOn,
          headings: headingsCell.length ? headingsCell : undefined,
          title: title || null,
        });
        await service.core.assertNoOverlap(db, { orgAId: orgA.id, orgBId: orgB.id, startOn, endOn, exceptId: null }, `「${orgA.name}」与「${orgB.name}」`);
        rows.push({ row: r.row, draft: { ...c, startOn, endOn, contacts } });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const f = ((e.details as { fields?: { field: string }[] } | undefined)?.fields ?? [])[0]?.field;
        err(f === 'orgAId' ? 'orgA' : f === 'endOn' ? 'endOn' : f === 'headings' ? 'headings' : 'orgB', e.message);
      }
    }
    // the same pair twice with overlapping terms in the file
    for (const [i, a] of rows.entries()) {
      const twin = rows
        .slice(0, i)
        .find(
          (b) =>
            [b.draft.orgA.id, b.draft.orgB.id].sort().join() === [a.draft.orgA.id, a.draft.orgB.id].sort().join() &&
            b.draft.startOn <= a.draft.endOn &&
            b.draft.endOn >= a.draft.startOn,
        );
      if (twin) errors.push({ row: a.row, column: header('orgB'), message: `与第 ${twin.row} 行是同一对组织，协议期限重叠` });
    }
    return { rows, errors: sortRowErrors(errors, COBUILD_IMPORT_COLUMNS) };
  }

  async function check(actor: Actor, upload: Upload) {
    if (actor.scope !== 'subtree') throw forbidden();
    const sheet = readSheet(await loadWorkbook(upload.data, upload.fileName), SPEC);
    return { sheet, ...(await parse(actor, sheet)) };
  }

  return {
    async template(): Promise<Buffer> {
      const wb = newWorkbook();
      addTableSheet(wb, COBUILD_IMPORT_SHEET, COBUILD_IMPORT_COLUMNS);
      addGuideSheet(wb, { name: '填写说明', columns: COBUILD_IMPORT_COLUMNS, lines: guide(rules.defaultHeadings, rules.termMaxYears), examples: [EXAMPLE] });
      return toBuffer(wb);
    },

    async run(actor: Actor, upload: Upload): Promise<ImportResult> {
      const { rows, errors } = await check(actor, upload);
      if (errors.length > 0) throw importInvalid(errors);
      if (rows.length === 0) throw importInvalid([{ row: 2, column: header('orgA'), message: '文件中没有结对组织，请从第 2 行起填写' }]);
      return db.transaction(async (tx) => {
        for (const r of rows) {
          try {
            await service.insertDraft(tx, actor, r.draft, { imported: true });
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            throw importInvalid([{ row: r.row, column: header('orgB'), message: e.message }]);
          }
        }
        await audit.record(tx, actor, {
          action: 'cobuild_agreement.import',
          entity: COBUILD_KIND,
          entityId: null,
          orgPath: actor.orgPath,
          after: { agreements: rows.length, file: upload.fileName },
        });
        return { created: rows.length, updated: 0 };
      });
    },

    async errorReport(actor: Actor, upload: Upload): Promise<Buffer> {
      const { sheet, errors } = await check(actor, upload);
      annotateErrors(sheet, errors);
      return toBuffer(sheet.workbook);
    },
  };
}
export type CobuildImport = ReturnType<typeof createCobuildImport>;
