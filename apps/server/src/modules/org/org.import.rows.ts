import {
  DOC_NO_MAX,
  formationModeLabel,
  isValidCreditCode,
  ORG_NAME_MAX,
  ORG_SHORT_NAME_MAX,
  orgDomainLabel,
  orgStatusLabel,
  orgTypeLabel,
  UNIT_NAME_MAX,
  UNITS_PER_ORG_MAX,
  type FormationMode,
  type ImportRowError,
  type OrgDomain,
  type OrgInput,
  type OrgType,
} from '@jiceng/contracts';
import { cellText, normalizeName, parseExcelDate, splitCell } from '../../platform/xlsx/cells.ts';
import { headerOf, type ImportColumnKey, type OrgSheetRow } from './org.xlsx.ts';

/** Longest 组织代码 accepted (as in the OrgInput contract). */
const ORG_CODE_MAX = 40;

/** One row of the file after its own cells were checked; `input` is null when a cell made it unusable. */
export interface RowDraft {
  row: number;
  /** Normalized 组织全称 (the key other rows use to name it as their parent). */
  name: string;
  parentName: string;
  type: OrgType | null;
  input: Omit<OrgInput, 'parentId'> | null;
  /** Valid credit codes of its units, for the uniqueness checks. */
  creditCodes: string[];
}

/** Label → key, accepting the Chinese label (as in the dropdowns) or the key itself. */
function lookup<K extends string>(labels: Record<K, string>) {
  const map = new Map<string, K>();
  for (const [k, label] of Object.entries(labels) as [K, string][]) {
    map.set(label, k);
    map.set(k, k);
  }
  return { get: (s: string) => map.get(s), list: Object.values<string>(labels).join('、') };
}
const types = lookup<OrgType>(orgTypeLabel);
const domains = lookup<OrgDomain>(orgDomainLabel);
const modes = lookup<FormationMode>(formationModeLabel);

/** Checks one row's own cells (each problem by column) and builds the organization it describes. */
export function parseRow(raw: OrgSheetRow, date1904: boolean): { draft: RowDraft; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const add = (key: ImportColumnKey, message: string) => errors.push({ row: raw.row, column: headerOf(key), message });
  const text = (key: ImportColumnKey) => cellText(raw.cells[key] ?? null);
  const required = (key: ImportColumnKey, value: string) => {
    if (value === '') add(key, `${headerOf(key)}不能为空`);
    return value !== '';
  };
  const tooLong = (key: ImportColumnKey, value: string, max: number) => {
    if (value.length > max) add(key, `${headerOf(key)}不能超过 ${max} 个字（当前 ${value.length} 个）`);
  };
  const choice = <K extends string>(key: ImportColumnKey, value: string, l: ReturnType<typeof lookup<K>>): K | null => {
    if (!required(key, value)) return null;
    const k = l.get(value);
    if (!k) add(key, `${headerOf(key)}“${value}”不正确，请从下拉列表中选择：${l.list}`);
    return k ?? null;
  };

  const name = normalizeName(text('name'));
  if (required('name', name)) {
    if (name.length < 2) add('name', '组织全称至少 2 个字');
    tooLong('name', name, ORG_NAME_MAX);
  }
  const shortName = normalizeName(text('shortName'));
  tooLong('shortName', shortName, ORG_SHORT_NAME_MAX);
  const parentName = normalizeName(text('parentName'));
  required('parentName', parentName);
  const type = choice('type', text('type'), types);
  const domain = choice('domain', text('domain'), domains);
  const formationMode = choice('formationMode', text('formationMode'), modes);
  const approvalDocNo = text('approvalDocNo');
  tooLong('approvalDocNo', approvalDocNo, DOC_NO_MAX);
  const code = text('code');
  tooLong('code', code, ORG_CODE_MAX);

  const dateCell = raw.cells.approvalDate ?? null;
  const approvalDate = parseExcelDate(dateCell, date1904);
  if (approvalDate === undefined) add('approvalDate', `批准日期“${cellText(dateCell)}”不是有效日期，请填写如 2024-01-05 的日期`);

  const status = cellText(raw.cells.status ?? null);
  if (status === orgStatusLabel.dissolved) {
    errors.push({ row: raw.row, column: '状态', message: '已撤销的组织不能导入，请删除该行（导入只新建正常状态的组织）' });
  }

  const units = parseUnits(raw, domain, add);
  const ok = errors.length === 0 && type && domain && formationMode && units;
  const input: RowDraft['input'] = ok
    ? {
        name,
        shortName: shortName || null,
        type,
        domain,
        formationMode,
        units: units.list,
        approvalDocNo: approvalDocNo || null,
        approvalDate: approvalDate ?? null,
        code: code || null,
      }
    : null;
  return { draft: { row: raw.row, name, parentName, type, input, creditCodes: units?.codes ?? [] }, errors };
}

