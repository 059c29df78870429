import type {
  RgBoard,
  RgCategory,
  RgCategoryInput,
  RgClaimInput,
  RgMatches,
  RgNeed,
  RgNeedDetail,
  RgNeedEditInput,
  RgNeedInput,
  RgNeedQuery,
  RgReasonInput,
} from '@jiceng/contracts';
import { RG_STARTER_CATEGORIES, rgPropose, type RgMatchResource } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { assertVersion, conflict, forbidden, notFound, staleVersion } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { ReportedUnit } from '../reportin/index.ts';
import { field, orNull, text, type RegionalCore } from './regional.core.ts';
import { assertManage, assertNeedVisible, assertRecord, claimerOf, isSide, isUnit, mayManage, mayRecord, workflowActor } from './regional.policy.ts';
import { presentNeed, presentResource } from './regional.presenter.ts';
import type { ResourceRow } from './regional.projects.repository.ts';
import type { NeedFilter, NeedReader, NeedRow, NeedWrite } from './regional.repository.ts';

const PHONE_IN_TEXT = /1[3-9]\d{9}/;

/** 需求清单: the dictionary, recording and editing needs, a unit's claim, closing, the board and the matching. */
export function createNeedService(core: RegionalCore) {
  const { db, regionId, rules, repo, projectRepo, audit, needStep, unitsOf, today } = core;
  const present = (n: NeedRow) => presentNeed(n, today(), rules);

  /** What a list reads for this account (404-free: an account with no reach reads nothing). */
  async function readerOf(tx: Database, actor: Actor): Promise<{ reader: NeedReader; units: ReportedUnit[] }> {
    if (isSide(actor)) return { reader: { path: actor.orgPath }, units: [] };
    const units = await unitsOf(tx, actor);
    return { reader: { communityIds: [...new Set(units.map((u) => u.communityId))] }, units };
  }

  /** An organization filter inside the reader's subtree; 404 outside. */
  async function underPath(actor: Actor, orgId: string | undefined): Promise<string | null> {
    if (!orgId) return null;
    const o = await repo.orgPath(db, regionId, orgId);
    if (!o || !isSide(actor) || !(o.path === actor.orgPath || o.path.startsWith(`${actor.orgPath}.`))) throw notFound('组织');
    return o.path;
  }

  async function load(tx: Database, actor: Actor, id: string) {
    const units = await unitsOf(tx, actor);
    const n = await repo.need(tx, regionId, id);
    assertNeedVisible(actor, n, units);
    return { n, units };
  }

  /** The checked row to write from the form, in the account's scope. */
  async function write(tx: Database, actor: Actor, id: string, input: RgNeedInput): Promise<NeedWrite> {
    const org = await repo.needOrg(tx, regionId, input.orgId, rules);
    if (!org || !isSide(actor) || !(org.path === actor.orgPath || org.path.startsWith(`${actor.orgPath}.`))) throw notFound('组织');
    assertRecord(actor, org.path, '登记需求');
    if (org.status !== 'active') throw field('orgId', `「${org.name}」已撤销，不能登记需求`);
    if (!org.community_id) throw field('orgId', `「${org.name}」不是社区（村）党组织，也不在社区（村）之下；需求由社区、村或其网格登记`);
    const cat = await repo.category(tx, regionId, input.categoryCode);
    if (!cat || !cat.active) throw field('categoryCode', '请选择有效的需求类别');
    const title = text(input.title);
    if (title.length < 2) throw field('title', '请填写需求名称');
    if (!text(input.description)) throw field('description', '请填写需求描述');
    const beneficiaries = text(input.beneficiaries);
    if (beneficiaries.length < 2) throw field('beneficiaries', '请填写受益对象（如：辖区独居老人）');
    if (PHONE_IN_TEXT.test(beneficiaries)) throw field('beneficiaries', '受益对象会在清单上公开，请不要填写电话号码');
    const sourceKind = orNull(input.sourceKind);
    const sourceId = orNull(input.sourceId);
    if ((sourceKind === null) !== (sourceId === null)) throw field('sourceId', '来源记录的类型和编号须同时填写');
    return {
      id,
      orgId: org.id,
      orgPath: org.path,
      communityId: org.community_id,
      categoryCode: cat.code,
      title,
      description: text(input.description),
      beneficiaries,
      beneficiaryCount: input.beneficiaryCount ?? null,
      place: orNull(input.place),
      urgency: input.urgency,
      wantedBy: input.wantedBy ?? null,
      estMoneyFen: input.estMoneyFen ?? null,
      estPeople: input.estPeople ?? null,
      source: input.source,
      sourceKind,
      sourceId,
      recordedOn: today(),
      createdBy: actor.id,
    };
  }

  async function detail(tx: Database, actor: Actor, n: NeedRow, units: ReportedUnit[]): Promise<RgNeedDetail> {
    const open = n.state === 'open';
    const own = claimerOf(n, units);
    const mayClaim = isUnit(actor) && open && units.some((u) => u.communityId === n.community_id);
    return {
      ...present(n),
      history: await core.needs.history(tx, n.id),
      can: {
        edit: open && mayRecord(actor, n.org_path),
        claim: mayClaim,
        release: n.state === 'claimed' && n.project_id === null && (!!own || mayManage(actor, n.org_path)),
        propose: ['open', 'claimed'].includes(n.state) && n.project_id === null && mayManage(actor, n.org_path),
        close: ['open', 'claimed'].includes(n.state) && n.project_id === null && mayManage(actor, n.org_path),
      },
      project: n.project_id ? { id: n.project_id, title: n.project_title ?? '', state: n.project_state ?? '' } : null,
    };
  }

  const reload = async (tx: Database, actor: Actor, id: string) => {
    const { n, units } = await load(tx, actor, id);
    return detail(tx, actor, n, units);
  };

  /** Records a need inside `tx` (also the joint meetings' decisions: source joint_meeting). */
  async function createIn(tx: Database, actor: Actor, input: RgNeedInput): Promise<{ id: string }> {
    const w = await write(tx, actor, newId(), input);
    if (w.wantedBy !== null && w.wantedBy < w.recordedOn) throw field('wantedBy', '期望完成日期不能早于今天');
    await repo.insertNeed(tx, regionId, w);
    await audit.record(tx, actor, {
      action: 'rg_need.create',
      entity: 'rg_need',
      entityId: w.id,
      entityName: w.title,
      orgPath: w.orgPath,
      after: { title: w.title, category: w.categoryCode, urgency: w.urgency, wantedBy: w.wantedBy, source: w.source },
    });
    return { id: w.id };
  }

  return {
    async init(): Promise<void> {
      await repo.seedCategories(db, regionId, RG_STARTER_CATEGORIES);
    },

    categories: (): Promise<RgCategory[]> => repo.categories(db, regionId),

    /** The region's dictionary: the district's side (admin, 组织部) only. */
    saveCategory: (actor: Actor, input: RgCategoryInput): Promise<RgCategory[]> =>
      db.transaction(async (tx) => {
        if (!['admin', 'department'].includes(actor.role) || !mayManage(actor, actor.orgPath)) throw forbidden('需求资源类别由区委组织部统一维护');
        const name = text(input.name);
        if (name.length < 2) throw field('name', '请填写类别名称');
        const before = await repo.category(tx, regionId, input.code);
        await repo.saveCategory(tx, regionId, { code: input.code, name, sort: input.sort ?? before?.sort ?? 900, active: input.active ?? true });
        await audit.record(tx, actor, {
          action: 'rg_category.save',
          entity: 'rg_category',
          entityId: null,
          entityName: name,
          orgPath: actor.orgPath,
          before,
          after: input,
        });
        return repo.categories(tx, regionId);
      }),

    async list(actor: Actor, q: RgNeedQuery): Promise<{ items: RgNeed[]; total: number }> {
      const { reader } = await readerOf(db, actor);
      const f: NeedFilter = { ...q, reader, today: today(), underPath: await underPath(actor, q.orgId) };
      const { items, total } = await repo.needs(db, regionId, f, rules);
      return { items: items.map(present), total };
    },

    async board(actor: Actor, q: { orgId?: string }): Promise<RgBoard> {
      const { reader } = await readerOf(db, actor);
      const rows = await repo.boardNeeds(db, regionId, reader, await underPath(actor, q.orgId));
      const by = new Map<string, RgBoard['communities'][number]>();
      for (const r of rows) {
        const n = present(r);
        let c = by.get(r.community_id);
        if (!c) {
          c = { communityId: r.community_id, communityName: r.community_name, streetName: r.street_name, open: 0, urgent: 0, overdue: 0, needs: [] };
          by.set(r.community_id, c);
        }
        if (r.state === 'open') c.open++;
        if (r.urgency === 'urgent') c.urgent++;
        if (n.overdue) c.overdue++;
        c.needs.push(n);
      }
      return { communities: [...by.values()] };
    },

    get: (actor: Actor, id: string): Promise<RgNeedDetail> => reload(db, actor, id),

    createIn,
    create: (actor: Actor, input: RgNeedInput): Promise<RgNeedDetail> => db.transaction(async (tx) => reload(tx, actor, (await createIn(tx, actor, input)).id)),

    /** Edits a need while it waits for a claim (待认领). */
    update: (actor: Actor, id: string, input: RgNeedEditInput): Promise<RgNeedDetail> =>
      db.transaction(async (tx) => {
        const { n } = await load(tx, actor, id);
        assertRecord(actor, n.org_path, '修改需求');
        if (n.state !== 'open') throw conflict(`需求当前为「${core.needs.label(n.state)}」，只有待认领的需求可以修改`, { state: n.state });
        const w = await write(tx, actor, id, input);
        assertVersion(n.version, input.version, '该需求');
        if (!(await repo.updateNeed(tx, regionId, { ...w, recordedOn: n.recorded_on }, input.version))) throw staleVersion('该需求');
        await audit.record(tx, actor, {
          action: 'rg_need.update',
          entity: 'rg_need',
          entityId: id,
          entityName: w.title,
          orgPath: w.orgPath,
          before: { title: n.title, wantedBy: n.wanted_by },
          after: { title: w.title, wantedBy: w.wantedBy },
        });
        return reload(tx, actor, id);
      }),

    /** 认领 by a unit reported to the need's community: one claim wins, the others hear it was taken. */
    claim: (actor: Actor, id: string, input: RgClaimInput): Promise<RgNeedDetail> =>
      db.transaction(async (tx) => {
        const { n, units } = await load(tx, actor, id);
        if (!isUnit(actor)) throw forbidden('需求由驻区单位认领；社区请使用“立项对接”');
        const mine = units.filter((u) => u.communityId === n.community_id);
        const unit = input.unitId ? mine.find((u) => u.id === input.unitId) : mine[0];
        if (!unit) throw forbidden(`只有向「${n.community_name}」报到的驻区单位可以认领该需求`);
        await needStep(tx, n, 'claim', workflowActor(actor), {
          version: input.version,
          fields: { claimed_unit_id: unit.id, claimed_at: core.clock.now().toISOString(), claim_note: orNull(input.note) },
          data: { unit: unit.unitName },
        });
        return reload(tx, actor, id);
      }),

    /** 退回待认领: the claiming unit gives it back, or the community releases it, with a reason. */
    release: (actor: Actor, id: string, input: RgReasonInput): Promise<RgNeedDetail> =>
      db.transaction(async (tx) => {
        const { n, units } = await load(tx, actor, id);
        if (n.state === 'claimed') {
          if (!claimerOf(n, units) && !mayManage(actor, n.org_path)) throw forbidden('只有认领的单位或社区可以退回该需求');
          if (await projectRepo.liveProjectOf(tx, regionId, id)) throw conflict('该需求已立项，请先撤销项目');
        }
        await needStep(tx, n, 'release', workflowActor(actor), {
          reason: input.reason,
          version: input.version,
          fields: { claimed_unit_id: null, claimed_at: null, claim_note: null },
          data: { unit: n.claimed_unit_name },
        });
        return reload(tx, actor, id);
      }),

    /** 关闭 with a reason (a need met elsewhere, no longer wanted …); not while a project runs on it. */
    close: (actor: Actor, id: string, input: RgReasonInput): Promise<RgNeedDetail> =>
      db.transaction(async (tx) => {
        const { n } = await load(tx, actor, id);
        assertManage(actor, n.org_path, '关闭需求');
        if (['open', 'claimed', 'in_progress'].includes(n.state) && (await projectRepo.liveProjectOf(tx, regionId, id)))
          throw conflict('该需求已立项，请先撤销项目再关闭');
        const reason = orNull(input.reason);
        await needStep(tx, n, 'close', workflowActor(actor), { reason, version: input.version, fields: { close_reason: reason } });
        return reload(tx, actor, id);
      }),

    /** The proposals for one need (rules rg-match-*), each with its reasons. */
    async matches(actor: Actor, id: string): Promise<RgMatches> {
      const { n } = await load(db, actor, id);
      if (!isSide(actor)) throw forbidden('资源匹配由社区查看');
      const candidates = await projectRepo.candidates(db, regionId, n.community_id, n.street_id, today());
      const byId = new Map(candidates.map((r) => [r.id, r]));
      const proposals = rgPropose(
        {
          categoryCode: n.category_code,
          communityId: n.community_id,
          streetId: n.street_id,
          estPeople: n.est_people,
          estMoneyFen: n.est_money_fen,
          wantedBy: n.wanted_by,
        },
        candidates.map(matchResource),
        today(),
        rules,
      );
      return {
        needId: n.id,
        proposals: proposals.map((p) => ({ score: p.score, reasons: p.reasons, resource: presentResource(byId.get(p.resourceId)!) })),
      };
    },
  };
}
export type NeedService = ReturnType<typeof createNeedService>;

/** A resource row as the matching rules see it: its own community and those it is offered to, and their streets. */
export function matchResource(r: ResourceRow): RgMatchResource {
  const communities = new Set([r.org_id, ...r.offered.map((o) => o.id)]);
  const streets = new Set([r.street_id, ...r.offered.map((o) => o.street_id)].filter((s): s is string => s !== null));
  return {
    id: r.id,
    categoryCode: r.category_code,
    communityIds: [...communities],
    streetIds: [...streets],
    capacityPeople: r.capacity_people,
    capacityMoneyFen: r.capacity_money_fen,
    availableFrom: r.available_from,
    availableTo: r.available_to,
  };
}
