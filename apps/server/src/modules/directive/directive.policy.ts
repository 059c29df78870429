import { Permission } from '@jiceng/contracts';
import type { DirectiveRole } from '@jiceng/rules';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { DirectiveRow, TargetRow } from './directive.repository.ts';

/**
 * Who may see and do what on a directive (every read and write is scoped here, on the server):
 *
 * - **Read**: a reader whose subtree holds the sender sees the directive and every recipient; any
 *   other reader sees it only when a recipient lies in its subtree, and then only those recipients
 *   (its own organization's and what it forwarded further down). Anything else is 404.
 * - **Recipient** steps (签收, 上报完成, 申请延期, 转发, 佐证材料): an account of the receiving
 *   organization itself holding task:report.
 * - **Issuer** steps (决定延期, 催办): an account of the organization that sent it to that recipient
 *   (the sender, or the recipient above that forwarded it) holding task:plan.
 * - **Sender** steps (关闭): an account of the sending organization holding task:plan.
 */

export const senderInScope = (actor: Actor, d: DirectiveRow): boolean => pathInScope(actor, d.org_path);

/** The recipients the actor may see (all of them for a reader above the sender), or null when none: the directive is then 404. */
export function visibleTargets(actor: Actor, d: DirectiveRow, targets: readonly TargetRow[]): TargetRow[] | null {
  if (actor.scope !== 'subtree') return null;
  if (senderInScope(actor, d)) return [...targets];
  const mine = targets.filter((t) => pathInScope(actor, t.org_path));
  return mine.length ? mine : null;
}

const holds = (actor: Actor, p: Permission) => actor.permissions.includes(p);

export const isRecipient = (actor: Actor, t: TargetRow): boolean => actor.orgId === t.org_id && holds(actor, Permission.TASK_REPORT);
export const isIssuer = (actor: Actor, t: TargetRow): boolean => actor.orgId === t.issuer_org_id && holds(actor, Permission.TASK_PLAN);
export const isSender = (actor: Actor, d: DirectiveRow): boolean => actor.orgId === d.org_id && holds(actor, Permission.TASK_PLAN);
/** Passing a task further down makes the recipient the issuer of what it forwards: it needs task:plan too. */
export const mayForward = (actor: Actor, t: TargetRow): boolean => isRecipient(actor, t) && holds(actor, Permission.TASK_PLAN);

/** The actor's part in a recipient's step, in the workflow's terms. */
export function roleOn(actor: Actor, d: DirectiveRow, t: TargetRow): DirectiveRole | null {
  if (isRecipient(actor, t)) return 'recipient';
  if (isIssuer(actor, t)) return 'issuer';
  if (isSender(actor, d)) return 'sender';
  return null;
}