/**
 * The units of a row: names, credit codes and categories split positionally. Categories may be
 * left empty (the organization's 所属领域 is used) or given once for all units.
 */
function parseUnits(
  raw: OrgSheetRow,
  domain: OrgDomain | null,
  add: (key: ImportColumnKey, message: string) => void,
): { list: OrgInput['units']; codes: string[] } | null {
  const names = splitCell(raw.cells.unitNames ?? null).map(normalizeName);
  const codes = splitCell(raw.cells.creditCodes ?? null).map((c) => c.toUpperCase().replace(/\s/g, ''));
  const cats = splitCell(raw.cells.unitCategories ?? null);
  let ok = true;
  const fail = (key: ImportColumnKey, message: string) => {
    add(key, message);
    ok = false;
  };

  if (names.some((n) => n === '')) fail('unitNames', '单位名称中有空项，多个单位请用“、”分隔，不要连续或在开头使用分隔符');
  names.filter((n) => n.length > UNIT_NAME_MAX).forEach((n) => fail('unitNames', `单位名称“${n.slice(0, 20)}…”超过 ${UNIT_NAME_MAX} 个字`));
  if (names.length > UNITS_PER_ORG_MAX) fail('unitNames', `单位不能超过 ${UNITS_PER_ORG_MAX} 个（当前 ${names.length} 个）`);
  if (names.length === 0 && (codes.length > 0 || cats.length > 0)) fail('unitNames', '填写了统一社会信用代码或单位类别，请同时填写单位名称');
  else if (codes.length > names.length) {
    fail('creditCodes', `单位名称有 ${names.length} 个，统一社会信用代码有 ${codes.length} 个；请用“、”分隔并与单位名称按顺序一一对应（没有代码的单位填“无”）`);
  }
  const valid: string[] = [];
  codes.forEach((c) => {
    if (c === '') return;
    if (isValidCreditCode(c)) valid.push(c);
    else fail('creditCodes', `统一社会信用代码“${c}”无效（应为 18 位数字或大写字母，且校验位正确）`);
  });
  if (new Set(valid).size !== valid.length) fail('creditCodes', '同一组织的单位统一社会信用代码有重复');

  const categories: (OrgDomain | null)[] = cats.map((c) => {
    const k = domains.get(c);
    if (!k) fail('unitCategories', `单位类别“${c}”不正确，请从下拉列表中选择：${domains.list}`);
    return k ?? null;
  });
  if (names.length > 0 && cats.length > 1 && cats.length !== names.length) {
    fail('unitCategories', `单位名称有 ${names.length} 个，单位类别有 ${cats.length} 个；请填写一个（适用于全部单位）或按顺序一一对应`);
  }
  if (!ok) return null;
  const list = names.map((n, i) => ({
    name: n,
    creditCode: codes[i] || null,
    category: (cats.length === 1 ? categories[0] : categories[i]) ?? domain ?? 'other',
  }));
  return { list, codes: valid };
}
