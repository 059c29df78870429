import {
  DEV_NAME_MAX,
  devStageLabel,
  educationLabel,
  ETHNICITIES,
  IMPORT_MAX_ROWS,
  normalizeIdNumber,
  occupationLabel,
  ORG_NAME_MAX,
  PAGE_SIZE_MAX,
  parseIdNumber,
  PHONE_PATTERN,
  WORK_UNIT_MAX,
  type ApplicantInput,
  type DevStage,
  type DevStepInput,
  type Education,
  type ImportResult,
  type ImportRowError,
  type Occupation,
} from '@jiceng/contracts';
import { devStepRefusal, MEMBER_HOME_ORG_TYPES, type DevPath } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { answerForDbError, isUniqueViolation } from '../../platform/db/db-errors.ts';
import { AppError } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { Upload } from '../../platform/http/files.ts';
import { cellText, normalizeName, parseExcelDate, type CellValue } from '../../platform/xlsx/cells.ts';
import { importInvalid, sortRowErrors } from '../../platform/xlsx/rejection.ts';
import { annotateErrors } from '../../platform/xlsx/report.ts';
import { readSheet, type ImportSheet, type SheetSpec } from '../../platform/xlsx/sheet.ts';
import { addDropdown, addGuideSheet } from '../../platform/xlsx/template.ts';
import { addTableSheet, loadWorkbook, newWorkbook, toBuffer, type SheetColumn } from '../../platform/xlsx/workbook.ts';
import type { OrgService } from '../org/index.ts';
import { developmentRepository as repo } from './development.repository.ts';
import type { DevelopmentService } from './development.service.ts';

/** The data sheet of the applicants template. */
export const DEV_IMPORT_SHEET = '入党申请人名册';

export const DEV_IMPORT_COLUMNS = [
  { key: 'branch', header: '党支部', required: true, width: 28 },
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'idNumber', header: '公民身份号码', required: true, width: 22, numFmt: '@' },
  { key: 'ethnicity', header: '民族', required: true, width: 10 },
  { key: 'education', header: '学历', required: true, width: 14 },
  { key: 'occupation', header: '人员类别', required: true, width: 22 },
  { key: 'workUnit', header: '工作单位及职务', width: 28 },
  { key: 'phone', header: '联系电话', width: 15, numFmt: '@' },
  { key: 'appliedOn', header: '递交入党申请书日期', required: true, width: 18, numFmt: 'yyyy-mm-dd' },
  { key: 'talkOn', header: '谈话日期', width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'talker', header: '谈话人', width: 10 },
  { key: 'talkerPost', header: '谈话人职务', width: 12 },
] as const satisfies readonly SheetColumn[];
type Key = (typeof DEV_IMPORT_COLUMNS)[number]['key'];
const SPEC: SheetSpec<Key> = { columns: DEV_IMPORT_COLUMNS, sheet: DEV_IMPORT_SHEET, noun: '入党申请人' };
const header = (k: Key) => DEV_IMPORT_COLUMNS.find((c) => c.key === k)!.header;

type TalkerPost = NonNullable<NonNullable<DevStepInput['talker']>['post']>;
/** 谈话人职务 as written in the sheet (the step form's labels). */
export const TALKER_POST_LABELS: Record<TalkerPost, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  member: '党员',
  other: '其他',
};

/** Label → key, accepting the Chinese label (as in the dropdowns) and the key itself. */
function choices<K extends string>(labels: Record<K, string>) {
  const map = new Map<string, K>();
  for (const [k, label] of Object.entries(labels) as [K, string][]) map.set(normalizeName(label), k).set(k, k);
  return { get: (s: string) => map.get(normalizeName(s)), list: Object.values<string>(labels).join('、') };
}
const educations = choices<Education>(educationLabel);
const occupations = choices<Occupation>(occupationLabel);
const posts = choices<TalkerPost>(TALKER_POST_LABELS);
const ethnicities = new Set<string>(ETHNICITIES);
const PHONE = new RegExp(PHONE_PATTERN);
const isHome = (type: string) => (MEMBER_HOME_ORG_TYPES as readonly string[]).includes(type);

