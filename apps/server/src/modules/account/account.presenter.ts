import { roleLabel, type Account, type Role } from '@jiceng/contracts';
import { isoTime } from '../../platform/db/time.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { mayManage } from './account.policy.ts';
import type { AccountRow } from './account.repository.ts';

/** An account for the reader: never its password hash or counters; a lock only while it lasts. */
export function presentAccount(r: AccountRow, actor: Actor, now: Date): Account {
  return {
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
    manageable: mayManage(actor, r),
  };
}

/** What the audit log keeps of an account before and after a change. */
export const accountSnapshot = (r: AccountRow) => ({
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  orgId: r.org_id,
  memberId: r.member_id,
  disabled: r.disabled,
});
