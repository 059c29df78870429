import { sql, type SQL } from 'drizzle-orm';
import type { VenueHoursPeriod, VenueKindId, VenueServiceItem, VenueStatusId } from '@jiceng/contracts';
import type { VenueRuleSet } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';

/**
 * Whose venues a read covers: a subtree of the tree and the community above it (an organization
 * account: `path` is its own), or — a 驻区单位 account — the communities its units reported to and
 * the venues its units opened.
 */
export type VenueScope = { path: string } | { communityIds: readonly string[]; unitIds: readonly string[] };

/** A venue with its community (path joined at read time), street and opening unit. */
export interface VenueRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  street_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  name: string;
  kind: VenueKindId;
  address: string;
  area_m2: number;
  hours: VenueHoursPeriod[];
  manager_name: string;
  manager_phone_enc: string;
  manager_phone_masked: string;
  services: VenueServiceItem[];
  status: VenueStatusId;
  status_reason: string | null;
  room_count: number;
  capacity: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RoomRow {
  id: string;
  venue_id: string;
  name: string;
  capacity: number;
  area_m2: number;
  resident_bookable: boolean;
  active: boolean;
}

export interface VenueWrite {
  name: string;
  kind: VenueKindId;
  address: string;
  areaM2: number;
  hours: VenueHoursPeriod[];
  managerName: string;
  managerPhoneEnc: string;
  managerPhoneMasked: string;
  services: VenueServiceItem[];
}

export interface VenueFilter {
  scope: VenueScope;
  kind?: string;
  status?: string;
  /** An organization's path in scope (a community or a street), or a community id (unit accounts). */
  orgPath?: string;
  orgId?: string;
  q?: string;
}

/** A community (社区/村 Party organization) a venue may belong to. */
export interface CommunityRow {
  id: string;
  name: string;
  path: string;
  type: string;
  domain: string;
  status: string;
  street_name: string | null;
}

export const inList = (values: readonly string[]) =>
  values.length === 0
    ? sql`null`
    : sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      );

/** The scope condition over `o` (the community) and `v` (the venue). */
export function scopeWhere(scope: VenueScope): SQL {
  if ('path' in scope) return sql`(o.path <@ ${scope.path}::ltree or o.path @> ${scope.path}::ltree)`;
  return sql`(v.org_id::text in (${inList(scope.communityIds)}) or v.unit_id::text in (${inList(scope.unitIds)}))`;
}

const select = sql`select v.id, v.org_id, o.name as org_name, o.path::text as org_path, p.name as street_name, v.unit_id, u.unit_name, v.name, v.kind,
  v.address, v.area_m2::float8 as area_m2, v.hours, v.manager_name, v.manager_phone_enc, v.manager_phone_masked, v.services, v.status, v.status_reason,
  (select count(*)::int from venue_room r where r.region_id = v.region_id and r.venue_id = v.id and r.active) as room_count,
  (select coalesce(sum(r.capacity), 0)::int from venue_room r where r.region_id = v.region_id and r.venue_id = v.id and r.active) as capacity,
  v.version, v.created_at::text as created_at, v.updated_at::text as updated_at
  from venue v join org o on o.region_id = v.region_id and o.id = v.org_id
  left join org p on p.region_id = o.region_id and p.id = o.parent_id
  left join unit_report_in u on u.region_id = v.region_id and u.id = v.unit_id`;

function where(regionId: string, f: VenueFilter): SQL {
  const w: SQL[] = [sql`v.region_id = ${regionId}`, scopeWhere(f.scope)];
  if (f.kind) w.push(sql`v.kind = ${f.kind}`);
  if (f.status) w.push(sql`v.status = ${f.status}`);
  if (f.orgPath) w.push(sql`o.path <@ ${f.orgPath}::ltree`);
  if (f.orgId) w.push(sql`v.org_id = ${f.orgId}`);
  if (f.q) w.push(sql`(strpos(v.name, ${f.q}) > 0 or strpos(v.address, ${f.q}) > 0)`);
  return sql.join(w, sql` and `);
}

