import type { Account, AccountInput, AccountListQuery, AccountUpdate, Role } from '@jiceng/contracts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import { AuditedRefusal, withAuditedRefusals } from '../../platform/audit/refusal.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { MemberService } from '../member/index.ts';
import type { OrgService } from '../org/index.ts';
import type { AccountLockRepository } from './account.lock.repository.ts';
import { ACCOUNT_AUDIT_ACTIONS, assertMayGrant, assertMayManage, assertOrgFitsRole, refusalEvent, type AccountOperation } from './account.policy.ts';
import { accountSnapshot, presentAccount } from './account.presenter.ts';
import type { AccountRepository, AccountRow } from './account.repository.ts';
import { assertAcceptablePassword, hashPassword } from './password.ts';

export interface AccountServiceDeps {
  db: Database;
  regionId: string;
  accounts: AccountRepository;
  locks: AccountLockRepository;
  orgs: Pick<OrgService, 'resolveInScope' | 'get'>;
  members: Pick<MemberService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
}

/** Answers that refuse a management request (rather than correct its input); each is audited. */
const REFUSALS = new Set<string>(['FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });

/** What a PATCH does, for the audit log: a lone 停用/启用 switch, or an edit. */
const operationOf = (patch: AccountUpdate): AccountOperation =>
  Object.keys(patch).length === 1 && patch.disabled !== undefined ? (patch.disabled ? 'disable' : 'enable') : 'update';

/**
 * Account management inside the actor's subtree: the roles the actor may grant (`grantableRoles`),
 * never the actor's own account. Every refusal is audited, also when its transaction rolled back.
 */
export function createAccountService(deps: AccountServiceDeps) {
  const { db, regionId, accounts, locks, orgs, members, audit, clock } = deps;
  const show = (actor: Actor, r: AccountRow) => presentAccount(r, actor, clock.now());

  /** Runs a request; a refusal from it (403, 404, 409) is written to the audit log after any rollback. */
  function audited<T>(actor: Actor, op: AccountOperation, subjectId: string | null, work: () => Promise<T>): Promise<T> {
    return withAuditedRefusals(db, audit, actor, async () => {
      try {
        return await work();
      } catch (e) {
        if (e instanceof AppError && !(e instanceof AuditedRefusal) && REFUSALS.has(e.code))
          throw new AuditedRefusal(e, refusalEvent(actor, op, e, { id: subjectId }));
        throw e;
      }
    });
  }

  /** The organization an account of `role` is bound to: in scope and suited to the role. */
  async function orgFor(actor: Actor, orgId: string, role: Role) {
    const org = await orgs.resolveInScope(actor, orgId);
    const domain = role === 'resident_unit' ? (await orgs.get(actor, orgId)).domain : '';
    assertOrgFitsRole(role, { ...org, domain });
    return org;
  }

  /** The member record a new 党员 account is bound to: in scope, still here, in the account's branch, not yet bound. */
  async function bindableMember(tx: Database, actor: Actor, memberId: string | undefined, role: Role, orgId: string): Promise<string | null> {
    if (role !== 'member') {
      if (memberId) throw field('memberId', '只有党员账号可以关联党员档案');
      return null;
    }
    if (!memberId) throw field('memberId', '党员账号须关联本组织及下级的党员档案，请选择党员');
    const m = await members.resolveInScope(actor, memberId, tx);
    if (m.status === 'left' || m.transferred_out_date) throw field('memberId', `「${m.name}」已出党或已转出本地，不能开通党员账号`);
    if (m.org_id !== orgId) throw field('orgId', `账号所属组织应为该党员所在的「${m.org_name}」`);
    const bound = await accounts.byMember(tx, regionId, memberId);
    if (bound) throw conflict(`该党员已关联账号「${bound.username}」`);
    return m.id;
  }

  /** A role or organization change must keep a 党员 account with its member's branch, and no other role with a member. */
  async function assertBindingKept(tx: Database, actor: Actor, before: AccountRow, role: Role, orgId: string): Promise<void> {
    if (before.member_id === null) {
      if (role === 'member') throw field('role', '党员账号须关联党员档案：请新建党员账号并选择党员');
      return;
    }
    if (role !== 'member') throw field('role', '该账号已关联党员档案，不能改为其他角色；如需其他角色请另建账号');
    const m = await members.resolveInScope(actor, before.member_id, tx);
    if (m.org_id !== orgId) throw field('orgId', `党员账号所属组织应为该党员所在的「${m.org_name}」`);
  }

  return {
    async list(actor: Actor, q: AccountListQuery) {
      const { items, total } = await accounts.list(db, regionId, actor.orgPath, q);
      return { items: items.map((r) => show(actor, r)), total };
    },

    async get(actor: Actor, id: string): Promise<Account> {
      const row = await accounts.byId(db, regionId, id);
      if (!row || !pathInScope(actor, row.org_path)) throw notFound('账号');
      return show(actor, row);
    },

    /** A new account of a role the actor may grant, bound in its subtree; the user must change the initial password. */
    create(actor: Actor, input: AccountInput): Promise<Account> {
      const role = input.role as Role;
      return audited(actor, 'create', null, async () => {
        assertMayGrant(actor, role, 'create', null);
        const org = await orgFor(actor, input.orgId, role);
        assertAcceptablePassword(input.password, { username: input.username }, 'password');
        const hash = await hashPassword(input.password);
        return db.transaction(async (tx) => {
          if (await accounts.byUsername(tx, regionId, input.username)) throw conflict(`用户名「${input.username}」已被使用`);
          const memberId = await bindableMember(tx, actor, input.memberId, role, org.id);
          const id = newId();
          await accounts.insert(tx, regionId, {
            id,
            username: input.username,
            displayName: input.displayName,
            role,
            orgId: org.id,
            passwordHash: hash,
            mustChangePassword: true,
            memberId,
          });
          const row = (await accounts.byId(tx, regionId, id))!;
          await audit.record(tx, actor, { action: 'account.create', entity: 'account', entityId: id, orgPath: org.path, after: accountSnapshot(row) });
          return show(actor, row);
        });
      });
    },

    /** Name, role, organization or 停用/启用 of an account the actor may manage; disabling ends its sessions. */
    update(actor: Actor, id: string, patch: AccountUpdate): Promise<Account> {
      const op = operationOf(patch);
      return audited(actor, op, id, async () => {
        const seen = await accounts.byId(db, regionId, id);
        assertMayManage(actor, seen, id, op);
        if (patch.role) assertMayGrant(actor, patch.role as Role, op, id);
        const role = (patch.role ?? seen.role) as Role;
        const orgId = patch.orgId ?? seen.org_id;
        // Only a real move or role change is checked: an account at a dissolved organization can still be renamed or disabled.
        const moved = orgId !== seen.org_id || role !== seen.role;
        if (moved) await orgFor(actor, orgId, role);
        return db.transaction(async (tx) => {
          await locks.lock(tx, regionId, id);
          const before = await accounts.byId(tx, regionId, id);
          assertMayManage(actor, before, id, op);
          if (before.role !== seen.role || before.org_id !== seen.org_id) throw conflict('该账号刚被他人修改，请刷新后重试');
          if (op !== 'update' && before.disabled === patch.disabled) throw conflict(`该账号已是${before.disabled ? '停用' : '启用'}状态`);
          if (moved) await assertBindingKept(tx, actor, before, role, orgId);
          await accounts.update(tx, regionId, id, { displayName: patch.displayName, role: patch.role, orgId: patch.orgId, disabled: patch.disabled });
          if (patch.disabled) await accounts.deleteSessionsOf(tx, regionId, id);
          const after = (await accounts.byId(tx, regionId, id))!;
          await audit.record(tx, actor, {
            action: ACCOUNT_AUDIT_ACTIONS[op],
            entity: 'account',
            entityId: id,
            orgPath: after.org_path,
            before: accountSnapshot(before),
            after: accountSnapshot(after),
          });
          return show(actor, after);
        });
      });
    },

    /**
     * Sets a new initial password the user must change at next login (the must-change mechanism),
     * unlocks the account and ends its sessions. Only for accounts the actor may manage.
     */
    resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
      return audited(actor, 'reset_password', id, async () => {
        const target = await accounts.byId(db, regionId, id);
        assertMayManage(actor, target, id, 'reset_password');
        assertAcceptablePassword(newPassword, { username: target.username }, 'newPassword');
        const hash = await hashPassword(newPassword);
        await db.transaction(async (tx) => {
          await locks.lock(tx, regionId, id);
          const row = await accounts.byId(tx, regionId, id);
          assertMayManage(actor, row, id, 'reset_password');
          await accounts.setPassword(tx, regionId, id, hash, true);
          await accounts.deleteSessionsOf(tx, regionId, id);
          await audit.record(tx, actor, {
            action: 'account.reset_password',
            entity: 'account',
            entityId: id,
            orgPath: row.org_path,
            after: { mustChangePassword: true },
          });
        });
      });
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
