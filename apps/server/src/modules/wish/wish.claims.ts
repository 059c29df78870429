import type { AttachmentAdded, WishMemberStepInput, WishWall, WishWallItem, WishWallQuery } from '@jiceng/contracts';
import { WISH_OPEN_CLAIM_STATES, wishClaimRefusal } from '@jiceng/rules';
import type { AttachmentFile } from '../../platform/attachments/index.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { field, orNull, type WishCore } from './wish.core.ts';
import { assertClaimer, workflowActor } from './wish.policy.ts';
import type { WishPresenter } from './wish.presenter.ts';

/** A 党员 on H5: the community's wall, their claims, and the claim → fulfil steps with the photo. */
export function createWishClaims(core: WishCore, { wallItem }: WishPresenter) {
  const { db, regionId, clock, repo, attachments, rules, workflow, step, communityOf, loadForMember, memberOnly } = core;

  return {
    /** The wall: the published wishes of the member's community. */
    async wall(actor: Actor, q: WishWallQuery): Promise<WishWall> {
      const community = await communityOf(db, actor);
      if (!community) return { communityName: null, items: [], total: 0 };
      const { items, total } = await repo.wall(db, regionId, community.id, q.page ?? 1, q.pageSize ?? 20);
      return { communityName: community.name, items: items.map((r) => wallItem(r, actor)), total };
    },

    async mine(actor: Actor): Promise<WishWallItem[]> {
      if (!actor.memberId) return [];
      return (await repo.mine(db, regionId, actor.memberId)).map((r) => wallItem(r, actor));
    },

    /**
     * 认领: exactly one member wins (the conditional update `where state = 'published'`; the others
     * get 409 naming 已认领). The member's row is locked first, so the open-claim limit counts their
     * own simultaneous claims too.
     */
    claim(actor: Actor, id: string, input: WishMemberStepInput): Promise<WishWallItem> {
      const memberId = memberOnly(actor);
      return db.transaction(async (tx) => {
        const row = await loadForMember(tx, actor, id);
        if (row.state === 'published') {
          if (!(await repo.lockMember(tx, regionId, memberId))) throw forbidden('您的党员档案不存在，不能认领微心愿');
          const refusal = wishClaimRefusal(await repo.openClaims(tx, regionId, memberId, WISH_OPEN_CLAIM_STATES), rules);
          if (refusal) throw new AppError('RULE_VIOLATION', refusal);
        }
        const m = await repo.member(tx, regionId, memberId);
        await step(tx, row, 'claim', workflowActor(actor), {
          version: input.version,
          fields: {
            claimer_member_id: memberId,
            claimer_account_id: actor.id,
            claimer_name: m?.name ?? actor.displayName,
            claimed_at: clock.now().toISOString(),
            fulfilled_at: null,
            fulfil_note: null,
            last_reason: null,
          },
        });
        return wallItem((await repo.byId(tx, regionId, id))!, actor);
      });
    },

    /** 放弃认领: back on the wall, with the reason. */
    release(actor: Actor, id: string, input: WishMemberStepInput): Promise<WishWallItem> {
      memberOnly(actor);
      return db.transaction(async (tx) => {
        const row = await loadForMember(tx, actor, id);
        if (row.state === 'claimed') assertClaimer(actor, row, 'release');
        const reason = orNull(input.reason);
        await step(tx, row, 'release', workflowActor(actor), {
          reason,
          version: input.version,
          fields: { claimer_member_id: null, claimer_account_id: null, claimer_name: null, claimed_at: null, last_reason: reason },
          data: { claimer: row.claimer_name },
        });
        return wallItem((await repo.byId(tx, regionId, id))!, actor);
      });
    },

    /** 完成心愿: with at least one photo uploaded, and a note. */
    fulfil(actor: Actor, id: string, input: WishMemberStepInput): Promise<WishWallItem> {
      memberOnly(actor);
      return db.transaction(async (tx) => {
        const row = await loadForMember(tx, actor, id);
        if (row.state === 'claimed') {
          assertClaimer(actor, row, 'fulfil');
          if (row.photo_count === 0) throw field('photo', '请先上传心愿完成的照片，再提交完成');
        }
        await step(tx, row, 'fulfil', workflowActor(actor), {
          version: input.version,
          fields: { fulfilled_at: clock.now().toISOString(), fulfil_note: orNull(input.note) },
          data: { photos: row.photo_count },
        });
        return wallItem((await repo.byId(tx, regionId, id))!, actor);
      });
    },

    /** The claimer's photo of the wish fulfilled (while claimed, before fulfilling). */
    memberAddPhoto: (actor: Actor, id: string, file: { fileName: string; data: Buffer }): Promise<AttachmentAdded> =>
      db.transaction(async (tx) => {
        memberOnly(actor);
        const row = await loadForMember(tx, actor, id);
        if (row.state !== 'claimed') throw new AppError('CONFLICT', `微心愿当前为「${workflow.label(row.state)}」，不能上传完成照片`, { state: row.state });
        assertClaimer(actor, row, 'fulfil');
        return attachments.add(
          tx,
          actor,
          { ownerKind: 'wish', ownerId: id, orgId: row.org_id, fileName: file.fileName, bytes: file.data },
          { selfAccess: true },
        );
      }),

    async memberReadPhoto(actor: Actor, id: string, photoId: string): Promise<AttachmentFile> {
      const row = await loadForMember(db, actor, id);
      if (row.claimer_member_id !== actor.memberId) throw notFound('附件');
      return attachments.read(db, actor, photoId, { owner: { ownerKind: 'wish', ownerId: id }, selfAccess: true });
    },
  };
}
