import type {
  AttachmentAdded,
  ResidentWish,
  ResidentWishInput,
  Wish,
  WishActionInput,
  WishCommunity,
  WishDetail,
  WishInput,
  WishMemberStepInput,
  WishQuery,
  WishWall,
  WishWallItem,
  WishWallQuery,
} from '@jiceng/contracts';
import {
  WISH_OPEN_CLAIM_STATES,
  WISH_RULES_2026,
  WISH_WORKFLOW,
  wishClaimRefusal,
  wishFulfilDue,
  wishValueRefusal,
  type WishAction,
  type WishRuleSet,
  type WishState,
} from '@jiceng/rules';
import type { AttachmentFile, AttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskPhone } from '../../platform/crypto/mask.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { Resident } from '../../platform/residents/resident.service.ts';
import { createWorkflow, type AppliedTransition } from '../../platform/workflow/workflow.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import {
  assertClaimer,
  assertMemberMaySee,
  assertResidentOwns,
  assertWishInScope,
  isCommunity,
  residentActor,
  wishActionsFor,
  workflowActor,
} from './wish.policy.ts';
import type { CommunityRow, WishRepository, WishRow } from './wish.repository.ts';

/** The kind of the wish's rows in the platform tables (workflow_event, attachment, audit). */
export const WISH_KIND = 'wish';

export interface WishServiceDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  repo: WishRepository;
  attachments: AttachmentService;
  rules?: WishRuleSet;
}

const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });
const text = (s: string) => s.trim();
const orNull = (s: string | null | undefined) => s?.trim() || null;

/**
 * 微心愿 (rule wish-workflow-2026): the community's list, posts and steps; a 党员's wall, claims
 * and fulfilments; a resident's own posts. Every state change goes through the platform workflow
 * (`applyTransition`): its conditional update `… where state = <from>` picks the one winner of
 * simultaneous claims, and writes the history and audit rows in the same transaction.
 */
export function createWishService(deps: WishServiceDeps) {
  const { db, regionId, audit, clock, crypto, repo, attachments } = deps;
  const rules = deps.rules ?? WISH_RULES_2026;
  const workflow = createWorkflow(WISH_WORKFLOW, { regionId, kind: WISH_KIND, audit, store: { table: 'wish', touched: 'updated_at' } });

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

  function checkValue(valueFen: number): void {
    const refusal = wishValueRefusal(valueFen, rules);
    if (refusal) throw field('valueFen', refusal);
  }

  function checkText(input: { title: string; description: string; beneficiary: string }): void {
    if (text(input.title).length < 2) throw field('title', '请填写心愿内容');
    if (!text(input.description)) throw field('description', '请填写心愿说明');
    if (text(input.beneficiary).length < 2) throw field('beneficiary', '请填写为谁实现心愿（如：独居老人）');
    if (/1[3-9]\d{9}/.test(input.beneficiary)) throw field('beneficiary', '“为谁实现”会在心愿墙上公开，请不要填写电话号码');
  }

  /** One workflow step on a wish read in this transaction. */
  const step = (
    tx: Database,
    row: WishRow,
    action: WishAction,
    actor: WorkflowActor,
    o: { reason?: string | null; version?: number; fields?: Record<string, unknown>; data?: Record<string, unknown> } = {},
  ): Promise<AppliedTransition<WishAction>> =>
    workflow.apply(tx, { recordId: row.id, orgPath: row.org_path, action, actor, currentState: row.state, entityName: row.title, ...o });

  /** The 党员's community: the nearest 社区/村 organization at or above their branch. */
  async function communityOf(tx: Database, actor: Actor): Promise<CommunityRow | undefined> {
    let path = actor.orgPath;
    if (actor.memberId) {
      const m = await repo.member(tx, regionId, actor.memberId);
      if (m) path = m.org_path;
    }
    return repo.communityAbove(tx, regionId, path, rules);
  }

  async function loadAdmin(tx: Database, actor: Actor, id: string): Promise<WishRow> {
    const row = await repo.byId(tx, regionId, id);
    assertWishInScope(actor, row);
    return row;
  }

  async function loadForMember(tx: Database, actor: Actor, id: string): Promise<WishRow> {
    const row = await repo.byId(tx, regionId, id);
    assertMemberMaySee(actor, row ? await communityOf(tx, actor) : undefined, row);
    return row;
  }

  const memberOnly = (actor: Actor): string => {
    if (!actor.memberId) throw forbidden('您的账号未关联党员档案，不能认领微心愿；请联系党支部书记关联');
    return actor.memberId;
  };

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

    // ------------------------------------------------------------------ a resident on H5

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

    /** The state label (export). */
    label: (state: WishState) => workflow.label(state),
  };
  return service;
}
export type WishService = ReturnType<typeof createWishService>;

/** The China-time day (YYYY-MM-DD) of a stored timestamp. */
export function chinaDay(ts: string): string {
  return new Date(Date.parse(isoTime(ts)) + 8 * 3_600_000).toISOString().slice(0, 10);
}
