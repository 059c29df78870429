import { Permission } from '@jiceng/contracts';
import type { RgNeedRole } from '@jiceng/rules';
import { forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import type { ReportedUnit } from '../reportin/index.ts';
import type { ProjectRow, ResourceRow } from './regional.projects.repository.ts';
import type { NeedRow } from './regional.repository.ts';

/**
 * Who sees and does what in 三张清单 (enforced here; the web shows only what `can` says):
 * - the community side (regional:read, subtree scope): every need, resource and project whose
 *   community lies in the subtree — a street sees its communities', a community its own and its
 *   grids'. regional:record records needs, resources on behalf of units and members, activities and
 *   the beneficiaries' verdicts; regional:manage 立项, closes needs, completes, rates and withdraws
 *   projects and edits the category dictionary.
 * - a 驻区单位 account (regional:unit, self scope) acts for the units it reported (`reportin.units`):
 *   it sees the needs of the communities it reported to, only its own resources, and the projects
 *   it is part of; it claims needs, offers resources, agrees to or declines projects and records its
 *   own activities.
 * Anything else answers 404, so records of other streets and units are not revealed.
 */

const has = (actor: Actor, p: Permission) => actor.permissions.includes(p);
export const isSide = (actor: Actor) => actor.scope === 'subtree' && has(actor, Permission.REGION_READ);
export const isUnit = (actor: Actor) => actor.role === 'resident_unit' && has(actor, Permission.REGION_UNIT);
export const mayRecord = (actor: Actor, path: string) => isSide(actor) && has(actor, Permission.REGION_RECORD) && pathInScope(actor, path);
export const mayManage = (actor: Actor, path: string) => isSide(actor) && has(actor, Permission.REGION_MANAGE) && pathInScope(actor, path);

/** The workflow role of the account: the community side, a unit, or none. */
export const needRole = (actor: Actor): RgNeedRole | null => (isSide(actor) ? 'community' : isUnit(actor) ? 'unit' : null);
export const workflowActor = (actor: Actor, role: string | null = needRole(actor)): WorkflowActor => ({
  id: actor.id,
  displayName: actor.displayName,
  role,
  ip: actor.ip,
});

const unitIds = (units: readonly ReportedUnit[]) => new Set(units.map((u) => u.id));

export function canSeeNeed(actor: Actor, n: NeedRow, units: readonly ReportedUnit[]): boolean {
  if (isSide(actor)) return pathInScope(actor, n.org_path);
  if (!isUnit(actor)) return false;
  return units.some((u) => u.communityId === n.community_id) || (n.claimed_unit_id !== null && unitIds(units).has(n.claimed_unit_id));
}
export function assertNeedVisible(actor: Actor, n: NeedRow | undefined, units: readonly ReportedUnit[]): asserts n is NeedRow {
  if (!n || !canSeeNeed(actor, n, units)) throw notFound('需求');
}

/** The unit (of the account's) that claimed this need, if any. */
export const claimerOf = (n: NeedRow, units: readonly ReportedUnit[]) => units.find((u) => u.id === n.claimed_unit_id) ?? null;

export function canSeeResource(actor: Actor, r: ResourceRow, units: readonly ReportedUnit[]): boolean {
  if (isSide(actor)) return pathInScope(actor, r.org_path) || offeredInScope(actor, r);
  return isUnit(actor) && r.unit_id !== null && unitIds(units).has(r.unit_id);
}
/** Offered to a community the reader's subtree holds (the reader sees it to match it). */
const offeredInScope = (actor: Actor, r: ResourceRow) => r.offered.some((o) => pathInScope(actor, o.path));
export function assertResourceVisible(actor: Actor, r: ResourceRow | undefined, units: readonly ReportedUnit[]): asserts r is ResourceRow {
  if (!r || !canSeeResource(actor, r, units)) throw notFound('资源');
}
/** Editing a resource: its own unit, or the community side recording in the owner's community. */
export function assertMayEditResource(actor: Actor, r: ResourceRow, units: readonly ReportedUnit[]): void {
  if (isUnit(actor) && r.unit_id !== null && unitIds(units).has(r.unit_id)) return;
  if (mayRecord(actor, r.org_path)) return;
  throw forbidden('只有提供资源的单位或所在社区可以修改该资源');
}

/** The account's units that are part of the project. */
export const partsOf = (p: ProjectRow, units: readonly ReportedUnit[]) => p.parts.filter((x) => x.unit_id !== null && unitIds(units).has(x.unit_id));

export function canSeeProject(actor: Actor, p: ProjectRow, units: readonly ReportedUnit[]): boolean {
  if (isSide(actor)) return pathInScope(actor, p.org_path);
  return isUnit(actor) && partsOf(p, units).length > 0;
}
export function assertProjectVisible(actor: Actor, p: ProjectRow | undefined, units: readonly ReportedUnit[]): asserts p is ProjectRow {
  if (!p || !canSeeProject(actor, p, units)) throw notFound('项目');
}

export function assertManage(actor: Actor, path: string, what: string): void {
  if (!mayManage(actor, path)) throw forbidden(`只有社区（村）党组织及上级可以${what}`);
}
export function assertRecord(actor: Actor, path: string, what: string): void {
  if (!mayRecord(actor, path)) throw forbidden(`您没有${what}的权限`);
}

/** Full personal fields need personal:unmask; the caller audits the read. */
export function assertMayUnmask(actor: Actor): void {
  if (!has(actor, Permission.PERSONAL_UNMASK)) throw forbidden('您没有查看完整个人信息的权限');
}
