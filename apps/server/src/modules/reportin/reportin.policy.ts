import { Permission, REPORT_IN_ORG_DOMAINS, REPORT_IN_ORG_TYPES } from '@jiceng/contracts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { CommunityRow, MemberReportRow, UnitReportRow } from './reportin.repository.ts';

/**
 * Who may do what with 双报到 records.
 * - A member's report is filed by the member's own side (member:write with the member in scope) or
 *   by the member (a 党员 account, member:self, for itself only). It may be cancelled by either of
 *   those or by the community side (member:write with the community in scope).
 * - A unit's report is filed by the community side (org:write with the community in scope) or by a
 *   驻区单位 account for the community it is bound to. That role holds only org:read and its scope is
 *   'self'; rather than a new permission key used by one role, the unit routes declare org:read (held
 *   by every role that may act) and this policy narrows it by role and binding.
 * Out of scope answers 404, so records of other streets are not revealed.
 */

const has = (actor: Actor, p: Permission) => actor.permissions.includes(p);

/** The report target must be an active community (village) committee, general branch or branch. */
export function assertReportTarget(c: CommunityRow | undefined): asserts c {
  if (!c) throw notFound('社区党组织');
  const eligible = (REPORT_IN_ORG_TYPES as readonly string[]).includes(c.type) && (REPORT_IN_ORG_DOMAINS as readonly string[]).includes(c.domain);
  if (!eligible) throw invalid(`「${c.name}」不是社区（村）党组织，请选择居住地所在的社区（村）党组织`);
  if (c.status !== 'active') throw invalid(`「${c.name}」已撤销，请选择其他社区（村）党组织`);
}

/** Before any look-up: a 党员 account may report only itself; others need member:write. */
export function assertMayFileMemberReport(actor: Actor, memberId: string): void {
  if (actor.scope === 'self') {
    if (!has(actor, Permission.MEMBER_SELF) || actor.memberId !== memberId) throw forbidden('党员本人只能为自己办理到社区报到');
    return;
  }
  if (!has(actor, Permission.MEMBER_WRITE)) throw forbidden();
}

/** The organization path an action on this member report is recorded under (the side that acted); 404 when none. */
export function memberReportSide(actor: Actor, r: MemberReportRow | undefined): string {
  if (!r) throw notFound('报到记录');
  if (actor.scope === 'self') {
    if (has(actor, Permission.MEMBER_SELF) && actor.memberId === r.member_id) return r.home_org_path;
    throw notFound('报到记录');
  }
  if (has(actor, Permission.MEMBER_WRITE)) {
    if (pathInScope(actor, r.home_org_path)) return r.home_org_path;
    if (pathInScope(actor, r.community_path)) return r.community_path;
  }
  throw notFound('报到记录');
}

/** A community in the reader's subtree (list filters); 404 otherwise. */
export function assertCommunityInScope(actor: Actor, c: CommunityRow | undefined): asserts c {
  if (!c || actor.scope === 'self' || !pathInScope(actor, c.path)) throw notFound('社区党组织');
}

/** Filing or cancelling a unit's report to community `c`. */
export function assertMayActForUnit(actor: Actor, c: Pick<CommunityRow, 'id' | 'path'>): void {
  if (actor.role === 'resident_unit') {
    if (actor.orgId !== c.id) throw forbidden('驻区单位账号只能向本账号所属的社区报到');
    return;
  }
  if (actor.scope === 'self' || !pathInScope(actor, c.path)) throw notFound('社区党组织');
  if (!has(actor, Permission.ORG_WRITE)) throw forbidden();
}

/** Reading a unit's report: the community's subtree, or the 驻区单位 account that filed it. */
export function assertMayReadUnitReport(actor: Actor, u: UnitReportRow | undefined): asserts u {
  const ok = u && (actor.scope === 'self' ? u.created_by === actor.id : pathInScope(actor, u.community_path));
  if (!ok) throw notFound('报到记录');
}

/** The community picker: whoever may file a report. */
export function assertMayPickCommunity(actor: Actor): void {
  const ok = [Permission.MEMBER_WRITE, Permission.MEMBER_SELF, Permission.ORG_WRITE].some((p) => has(actor, p)) || actor.role === 'resident_unit';
  if (!ok) throw forbidden();
}

/** Full personal fields need personal:unmask; the caller audits the read. */
export function assertMayUnmask(actor: Actor): void {
  if (!has(actor, Permission.PERSONAL_UNMASK)) throw forbidden('您没有查看完整个人信息的权限');
}