const guide = () => [
  '入党申请人名册导入填写说明（本工作表不会被导入）',
  `1. 在“${DEV_IMPORT_SHEET}”工作表中从第 2 行起每行填写一名入党申请人，不要修改第 1 行表头；带 * 的列必须填写。`,
  '2. 党支部：填写接收入党申请书的党支部（或联合党支部）全称，须在您的管理范围内。',
  '3. 公民身份号码：18 位，系统会核对校验位，性别和出生日期由它得出；递交入党申请书时须年满 18 周岁。请保持该列为“文本”格式，否则 Excel 会丢失后几位。',
  '4. 民族、学历、人员类别、谈话人职务请从下拉列表中选择。',
  '5. 日期可填 2024-01-05、2024/1/5、2024.1.5、2024年1月5日 或 Excel 日期，不能晚于今天。',
  '6. 已派人谈话的，填写谈话日期、谈话人和谈话人职务（谈话人应为党支部书记、副书记或组织委员），谈话日期不能早于递交入党申请书日期；尚未谈话的三列都不填。',
  '7. 同一人只能有一条正在进行的发展记录：文件内重复或已登记的公民身份号码都会报错。',
  `8. 导入时逐行检查，有任何错误则整个文件都不导入；可上传同一文件获取“错误报告”（在每行末尾写明问题）。单次最多 ${IMPORT_MAX_ROWS} 行。`,
  '',
  '填写示例（灰色斜体，仅供参考）：',
];
const EXAMPLE: Record<Key, string> = {
  branch: '中共某某社区第一支部委员会',
  name: '李秀英',
  idNumber: '110105200001010024',
  ethnicity: '汉族',
  education: educationLabel.bachelor,
  occupation: occupationLabel.professional,
  workUnit: '某某科技有限公司 工程师',
  phone: '13912345678',
  appliedOn: '2026-03-01',
  talkOn: '2026/3/20',
  talker: '王建华',
  talkerPost: TALKER_POST_LABELS.secretary,
};
const NOT_TALKED: Record<Key, string> = {
  ...EXAMPLE,
  name: '张建国',
  idNumber: '11010519491231002X',
  education: educationLabel.high_school,
  occupation: occupationLabel.worker,
  workUnit: '',
  phone: '',
  appliedOn: '2026年10月8日',
  talkOn: '',
  talker: '',
  talkerPost: '',
};

/** One row whose own cells are right, before its branch is looked up. */
interface Draft {
  row: number;
  branchName: string;
  idHash: string;
  input: Omit<ApplicantInput, 'orgId'>;
  /** Step 2 when 谈话日期 is given. */
  talk: { date: string; talker: { name: string; post: TalkerPost | null } } | null;
  orgId?: string;
}

/**
 * Where a refusal the service makes while writing belongs in the sheet: the talk's on its date
 * (order, dates) or its people; the application's on its date (age, order), its ID number (a path in
 * progress) or its branch.
 */
function columnOf(e: AppError, step: 'apply' | 'talk'): Key {
  const rule = (e.details as { rule?: string } | undefined)?.rule;
  if (step === 'talk') return e.code === 'RULE_VIOLATION' && rule !== 'dev-order' ? 'talkerPost' : 'talkOn';
  if (e.code === 'RULE_VIOLATION') return 'appliedOn';
  if (e.code === 'CONFLICT') return 'idNumber';
  const fields = (e.details as { fields?: { field: string }[] } | undefined)?.fields ?? [];
  return fields.some((f) => f.field === 'idNumber') ? 'idNumber' : 'branch';
}

/**
 * Import of a branch's 入党申请人名册 from .xlsx: every row is checked first — its cells, the rule
 * set's refusals of step 1 (age, dates) and of step 2 (order, the talker), the same person twice in
 * the file, its branch by full name in the account's scope, a path already in progress — and every
 * bad row named; then one transaction registers them all through the service (step 1, and step 2
 * where the talk is given). A refusal only the write reveals (a path registered meanwhile) names
 * its row and rolls everything back. All or nothing.
 */
