import { IMPORT_MAX_ROWS, RG_TEXT_MAX, RG_TITLE_MAX, type ImportResult, type ImportRowError } from '@jiceng/contracts';
import { rgYuanToFen } from '@jiceng/rules';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Upload } from '../../platform/http/files.ts';
import { cellText, normalizeName, parseExcelDate, splitCell, type CellValue } from '../../platform/xlsx/cells.ts';
import { importInvalid, sortRowErrors } from '../../platform/xlsx/rejection.ts';
import { annotateErrors } from '../../platform/xlsx/report.ts';
import { readSheet, type ImportSheet, type SheetSpec } from '../../platform/xlsx/sheet.ts';
import { addDropdown, addGuideSheet } from '../../platform/xlsx/template.ts';
import { addTableSheet, loadWorkbook, newWorkbook, toBuffer, type SheetColumn } from '../../platform/xlsx/workbook.ts';
import { reportedUnits, type ReportedUnit } from '../reportin/index.ts';
import type { RegionalCore } from './regional.core.ts';
import type { NeedService } from './regional.needs.ts';
import { isSide, mayManage } from './regional.policy.ts';
import type { ProjectService } from './regional.projects.ts';

export const RG_IMPORT_SHEET = '区域化党建项目';
const STATES = ['实施中', '已完成'] as const;

export const RG_IMPORT_COLUMNS = [
  { key: 'community', header: '社区（村）', required: true, width: 26 },
  { key: 'category', header: '类别', required: true, width: 12 },
  { key: 'need', header: '需求名称', required: true, width: 24 },
  { key: 'beneficiaries', header: '受益对象', required: true, width: 18 },
  { key: 'title', header: '项目名称', required: true, width: 26 },
  { key: 'plan', header: '实施方案', required: true, width: 36 },
  { key: 'start', header: '开始日期', required: true, width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'end', header: '结束日期', required: true, width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'budget', header: '预算（元）', width: 12 },
  { key: 'units', header: '参与单位', required: true, width: 30 },
  { key: 'state', header: '状态', required: true, width: 10 },
  { key: 'results', header: '项目成效', width: 30 },
  { key: 'funds', header: '投入资金（元）', width: 12 },
  { key: 'problems', header: '解决问题（件）', width: 10 },
] as const satisfies readonly SheetColumn[];
type Key = (typeof RG_IMPORT_COLUMNS)[number]['key'];
const SPEC: SheetSpec<Key> = { columns: RG_IMPORT_COLUMNS, sheet: RG_IMPORT_SHEET, noun: '项目' };
const header = (k: Key) => RG_IMPORT_COLUMNS.find((c) => c.key === k)!.header;

const guide = (categories: readonly string[]) => [
  '区域化党建项目导入填写说明（本工作表不会被导入）',
  `1. 在“${RG_IMPORT_SHEET}”工作表中从第 2 行起每行填写一个已对接的项目，不要修改第 1 行表头；带 * 的列必须填写。`,
  '2. 社区（村）填写全称或简称，须在您的管理范围内；每行会同时登记一条需求和它的项目。',
  `3. 类别从下拉列表中选择：${categories.join('、')}。`,
  '4. 参与单位填写已向该社区报到的驻区单位名称，多个用“；”或换行分隔；导入即视为单位已书面同意参与。',
  `5. 状态填写“实施中”或“已完成”；已完成的须填写项目成效，可填写投入资金和解决问题件数。`,
  `6. 导入时逐行检查，有任何错误则整个文件都不导入；可上传同一文件获取“错误报告”（在每行末尾写明问题）。单次最多 ${IMPORT_MAX_ROWS} 行。`,
  '',
  '填写示例（灰色斜体，仅供参考）：',
];
const EXAMPLE: Record<Key, string> = {
  community: '中共梅花山社区委员会',
  category: '助老助残',
  need: '独居老人助餐',
  beneficiaries: '辖区独居老人',
  title: '“爱心午餐”助老项目',
  plan: '每周三次为独居老人送餐上门',
  start: '2026-03-01',
  end: '2026-12-31',
  budget: '20000',
  units: '演示区人民医院；演示银行梅花山支行',
  state: '实施中',
  results: '',
  funds: '',
  problems: '',
};

