import nodeCrypto from 'node:crypto';
import { Permission, type Open311Key, type Open311KeyCreated, type Open311KeyInput } from '@jiceng/contracts';
import type { AuditService } from '../../../platform/audit/audit.service.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import type { Database } from '../../../platform/db/database.ts';
import { isoTime } from '../../../platform/db/time.ts';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { pathInScope, type Actor } from '../../../platform/http/actor.ts';
import { newId } from '../../../platform/ids.ts';
import { serviceRepository } from '../service.repository.ts';
import { open311Repository as repo, type Open311KeyRow } from './open311.repository.ts';

export const OPEN311_KEY_ENTITY = 'open311_key';
/** Characters of the key kept in the clear for display (of 32). */
const PREFIX_LENGTH = 6;

/** A key that passed: who it is and where its requests may land. */
export interface Open311Caller {
  keyId: string;
  keyName: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  /** The community or grid requests land on when the key is bound to one (or to a branch under a community); null: each request names its place. */
  fixedPlaceId: string | null;
}

/**
 * 开放接口密钥: made and revoked by accounts with service:config within their subtree (audited);
 * the key is shown once and kept as a keyed hash (the field crypto's lookup hash) with its prefix.
 */
export function createOpen311Keys(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; crypto: FieldCrypto }) {
  const { db, regionId, audit, clock, crypto } = deps;
  const who = (a: Actor) => ({ id: a.id, displayName: a.displayName, ip: a.ip });
  const assertConfig = (a: Actor) => {
    if (!a.permissions.includes(Permission.SERVICE_CONFIG) || a.scope !== 'subtree') throw forbidden('您没有管理开放接口密钥的权限');
  };

  /** The community or grid a key's requests land on, if its organization is (or is under) one. */
  async function fixedPlace(orgId: string): Promise<string | null> {
    const p = await serviceRepository.place(db, regionId, orgId);
    return p?.community_id ? (p.grid_id ?? p.community_id) : null;
  }

  async function present(r: Open311KeyRow): Promise<Open311Key> {
    return {
      id: r.id,
      name: r.name,
      prefix: r.key_prefix,
      orgId: r.org_id,
      orgName: r.org_name,
      placeFixed: (await fixedPlace(r.org_id)) !== null,
      createdAt: isoTime(r.created_at),
      createdByName: r.created_by_name,
      revokedAt: isoTime(r.revoked_at),
      lastUsedAt: isoTime(r.last_used_at),
      requestCount: r.request_count,
    };
  }

  async function inScope(actor: Actor, id: string): Promise<Open311KeyRow> {
    const row = await repo.key(db, regionId, id);
    if (!row || !pathInScope(actor, row.org_path)) throw notFound('开放接口密钥');
    return row;
  }

  return {
    async list(actor: Actor): Promise<Open311Key[]> {
      assertConfig(actor);
      return Promise.all((await repo.keys(db, regionId, actor.orgPath)).map(present));
    },

    async create(actor: Actor, input: Open311KeyInput): Promise<Open311KeyCreated> {
      assertConfig(actor);
      const name = input.name.trim();
      if (name.length < 2) throw invalid('请填写密钥名称（至少2个字），如使用方的系统名称');
      const org = await serviceRepository.org(db, regionId, input.orgId);
      if (!org || !pathInScope(actor, org.path)) throw notFound('绑定的组织');
      const apiKey = nodeCrypto.randomBytes(24).toString('base64url');
      const id = newId();
      const prefix = apiKey.slice(0, PREFIX_LENGTH);
      await db.transaction(async (tx) => {
        await repo.insertKey(tx, regionId, {
          id,
          name,
          hash: crypto.lookupHash(apiKey),
          prefix,
          orgId: org.id,
          createdBy: actor.id,
          at: clock.now().toISOString(),
        });
        await audit.record(tx, who(actor), {
          action: 'open311_key.create',
          entity: OPEN311_KEY_ENTITY,
          entityId: id,
          entityName: name,
          orgPath: org.path,
          after: { name, prefix, org: org.name },
        });
      });
      return { key: await present((await repo.key(db, regionId, id))!), apiKey };
    },

    async revoke(actor: Actor, id: string): Promise<Open311Key> {
      assertConfig(actor);
      const row = await inScope(actor, id);
      await db.transaction(async (tx) => {
        if ((await repo.revokeKey(tx, regionId, id, clock.now().toISOString())) === 0) throw conflict(`密钥「${row.name}」已停用`);
        await audit.record(tx, who(actor), {
          action: 'open311_key.revoke',
          entity: OPEN311_KEY_ENTITY,
          entityId: id,
          entityName: row.name,
          orgPath: row.org_path,
          before: { revokedAt: null },
          after: { revoked: true },
        });
      });
      return present((await repo.key(db, regionId, id))!);
    },

    /** The caller behind an `api_key`, or null when it is unknown or revoked. */
    async authenticate(apiKey: string): Promise<Open311Caller | null> {
      if (!apiKey || apiKey.length > 200) return null;
      const row = await repo.activeKeyByHash(db, regionId, crypto.lookupHash(apiKey));
      if (!row) return null;
      return {
        keyId: row.id,
        keyName: row.name,
        orgId: row.org_id,
        orgName: row.org_name,
        orgPath: row.org_path,
        fixedPlaceId: await fixedPlace(row.org_id),
      };
    },

    touch: (keyId: string) => repo.touchKey(db, regionId, keyId, clock.now().toISOString()),
  };
}
export type Open311Keys = ReturnType<typeof createOpen311Keys>;
