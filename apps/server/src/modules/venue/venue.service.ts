import {
  Permission,
  type Venue,
  type VenueCommunity,
  type VenueDetail,
  type VenueInput,
  type VenueQuery,
  type VenueRoomInput,
  type VenueStatusInput,
  type VenueUpdate,
} from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, assertVersion, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { actingUnit, reportedUnits, type ReportedUnit } from '../reportin/index.ts';
import { createVenueCore, field, VENUE_KIND, type VenueCore, type VenueServiceDeps } from './venue.core.ts';
import { assertMayManageVenue, isOrgSide, isUnitSide, mayBook, mayManageVenue, mayUnmask, orgReaches, unitsBookingHere, venueScopeOf } from './venue.policy.ts';
import { presentRoom, presentVenue } from './venue.presenter.ts';
import { createVenueBookings } from './venue.booking.service.ts';
import { createVenueFigures } from './venue.figures.ts';
import { createVenueResidentSide } from './venue.resident.ts';

/**
 * 阵地 (rule set venue-2026): the venue ledger of the communities in scope, rooms, opening hours and
 * 服务清单; 开放/暂停 through the platform workflow (venue-status-2026); bookings
 * (venue.booking.service.ts), figures and the area warning (venue.figures.ts), residents on H5
 * (venue.resident.ts).
 */
export function createVenueService(deps: VenueServiceDeps) {
  return venueServiceOn(createVenueCore(deps));
}

