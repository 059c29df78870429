import {
  IMPORT_MAX_ROWS,
  normalizeIdNumber,
  parseIdNumber,
  TRAINING_HOURS_MAX,
  TRAINING_PROVIDER_MAX,
  TRAINING_TITLE_MAX,
  type ImportResult,
  type ImportRowError,
} from '@jiceng/contracts';
import { isHoursStep, trainingRulesFor } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { Upload } from '../../platform/http/files.ts';
import { newId } from '../../platform/ids.ts';
import { cellText, parseExcelDate } from '../../platform/xlsx/cells.ts';
import { importInvalid, sortRowErrors } from '../../platform/xlsx/rejection.ts';
import { annotateErrors } from '../../platform/xlsx/report.ts';
import { readSheet, type ImportSheet, type SheetSpec } from '../../platform/xlsx/sheet.ts';
import { addGuideSheet } from '../../platform/xlsx/template.ts';
import { addTableSheet, loadWorkbook, newWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import { assertSubtree } from './training.policy.ts';
import type { TrainingRepository } from './training.repository.ts';

/** The data sheet of the online-course template. */
export const ONLINE_SHEET = '网络培训学时';

export const ONLINE_COLUMNS = [
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'idNumber', header: '公民身份号码', required: true, width: 22, numFmt: '@' },
  { key: 'title', header: '课程名称', required: true, width: 32 },
  { key: 'provider', header: '学习平台', width: 20 },
  { key: 'date', header: '完成日期', required: true, width: 14, numFmt: 'yyyy-mm-dd' },
  { key: 'hours', header: '学时', required: true, width: 8 },
] as const;
type Key = (typeof ONLINE_COLUMNS)[number]['key'];
const SPEC: SheetSpec<Key> = { columns: ONLINE_COLUMNS, sheet: ONLINE_SHEET, noun: '党员的一门课程' };
const header = (k: Key) => ONLINE_COLUMNS.find((c) => c.key === k)!.header;

const GUIDE = [
  '网络培训学时导入填写说明（本工作表不会被导入）',
  `1. 在“${ONLINE_SHEET}”工作表中从第 2 行起每行填写一名党员完成的一门网络课程，不要修改第 1 行表头；带 * 的列必须填写。`,
  '2. 党员须在您的管理范围内，以公民身份号码识别，姓名须与党员档案一致；已出党或组织关系已转出的党员不能导入。',
  `3. 学时为 0.5 的整数倍，最多 ${TRAINING_HOURS_MAX} 学时；完成日期不能晚于今天，学时计入完成日期所在年度。`,
  '4. 同一党员同一年度的同一课程只能导入一次（文件内重复或以前已导入的都会报错）。',
  `5. 导入时逐行检查，有任何错误则整个文件都不导入；可上传同一文件获取“错误报告”。单次最多 ${IMPORT_MAX_ROWS} 行。`,
  '',
  '填写示例（灰色斜体，仅供参考）：',
];
const EXAMPLE: Record<Key, string> = {
  name: '张建国',
  idNumber: '320102198506150011',
  title: '学习贯彻党的二十届三中全会精神',
  provider: '共产党员网',
  date: '2026-05-20',
  hours: '4',
};

interface Draft {
  row: number;
  name: string;
  idHash: string;
  title: string;
  provider: string | null;
  date: string;
  hours: number;
  memberId?: string;
}

/**
 * Import of online-course hours (网络培训) by hand-kept or platform-exported sheets: every row
 * checked and every bad row named, then one transaction creating one 网络培训 session per course
 * (and platform) of the file, organized by the account's organization, with each row's hours as
 * that member's record. All or nothing.
 */
