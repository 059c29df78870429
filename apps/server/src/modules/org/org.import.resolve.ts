import { type ImportRowError, type OrgType } from '@jiceng/contracts';
import { checkOrgFields, type FieldProblem } from './org.validation.ts';
import type { RowDraft } from './org.import.rows.ts';
import { normalizeName } from '../../platform/xlsx/cells.ts';
import { headerOf, type ImportColumnKey } from './org.xlsx.ts';

/** An organization already inside the importing account's scope (any status). */
export interface ScopeOrg {
  id: string;
  parent_id: string | null;
  name: string;
  type: string;
  status: string;
  code: string | null;
  units: { credit_code: string | null }[] | null;
}

/** Where a row's parent is: another row of the file (by index) or an existing organization. */
export type ParentRef = { kind: 'file'; index: number } | { kind: 'existing'; id: string };

export interface ImportPlan {
  errors: ImportRowError[];
  parents: (ParentRef | null)[];
  /** Row indexes, every parent before its children. */
  order: number[];
  /** 组织代码 and credit codes not used inside the scope; the caller checks them region-wide. */
  unresolvedCodes: { index: number; code: string }[];
  unresolvedCreditCodes: { index: number; code: string }[];
}

/** Which column a problem from checkOrgFields belongs to. */
const FIELD_COLUMN: Record<string, ImportColumnKey> = {
  parentId: 'parentName',
  type: 'type',
  formationMode: 'formationMode',
  units: 'unitNames',
  approvalDate: 'approvalDate',
};

/**
 * Checks the rows against each other and against the scope: duplicates within the file, parents
 * (a row of the file, else exactly one active organization in scope; anything outside the scope is
 * "not found"), cycles, the type/parent rule, names already under the same parent, and codes taken
 * inside the scope. Orders the rows so parents come first.
 */