interface Draft {
  row: number;
  community: { id: string; path: string; name: string };
  categoryCode: string;
  units: ReportedUnit[];
  cells: Record<Key, string>;
  start: string;
  end: string;
  budgetFen: number;
  done: boolean;
  fundsFen: number | null;
  problems: number | null;
}

/**
 * Import of projects already agreed on paper (a street's ledger of 共建项目): each row a need and
 * its project with the units named, every cell checked, every bad row named; then one transaction
 * records them all through the services (all or nothing), completed ones with their results.
 */
export function createRegionalImport(deps: { core: RegionalCore; needs: NeedService; projects: ProjectService }) {
  const { core, needs, projects } = deps;
  const { db, regionId, rules, repo } = core;

  async function check(actor: Actor, upload: Upload) {
    if (!isSide(actor) || !mayManage(actor, actor.orgPath)) throw forbidden('只有社区（村）党组织及上级可以导入项目');
    const sheet: ImportSheet<Key> = readSheet(await loadWorkbook(upload.data, upload.fileName), SPEC);
    const categories = await repo.categories(db, regionId);
    const communities = await repo.communitiesUnder(db, regionId, actor.orgPath, rules);
    const byName = new Map<string, (typeof communities)[number]>();
    for (const c of communities) for (const n of [c.name, c.short_name]) if (n) byName.set(normalizeName(n), c);
    const unitsCache = new Map<string, ReportedUnit[]>();
    const errors: ImportRowError[] = [...sheet.headerErrors];
    const drafts: Draft[] = [];
    const today = core.today();
    for (const r of sheet.rows) {
      const before = errors.length;
      const err = (k: Key, message: string) => errors.push({ row: r.row, column: header(k), message });
      const raw = (k: Key): CellValue => r.cells[k] ?? null;
      const cells = Object.fromEntries(RG_IMPORT_COLUMNS.map((c) => [c.key, cellText(raw(c.key)).trim()])) as Record<Key, string>;
      for (const c of RG_IMPORT_COLUMNS) if ('required' in c && c.required && !cells[c.key]) err(c.key, `请填写${c.header}`);
      for (const k of ['need', 'title', 'beneficiaries'] as const) if (cells[k].length > RG_TITLE_MAX) err(k, `${header(k)}不能超过 ${RG_TITLE_MAX} 个字`);
      for (const k of ['plan', 'results'] as const) if (cells[k].length > RG_TEXT_MAX) err(k, `${header(k)}不能超过 ${RG_TEXT_MAX} 个字`);
      const community = cells.community ? byName.get(normalizeName(cells.community)) : undefined;
      if (cells.community && !community) err('community', `“${cells.community}”不是您管理范围内的社区（村）党组织`);
      const cat = categories.find((c) => c.active && c.name === cells.category);
      if (cells.category && !cat) err('category', `类别“${cells.category}”不在类别字典中`);
      const start = parseExcelDate(raw('start'), sheet.date1904);
      const end = parseExcelDate(raw('end'), sheet.date1904);
      if (cells.start && !start) err('start', `开始日期“${cells.start}”无法识别，请填写如 2026-03-01 的日期`);
      if (cells.end && !end) err('end', `结束日期“${cells.end}”无法识别，请填写如 2026-12-31 的日期`);
      if (start && end && start > end) err('end', '结束日期不能早于开始日期');
      if (start && start > today) err('start', '开始日期不能晚于今天（尚未开始的项目请在系统中立项）');
      const money = (k: Key): number | null => {
        if (!cells[k]) return null;
        const fen = rgYuanToFen(Number(cells[k]));
        if (fen === null) err(k, `${header(k)}“${cells[k]}”应为不小于 0 的金额（最多两位小数）`);
        return fen;
      };
      const budgetFen = money('budget');
      const fundsFen = money('funds');
      const problems = cells.problems ? Number(cells.problems) : null;
      if (problems !== null && !(Number.isInteger(problems) && problems >= 0 && problems <= 100_000))
        err('problems', `解决问题件数“${cells.problems}”应为不小于 0 的整数`);
      if (cells.state && !(STATES as readonly string[]).includes(cells.state)) err('state', `状态应填写“实施中”或“已完成”`);
      const done = cells.state === '已完成';
      if (done && !cells.results) err('results', '已完成的项目请填写项目成效');
      const units: ReportedUnit[] = [];
      if (community && cells.units) {
        let known = unitsCache.get(community.id);
        if (!known)
          unitsCache.set(community.id, (known = (await reportedUnits.under(db, regionId, community.path)).filter((u) => u.communityId === community.id)));
        for (const name of splitCell(raw('units'))) {
          const u = known.find((x) => normalizeName(x.unitName) === normalizeName(name));
          if (!u) err('units', `“${name}”没有向${community.name}报到（请先办理驻区单位报到）`);
          else if (!units.includes(u)) units.push(u);
        }
        if (units.length === 0 && errors.length === before) err('units', '请填写参与单位');
      }
      if (errors.length > before) continue;
      drafts.push({
        row: r.row,
        community: community!,
        categoryCode: cat!.code,
        units,
        cells,
        start: start!,
        end: end!,
        budgetFen: budgetFen ?? 0,
        done,
        fundsFen,
        problems,
      });
    }
    return { sheet, categories, drafts, errors: sortRowErrors(errors, RG_IMPORT_COLUMNS) };
  }

  return {
    async template(): Promise<Buffer> {
      const names = (await repo.categories(db, regionId)).filter((c) => c.active).map((c) => c.name);
      const wb = newWorkbook();
      const ws = addTableSheet(wb, RG_IMPORT_SHEET, RG_IMPORT_COLUMNS);
      addDropdown(ws, 'category', names, { strict: true, prompt: '请从下拉列表中选择类别' });
      addDropdown(ws, 'state', STATES, { strict: true, prompt: '填写“实施中”或“已完成”' });
      addGuideSheet(wb, { name: '填写说明', columns: RG_IMPORT_COLUMNS, lines: guide(names), examples: [EXAMPLE] });
      return toBuffer(wb);
    },

    async run(actor: Actor, upload: Upload): Promise<ImportResult> {
      const { drafts, errors } = await check(actor, upload);
      if (errors.length > 0) throw importInvalid(errors);
      if (drafts.length === 0) throw importInvalid([{ row: 2, column: header('title'), message: '文件中没有项目，请从第 2 行起填写' }]);
      return db.transaction(async (tx) => {
        for (const d of drafts) {
          try {
            const need = await needs.createIn(tx, actor, {
              orgId: d.community.id,
              categoryCode: d.categoryCode,
              title: d.cells.need,
              description: d.cells.plan,
              beneficiaries: d.cells.beneficiaries,
              urgency: 'normal',
              source: 'other',
            });
            const id = await projects.createIn(
              tx,
              actor,
              { needId: need.id, title: d.cells.title, plan: d.cells.plan, startDate: d.start, endDate: d.end, budgetFen: d.budgetFen, resourceIds: [] },
              { imported: true, units: d.units },
            );
            if (d.done)
              await projects.completeIn(tx, actor, id, { results: d.cells.results, fundsFen: d.fundsFen, problemsSolved: d.problems }, { imported: true });
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            throw importInvalid([{ row: d.row, column: header('title'), message: e.message }]);
          }
        }
        return { created: drafts.length, updated: 0 };
      });
    },

    async errorReport(actor: Actor, upload: Upload): Promise<Buffer> {
      const { sheet, errors } = await check(actor, upload);
      annotateErrors(sheet, errors);
      return toBuffer(sheet.workbook);
    },
  };
}
export type RegionalImport = ReturnType<typeof createRegionalImport>;
