import { Permission, TransferAction } from '@jiceng/contracts';
import { transferTransition } from '@jiceng/rules';
import { forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { TransferRow } from './transfer.repository.ts';

/**
 * Data scope of transfers: the sending side is an account whose scope holds the sending branch, the
 * receiving side one whose scope holds the receiving branch (an account over both is both). Anyone
 * else gets 404. The receiver may accept or return; the sender may cancel and register the receipt.
 */
export interface Sides {
  sender: boolean;
  receiver: boolean;
}

export function sidesOf(actor: Actor, t: Pick<TransferRow, 'from_org_path' | 'to_org_path'>): Sides {
  if (actor.scope !== 'subtree') return { sender: false, receiver: false };
  return {
    sender: t.from_org_path !== null && pathInScope(actor, t.from_org_path),
    receiver: t.to_org_path !== null && pathInScope(actor, t.to_org_path),
  };
}

export function assertTransferVisible(actor: Actor, t: TransferRow | undefined): asserts t {
  if (!t) throw notFound('转接记录');
  const s = sidesOf(actor, t);
  if (!s.sender && !s.receiver) throw notFound('转接记录');
}

const RECEIVER_ACTIONS: readonly TransferAction[] = [TransferAction.ACCEPT, TransferAction.RETURN];

/** Refuses an action taken by the wrong side (the transfer is visible, so 403 rather than 404). */
export function assertSideMay(actor: Actor, t: TransferRow, action: TransferAction): void {
  const s = sidesOf(actor, t);
  if (RECEIVER_ACTIONS.includes(action)) {
    if (!s.receiver) throw forbidden('只有接收方党组织可以接收或退回该转接');
  } else if (!s.sender) {
    throw forbidden('只有转出方党组织可以撤销转接或登记回执');
  }
}

/** The actions the actor may take on the transfer now (drives the web app's buttons). */
export function actionsFor(actor: Actor, t: TransferRow): TransferAction[] {
  if (!actor.permissions.includes(Permission.MEMBER_WRITE)) return [];
  const s = sidesOf(actor, t);
  return Object.values(TransferAction).filter((a) => transferTransition(t.kind, t.status, a).ok && (RECEIVER_ACTIONS.includes(a) ? s.receiver : s.sender));
}