export function resolvePlan(drafts: RowDraft[], scope: ScopeOrg[], today: string): ImportPlan {
  const errors: ImportRowError[] = [];
  const add = (i: number, key: ImportColumnKey, message: string) => errors.push({ row: drafts[i]!.row, column: headerOf(key), message });

  const fileByName = firstOccurrences(
    drafts,
    (d) => d.name,
    (i, first) => add(i, 'name', `组织全称“${drafts[i]!.name}”与第 ${drafts[first]!.row} 行重复；同一文件中的组织全称不能重复`),
  );
  firstOccurrences(
    drafts,
    (d) => d.input?.code ?? '',
    (i, first) => add(i, 'code', `组织代码“${drafts[i]!.input!.code}”与第 ${drafts[first]!.row} 行重复`),
  );
  const creditSeen = new Map<string, number>();
  drafts.forEach((d, i) =>
    d.creditCodes.forEach((c) => {
      const first = creditSeen.get(c);
      if (first === undefined) creditSeen.set(c, i);
      else if (first !== i) add(i, 'creditCodes', `统一社会信用代码“${c}”与第 ${drafts[first]!.row} 行重复`);
    }),
  );

  const byName = new Map<string, ScopeOrg[]>();
  const childNames = new Map<string, Set<string>>();
  const codeOwner = new Map<string, string>();
  const creditOwner = new Map<string, string>();
  for (const o of scope) {
    const key = normalizeName(o.name);
    byName.set(key, [...(byName.get(key) ?? []), o]);
    if (o.code) codeOwner.set(o.code, o.name);
    if (o.status !== 'active') continue;
    if (o.parent_id) childNames.set(o.parent_id, (childNames.get(o.parent_id) ?? new Set<string>()).add(key));
    for (const u of o.units ?? []) if (u.credit_code) creditOwner.set(u.credit_code, o.name);
  }
  const byId = new Map(scope.map((o) => [o.id, o]));

  const parents = drafts.map((d, i): ParentRef | null => {
    if (d.parentName === '') return null;
    const inFile = fileByName.get(d.parentName);
    if (inFile !== undefined) return { kind: 'file', index: inFile };
    const found = byName.get(d.parentName) ?? [];
    const active = found.filter((o) => o.status === 'active');
    if (active.length === 1) return { kind: 'existing', id: active[0]!.id };
    if (active.length > 1)
      add(i, 'parentName', `上级组织“${d.parentName}”在您的管理范围内有 ${active.length} 个同名组织，无法确定是哪一个，请先修改重名组织的名称`);
    else if (found.length > 0) add(i, 'parentName', `上级组织“${d.parentName}”已撤销，不能在其下设立组织`);
    else add(i, 'parentName', `上级组织“${d.parentName}”不存在或不在您的管理范围内；上级组织须是已有组织或本文件中的另一行`);
    return null;
  });

  const { order, cyclic } = topoOrder(parents);
  for (const cycle of cyclic) {
    const names = [...cycle.map((i) => drafts[i]!.name), drafts[cycle[0]!]!.name].join(' → ');
    for (const i of cycle) add(i, 'parentName', `上级组织关系形成循环：${names}`);
  }

  const unresolvedCodes: ImportPlan['unresolvedCodes'] = [];
  const unresolvedCreditCodes: ImportPlan['unresolvedCreditCodes'] = [];
  drafts.forEach((d, i) => {
    const p = parents[i];
    const existing = p?.kind === 'existing' ? byId.get(p.id) : undefined;
    const parentType = p?.kind === 'file' ? drafts[p.index]!.type : ((existing?.type as OrgType | undefined) ?? null);
    if (d.input) {
      const problems = checkOrgFields(d.input, parentType, today).filter((x: FieldProblem) => !x.field.startsWith('units.'));
      for (const x of problems) add(i, FIELD_COLUMN[x.field] ?? 'name', x.message);
    }
    if (existing && childNames.get(existing.id)?.has(d.name)) add(i, 'name', `上级组织“${existing.name}”下已有同名组织“${d.name}”`);
    const code = d.input?.code;
    if (code) {
      const owner = codeOwner.get(code);
      if (owner) add(i, 'code', `组织代码“${code}”已被“${owner}”使用`);
      else unresolvedCodes.push({ index: i, code });
    }
    for (const c of d.creditCodes) {
      const owner = creditOwner.get(c);
      if (owner) add(i, 'creditCodes', `统一社会信用代码“${c}”已登记在“${owner}”，不能重复登记`);
      else unresolvedCreditCodes.push({ index: i, code: c });
    }
  });
  return { errors, parents, order, unresolvedCodes, unresolvedCreditCodes };
}

/** Maps each non-empty key to the first row holding it; reports later rows with the same key. */
function firstOccurrences(drafts: RowDraft[], key: (d: RowDraft) => string, dup: (i: number, first: number) => void): Map<string, number> {
  const first = new Map<string, number>();
  drafts.forEach((d, i) => {
    const k = key(d);
    if (k === '') return;
    const f = first.get(k);
    if (f === undefined) first.set(k, i);
    else dup(i, f);
  });
  return first;
}

/** Orders rows parents-first by walking up the in-file parent links; returns the cycles found. */
export function topoOrder(parents: (ParentRef | null)[]): { order: number[]; cyclic: number[][] } {
  const state = new Uint8Array(parents.length); // 0 new, 1 on the current walk, 2 placed
  const order: number[] = [];
  const cyclic: number[][] = [];
  for (let start = 0; start < parents.length; start++) {
    const walk: number[] = [];
    let cur: number | undefined = start;
    while (cur !== undefined && state[cur] === 0) {
      state[cur] = 1;
      walk.push(cur);
      const p: ParentRef | null | undefined = parents[cur];
      cur = p?.kind === 'file' ? p.index : undefined;
    }
    if (cur !== undefined && state[cur] === 1) cyclic.push(walk.slice(walk.indexOf(cur)).reverse());
    for (let k = walk.length - 1; k >= 0; k--) {
      state[walk[k]!] = 2;
      order.push(walk[k]!);
    }
  }
  return { order, cyclic };
}
