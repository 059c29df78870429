import type { ResidentWish, ResidentWishInput, WishCommunity } from '@jiceng/contracts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Resident } from '../../platform/residents/resident.service.ts';
import { text, WISH_KIND, type WishCore } from './wish.core.ts';
import { assertResidentOwns, isCommunity, residentActor } from './wish.policy.ts';
import type { WishPresenter } from './wish.presenter.ts';

/** A resident on H5: the communities to post to, their own wishes (待审核 until published), and 撤回. */
export function createWishResidentSide(core: WishCore, { residentItem }: WishPresenter) {
  const { db, regionId, audit, repo, rules, checkText, checkValue, step } = core;

  return {
    async communities(): Promise<WishCommunity[]> {
      return (await repo.communities(db, regionId, rules)).map((c) => ({ id: c.id, name: c.name, streetName: c.street_name ?? '' }));
    },

    /** A resident's wish: 待审核 until the community publishes it; their phone is the session's. */
    async post(resident: Resident, input: ResidentWishInput): Promise<ResidentWish> {
      checkText(input);
      checkValue(input.valueFen);
      return db.transaction(async (tx) => {
        const org = await repo.org(tx, regionId, input.orgId);
        if (!org || !isCommunity(org, rules)) throw notFound('社区');
        const id = newId();
        const who = residentActor(resident);
        const w = {
          id,
          orgId: org.id,
          orgPath: org.path,
          title: text(input.title),
          description: text(input.description),
          beneficiary: text(input.beneficiary),
          valueFen: input.valueFen,
          posterKind: 'resident' as const,
          residentId: resident.id,
          posterAccountId: null,
          posterName: resident.name ?? '群众',
          contactPhoneEnc: resident.phoneEnc,
          contactPhoneHash: await repo.residentPhoneHash(tx, regionId, resident.id),
          state: 'pending' as const,
        };
        await repo.insert(tx, regionId, w);
        await audit.record(
          tx,
          { id: null, displayName: who.displayName, ip: null },
          {
            action: 'wish.create',
            entity: WISH_KIND,
            entityId: id,
            entityName: w.title,
            orgPath: org.path,
            after: { title: w.title, beneficiary: w.beneficiary, valueFen: w.valueFen, orgName: org.name, state: 'pending', poster: 'resident' },
          },
        );
        return residentItem((await repo.byId(tx, regionId, id))!);
      });
    },

    async residentWishes(resident: Resident): Promise<ResidentWish[]> {
      return (await repo.byResident(db, regionId, resident.id)).map(residentItem);
    },

    /** 撤回: the resident's own wish, while nobody has claimed it. */
    withdraw(resident: Resident, id: string): Promise<ResidentWish> {
      return db.transaction(async (tx) => {
        const row = await repo.byId(tx, regionId, id);
        assertResidentOwns(resident, row);
        await step(tx, row, 'withdraw', residentActor(resident));
        return residentItem((await repo.byId(tx, regionId, id))!);
      });
    },
  };
}
