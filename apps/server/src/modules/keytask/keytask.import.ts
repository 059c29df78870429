import {
  IMPORT_MAX_ROWS,
  KT_MILESTONES_MAX,
  KT_SHORT_MAX,
  KT_SUBTASKS_MAX,
  KT_TEXT_MAX,
  KT_TITLE_MAX,
  KT_WEIGHT_MAX,
  type ImportResult,
  type ImportRowError,
  type KtTaskInput,
} from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import { isOwner } from './keytask.access.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Upload } from '../../platform/http/files.ts';
import { cellText, normalizeText, parseExcelDate, type CellValue } from '../../platform/xlsx/cells.ts';
import { importInvalid, sortRowErrors } from '../../platform/xlsx/rejection.ts';
import { annotateErrors } from '../../platform/xlsx/report.ts';
import { readSheet, type ImportSheet, type SheetSpec } from '../../platform/xlsx/sheet.ts';
import { addDropdown, addGuideSheet } from '../../platform/xlsx/template.ts';
import { addTableSheet, loadWorkbook, newWorkbook, toBuffer, type SheetColumn } from '../../platform/xlsx/workbook.ts';
import type { KeyTaskCore } from './keytask.core.ts';
import { keyTaskRepository as repo } from './keytask.repository.ts';
import { checkTaskInput, type KeyTaskService } from './keytask.service.ts';

export const KT_IMPORT_SHEET = '重点任务清单';

export const KT_IMPORT_COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'category', header: '任务类别', required: true, width: 14 },
  { key: 'title', header: '任务名称', required: true, width: 30 },
  { key: 'description', header: '任务内容', width: 36 },
  { key: 'target', header: '推进目标', required: true, width: 40 },
  { key: 'deadline', header: '完成时限', required: true, width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'standard', header: '验收标准', required: true, width: 36 },
  { key: 'weight', header: '权重', required: true, width: 6 },
  { key: 'milestones', header: '时间节点', width: 36 },
  { key: 'subtasks', header: '子任务', width: 30 },
] as const satisfies readonly SheetColumn[];
type Key = (typeof KT_IMPORT_COLUMNS)[number]['key'];
const SPEC: SheetSpec<Key> = { columns: KT_IMPORT_COLUMNS, sheet: KT_IMPORT_SHEET, noun: '重点任务' };
const header = (k: Key) => KT_IMPORT_COLUMNS.find((c) => c.key === k)!.header;

const guide = (categories: readonly string[]) => [
  '重点任务清单导入填写说明（本工作表不会被导入）',
  `1. 在“${KT_IMPORT_SHEET}”工作表中从第 2 行起每行填写一项任务，不要修改第 1 行表头；带 * 的列必须填写。`,
  '2. 序号可不填（按行的顺序接在已有任务之后编号）；填写的序号不能重复，也不能与计划中已有任务的序号相同。',
  `3. 任务类别可从下拉列表中选择（${categories.join('、')}），也可填写本地的类别。`,
  '4. 完成时限填写如 2026-12-31 的日期；权重为 0.1 至 100 的数，计划的完成进度按权重汇总。',
  '5. 时间节点：每行一个（或用“；”分隔），写成“日期 节点内容”，如“2026-06-30 完成调研”；节点不能晚于完成时限。',
  '6. 子任务：每行一个（或用“；”分隔），写成“名称:权重”，如“老旧小区改造:2”；不写权重按 1 计。有子任务的任务按子任务报告进展，总进度按权重汇总。',
  `7. 导入时逐行检查，有任何错误则整个文件都不导入；可上传同一文件获取“错误报告”（在每行末尾写明问题）。单次最多 ${IMPORT_MAX_ROWS} 行。`,
  '',
  '填写示例（灰色斜体，仅供参考）：',
];
const EXAMPLE: Record<Key, string> = {
  no: '1',
  category: '组织建设',
  title: '推进软弱涣散基层党组织整顿',
  description: '对排查确定的软弱涣散党组织逐个制定整顿方案',
  target: '年底前全部完成整顿并通过验收',
  deadline: '2026-12-31',
  standard: '整顿方案、整改台账齐全，验收合格率 100%',
  weight: '3',
  milestones: '2026-03-31 完成排查\n2026-09-30 整改过半',
  subtasks: '排查认定:1\n整顿提升:2',
};

