import {
  ADDRESS_MAX,
  educationLabel,
  ETHNICITIES,
  genderLabel,
  MEMBER_NAME_MAX,
  MEMBER_POSITION_MAX,
  memberCategoryLabel,
  memberStatusLabel,
  occupationLabel,
  PHONE_PATTERN,
  WORK_UNIT_MAX,
  type Education,
  type Gender,
  type ImportRowError,
  type MemberCategory,
  type MemberInput,
  type Occupation,
} from '@jiceng/contracts';
import { cellText, normalizeName, parseExcelDate, splitCell, type CellValue } from '../../platform/xlsx/cells.ts';
import { checkMember, type CheckedMember } from './member.validation.ts';
import { headerOf, type ReadKey, type RosterSheetRow } from './member.xlsx.ts';

/** A member row as read from the file, before its branch is looked up. */
export type RosterInput = Omit<MemberInput, 'orgId'>;

/** One row of the file after its own cells were checked; `input` is null when a cell made it unusable. */
export interface RosterDraft {
  row: number;
  /** Normalized 所在党支部 (matched against the full names of branches in scope). */
  branchName: string;
  input: RosterInput | null;
  checked: CheckedMember | null;
}

/** Label → key, accepting the Chinese label (as in the dropdowns), the key itself and a few aliases. */
function choices<K extends string>(labels: Record<K, string>, aliases: Record<string, K> = {}) {
  const map = new Map<string, K>(Object.entries(aliases) as [string, K][]);
  for (const [k, label] of Object.entries(labels) as [K, string][]) map.set(normalizeName(label), k).set(k, k);
  return { get: (s: string) => map.get(normalizeName(s)), list: Object.values<string>(labels).join('、') };
}
const educations = choices<Education>(educationLabel);
const occupations = choices<Occupation>(occupationLabel);
const kinds = choices<'full' | 'probationary'>({ full: memberStatusLabel.full, probationary: memberStatusLabel.probationary }, { 正式: 'full', 预备: 'probationary' });
const genders = choices<Gender>(genderLabel);
const categories = choices<MemberCategory>(memberCategoryLabel);
const ethnicities = new Set<string>(ETHNICITIES);
const PHONE = new RegExp(PHONE_PATTERN);
/** 状态 values of the export that may be imported (an active member). */
const IMPORTABLE_STATES = new Set(['', memberStatusLabel.full, memberStatusLabel.probationary]);

/** Which column a problem from checkMember belongs to. */
const FIELD_COLUMN: Record<string, ReadKey> = { idNumber: 'idNumber', birthDate: 'birthDate', gender: 'gender', joinedDate: 'joinedDate', appliedDate: 'appliedDate', confirmedDate: 'confirmedDate', education: 'education' };
/** Problems checkMember finds from the ID number alone (still reported when the row's dates are unusable). */
const ID_FIELDS = new Set(['idNumber', 'birthDate', 'gender']);

