import { sql, type SQL } from 'drizzle-orm';
import type { WishRuleSet } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';

/** A wish with its community's name and its live photo count. */
export interface WishRow {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  title: string;
  description: string;
  beneficiary: string;
  value_fen: number;
  poster_kind: 'resident' | 'community';
  resident_id: string | null;
  poster_account_id: string | null;
  poster_name: string | null;
  contact_phone_enc: string | null;
  state: string;
  version: number;
  claimer_member_id: string | null;
  claimer_account_id: string | null;
  claimer_name: string | null;
  claimed_at: string | null;
  fulfilled_at: string | null;
  fulfil_note: string | null;
  confirmed_at: string | null;
  last_reason: string | null;
  photo_count: number;
  created_at: string;
  updated_at: string;
}

export interface WishWrite {
  id: string;
  orgId: string;
  orgPath: string;
  title: string;
  description: string;
  beneficiary: string;
  valueFen: number;
  posterKind: 'resident' | 'community';
  residentId: string | null;
  posterAccountId: string | null;
  posterName: string | null;
  contactPhoneEnc: string | null;
  contactPhoneHash: string | null;
  state: 'pending' | 'published';
}

/** An organization a wish may belong to (a 社区/村 Party organization). */
export interface CommunityRow {
  id: string;
  path: string;
  name: string;
  type: string;
  domain: string;
  status: string;
  street_name: string | null;
}

export interface WishFilter {
  scopePath: string;
  state?: string;
  q?: string;
}

const select = sql`select w.id, w.org_id, w.org_path::text as org_path, o.name as org_name, w.title, w.description, w.beneficiary, w.value_fen,
  w.poster_kind, w.resident_id, w.poster_account_id, w.poster_name, w.contact_phone_enc, w.state, w.version,
  w.claimer_member_id, w.claimer_account_id, w.claimer_name, w.claimed_at::text as claimed_at, w.fulfilled_at::text as fulfilled_at, w.fulfil_note,
  w.confirmed_at::text as confirmed_at, w.last_reason,
  (select count(*)::int from attachment a where a.region_id = w.region_id and a.owner_kind = 'wish' and a.owner_id = w.id and a.deleted_at is null) as photo_count,
  w.created_at::text as created_at, w.updated_at::text as updated_at
  from wish w join org o on o.region_id = w.region_id and o.id = w.org_id`;

function where(regionId: string, f: WishFilter): SQL {
  const w: SQL[] = [sql`w.region_id = ${regionId}`, sql`w.org_path <@ ${f.scopePath}::ltree`];
  if (f.state) w.push(sql`w.state = ${f.state}`);
  if (f.q) w.push(sql`(strpos(w.title, ${f.q}) > 0 or strpos(w.beneficiary, ${f.q}) > 0)`);
  return sql.join(w, sql` and `);
}

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const communityCols = sql`c.id, c.path::text as path, c.name, c.type, c.domain, c.status, p.name as street_name`;

