import type { ImportRowError } from '@jiceng/contracts';
import { MEMBER_HOME_ORG_TYPES } from '@jiceng/rules';
import { normalizeName } from '../../platform/xlsx/cells.ts';
import type { RosterDraft } from './member.import.rows.ts';
import { headerOf } from './member.xlsx.ts';

/** An organization inside the importing account's scope (any type and status). */
export interface ScopeOrg {
  id: string;
  name: string;
  type: string;
  status: string;
}

const isHome = (o: ScopeOrg) => (MEMBER_HOME_ORG_TYPES as readonly string[]).includes(o.type);

/**
 * The branch of each row, matched by full name (normalized) among the organizations in scope:
 * exactly one active 党支部 or 联合党支部. Anything outside the scope is "not found", so an account
 * learns nothing about other streets. Names are resolved once, however many rows repeat them.
 */
export function resolveBranches(drafts: readonly RosterDraft[], scope: readonly ScopeOrg[]): { orgIds: (string | null)[]; errors: ImportRowError[] } {
  const byName = new Map<string, ScopeOrg[]>();
  for (const o of scope) {
    const key = normalizeName(o.name);
    byName.set(key, [...(byName.get(key) ?? []), o]);
  }
  const resolved = new Map<string, { id: string } | { problem: string }>();
  const resolve = (name: string) => {
    const found = byName.get(name) ?? [];
    const branches = found.filter((o) => isHome(o) && o.status === 'active');
    if (branches.length === 1) return { id: branches[0]!.id };
    if (branches.length > 1) return { problem: `所在党支部“${name}”在您的管理范围内有 ${branches.length} 个同名党支部，无法确定是哪一个，请先修改重名党支部的名称` };
    if (found.some((o) => o.status === 'active')) return { problem: `“${name}”不是党支部：党员的组织关系应在党支部或联合党支部，请填写党支部全称` };
    if (found.length > 0) return { problem: `所在党支部“${name}”已撤销，不能接收党员` };
    return { problem: `所在党支部“${name}”不存在或不在您的管理范围内，请填写系统中党支部的全称` };
  };
  const errors: ImportRowError[] = [];
  const orgIds = drafts.map((d) => {
    if (d.branchName === '') return null;
    let r = resolved.get(d.branchName);
    if (!r) resolved.set(d.branchName, (r = resolve(d.branchName)));
    if ('id' in r) return r.id;
    errors.push({ row: d.row, column: headerOf('branchName'), message: r.problem });
    return null;
  });
  return { orgIds, errors };
}

/**
 * ID numbers (by keyed hash) repeated within the file, or already registered. `registered` gives
 * the message for a number already held, which names the holder only inside the importer's scope
 * (member.duplicates.ts); `refused` receives the index of each such row (for the audit).
 */
export function duplicateIdNumbers(drafts: readonly RosterDraft[], hashes: readonly (string | null)[], registered: (hash: string) => string | null, refused: (index: number) => void = () => {}): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const first = new Map<string, number>();
  const column = headerOf('idNumber');
  hashes.forEach((h, i) => {
    if (h === null) return;
    const row = drafts[i]!.row;
    const seen = first.get(h);
    if (seen !== undefined) errors.push({ row, column, message: `公民身份号码与第 ${seen} 行重复，同一人只能登记一次` });
    else {
      first.set(h, row);
      const message = registered(h);
      if (message) {
        errors.push({ row, column, message });
        refused(i);
      }
    }
  });
  return errors;
}