const roomCols = sql`id, venue_id, name, capacity, area_m2::float8 as area_m2, resident_bookable, active`;
const json = (v: unknown) => JSON.stringify(v);
const communityCols = sql`c.id, c.name, c.path::text as path, c.type, c.domain, c.status, p.name as street_name`;

/** 社区/村 organizations: the rule set's types and domains, active, not a township's 党委 over villages. */
export const communityWhere = (rules: VenueRuleSet) => sql`c.type in (${inList(rules.communityOrgTypes)}) and c.domain in (${inList(rules.communityDomains)})
  and c.status = 'active' and c.parent_id is not null
  and not exists (select 1 from org d where d.region_id = c.region_id and d.parent_id = c.id and d.type = 'committee'
    and d.domain in (${inList(rules.communityDomains)}) and d.status = 'active')`;

/** A room open to residents with its venue. */
export interface ResidentRoomRow {
  room_id: string;
  room_name: string;
  capacity: number;
  venue_id: string;
  venue_name: string;
  org_name: string;
  address: string;
  hours: VenueHoursPeriod[];
  services: VenueServiceItem[];
}

const residentRoomSelect = (regionId: string) => sql`select r.id as room_id, r.name as room_name, r.capacity, v.id as venue_id, v.name as venue_name,
  o.name as org_name, v.address, v.hours, v.services
  from venue_room r join venue v on v.region_id = r.region_id and v.id = r.venue_id join org o on o.region_id = v.region_id and o.id = v.org_id
  where r.region_id = ${regionId} and r.active and r.resident_bookable and v.status = 'open'`;

