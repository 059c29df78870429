import { Permission, type CobuildSide } from '@jiceng/contracts';
import { COBUILD_WORKFLOW, type CobuildAction, type CobuildRole } from '@jiceng/rules';
import { notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import type { AgreementRow } from './cobuild.repository.ts';

/**
 * Who may see and do what with an agreement. Both sides are its owners:
 * - read (regional:read): an account whose subtree holds either side's organization; else 404.
 * - the workflow (regional:manage): role `drafter` when the account's subtree holds the drafting
 *   side's organization, `counterpart` when it holds only the other side's — so the side that drafted
 *   never confirms for the other, however high its scope.
 * - the plan (regional:manage) and the log (regional:record): either side, in its scope.
 */

type Sides = Pick<AgreementRow, 'org_a_path' | 'org_b_path' | 'drafting_side'>;

const has = (actor: Actor, p: Permission) => actor.permissions.includes(p);

/** The sides whose organization lies in the account's subtree. */
export function sidesOf(actor: Actor, row: Sides): CobuildSide[] {
  if (actor.scope !== 'subtree') return [];
  return (['a', 'b'] as const).filter((s) => pathInScope(actor, s === 'a' ? row.org_a_path : row.org_b_path));
}

export function assertAgreementInScope(actor: Actor, row: AgreementRow | undefined): asserts row is AgreementRow {
  if (!row || sidesOf(actor, row).length === 0) throw notFound('结对共建协议');
}

/** The account's workflow role on this agreement (regional:manage), or null. */
export function cobuildRole(actor: Actor, row: Sides): CobuildRole | null {
  if (!has(actor, Permission.REGION_MANAGE)) return null;
  const sides = sidesOf(actor, row);
  if (sides.includes(row.drafting_side)) return 'drafter';
  return sides.length ? 'counterpart' : null;
}

export const workflowActor = (actor: Actor, row: Sides): WorkflowActor => ({
  id: actor.id,
  displayName: actor.displayName,
  role: cobuildRole(actor, row),
  ip: actor.ip,
});

/** The steps the account's role may take now (role check only; the service checks the rules on apply). */
export function actionsFor(actor: Actor, row: Sides & { state: string }): CobuildAction[] {
  const role = cobuildRole(actor, row);
  if (!role) return [];
  return COBUILD_WORKFLOW.transitions.filter((t) => t.from.includes(row.state as never) && t.roles.includes(role)).map((t) => t.action);
}

/** The side the account records for: its own (side A when its scope holds both). */
export const recordingSide = (actor: Actor, row: Sides): CobuildSide | null => sidesOf(actor, row)[0] ?? null;

export const mayPlan = (actor: Actor, row: Sides & { state: string }) => !!cobuildRole(actor, row) && ['draft', 'active'].includes(row.state);
export const mayRecord = (actor: Actor, row: Sides & { state: string }) =>
  has(actor, Permission.REGION_RECORD) && sidesOf(actor, row).length > 0 && ['active', 'expired'].includes(row.state);
export const mayUnmask = (actor: Actor) => has(actor, Permission.PERSONAL_UNMASK);
