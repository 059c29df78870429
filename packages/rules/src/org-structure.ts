import type { OrgType } from '@jiceng/contracts';
import { ALLOWED_CHILD_TYPES } from './org-structure.rules.ts';
import { TERM_RULES_2018, type TermRuleSet } from './term.rules.ts';

/** True when an organization of `child` type may sit directly under one of `parent` type. */
export function mayContain(parent: OrgType, child: OrgType): boolean {
  return ALLOWED_CHILD_TYPES[parent].includes(child);
}

/** True when the type has an elected committee with terms (党小组, 临时党支部, grids do not). */
export function hasElectedTerm(type: OrgType, rules: TermRuleSet = TERM_RULES_2018): boolean {
  return rules.yearsByType[type] !== undefined;
}