export const wishRepository = {
  byId(db: Database, regionId: string, id: string): Promise<WishRow | undefined> {
    return db.one<WishRow>(sql`${select} where w.region_id = ${regionId} and w.id = ${id}`);
  },

  async list(db: Database, regionId: string, f: WishFilter, page: number, pageSize: number): Promise<{ items: WishRow[]; total: number }> {
    const w = where(regionId, f);
    const [items, total] = await Promise.all([
      db.rows<WishRow>(sql`${select} where ${w} order by w.created_at desc, w.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`),
      db.one<{ n: number }>(sql`select count(*)::int as n from wish w where ${w}`),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  /** The community's wall: its published wishes, newest first. */
  async wall(db: Database, regionId: string, communityId: string, page: number, pageSize: number): Promise<{ items: WishRow[]; total: number }> {
    const w = sql`w.region_id = ${regionId} and w.org_id = ${communityId} and w.state = 'published'`;
    const [items, total] = await Promise.all([
      db.rows<WishRow>(sql`${select} where ${w} order by w.created_at desc, w.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`),
      db.one<{ n: number }>(sql`select count(*)::int as n from wish w where ${w}`),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  /** A member's claims, open ones first. */
  mine(db: Database, regionId: string, memberId: string): Promise<WishRow[]> {
    return db.rows<WishRow>(sql`${select} where w.region_id = ${regionId} and w.claimer_member_id = ${memberId}
      order by (w.state in ('claimed','fulfilled')) desc, w.claimed_at desc nulls last, w.id desc limit 200`);
  },

  byResident(db: Database, regionId: string, residentId: string): Promise<WishRow[]> {
    return db.rows<WishRow>(sql`${select} where w.region_id = ${regionId} and w.resident_id = ${residentId} order by w.created_at desc, w.id desc limit 200`);
  },

  async insert(tx: Database, regionId: string, w: WishWrite): Promise<void> {
    await tx.run(sql`insert into wish (region_id, id, org_id, org_path, title, description, beneficiary, value_fen, poster_kind, resident_id,
        poster_account_id, poster_name, contact_phone_enc, contact_phone_hash, state)
      values (${regionId}, ${w.id}, ${w.orgId}, ${w.orgPath}::ltree, ${w.title}, ${w.description}, ${w.beneficiary}, ${w.valueFen}, ${w.posterKind},
        ${w.residentId}, ${w.posterAccountId}, ${w.posterName}, ${w.contactPhoneEnc}, ${w.contactPhoneHash}, ${w.state})`);
  },

  /**
   * Holds the member's row until the transaction ends, so that two claims by the same member count
   * each other's (rule wish-claim-limit is checked inside the claim's transaction).
   */
  async lockMember(tx: Database, regionId: string, memberId: string): Promise<boolean> {
    return !!(await tx.one(sql`select id from member where region_id = ${regionId} and id = ${memberId} for update`));
  },

  async openClaims(tx: Database, regionId: string, memberId: string, states: readonly string[]): Promise<number> {
    const row = await tx.one<{ n: number }>(
      sql`select count(*)::int as n from wish where region_id = ${regionId} and claimer_member_id = ${memberId} and state in (${inList(states)})`,
    );
    return row?.n ?? 0;
  },

  /** The member's name and the branch's path (of an active record). */
  member(db: Database, regionId: string, memberId: string): Promise<{ id: string; name: string; org_path: string } | undefined> {
    return db.one(sql`select m.id, m.name, o.path::text as org_path from member m join org o on o.region_id = m.region_id and o.id = m.org_id
      where m.region_id = ${regionId} and m.id = ${memberId}`);
  },

  /** The nearest organization at or above `path` that is a 社区/村's (rule set's types and domains). */
  communityAbove(db: Database, regionId: string, path: string, rules: WishRuleSet): Promise<CommunityRow | undefined> {
    return db.one<CommunityRow>(sql`select ${communityCols} from org c left join org p on p.region_id = c.region_id and p.id = c.parent_id
      where c.region_id = ${regionId} and c.path @> ${path}::ltree and c.type in (${inList(rules.communityOrgTypes)})
        and c.domain in (${inList(rules.communityDomains)}) and c.status = 'active'
      order by c.depth desc limit 1`);
  },

  org(db: Database, regionId: string, orgId: string): Promise<CommunityRow | undefined> {
    return db.one<CommunityRow>(sql`select ${communityCols} from org c left join org p on p.region_id = c.region_id and p.id = c.parent_id
      where c.region_id = ${regionId} and c.id = ${orgId}`);
  },

  /** Every active 社区/村 organization, by street and name (what a resident picks from). */
  communities(db: Database, regionId: string, rules: WishRuleSet): Promise<CommunityRow[]> {
    return db.rows<CommunityRow>(sql`select ${communityCols} from org c left join org p on p.region_id = c.region_id and p.id = c.parent_id
      where c.region_id = ${regionId} and c.type in (${inList(rules.communityOrgTypes)}) and c.domain in (${inList(rules.communityDomains)})
        and c.status = 'active' and c.parent_id is not null
        -- a township's 党委 (its villages' parent) is not itself a village
        and not exists (select 1 from org d where d.region_id = c.region_id and d.parent_id = c.id and d.type = 'committee' and d.domain in (${inList(rules.communityDomains)}))
      order by p.name, c.name limit 2000`);
  },

  /** The resident's phone look-up hash (kept with the wish, so the community finds a caller's wishes). */
  async residentPhoneHash(tx: Database, regionId: string, residentId: string): Promise<string | null> {
    return (
      (await tx.one<{ phone_hash: string }>(sql`select phone_hash from resident where region_id = ${regionId} and id = ${residentId}`))?.phone_hash ?? null
    );
  },
};
export type WishRepository = typeof wishRepository;
