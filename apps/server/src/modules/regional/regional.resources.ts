import type { RgResource, RgResourceEditInput, RgResourceInput, RgResourceQuery } from '@jiceng/contracts';
import { maskPhone } from '../../platform/crypto/mask.ts';
import type { Database } from '../../platform/db/database.ts';
import { assertVersion, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { actingUnit, reportedUnits } from '../reportin/index.ts';
import { field, orNull, text, type RegionalCore } from './regional.core.ts';
import { assertMayEditResource, assertMayUnmask, assertRecord, assertResourceVisible, isSide, isUnit } from './regional.policy.ts';
import { presentResource } from './regional.presenter.ts';
import type { ResourceFilter, ResourceReader, ResourceRow, ResourceWrite } from './regional.projects.repository.ts';

/** 资源清单: what resident units and in-service members offer, kept by the unit's account or by the community on their behalf. */
export function createResourceService(core: RegionalCore) {
  const { db, regionId, rules, repo, projectRepo, audit, crypto, unitsOf } = core;

  async function readerOf(tx: Database, actor: Actor): Promise<ResourceReader> {
    if (isSide(actor)) return { path: actor.orgPath };
    return { unitIds: (await unitsOf(tx, actor)).map((u) => u.id) };
  }
  async function underPath(actor: Actor, orgId: string | undefined): Promise<string | null> {
    if (!orgId) return null;
    const o = await repo.orgPath(db, regionId, orgId);
    if (!o || !isSide(actor) || !pathInScope(actor, o.path)) throw notFound('组织');
    return o.path;
  }

  /** Who owns the resource and where: the unit (the account's own, or one the community names), or a member's report. */
  async function owner(tx: Database, actor: Actor, input: RgResourceInput) {
    if (input.ownerKind === 'unit') {
      if (isUnit(actor)) {
        const u = await actingUnit(tx, actor, input.unitId);
        return { unitId: u.id, memberReportId: null, orgId: u.communityId, orgPath: u.communityPath, ownerName: u.unitName };
      }
      if (!input.unitId) throw field('unitId', '请选择提供资源的驻区单位');
      const u = await reportedUnits.byId(tx, regionId, input.unitId);
      if (!u || !isSide(actor) || !pathInScope(actor, u.communityPath)) throw notFound('驻区单位');
      assertRecord(actor, u.communityPath, '登记资源');
      return { unitId: u.id, memberReportId: null, orgId: u.communityId, orgPath: u.communityPath, ownerName: u.unitName };
    }
    if (!isSide(actor)) throw field('ownerKind', '驻区单位账号只能登记本单位的资源');
    if (!input.memberReportId) throw field('memberReportId', '请选择提供资源的在职党员（须已到社区报到）');
    const m = await repo.memberReport(tx, regionId, input.memberReportId);
    if (!m || !pathInScope(actor, m.community_path)) throw notFound('在职党员报到记录');
    assertRecord(actor, m.community_path, '登记资源');
    return { unitId: null, memberReportId: m.id, orgId: m.community_id, orgPath: m.community_path, ownerName: m.member_name };
  }

  async function write(tx: Database, actor: Actor, id: string, input: RgResourceInput): Promise<{ w: ResourceWrite; offered: string[] }> {
    const o = await owner(tx, actor, input);
    const cat = await repo.category(tx, regionId, input.categoryCode);
    if (!cat || !cat.active) throw field('categoryCode', '请选择有效的资源类别');
    const title = text(input.title);
    if (title.length < 2) throw field('title', '请填写资源名称');
    if (!text(input.description)) throw field('description', '请填写资源描述');
    if (input.availableFrom && input.availableTo && input.availableFrom > input.availableTo) throw field('availableTo', '提供期结束不能早于开始');
    const contactName = text(input.contactName);
    if (!contactName) throw field('contactName', '请填写联系人');
    const others = [...new Set(input.offeredTo ?? [])].filter((c) => c !== o.orgId);
    const found = await repo.communities(tx, regionId, others, rules);
    if (found.length !== others.length) throw field('offeredTo', '面向的社区须为有效的社区（村）党组织');
    const phone = input.phone.trim();
    return {
      w: {
        id,
        ownerKind: input.ownerKind,
        ...o,
        categoryCode: cat.code,
        title,
        description: text(input.description),
        capacityPeople: input.capacityPeople ?? null,
        capacityHoursMonth: input.capacityHoursMonth ?? null,
        capacityMoneyFen: input.capacityMoneyFen ?? null,
        venue: orNull(input.venue),
        availableFrom: input.availableFrom ?? null,
        availableTo: input.availableTo ?? null,
        contactName,
        phoneEnc: crypto.encrypt(phone),
        phoneMasked: maskPhone(phone),
        createdBy: actor.id,
      },
      offered: [o.orgId, ...others],
    };
  }

  async function load(tx: Database, actor: Actor, id: string): Promise<ResourceRow> {
    const r = await projectRepo.resource(tx, regionId, id);
    assertResourceVisible(actor, r, await unitsOf(tx, actor));
    return r;
  }
  const after = (w: ResourceWrite, offered: string[]) => ({ owner: w.ownerName, title: w.title, category: w.categoryCode, phone: w.phoneMasked, offered });

  return {
    async list(actor: Actor, q: RgResourceQuery): Promise<{ items: RgResource[]; total: number }> {
      const f: ResourceFilter = { ...q, reader: await readerOf(db, actor), underPath: await underPath(actor, q.orgId) };
      const { items, total } = await projectRepo.resources(db, regionId, f);
      return { items: items.map((r) => presentResource(r)), total };
    },

    /** One resource; with `unmask` the phone in full (personal:unmask, in the owner's community's scope), audited. */
    get: (actor: Actor, id: string, unmask = false): Promise<RgResource> =>
      db.transaction(async (tx) => {
        const r = await load(tx, actor, id);
        if (!unmask) return presentResource(r);
        assertMayUnmask(actor);
        if (!pathInScope(actor, r.org_path)) throw notFound('资源');
        await audit.recordUnmask(tx, actor, 'rg_resource', id, r.org_path, ['phone']);
        return presentResource(r, crypto.decrypt(r.contact_phone_enc));
      }),

    create: (actor: Actor, input: RgResourceInput): Promise<RgResource> =>
      db.transaction(async (tx) => {
        const { w, offered } = await write(tx, actor, newId(), input);
        await projectRepo.insertResource(tx, regionId, w);
        await projectRepo.setOffers(tx, regionId, w.id, offered);
        await audit.record(tx, actor, {
          action: 'rg_resource.create',
          entity: 'rg_resource',
          entityId: w.id,
          entityName: w.title,
          orgPath: w.orgPath,
          after: after(w, offered),
        });
        return presentResource((await projectRepo.resource(tx, regionId, w.id))!);
      }),

    update: (actor: Actor, id: string, input: RgResourceEditInput): Promise<RgResource> =>
      db.transaction(async (tx) => {
        const r = await load(tx, actor, id);
        const units = await unitsOf(tx, actor);
        assertMayEditResource(actor, r, units);
        if (r.state !== 'offered') throw conflict('该资源已撤回，不能修改');
        assertVersion(r.version, input.version, '该资源');
        // the owner stays who it was
        const { w, offered } = await write(tx, actor, id, { ...input, ownerKind: r.owner_kind, unitId: r.unit_id, memberReportId: r.member_report_id });
        if (!(await projectRepo.updateResource(tx, regionId, w, input.version))) throw staleVersion('该资源');
        await projectRepo.setOffers(tx, regionId, id, offered);
        await audit.record(tx, actor, {
          action: 'rg_resource.update',
          entity: 'rg_resource',
          entityId: id,
          entityName: w.title,
          orgPath: r.org_path,
          after: after(w, offered),
        });
        return presentResource((await projectRepo.resource(tx, regionId, id))!);
      }),

    /** 撤回: no longer offered (kept for the ledger and the projects it was in). */
    withdraw: (actor: Actor, id: string, input: { version?: number }): Promise<RgResource> =>
      db.transaction(async (tx) => {
        const r = await load(tx, actor, id);
        assertMayEditResource(actor, r, await unitsOf(tx, actor));
        if (r.state !== 'offered') throw conflict('该资源已撤回');
        if (input.version !== undefined && input.version !== r.version) throw staleVersion('该资源');
        if (!(await projectRepo.withdrawResource(tx, regionId, id, input.version))) throw conflict('该资源已撤回或已被他人修改，请刷新后查看');
        await audit.record(tx, actor, { action: 'rg_resource.withdraw', entity: 'rg_resource', entityId: id, entityName: r.title, orgPath: r.org_path });
        return presentResource((await projectRepo.resource(tx, regionId, id))!);
      }),
  };
}
export type ResourceService = ReturnType<typeof createResourceService>;
