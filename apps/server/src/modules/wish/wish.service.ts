import type { AttachmentAdded, Wish, WishActionInput, WishDetail, WishInput, WishQuery } from '@jiceng/contracts';
import type { WishState } from '@jiceng/rules';
import type { AttachmentFile } from '../../platform/attachments/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { createWishClaims } from './wish.claims.ts';
import { createWishCore, field, orNull, text, WISH_KIND, type WishServiceDeps } from './wish.core.ts';
import { isCommunity, workflowActor } from './wish.policy.ts';
import { createWishPresenter } from './wish.presenter.ts';
import { createWishResidentSide } from './wish.resident.ts';

/**
 * 微心愿 (rule wish-workflow-2026): the community's list, posts and steps; a 党员's wall, claims
 * and fulfilments (wish.claims.ts); a resident's own posts (wish.resident.ts). Every state change
 * goes through the platform workflow (`applyTransition`): its conditional update
 * `… where state = <from>` picks the one winner of simultaneous claims, and writes the history and
 * audit rows in the same transaction.
 */
export function createWishService(deps: WishServiceDeps) {
  const core = createWishCore(deps);
  const { db, regionId, audit, clock, repo, attachments, rules, workflow, checkText, checkValue, step, loadAdmin } = core;
  const presenter = createWishPresenter(core);
  const { present } = presenter;

  async function detail(tx: Database, actor: Actor, id: string): Promise<WishDetail> {
    const row = await loadAdmin(tx, actor, id);
    const [history, photos] = await Promise.all([workflow.history(tx, id), attachments.list(tx, actor, { ownerKind: 'wish', ownerId: id })]);
    return { ...present(row, actor), history, photos };
  }

  const service = {
    rules,

    // ------------------------------------------------------------------ the community's side

    /** The account's subtree, or an organization's inside it. */
    async scopeOf(actor: Actor, orgId: string | undefined): Promise<{ path: string; name: string }> {
      if (actor.scope !== 'subtree') throw forbidden();
      if (!orgId) return { path: actor.orgPath, name: actor.orgName };
      const o = await repo.org(db, regionId, orgId);
      if (!o || !pathInScope(actor, o.path)) throw notFound('党组织');
      return { path: o.path, name: o.name };
    },

    async list(actor: Actor, q: WishQuery): Promise<{ items: Wish[]; total: number }> {
      const scope = await service.scopeOf(actor, q.orgId);
      const { items, total } = await repo.list(
        db,
        regionId,
        { scopePath: scope.path, state: q.state, q: q.q?.trim() || undefined },
        q.page ?? 1,
        q.pageSize ?? 20,
      );
      return { items: items.map((r) => present(r, actor)), total };
    },

    get: (actor: Actor, id: string): Promise<WishDetail> => detail(db, actor, id),

    /** 社区发布微心愿: published on the wall at once. */
    async create(actor: Actor, input: WishInput): Promise<WishDetail> {
      if (actor.scope !== 'subtree') throw forbidden();
      checkText(input);
      checkValue(input.valueFen);
      return db.transaction(async (tx) => {
        const org = await repo.org(tx, regionId, input.orgId ?? actor.orgId);
        if (!org || !pathInScope(actor, org.path)) throw notFound('社区');
        if (!isCommunity(org, rules))
          throw field('orgId', input.orgId ? `「${org.name}」不是社区（村）党组织，微心愿须发布在社区（村）` : '请选择发布心愿的社区（村）');
        const id = newId();
        const w = {
          id,
          orgId: org.id,
          orgPath: org.path,
          title: text(input.title),
          description: text(input.description),
          beneficiary: text(input.beneficiary),
          valueFen: input.valueFen,
          posterKind: 'community' as const,
          residentId: null,
          posterAccountId: actor.id,
          posterName: actor.displayName,
          contactPhoneEnc: null,
          contactPhoneHash: null,
          state: 'published' as const,
        };
        await repo.insert(tx, regionId, w);
        await audit.record(tx, actor, {
          action: 'wish.create',
          entity: WISH_KIND,
          entityId: id,
          entityName: w.title,
          orgPath: org.path,
          after: { title: w.title, beneficiary: w.beneficiary, valueFen: w.valueFen, orgName: org.name, state: 'published' },
        });
        return detail(tx, actor, id);
      });
    },

    /** 审核发布 / 不予发布 / 确认完成 / 退回重办 / 撤下. */
    act(actor: Actor, id: string, input: WishActionInput): Promise<WishDetail> {
      return db.transaction(async (tx) => {
        const row = await loadAdmin(tx, actor, id);
        const reason = orNull(input.reason);
        const now = clock.now().toISOString();
        const fields: Record<string, unknown> =
          input.action === 'confirm'
            ? { confirmed_at: now }
            : input.action === 'return'
              ? { last_reason: reason, fulfilled_at: null }
              : input.action === 'publish'
                ? {}
                : { last_reason: reason };
        await step(tx, row, input.action, workflowActor(actor), {
          reason,
          version: input.version,
          fields,
          data: { ...(input.note?.trim() ? { note: input.note.trim() } : {}), ...(row.claimer_name ? { claimer: row.claimer_name } : {}) },
        });
        return detail(tx, actor, id);
      });
    },

    addPhoto: (actor: Actor, id: string, file: { fileName: string; data: Buffer }): Promise<AttachmentAdded> =>
      db.transaction(async (tx) => {
        const row = await loadAdmin(tx, actor, id);
        if (!['claimed', 'fulfilled'].includes(row.state)) throw new AppError('CONFLICT', `微心愿当前为「${workflow.label(row.state)}」，不能上传完成照片`);
        return attachments.add(tx, actor, { ownerKind: 'wish', ownerId: id, orgId: row.org_id, fileName: file.fileName, bytes: file.data });
      }),

    async photos(actor: Actor, id: string) {
      await loadAdmin(db, actor, id);
      return { items: await attachments.list(db, actor, { ownerKind: 'wish', ownerId: id }) };
    },

    async readPhoto(actor: Actor, id: string, photoId: string): Promise<AttachmentFile> {
      await loadAdmin(db, actor, id);
      return attachments.read(db, actor, photoId, { owner: { ownerKind: 'wish', ownerId: id } });
    },

    // ------------------------------------------------------------------ a 党员 on H5
    ...createWishClaims(core, presenter),

    // ------------------------------------------------------------------ a resident on H5
    ...createWishResidentSide(core, presenter),

    /** The state label (export). */
    label: (state: WishState) => workflow.label(state),
  };
  return service;
}
export type WishService = ReturnType<typeof createWishService>;