export function createTrainingImport(deps: {
  db: Database;
  regionId: string;
  repo: TrainingRepository;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
}) {
  const { db, regionId, repo, audit, clock, crypto } = deps;

  function parse(sheet: ImportSheet<Key>): { drafts: Draft[]; errors: ImportRowError[] } {
    const errors: ImportRowError[] = [...sheet.headerErrors];
    const drafts: Draft[] = [];
    const today = clock.today();
    for (const r of sheet.rows) {
      const err = (k: Key, message: string) => errors.push({ row: r.row, column: header(k), message });
      const before = errors.length;
      const name = cellText(r.cells.name ?? null);
      if (!name) err('name', '请填写姓名');
      const id = normalizeIdNumber(cellText(r.cells.idNumber ?? null));
      const parsedId = id ? parseIdNumber(id) : null;
      if (!id) err('idNumber', '请填写公民身份号码');
      else if (parsedId && !parsedId.ok) err('idNumber', parsedId.reason);
      const title = cellText(r.cells.title ?? null);
      if (title.length < 2) err('title', '请填写课程名称');
      else if (title.length > TRAINING_TITLE_MAX) err('title', `课程名称最多 ${TRAINING_TITLE_MAX} 个字`);
      const provider = cellText(r.cells.provider ?? null) || null;
      if (provider && provider.length > TRAINING_PROVIDER_MAX) err('provider', `学习平台最多 ${TRAINING_PROVIDER_MAX} 个字`);
      const date = parseExcelDate(r.cells.date ?? null, sheet.date1904);
      if (date === null) err('date', '请填写完成日期');
      else if (date === undefined) err('date', '完成日期无法识别，请填写如 2026-05-20 的日期');
      else if (date > today) err('date', '完成日期不能晚于今天');
      else if (date < '2000-01-01') err('date', '完成日期不能早于 2000 年');
      const rawHours = cellText(r.cells.hours ?? null);
      const hours = Number(rawHours);
      if (!rawHours) err('hours', '请填写学时');
      else if (!Number.isFinite(hours) || hours <= 0 || hours > TRAINING_HOURS_MAX) err('hours', `学时应为大于 0、不超过 ${TRAINING_HOURS_MAX} 的数字`);
      else if (date && !isHoursStep(hours, trainingRulesFor(Number(date.slice(0, 4))))) err('hours', '学时应为 0.5 的整数倍（如 2 或 2.5）');
      if (errors.length === before) drafts.push({ row: r.row, name, idHash: crypto.lookupHash(id), title, provider, date: date!, hours });
    }
    return { drafts, errors };
  }

  /** Members in scope by ID number, names that match, no course twice in a year (in the file or before). */
  async function resolve(actor: Actor, drafts: Draft[], errors: ImportRowError[]): Promise<void> {
    const found = new Map((await repo.membersByIdHash(db, regionId, [...new Set(drafts.map((d) => d.idHash))])).map((m) => [m.id_number_hash, m]));
    const ok: Draft[] = [];
    for (const d of drafts) {
      const m = found.get(d.idHash);
      const err = (k: Key, message: string) => errors.push({ row: d.row, column: header(k), message });
      if (!m || !pathInScope(actor, m.org_path)) err('idNumber', '未找到该公民身份号码的党员，或该党员不在您的管理范围内');
      else if (m.name !== d.name) err('name', `姓名与党员档案不一致（档案中为“${m.name}”）`);
      else if (m.status === 'left') err('idNumber', `“${m.name}”已出党，不能导入学时`);
      else if (m.transferred_out_date) err('idNumber', `“${m.name}”的组织关系已转出，不能导入学时`);
      else ok.push(Object.assign(d, { memberId: m.id }));
    }
    const seen = new Map<string, number>();
    const years = new Set(ok.map((d) => Number(d.date.slice(0, 4))));
    const taken = new Set<string>();
    for (const year of years) {
      const ids = [...new Set(ok.filter((d) => d.date.startsWith(String(year))).map((d) => d.memberId!))];
      for (const t of await repo.onlineTaken(db, regionId, ids, year)) taken.add(`${t.member_id}|${year}|${t.title}`);
    }
    for (const d of ok) {
      const k = `${d.memberId}|${d.date.slice(0, 4)}|${d.title}`;
      if (seen.has(k)) errors.push({ row: d.row, column: header('title'), message: `与第 ${seen.get(k)} 行重复：同一党员同一年度的同一课程只能导入一次` });
      else if (taken.has(k)) errors.push({ row: d.row, column: header('title'), message: `“${d.name}”${d.date.slice(0, 4)}年度的该课程学时已导入过` });
      seen.set(k, seen.get(k) ?? d.row);
    }
  }

  async function check(actor: Actor, upload: Upload) {
    assertSubtree(actor);
    const sheet = readSheet(await loadWorkbook(upload.data, upload.fileName), SPEC);
    const { drafts, errors } = parse(sheet);
    await resolve(actor, drafts, errors);
    return { sheet, drafts, errors: sortRowErrors(errors, ONLINE_COLUMNS) };
  }

  return {
    async template(): Promise<Buffer> {
      const wb = newWorkbook();
      addTableSheet(wb, ONLINE_SHEET, ONLINE_COLUMNS);
      addGuideSheet(wb, { name: '填写说明', columns: ONLINE_COLUMNS, lines: GUIDE, examples: [EXAMPLE] });
      return toBuffer(wb);
    },

    async importFile(actor: Actor, upload: Upload): Promise<ImportResult> {
      const { drafts, errors } = await check(actor, upload);
      if (errors.length > 0) throw importInvalid(errors);
      return db.transaction(async (tx) => {
        // one session per course, platform and year of the file
        const groups = new Map<string, Draft[]>();
        for (const d of drafts) {
          const k = JSON.stringify([d.title, d.provider, d.date.slice(0, 4)]);
          groups.set(k, [...(groups.get(k) ?? []), d]);
        }
        for (const rows of groups.values()) {
          const dates = rows.map((r) => r.date).sort();
          const hours = Math.max(...rows.map((r) => r.hours));
          const id = newId();
          const first = rows[0]!;
          await repo.insertSession(tx, regionId, {
            id,
            orgId: actor.orgId,
            kind: 'online',
            title: first.title,
            startDate: dates[0]!,
            endDate: dates.at(-1)!,
            hours,
            online: true,
            place: null,
            provider: first.provider,
            imported: true,
            createdBy: actor.displayName,
          });
          for (const r of rows)
            await repo.upsertAttendance(tx, regionId, {
              sessionId: id,
              memberId: r.memberId!,
              status: r.hours >= hours ? 'attended' : 'partial',
              hours: r.hours,
              recordedBy: actor.displayName,
            });
        }
        await audit.record(tx, actor, {
          action: 'training.import',
          entity: 'training_session',
          entityId: null,
          orgPath: actor.orgPath,
          after: { fileName: upload.fileName, rows: drafts.length, sessions: groups.size },
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
export type TrainingImport = ReturnType<typeof createTrainingImport>;