export function createDevelopmentImport(deps: {
  db: Database;
  regionId: string;
  clock: Clock;
  service: DevelopmentService;
  orgs: Pick<OrgService, 'list'>;
  crypto: Pick<FieldCrypto, 'lookupHash'>;
}) {
  const { db, regionId, clock, service, orgs, crypto } = deps;
  const rules = service.rules;

  /** The rule set's refusal of step 1, then of step 2 on top of it, as the service will check them. */
  function stepRefusal(birthDate: string, appliedOn: string, talk: Draft['talk'], today: string): { column: Key; message: string } | null {
    const path: DevPath = { birthDate, stage: 'applicant', ended: null, records: [] };
    const apply = devStepRefusal(path, { key: 'apply', date: appliedOn, today }, rules);
    if (apply) return { column: 'appliedOn', message: apply.message };
    if (!talk) return null;
    const applied: DevPath = { ...path, records: [{ key: 'apply', date: appliedOn, round: 1 }] };
    const refusal = devStepRefusal(applied, { key: 'talk', date: talk.date, today, talker: talk.talker }, rules);
    return refusal && { column: refusal.rule === 'dev-order' ? 'talkOn' : 'talkerPost', message: refusal.message };
  }

  function parse(sheet: ImportSheet<Key>): { drafts: Draft[]; errors: ImportRowError[] } {
    const errors: ImportRowError[] = [...sheet.headerErrors];
    const drafts: Draft[] = [];
    const today = clock.today();
    const firstRow = new Map<string, number>();
    for (const r of sheet.rows) {
      const before = errors.length;
      const err = (k: Key, message: string) => errors.push({ row: r.row, column: header(k), message });
      const cell = (k: Key): CellValue => r.cells[k] ?? null;
      const text = (k: Key) => cellText(cell(k));
      const required = (k: Key, v: string) => {
        if (v === '') err(k, `请填写${header(k)}`);
        return v !== '';
      };
      const choice = <K extends string>(k: Key, l: ReturnType<typeof choices<K>>): K | null => {
        const v = text(k);
        if (v === '') return null;
        const found = l.get(v);
        if (!found) err(k, `${header(k)}“${v}”不正确，请从下拉列表中选择：${l.list}`);
        return found ?? null;
      };
      const date = (k: Key): string | null | undefined => {
        const d = parseExcelDate(cell(k), sheet.date1904);
        if (d === undefined) err(k, `${header(k)}“${text(k)}”无法识别，请填写如 2026-03-01 的日期`);
        else if (d && d > today) err(k, `${header(k)}不能晚于今天（${today}）`);
        return d;
      };

      const branchName = normalizeName(text('branch'));
      required('branch', branchName);
      const name = text('name').replace(/\s+/g, '');
      if (required('name', name) && name.length > DEV_NAME_MAX) err('name', `姓名不能超过 ${DEV_NAME_MAX} 个字`);

      const rawId = cell('idNumber');
      const idNumber = normalizeIdNumber(cellText(rawId));
      let birthDate: string | null = null;
      if (required('idNumber', idNumber)) {
        const parsed = parseIdNumber(idNumber);
        if (typeof rawId === 'number' && idNumber.length >= 16)
          err('idNumber', '公民身份号码被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”格式后重新填写');
        else if (!parsed.ok) err('idNumber', parsed.reason);
        else {
          birthDate = parsed.facts.birthDate;
          const seen = firstRow.get(idNumber);
          if (seen !== undefined) err('idNumber', `公民身份号码与第 ${seen} 行重复，同一人只能登记一次`);
          else firstRow.set(idNumber, r.row);
        }
      }

      const ethnicityText = text('ethnicity');
      const ethnicity = ethnicities.has(ethnicityText) ? ethnicityText : ethnicities.has(`${ethnicityText}族`) ? `${ethnicityText}族` : null;
      if (required('ethnicity', ethnicityText) && !ethnicity)
        err('ethnicity', `民族“${ethnicityText}”不正确，请填写如“汉族”“回族”的民族全称，或从下拉列表中选择`);
      required('education', text('education'));
      const education = choice('education', educations);
      required('occupation', text('occupation'));
      const occupation = choice('occupation', occupations);
      const workUnit = text('workUnit') || null;
      if (workUnit && workUnit.length > WORK_UNIT_MAX) err('workUnit', `工作单位及职务不能超过 ${WORK_UNIT_MAX} 个字（当前 ${workUnit.length} 个）`);
      const phone = text('phone').replace(/\s+/g, '') || null;
      if (phone && !PHONE.test(phone)) err('phone', `联系电话“${phone}”格式不正确，请填写 11 位手机号或带区号的固定电话`);

      const appliedOn = date('appliedOn');
      if (appliedOn === null) err('appliedOn', `请填写${header('appliedOn')}`);
      const talkOn = date('talkOn');
      const talker = text('talker').replace(/\s+/g, '');
      if (talker.length > DEV_NAME_MAX) err('talker', `谈话人不能超过 ${DEV_NAME_MAX} 个字`);
      const post = choice('talkerPost', posts);
      if (talkOn && !talker) err('talker', '填写了谈话日期，请同时填写谈话人');
      else if (talker && talkOn === null) err('talkOn', '填写了谈话人，请同时填写谈话日期');
      else if (!talker && talkOn === null && text('talkerPost')) err('talkOn', '填写了谈话人职务，请同时填写谈话日期和谈话人');
      if (errors.length > before) continue;

      const input = {
        name,
        idNumber,
        ethnicity: ethnicity as ApplicantInput['ethnicity'],
        education: education!,
        occupation: occupation!,
        workUnit,
        phone,
        appliedOn: appliedOn!,
      };
      const talk = talkOn ? { date: talkOn, talker: { name: talker, post } } : null;
      const refusal = stepRefusal(birthDate!, input.appliedOn, talk, today);
      if (refusal) err(refusal.column, refusal.message);
      else drafts.push({ row: r.row, branchName, idHash: crypto.lookupHash(idNumber), input, talk });
    }
    return { drafts, errors };
  }

  /** Organizations in the scope whose full name is `name` (any type and status). */
  async function orgsNamed(actor: Actor, name: string) {
    const out: { id: string; name: string; type: string; status: string }[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await orgs.list(actor, { q: name, includeDissolved: true, page, pageSize: PAGE_SIZE_MAX });
      out.push(...items.filter((o) => normalizeName(o.name) === name));
      if (items.length === 0 || page * PAGE_SIZE_MAX >= total) return out;
    }
  }

  /** The branch of a full name: exactly one active 党支部 in the scope; outside it nothing is said of what exists. */
  async function branchOf(actor: Actor, name: string): Promise<{ id: string } | { problem: string }> {
    // no organization has a longer name; such a cell is not looked up (its search would be huge)
    const found = name.length > ORG_NAME_MAX ? [] : await orgsNamed(actor, name);
    const branches = found.filter((o) => isHome(o.type) && o.status === 'active');
    if (branches.length === 1) return { id: branches[0]!.id };
    if (branches.length > 1)
      return { problem: `党支部“${name}”在您的管理范围内有 ${branches.length} 个同名党支部，无法确定是哪一个，请先修改重名党支部的名称` };
    if (found.some((o) => o.status === 'active')) return { problem: `“${name}”不是党支部：入党申请应向党支部提出，请填写党支部全称` };
    if (found.length > 0) return { problem: `党支部“${name}”已撤销，不能接收入党申请` };
    return { problem: `党支部“${name}”不存在或不在您的管理范围内，请填写系统中党支部的全称` };
  }

  /** Branches by full name (each name looked up once), then paths already in progress (named only inside the scope). */
  async function resolve(actor: Actor, drafts: Draft[], errors: ImportRowError[]): Promise<Draft[]> {
    const branches = new Map<string, { id: string } | { problem: string }>();
    const ok: Draft[] = [];
    for (const d of drafts) {
      const err = (k: Key, message: string) => errors.push({ row: d.row, column: header(k), message });
      let b = branches.get(d.branchName);
      if (!b) branches.set(d.branchName, (b = await branchOf(actor, d.branchName)));
      const other = await repo.activeByHash(db, regionId, d.idHash);
      if ('problem' in b) err('branch', b.problem);
      if (other) {
        const row = await repo.byId(db, regionId, other.id);
        const where = row && pathInScope(actor, row.org_path) ? `（${other.org_name}，${devStageLabel[row.stage as DevStage] ?? row.stage}）` : '';
        err('idNumber', `该公民身份号码已有正在进行的发展记录${where}，同一人只能有一条`);
      }
      if ('id' in b && !other) ok.push(Object.assign(d, { orgId: b.id }));
    }
    return ok;
  }

  async function check(actor: Actor, upload: Upload) {
    const sheet = readSheet(await loadWorkbook(upload.data, upload.fileName), SPEC);
    const { drafts, errors } = parse(sheet);
    const ok = await resolve(actor, drafts, errors);
    return { sheet, drafts: ok, errors: sortRowErrors(errors, DEV_IMPORT_COLUMNS) };
  }

  /** A refusal of the write as the row's error, or null for a fault (or a lost race the transaction runs again). */
  function rowError(e: unknown, row: number, step: 'apply' | 'talk'): ImportRowError | null {
    const refusal = e instanceof AppError ? e : isUniqueViolation(e) ? answerForDbError(e) : null;
    return refusal && { row, column: header(columnOf(refusal, step)), message: refusal.message };
  }

  return {
    async template(): Promise<Buffer> {
      const wb = newWorkbook();
      const ws = addTableSheet(wb, DEV_IMPORT_SHEET, DEV_IMPORT_COLUMNS);
      addDropdown(ws, 'ethnicity', ETHNICITIES, { strict: true, prompt: '请从下拉列表中选择民族' });
      addDropdown(ws, 'education', Object.values(educationLabel), { strict: true, prompt: '请从下拉列表中选择学历' });
      addDropdown(ws, 'occupation', Object.values(occupationLabel), { strict: true, prompt: '请从下拉列表中选择人员类别' });
      addDropdown(ws, 'talkerPost', Object.values(TALKER_POST_LABELS), { strict: true, prompt: '谈话人应为党支部书记、副书记或组织委员' });
      addGuideSheet(wb, { name: '填写说明', columns: DEV_IMPORT_COLUMNS, lines: guide(), examples: [EXAMPLE, NOT_TALKED] });
      return toBuffer(wb);
    },

    /** Checks the whole file, then registers every row in one transaction; a 422 naming every bad row otherwise. */
    async run(actor: Actor, upload: Upload): Promise<ImportResult> {
      const { drafts, errors } = await check(actor, upload);
      if (errors.length > 0) throw importInvalid(errors);
      return db.transaction(async (tx) => {
        for (const d of drafts) {
          let step: 'apply' | 'talk' = 'apply';
          try {
            const created = await service.createIn(tx, actor, { ...d.input, orgId: d.orgId! });
            step = 'talk';
            if (d.talk) await service.recordStepIn(tx, actor, created.id, { key: 'talk', date: d.talk.date, talker: d.talk.talker });
          } catch (e) {
            const found = rowError(e, d.row, step);
            if (!found) throw e;
            throw importInvalid([found]);
          }
        }
        return { created: drafts.length, updated: 0 };
      });
    },

    /** The uploaded sheet with a 错误说明 column and its problem cells highlighted; changes nothing. */
    async errorReport(actor: Actor, upload: Upload): Promise<Buffer> {
      const { sheet, errors } = await check(actor, upload);
      annotateErrors(sheet, errors);
      return toBuffer(sheet.workbook);
    },
  };
}
export type DevelopmentImport = ReturnType<typeof createDevelopmentImport>;