/** Checks one row's own cells (each problem by column) and builds the member it describes. */
export function parseRosterRow(raw: RosterSheetRow, date1904: boolean, today: string): { draft: RosterDraft; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const add = (key: ReadKey, message: string) => errors.push({ row: raw.row, column: headerOf(key), message });
  const cell = (key: ReadKey): CellValue => raw.cells[key] ?? null;
  const text = (key: ReadKey) => cellText(cell(key));
  const required = (key: ReadKey, value: string) => {
    if (value === '') add(key, `${headerOf(key)}不能为空`);
    return value !== '';
  };
  const optional = (key: ReadKey, max: number): string | null => {
    const v = text(key);
    if (v.length > max) add(key, `${headerOf(key)}不能超过 ${max} 个字（当前 ${v.length} 个）`);
    return v || null;
  };
  const choice = <K extends string>(key: ReadKey, l: ReturnType<typeof choices<K>>): K | null => {
    const v = text(key);
    if (!required(key, v)) return null;
    const k = l.get(v);
    if (!k) add(key, `${headerOf(key)}“${v}”不正确，请从下拉列表中选择：${l.list}`);
    return k ?? null;
  };
  const date = (key: ReadKey): string | null | undefined => {
    const d = parseExcelDate(cell(key), date1904);
    if (d === undefined) add(key, `${headerOf(key)}“${text(key)}”不是有效日期，请填写如 2024-01-05 的日期`);
    return d;
  };

  const name = text('name').replace(/\s+/g, '');
  if (required('name', name) && name.length > MEMBER_NAME_MAX) add('name', `姓名不能超过 ${MEMBER_NAME_MAX} 个字`);
  const idNumber = idNumberOf(cell('idNumber'), (m) => add('idNumber', m));
  const ethnicity = ethnicityOf(text('ethnicity'), (m) => add('ethnicity', m));
  const education = choice('education', educations);
  const occupation = choice('occupation', occupations);
  const workUnit = optional('workUnit', WORK_UNIT_MAX);
  const position = optional('position', MEMBER_POSITION_MAX);
  const address = optional('address', ADDRESS_MAX);
  const phone = text('phone').replace(/\s+/g, '') || null;
  if (phone && !PHONE.test(phone)) add('phone', `联系电话“${phone}”格式不正确，请填写 11 位手机号或带区号的固定电话`);
  const appliedDate = date('appliedDate');
  const joinedDate = date('joinedDate');
  if (joinedDate === null) add('joinedDate', '入党日期不能为空');
  const status = choice('status', kinds);
  const confirmedDate = date('confirmedDate');
  const birthDate = date('birthDate');
  const genderText = text('gender');
  const gender = genderText ? genders.get(genderText) : undefined;
  if (genderText && !gender) add('gender', `性别“${genderText}”不正确，请填写“男”或“女”（也可不填，由公民身份号码确定）`);
  const branchName = normalizeName(text('branchName'));
  required('branchName', branchName);
  const labels = labelsOf(cell('categories'), (m) => add('categories', m));
  const state = text('state');
  if (!IMPORTABLE_STATES.has(state)) add('state', `状态为“${state}”的人员不能导入：导入只登记正式党员和预备党员，请删除该行`);

  let checked: CheckedMember | null = null;
  if (idNumber) {
    // With usable dates every business check runs; otherwise neutral dates let the ID checks still run.
    const datesOk = joinedDate && status && appliedDate !== undefined && confirmedDate !== undefined;
    const input = {
      name,
      idNumber,
      gender,
      birthDate: birthDate ?? undefined,
      ethnicity: ethnicity ?? '汉族',
      education: education ?? 'bachelor',
      occupation: occupation ?? 'other',
      appliedDate: datesOk ? appliedDate : null,
      joinedDate: datesOk ? joinedDate : today,
      status: datesOk ? status : 'probationary',
      confirmedDate: datesOk ? confirmedDate : null,
    } as const;
    const result = checkMember(input, today);
    for (const p of result.problems) if (datesOk || ID_FIELDS.has(p.field)) add(FIELD_COLUMN[p.field] ?? 'idNumber', p.message);
    checked = result.checked;
  }

  const ok = errors.length === 0 && checked && idNumber && ethnicity && education && occupation && joinedDate && status && labels;
  const input: RosterInput | null = ok
    ? { name, idNumber, ethnicity, education, occupation, workUnit, position, phone, address, appliedDate: appliedDate ?? null, joinedDate, status, confirmedDate: confirmedDate ?? null, categories: labels }
    : null;
  return { draft: { row: raw.row, branchName, input, checked: ok ? checked : null }, errors };
}

/** The ID number's text; a number cell has lost its last digits (Excel keeps 15), which is said plainly. */
function idNumberOf(v: CellValue, fail: (m: string) => void): string | null {
  const s = cellText(v);
  if (s === '') {
    fail('公民身份号码不能为空');
    return null;
  }
  if (typeof v === 'number' && s.length >= 16) {
    fail('公民身份号码被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”格式后重新填写');
    return null;
  }
  return s;
}

/** 民族 as registered; 「汉」 is read as 汉族. */
function ethnicityOf(v: string, fail: (m: string) => void): MemberInput['ethnicity'] | null {
  if (v === '') {
    fail('民族不能为空');
    return null;
  }
  const name = ethnicities.has(v) ? v : ethnicities.has(`${v}族`) ? `${v}族` : null;
  if (!name) fail(`民族“${v}”不正确，请填写如“汉族”“回族”的民族全称，或从下拉列表中选择`);
  return name as MemberInput['ethnicity'] | null;
}

/** 人员标签: several labels separated by 、 (or ； ; line breaks); each must be one of the dictionary's. */
function labelsOf(v: CellValue, fail: (m: string) => void): MemberCategory[] | null {
  const out = new Set<MemberCategory>();
  let ok = true;
  for (const part of splitCell(v)) {
    if (part === '') continue;
    const k = categories.get(part);
    if (k) out.add(k);
    else {
      fail(`人员标签“${part}”不正确，可填：${categories.list}（多个用“、”分隔）`);
      ok = false;
    }
  }
  return ok ? [...out] : null;
}