/** The service over a core the module shares with its export and import. */
export function venueServiceOn(core: VenueCore) {
  const { db, regionId, audit, crypto, rules, venueFlow, venues, unitsOf, loadVenue, venueWrite } = core;
  const manager = (actor: Actor) => ({ id: actor.id, displayName: actor.displayName, role: 'manager', ip: actor.ip });

  async function detail(tx: Database, actor: Actor, id: string, unmask = false, units?: ReportedUnit[]): Promise<VenueDetail> {
    const { venue: v, units: u } = await loadVenue(tx, actor, id, units);
    const [rooms, history] = await Promise.all([venues.rooms(tx, regionId, id), venueFlow.history(tx, id)]);
    const manage = mayManageVenue(actor, u, v);
    return {
      ...presentVenue(v, crypto, unmask),
      rooms: rooms.map(presentRoom),
      history,
      unmasked: unmask,
      can: { edit: manage, setStatus: manage, rooms: manage, book: v.status === 'open' && mayBook(actor, u, v), unmask: mayUnmask(actor) },
      bookAs: isUnitSide(actor) ? unitsBookingHere(u, v).map((x) => ({ unitId: x.id, unitName: x.unitName })) : [],
    };
  }

  /** The community a new venue belongs to, and the unit that opens it (单位开放阵地). */
  async function placeOf(tx: Database, actor: Actor, input: VenueInput): Promise<{ orgId: string; orgPath: string; unitId: string | null }> {
    if (!isOrgSide(actor)) {
      if (!isUnitSide(actor)) throw forbidden();
      if (input.kind !== 'unit_open') throw field('kind', '驻区单位账号只能登记本单位的开放阵地（类型选“单位开放阵地”）');
      const unit = await actingUnit(tx, actor, input.unitId);
      if (input.orgId && input.orgId !== unit.communityId) throw field('orgId', `单位开放阵地属于单位报到的社区「${unit.communityName}」`);
      return { orgId: unit.communityId, orgPath: unit.communityPath, unitId: unit.id };
    }
    if (!actor.permissions.includes(Permission.REGION_MANAGE)) throw forbidden('登记阵地须由社区（村）党组织或上级办理');
    const org = await venues.org(tx, regionId, input.orgId ?? actor.orgId);
    if (!org || !pathInScope(actor, org.path)) throw notFound('社区');
    if (!(await venues.isCommunity(tx, regionId, org.id, rules)))
      throw field('orgId', input.orgId ? `「${org.name}」不是社区（村）党组织，阵地须登记在社区（村）` : '请选择阵地所属的社区（村）');
    if (input.kind !== 'unit_open') {
      if (input.unitId) throw field('unitId', '只有“单位开放阵地”才填写开放单位');
      return { orgId: org.id, orgPath: org.path, unitId: null };
    }
    if (!input.unitId) throw field('unitId', '单位开放阵地须选择开放阵地的驻区单位');
    const unit = await reportedUnits.byId(tx, regionId, input.unitId);
    if (!unit || unit.communityId !== org.id) throw field('unitId', `所选单位未向「${org.name}」报到（或已注销报到），请先办理驻区单位报到`);
    return { orgId: org.id, orgPath: org.path, unitId: unit.id };
  }

  const service = {
    rules,

    async list(actor: Actor, q: VenueQuery): Promise<{ items: Venue[]; total: number }> {
      const units = await unitsOf(db, actor);
      const scope = venueScopeOf(actor, units);
      let orgPath: string | undefined;
      let orgId: string | undefined;
      if (q.orgId) {
        if ('path' in scope) {
          const o = await venues.org(db, regionId, q.orgId);
          if (!o || !orgReaches(actor, o.path)) throw notFound('社区');
          orgPath = o.path;
        } else {
          if (!scope.communityIds.includes(q.orgId)) throw notFound('社区');
          orgId = q.orgId;
        }
      }
      const { items, total } = await venues.list(
        db,
        regionId,
        { scope, kind: q.kind, status: q.status, orgPath, orgId, q: q.q?.trim() || undefined },
        q.page ?? 1,
        q.pageSize ?? 20,
      );
      return { items: items.map((v) => presentVenue(v, crypto)), total };
    },

    /** One venue; with `unmask` the manager's phone in full (personal:unmask, audited). */
    async get(actor: Actor, id: string, unmask = false): Promise<VenueDetail> {
      if (unmask && !mayUnmask(actor)) throw forbidden('您没有查看完整个人信息的权限');
      const d = await detail(db, actor, id, false);
      if (!unmask) return d;
      return db.transaction(async (tx) => {
        const v = (await venues.byId(tx, regionId, id))!;
        await audit.recordUnmask(tx, actor, VENUE_KIND, id, v.org_path, ['managerPhone']);
        return detail(tx, actor, id, true);
      });
    },

    /** Communities one may register a venue in (with the units reported to them), or a unit account's own. */
    async communities(actor: Actor): Promise<VenueCommunity[]> {
      if (isOrgSide(actor)) {
        const [cs, units] = await Promise.all([venues.communitiesUnder(db, regionId, actor.orgPath, rules), reportedUnits.under(db, regionId, actor.orgPath)]);
        return cs.map((c) => ({
          id: c.id,
          name: c.name,
          streetName: c.street_name,
          units: units.filter((u) => u.communityId === c.id).map((u) => ({ id: u.id, unitName: u.unitName })),
        }));
      }
      if (!isUnitSide(actor)) throw forbidden();
      const own = await unitsOf(db, actor);
      const ids = [...new Set(own.map((u) => u.communityId))];
      return ids.map((id) => {
        const mine = own.filter((u) => u.communityId === id);
        return { id, name: mine[0]!.communityName, streetName: null, units: mine.map((u) => ({ id: u.id, unitName: u.unitName })) };
      });
    },

    create(actor: Actor, input: VenueInput): Promise<VenueDetail> {
      return db.transaction(async (tx) => {
        const place = await placeOf(tx, actor, input);
        const w = venueWrite(input);
        const id = newId();
        await venues.insert(tx, regionId, id, place.orgId, place.unitId, w, actor.id);
        await audit.record(tx, actor, {
          action: 'venue.create',
          entity: VENUE_KIND,
          entityId: id,
          entityName: w.name,
          orgPath: place.orgPath,
          after: { name: w.name, kind: w.kind, areaM2: w.areaM2, address: w.address, manager: w.managerName, phone: w.managerPhoneMasked },
        });
        return detail(tx, actor, id);
      });
    },

    /** Inside the import's transaction: one venue with its rooms, checked as `create` checks it. */
    async createIn(tx: Database, actor: Actor, input: VenueInput, rooms: VenueRoomInput[]): Promise<string> {
      const place = await placeOf(tx, actor, input);
      const w = venueWrite(input);
      const id = newId();
      await venues.insert(tx, regionId, id, place.orgId, place.unitId, w, actor.id);
      for (const r of rooms) await venues.insertRoom(tx, regionId, newId(), id, roomWrite(r));
      await audit.record(tx, actor, {
        action: 'venue.create',
        entity: VENUE_KIND,
        entityId: id,
        entityName: w.name,
        orgPath: place.orgPath,
        after: { name: w.name, kind: w.kind, areaM2: w.areaM2, rooms: rooms.length, import: true },
      });
      return id;
    },

    update(actor: Actor, id: string, input: VenueUpdate, version: number | null): Promise<VenueDetail> {
      return db.transaction(async (tx) => {
        const { venue: v, units } = await loadVenue(tx, actor, id);
        assertMayManageVenue(actor, units, v);
        assertVersion(v.version, version, '该阵地');
        if ((input.kind === 'unit_open') !== !!v.unit_id)
          throw field('kind', v.unit_id ? '单位开放阵地不能改为其他类型' : '社区的阵地不能改为“单位开放阵地”；单位开放的阵地请另行登记');
        const w = venueWrite(input, { enc: v.manager_phone_enc, masked: v.manager_phone_masked });
        if (!(await venues.update(tx, regionId, id, version, w))) throw new AppError('STALE_VERSION', '该阵地已被他人修改，请刷新后再保存');
        await audit.record(tx, actor, {
          action: 'venue.update',
          entity: VENUE_KIND,
          entityId: id,
          entityName: w.name,
          orgPath: v.org_path,
          before: { name: v.name, areaM2: Number(v.area_m2), address: v.address, manager: v.manager_name, phone: v.manager_phone_masked },
          after: { name: w.name, areaM2: w.areaM2, address: w.address, manager: w.managerName, phone: w.managerPhoneMasked },
        });
        return detail(tx, actor, id, false, units);
      });
    },

    /** 暂停开放 (with a reason) / 恢复开放. Bookings already made stand; the community cancels what must go. */
    setStatus(actor: Actor, id: string, input: VenueStatusInput): Promise<VenueDetail> {
      return db.transaction(async (tx) => {
        const { venue: v, units } = await loadVenue(tx, actor, id);
        assertMayManageVenue(actor, units, v);
        const reason = input.reason?.trim() || null;
        await venueFlow.apply(tx, {
          recordId: id,
          orgPath: v.org_path,
          action: input.action,
          actor: manager(actor),
          currentState: v.status,
          reason,
          version: input.version,
          entityName: v.name,
          fields: { status_reason: input.action === 'suspend' ? reason : null },
        });
        return detail(tx, actor, id, false, units);
      });
    },

    addRoom(actor: Actor, id: string, input: VenueRoomInput): Promise<VenueDetail> {
      return db.transaction(async (tx) => {
        const { venue: v, units } = await loadVenue(tx, actor, id);
        assertMayManageVenue(actor, units, v);
        await venues.lock(tx, regionId, id);
        const rooms = await venues.rooms(tx, regionId, id);
        if (rooms.length >= 50) throw conflict('一个阵地最多登记 50 个活动室');
        const r = roomWrite(input);
        if (rooms.some((x) => x.name === r.name)) throw field('name', `「${v.name}」已有名为“${r.name}”的活动室`);
        const roomId = newId();
        await venues.insertRoom(tx, regionId, roomId, id, r);
        await venues.touch(tx, regionId, id);
        await audit.record(tx, actor, {
          action: 'venue.room_add',
          entity: VENUE_KIND,
          entityId: id,
          entityName: v.name,
          orgPath: v.org_path,
          after: { room: r.name, capacity: r.capacity, areaM2: r.area_m2, residentBookable: r.resident_bookable },
        });
        return detail(tx, actor, id, false, units);
      });
    },

    updateRoom(actor: Actor, id: string, roomId: string, input: VenueRoomInput): Promise<VenueDetail> {
      return db.transaction(async (tx) => {
        const { venue: v, units } = await loadVenue(tx, actor, id);
        assertMayManageVenue(actor, units, v);
        const room = await venues.room(tx, regionId, roomId, true);
        if (!room || room.venue_id !== id) throw notFound('活动室');
        const r = roomWrite(input, room.active);
        const rooms = await venues.rooms(tx, regionId, id);
        if (rooms.some((x) => x.id !== roomId && x.name === r.name)) throw field('name', `「${v.name}」已有名为“${r.name}”的活动室`);
        await venues.updateRoom(tx, regionId, roomId, r);
        await venues.touch(tx, regionId, id);
        await audit.record(tx, actor, {
          action: 'venue.room_update',
          entity: VENUE_KIND,
          entityId: id,
          entityName: v.name,
          orgPath: v.org_path,
          before: { room: room.name, capacity: room.capacity, areaM2: Number(room.area_m2), residentBookable: room.resident_bookable, active: room.active },
          after: { room: r.name, capacity: r.capacity, areaM2: r.area_m2, residentBookable: r.resident_bookable, active: r.active },
        });
        return detail(tx, actor, id, false, units);
      });
    },

    ...createVenueBookings(core),
    ...createVenueFigures(core),
    ...createVenueResidentSide(core),
  };
  return service;
}
export type VenueService = ReturnType<typeof venueServiceOn>;

/** A room's fields as stored (its active flag kept unless given). */
function roomWrite(input: VenueRoomInput, active = true) {
  if (Math.round(input.areaM2 * 100) !== input.areaM2 * 100) throw field('areaM2', '面积最多保留两位小数');
  return {
    name: input.name.trim(),
    capacity: input.capacity,
    area_m2: input.areaM2,
    resident_bookable: input.residentBookable,
    active: input.active ?? active,
  };
}
