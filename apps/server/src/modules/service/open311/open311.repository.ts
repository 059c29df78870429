import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';

/** A key as stored (migration 0039, table open311_key), with its organization. */
export interface Open311KeyRow {
  id: string;
  name: string;
  key_prefix: string;
  org_id: string;
  org_name: string;
  org_path: string;
  created_by_name: string | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  request_count: number;
}

/** What GeoReport shows of a request: no contact, nothing personal. */
export interface Open311RequestRow {
  id: string;
  code: string;
  kind: string;
  category_code: string;
  category_name: string;
  description: string;
  community_id: string;
  community_name: string;
  grid_id: string | null;
  grid_name: string | null;
  place: string | null;
  lat: number | null;
  lng: number | null;
  state: string;
  level: string;
  assignee_name: string | null;
  stage: string | null;
  clock_rule: string | null;
  extension_count: number;
  due_at: string | null;
  paused_left_ms: string | number | null;
  result: string | null;
  submitted_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface Open311RequestFilter {
  /** Request codes (SQ…): when given, every other filter is ignored (the spec's rule). */
  codes?: string[];
  categoryCodes?: string[];
  /** Our states that make up the asked GeoReport statuses. */
  states?: string[];
  /** Inclusive. */
  from?: string;
  /** Inclusive. */
  to?: string;
  limit: number;
}

const KEY_SELECT = (regionId: string) => sql`select k.id, k.name, k.key_prefix, k.org_id, o.name as org_name, o.path::text as org_path,
    a.display_name as created_by_name, k.created_at::text as created_at, k.revoked_at::text as revoked_at, k.last_used_at::text as last_used_at,
    (select count(*)::int from service_request r where r.region_id = k.region_id and r.open311_key_id = k.id) as request_count
  from open311_key k join org o on o.region_id = k.region_id and o.id = k.org_id
  left join account a on a.region_id = k.region_id and a.id = k.created_by
  where k.region_id = ${regionId}`;

const REQUEST_SELECT = sql.raw(`r.id, r.code, r.kind, r.category_code, c.name as category_name, r.description,
  r.community_id, co.name as community_name, r.grid_id, g.name as grid_name, r.place, r.lat, r.lng, r.state, r.level, r.assignee_name,
  r.stage, r.clock_rule, r.extension_count, r.due_at::text as due_at, r.paused_left_ms, r.result,
  r.submitted_at::text as submitted_at, r.updated_at::text as updated_at, r.closed_at::text as closed_at`);
const REQUEST_FROM = (regionId: string) => sql`service_request r
  join service_category c on c.region_id = r.region_id and c.code = r.category_code
  join org co on co.region_id = r.region_id and co.id = r.community_id
  left join org g on g.region_id = r.region_id and g.id = r.grid_id
  where r.region_id = ${regionId}`;
const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Open311 (GeoReport v2): its keys and the region's requests as the public API shows them. SQL only. */
export const open311Repository = {
  keys(db: Database, regionId: string, scopePath: string): Promise<Open311KeyRow[]> {
    return db.rows<Open311KeyRow>(sql`${KEY_SELECT(regionId)} and o.path <@ ${scopePath}::ltree order by k.revoked_at nulls first, k.created_at desc`);
  },

  key(db: Database, regionId: string, id: string): Promise<Open311KeyRow | undefined> {
    return db.one<Open311KeyRow>(sql`${KEY_SELECT(regionId)} and k.id = ${id}`);
  },

  /** A key that is not revoked, by the hash of what the client sent. */
  activeKeyByHash(db: Database, regionId: string, hash: string): Promise<Open311KeyRow | undefined> {
    return db.one<Open311KeyRow>(sql`${KEY_SELECT(regionId)} and k.key_hash = ${hash} and k.revoked_at is null`);
  },

  async insertKey(
    tx: Database,
    regionId: string,
    k: { id: string; name: string; hash: string; prefix: string; orgId: string; createdBy: string | null; at: string },
  ): Promise<void> {
    await tx.run(sql`insert into open311_key (region_id, id, name, key_hash, key_prefix, org_id, created_by, created_at)
      values (${regionId}, ${k.id}, ${k.name}, ${k.hash}, ${k.prefix}, ${k.orgId}, ${k.createdBy}, ${k.at}::timestamptz)`);
  },

  /** Revokes a key that is still active; 0 when it was already revoked. */
  revokeKey(tx: Database, regionId: string, id: string, at: string): Promise<number> {
    return tx.run(sql`update open311_key set revoked_at = ${at}::timestamptz where region_id = ${regionId} and id = ${id} and revoked_at is null`);
  },

  async touchKey(db: Database, regionId: string, id: string, at: string): Promise<void> {
    await db.run(sql`update open311_key set last_used_at = ${at}::timestamptz where region_id = ${regionId} and id = ${id}`);
  },

  requests(db: Database, regionId: string, f: Open311RequestFilter): Promise<Open311RequestRow[]> {
    const parts: SQL[] = [];
    if (f.codes) {
      if (f.codes.length === 0) return Promise.resolve([]);
      parts.push(sql`r.code in (${list(f.codes)})`);
    } else {
      if (f.categoryCodes?.length) parts.push(sql`r.category_code in (${list(f.categoryCodes)})`);
      if (f.states?.length) parts.push(sql`r.state in (${list(f.states)})`);
      if (f.from) parts.push(sql`r.submitted_at >= ${f.from}::timestamptz`);
      if (f.to) parts.push(sql`r.submitted_at <= ${f.to}::timestamptz`);
    }
    const where = parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
    return db.rows<Open311RequestRow>(
      sql`select ${REQUEST_SELECT} from ${REQUEST_FROM(regionId)}${where} order by r.submitted_at desc, r.id desc limit ${f.limit}`,
    );
  },

  requestByCode(db: Database, regionId: string, code: string): Promise<Open311RequestRow | undefined> {
    return db.one<Open311RequestRow>(sql`select ${REQUEST_SELECT} from ${REQUEST_FROM(regionId)} and r.code = ${code}`);
  },

  async codeOf(db: Database, regionId: string, id: string): Promise<string | undefined> {
    return (await db.one<{ code: string }>(sql`select code from service_request where region_id = ${regionId} and id = ${id}`))?.code;
  },
};
