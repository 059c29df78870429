import type { ResidentWish, Wish, WishWallItem } from '@jiceng/contracts';
import { wishFulfilDue } from '@jiceng/rules';
import { maskPhone } from '../../platform/crypto/mask.ts';
import { isoTime } from '../../platform/db/time.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { chinaDay, type WishCore } from './wish.core.ts';
import { wishActionsFor } from './wish.policy.ts';
import type { WishRow } from './wish.repository.ts';

/** A wish as each reader sees it: the community's full record, a 党员's wall card, a resident's own post. */
export function createWishPresenter(core: WishCore) {
  const { clock, crypto, rules, workflow } = core;

  const overdue = (r: WishRow) => r.state === 'claimed' && !!r.claimed_at && wishFulfilDue(chinaDay(r.claimed_at), rules) < clock.today();
  const phoneOf = (r: WishRow) => {
    if (!r.contact_phone_enc) return null;
    try {
      return maskPhone(crypto.decrypt(r.contact_phone_enc));
    } catch {
      return null;
    }
  };

  function present(r: WishRow, actor: Actor): Wish {
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      title: r.title,
      description: r.description,
      beneficiary: r.beneficiary,
      valueFen: r.value_fen,
      posterKind: r.poster_kind,
      posterName: r.poster_name,
      contactPhone: phoneOf(r),
      state: r.state as Wish['state'],
      stateLabel: workflow.label(r.state),
      version: r.version,
      claimerName: r.claimer_name,
      claimedAt: isoTime(r.claimed_at),
      fulfilledAt: isoTime(r.fulfilled_at),
      fulfilNote: r.fulfil_note,
      confirmedAt: isoTime(r.confirmed_at),
      lastReason: r.last_reason,
      overdue: overdue(r),
      actions: wishActionsFor(actor, r),
      createdAt: isoTime(r.created_at),
      updatedAt: isoTime(r.updated_at),
    };
  }

  const wallItem = (r: WishRow, actor: Actor): WishWallItem => ({
    id: r.id,
    orgName: r.org_name,
    title: r.title,
    description: r.description,
    beneficiary: r.beneficiary,
    valueFen: r.value_fen,
    posterKind: r.poster_kind,
    state: r.state as WishWallItem['state'],
    stateLabel: workflow.label(r.state),
    version: r.version,
    claimedAt: isoTime(r.claimed_at),
    fulfilledAt: isoTime(r.fulfilled_at),
    lastReason: r.claimer_member_id === actor.memberId ? r.last_reason : null,
    photoCount: r.photo_count,
    mine: !!actor.memberId && r.claimer_member_id === actor.memberId,
    createdAt: isoTime(r.created_at),
  });

  const residentItem = (r: WishRow): ResidentWish => ({
    id: r.id,
    orgName: r.org_name,
    title: r.title,
    beneficiary: r.beneficiary,
    valueFen: r.value_fen,
    state: r.state as ResidentWish['state'],
    stateLabel: workflow.label(r.state),
    lastReason: r.state === 'cancelled' ? r.last_reason : null,
    claimed: !!r.claimer_member_id,
    canWithdraw: r.state === 'pending' || r.state === 'published',
    createdAt: isoTime(r.created_at),
  });

  return { present, wallItem, residentItem };
}
export type WishPresenter = ReturnType<typeof createWishPresenter>;