const DATED = /^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s*[:：、，,]?\s*(.+)$/;
const WEIGHTED = /^(.+?)\s*[:：]\s*(\d+(?:\.\d+)?)$/;
/** A cell of several entries, one per line (or separated by ；). */
const lines = (v: CellValue) => (typeof v === 'string' ? v.split(/\r\n|[\r\n；;]/) : [cellText(v)]).map((l) => normalizeText(l)).filter(Boolean);

interface Draft {
  row: number;
  no: number | null;
  input: KtTaskInput;
}

/**
 * Import of a plan's task list from .xlsx (a 40-row spreadsheet is how a plan arrives): every row's
 * cells checked — required fields, dates, weight, milestones (dated, not after the deadline),
 * sub-tasks with weights, numbers and names not repeated in the file or the plan — every bad row
 * named; then one transaction adds them all through the service. All or nothing.
 */
export function createKeyTaskImport(deps: { db: Database; core: KeyTaskCore; service: KeyTaskService }) {
  const { db, core, service } = deps;
  const { regionId, rules } = core.deps;

  function parse(sheet: ImportSheet<Key>, plan: { year: number }, taken: { nos: Set<number>; titles: Set<string> }) {
    const errors: ImportRowError[] = [...sheet.headerErrors];
    const drafts: Draft[] = [];
    const seenNo = new Map<number, number>();
    const seenTitle = new Map<string, number>();
    for (const r of sheet.rows) {
      const before = errors.length;
      const err = (k: Key, message: string) => errors.push({ row: r.row, column: header(k), message });
      const cell = (k: Key): CellValue => r.cells[k] ?? null;
      const text = (k: Key, max: number, req = false) => {
        const v = cellText(cell(k)).trim();
        if (req && !v) err(k, `请填写${header(k)}`);
        if (v.length > max) err(k, `${header(k)}不能超过 ${max} 个字（当前 ${v.length} 个）`);
        return v;
      };
      const noText = cellText(cell('no')).trim();
      const no = noText ? Number(noText) : null;
      if (no !== null && (!Number.isInteger(no) || no < 1 || no > 9999)) err('no', `序号“${noText}”应为正整数`);
      else if (no !== null && seenNo.has(no)) err('no', `序号 ${no} 与第 ${seenNo.get(no)} 行重复`);
      else if (no !== null && taken.nos.has(no)) err('no', `计划中已有序号为 ${no} 的任务`);
      else if (no !== null) seenNo.set(no, r.row);
      const category = text('category', KT_SHORT_MAX, true);
      const title = text('title', KT_TITLE_MAX, true);
      if (title && seenTitle.has(title)) err('title', `任务名称与第 ${seenTitle.get(title)} 行重复`);
      else if (title && taken.titles.has(title)) err('title', '计划中已有同名任务');
      else if (title) seenTitle.set(title, r.row);
      const description = text('description', KT_TEXT_MAX);
      const target = text('target', KT_TEXT_MAX, true);
      const standard = text('standard', KT_TEXT_MAX, true);
      const deadline = parseExcelDate(cell('deadline'), sheet.date1904);
      if (deadline === undefined) err('deadline', `完成时限“${cellText(cell('deadline'))}”无法识别，请填写如 2026-12-31 的日期`);
      else if (deadline === null) err('deadline', '请填写完成时限');
      const weightText = cellText(cell('weight')).trim();
      const weight = Number(weightText);
      if (!weightText) err('weight', '请填写权重');
      else if (!Number.isFinite(weight) || weight < 0.1 || weight > KT_WEIGHT_MAX) err('weight', `权重“${weightText}”应为 0.1 至 ${KT_WEIGHT_MAX} 的数`);
      const milestones: KtTaskInput['milestones'] = [];
      for (const l of lines(cell('milestones'))) {
        const m = DATED.exec(l);
        const due = m ? parseExcelDate(m[1]!.replace(/\s+/g, ''), sheet.date1904) : undefined;
        if (!m || !due) err('milestones', `时间节点“${l}”应写成“日期 节点内容”，如“2026-06-30 完成调研”`);
        else if (m[2]!.length > KT_TITLE_MAX) err('milestones', `时间节点内容不能超过 ${KT_TITLE_MAX} 个字`);
        else milestones.push({ title: m[2]!.trim(), dueOn: due });
      }
      if (milestones.length > KT_MILESTONES_MAX) err('milestones', `时间节点最多 ${KT_MILESTONES_MAX} 个`);
      const subtasks: KtTaskInput['subtasks'] = [];
      for (const l of lines(cell('subtasks'))) {
        const m = WEIGHTED.exec(l);
        const w = m ? Number(m[2]) : 1;
        const name = (m ? m[1]! : l).trim();
        if (!(w >= 0.1 && w <= KT_WEIGHT_MAX)) err('subtasks', `子任务“${l}”的权重应为 0.1 至 ${KT_WEIGHT_MAX} 的数`);
        else if (name.length > KT_TITLE_MAX) err('subtasks', `子任务名称不能超过 ${KT_TITLE_MAX} 个字`);
        else subtasks.push({ title: name, weight: w });
      }
      if (subtasks.length > KT_SUBTASKS_MAX) err('subtasks', `子任务最多 ${KT_SUBTASKS_MAX} 个`);
      if (errors.length > before) continue;
      const input: KtTaskInput = {
        category,
        title,
        description: description || null,
        target,
        deadline: deadline!,
        acceptanceStandard: standard,
        weight,
        subtasks,
        milestones,
      };
      try {
        checkTaskInput(input, plan);
      } catch (e) {
        const fields = ((e as AppError).details as { fields?: { field: string; message: string }[] }).fields ?? [];
        for (const f of fields) err(f.field.startsWith('milestones') ? 'milestones' : f.field === 'subtasks' ? 'subtasks' : 'deadline', f.message);
        continue;
      }
      drafts.push({ row: r.row, no, input });
    }
    return { drafts, errors };
  }

  async function check(actor: Actor, planId: string, upload: Upload) {
    const plan = await core.plan(db, actor, planId);
    if (!isOwner(actor, plan.org_path)) throw forbidden('只有制定计划的党组织可以导入任务');
    if (plan.state === 'archived') throw conflict('该计划已归档，不能导入任务');
    const tasks = await repo.tasksOfPlan(db, regionId, planId);
    const sheet = readSheet(await loadWorkbook(upload.data, upload.fileName), SPEC);
    const { drafts, errors } = parse(sheet, plan, { nos: new Set(tasks.map((t) => t.no)), titles: new Set(tasks.map((t) => t.title)) });
    return { plan, sheet, drafts, errors: sortRowErrors(errors, KT_IMPORT_COLUMNS) };
  }

  return {
    async template(): Promise<Buffer> {
      const wb = newWorkbook();
      const ws = addTableSheet(wb, KT_IMPORT_SHEET, KT_IMPORT_COLUMNS);
      addDropdown(ws, 'category', rules.categories, { strict: false, prompt: '可从下拉列表中选择，也可填写本地的类别' });
      addGuideSheet(wb, { name: '填写说明', columns: KT_IMPORT_COLUMNS, lines: guide(rules.categories), examples: [EXAMPLE] });
      return toBuffer(wb);
    },

    async run(actor: Actor, planId: string, upload: Upload): Promise<ImportResult> {
      const { plan, drafts, errors } = await check(actor, planId, upload);
      if (errors.length > 0) throw importInvalid(errors);
      if (drafts.length === 0) throw importInvalid([{ row: 2, column: header('title'), message: '文件中没有任务，请从第 2 行起填写' }]);
      return db.transaction(async (tx) => {
        let next = await repo.nextNo(tx, regionId, planId);
        const used = new Set(drafts.flatMap((d) => (d.no ? [d.no] : [])));
        for (const d of drafts) {
          while (!d.no && used.has(next)) next++;
          const no = d.no ?? next++;
          try {
            await service.addTaskIn(tx, actor, planId, d.input, no);
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            throw importInvalid([{ row: d.row, column: header('title'), message: e.message }]);
          }
        }
        await core.deps.audit.record(tx, actor, {
          action: 'kt_plan.import',
          entity: 'kt_plan',
          entityId: planId,
          entityName: plan.title,
          orgPath: plan.org_path,
          after: { tasks: drafts.length },
        });
        return { created: drafts.length, updated: 0 };
      });
    },

    async errorReport(actor: Actor, planId: string, upload: Upload): Promise<Buffer> {
      const { sheet, errors } = await check(actor, planId, upload);
      annotateErrors(sheet, errors);
      return toBuffer(sheet.workbook);
    },
  };
}
export type KeyTaskImport = ReturnType<typeof createKeyTaskImport>;