export const venueRepository = {
  byId(db: Database, regionId: string, id: string): Promise<VenueRow | undefined> {
    return db.one<VenueRow>(sql`${select} where v.region_id = ${regionId} and v.id = ${id}`);
  },

  /** Holds the venue row until the transaction ends (status changes and edits against bookings). */
  async lock(tx: Database, regionId: string, id: string): Promise<void> {
    await tx.run(sql`select id from venue where region_id = ${regionId} and id = ${id} for update`);
  },

  async list(db: Database, regionId: string, f: VenueFilter, page: number, pageSize: number): Promise<{ items: VenueRow[]; total: number }> {
    const w = where(regionId, f);
    const [items, total] = await Promise.all([
      db.rows<VenueRow>(sql`${select} where ${w} order by o.path, v.kind, v.name, v.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
      db.one<{ n: number }>(sql`select count(*)::int as n from venue v join org o on o.region_id = v.region_id and o.id = v.org_id where ${w}`),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  async insert(tx: Database, regionId: string, id: string, orgId: string, unitId: string | null, v: VenueWrite, createdBy: string | null): Promise<void> {
    await tx.run(sql`insert into venue (region_id, id, org_id, unit_id, name, kind, address, area_m2, hours, manager_name, manager_phone_enc,
        manager_phone_masked, services, created_by)
      values (${regionId}, ${id}, ${orgId}, ${unitId}, ${v.name}, ${v.kind}, ${v.address}, ${v.areaM2}, ${json(v.hours)}::jsonb, ${v.managerName},
        ${v.managerPhoneEnc}, ${v.managerPhoneMasked}, ${json(v.services)}::jsonb, ${createdBy})`);
  },

  /** Changes the venue at `version` (optimistic lock); false when it moved on meanwhile. */
  async update(tx: Database, regionId: string, id: string, version: number, v: VenueWrite): Promise<boolean> {
    const n =
      await tx.run(sql`update venue set name = ${v.name}, kind = ${v.kind}, address = ${v.address}, area_m2 = ${v.areaM2}, hours = ${json(v.hours)}::jsonb,
        manager_name = ${v.managerName}, manager_phone_enc = ${v.managerPhoneEnc}, manager_phone_masked = ${v.managerPhoneMasked},
        services = ${json(v.services)}::jsonb, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${id} and version = ${version}`);
    return n > 0;
  },

  rooms(db: Database, regionId: string, venueId: string): Promise<RoomRow[]> {
    return db.rows<RoomRow>(sql`select ${roomCols} from venue_room where region_id = ${regionId} and venue_id = ${venueId} order by active desc, name, id`);
  },

  /** One room; with `lock`, held until the transaction ends (the booking's serialization point). */
  room(db: Database, regionId: string, roomId: string, lock = false): Promise<RoomRow | undefined> {
    return db.one<RoomRow>(sql`select ${roomCols} from venue_room where region_id = ${regionId} and id = ${roomId} ${lock ? sql`for update` : sql``}`);
  },

  async insertRoom(tx: Database, regionId: string, id: string, venueId: string, r: Omit<RoomRow, 'id' | 'venue_id'>): Promise<void> {
    await tx.run(sql`insert into venue_room (region_id, id, venue_id, name, capacity, area_m2, resident_bookable, active)
      values (${regionId}, ${id}, ${venueId}, ${r.name}, ${r.capacity}, ${r.area_m2}, ${r.resident_bookable}, ${r.active})`);
  },

  async updateRoom(tx: Database, regionId: string, id: string, r: Omit<RoomRow, 'id' | 'venue_id'>): Promise<void> {
    await tx.run(sql`update venue_room set name = ${r.name}, capacity = ${r.capacity}, area_m2 = ${r.area_m2}, resident_bookable = ${r.resident_bookable},
        active = ${r.active}, updated_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  /** Bumps the venue's version (its rooms changed: the page the user saw is stale). */
  async touch(tx: Database, regionId: string, id: string): Promise<void> {
    await tx.run(sql`update venue set version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id}`);
  },

  org(db: Database, regionId: string, id: string): Promise<CommunityRow | undefined> {
    return db.one<CommunityRow>(sql`select ${communityCols} from org c left join org p on p.region_id = c.region_id and p.id = c.parent_id
      where c.region_id = ${regionId} and c.id = ${id}`);
  },

  /** Whether the organization is a 社区/村's a venue may belong to. */
  async isCommunity(db: Database, regionId: string, id: string, rules: VenueRuleSet): Promise<boolean> {
    return !!(await db.one(sql`select 1 as x from org c where c.region_id = ${regionId} and c.id = ${id} and ${communityWhere(rules)}`));
  },

  /** The communities under `path`, by street and name. */
  communitiesUnder(db: Database, regionId: string, path: string, rules: VenueRuleSet): Promise<CommunityRow[]> {
    return db.rows<CommunityRow>(sql`select ${communityCols} from org c left join org p on p.region_id = c.region_id and p.id = c.parent_id
      where c.region_id = ${regionId} and c.path <@ ${path}::ltree and ${communityWhere(rules)} order by p.name, c.name limit 2000`);
  },

  /** Rooms open to residents: active, marked bookable by residents, of open venues (what a resident picks from). */
  residentRooms(db: Database, regionId: string): Promise<ResidentRoomRow[]> {
    return db.rows<ResidentRoomRow>(sql`${residentRoomSelect(regionId)} order by o.path, v.name, r.name limit 2000`);
  },

  residentRoom(db: Database, regionId: string, roomId: string): Promise<ResidentRoomRow | undefined> {
    return db.one<ResidentRoomRow>(sql`${residentRoomSelect(regionId)} and r.id = ${roomId}`);
  },

  /** Every venue's name of the communities given (the import's duplicate check). */
  namesIn(db: Database, regionId: string, orgIds: readonly string[]): Promise<{ org_id: string; name: string }[]> {
    if (orgIds.length === 0) return Promise.resolve([]);
    return db.rows(sql`select org_id::text as org_id, name from venue where region_id = ${regionId} and org_id::text in (${inList(orgIds)})`);
  },
};
export type VenueRepository = typeof venueRepository;
