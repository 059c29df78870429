import { roleLabel, type Account, type AccountInput, type AccountListQuery, type AccountUpdate, type Role } from '@jiceng/contracts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { MemberService } from '../member/index.ts';
import type { OrgService } from '../org/index.ts';
import { assertCanGrantRole, assertNotSelf } from './account.policy.ts';
import type { AccountRepository, AccountRow } from './account.repository.ts';
import { assertAcceptablePassword, hashPassword } from './password.ts';

export interface AccountServiceDeps {
  db: Database;
  regionId: string;
  accounts: AccountRepository;
  orgs: Pick<OrgService, 'resolveInScope'>;
  members: Pick<MemberService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
}

const present = (r: AccountRow, now: Date): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  roleLabel: roleLabel[r.role as Role],
  orgId: r.org_id,
  orgName: r.org_name,
  memberId: r.member_id,
  disabled: r.disabled,
  lockedUntil: r.locked_until && new Date(isoTime(r.locked_until)) > now ? isoTime(r.locked_until) : null,
  lastLoginAt: isoTime(r.last_login_at),
  createdAt: isoTime(r.created_at),
});

/** Account management inside the actor's subtree. */
export function createAccountService(deps: AccountServiceDeps) {
  const { db, regionId, accounts, orgs, members, audit, clock } = deps;
  const show = (r: AccountRow) => present(r, clock.now());

  async function load(tx: Database, actor: Actor, id: string): Promise<AccountRow> {
    const row = await accounts.byId(tx, regionId, id);
    if (!row || !pathInScope(actor, row.org_path)) throw notFound('账号');
    return row;
  }
  /** A member record a new 党员 account may be bound to: in scope, in the account's branch, not yet bound. */
  async function bindableMember(tx: Database, actor: Actor, memberId: string, role: string, orgId: string): Promise<string> {
    if (role !== 'member') throw invalid('只有党员账号可以关联党员档案');
    const m = await members.resolveInScope(actor, memberId, tx);
    if (m.org_id !== orgId) throw invalid(`账号所属组织应为该党员所在的「${m.org_name}」`);
    const bound = await accounts.byMember(tx, regionId, memberId);
    if (bound) throw conflict(`该党员已关联账号「${bound.username}」`);
    return m.id;
  }

  const snapshot = (r: AccountRow) => ({ username: r.username, displayName: r.display_name, role: r.role, orgId: r.org_id, memberId: r.member_id, disabled: r.disabled });

  return {
    async list(actor: Actor, q: AccountListQuery) {
      const { items, total } = await accounts.list(db, regionId, actor.orgPath, q);
      return { items: items.map(show), total };
    },

    async get(actor: Actor, id: string): Promise<Account> {
      return show(await load(db, actor, id));
    },

    async create(actor: Actor, input: AccountInput): Promise<Account> {
      assertCanGrantRole(actor, input.role as Role);
      const org = await orgs.resolveInScope(actor, input.orgId);
      assertAcceptablePassword(input.password, { username: input.username }, 'password');
      const hash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        if (await accounts.byUsername(tx, regionId, input.username)) throw conflict(`用户名「${input.username}」已被使用`);
        const memberId = input.memberId ? await bindableMember(tx, actor, input.memberId, input.role, org.id) : null;
        const id = newId();
        await accounts.insert(tx, regionId, { id, username: input.username, displayName: input.displayName, role: input.role, orgId: org.id, passwordHash: hash, mustChangePassword: true, memberId });
        const row = (await accounts.byId(tx, regionId, id))!;
        await audit.record(tx, actor, { action: 'account.create', entity: 'account', entityId: id, orgPath: org.path, after: snapshot(row) });
        return show(row);
      });
    },

    async update(actor: Actor, id: string, patch: AccountUpdate): Promise<Account> {
      if (patch.role !== undefined || patch.orgId !== undefined || patch.disabled !== undefined) assertNotSelf(actor, id);
      if (patch.role) assertCanGrantRole(actor, patch.role as Role);
      const target = patch.orgId ? await orgs.resolveInScope(actor, patch.orgId) : null;
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        assertCanGrantRole(actor, before.role as Role);
        await accounts.update(tx, regionId, id, { displayName: patch.displayName, role: patch.role, orgId: target?.id, disabled: patch.disabled });
        if (patch.disabled) await accounts.deleteSessionsOf(tx, regionId, id);
        const after = (await accounts.byId(tx, regionId, id))!;
        await audit.record(tx, actor, { action: 'account.update', entity: 'account', entityId: id, orgPath: after.org_path, before: snapshot(before), after: snapshot(after) });
        return show(after);
      });
    },

    /** Sets a new password the user must change at next login, unlocks the account and ends its sessions. */
    async resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
      const target = await load(db, actor, id);
      assertAcceptablePassword(newPassword, { username: target.username }, 'newPassword');
      const hash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        const row = await load(tx, actor, id);
        assertCanGrantRole(actor, row.role as Role);
        await accounts.setPassword(tx, regionId, id, hash, true);
        await accounts.deleteSessionsOf(tx, regionId, id);
        await audit.record(tx, actor, { action: 'account.reset_password', entity: 'account', entityId: id, orgPath: row.org_path });
      });
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
