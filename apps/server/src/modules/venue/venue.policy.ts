import { Permission } from '@jiceng/contracts';
import type { BookingRole } from '@jiceng/rules';
import { forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { ReportedUnit } from '../reportin/index.ts';
import type { BookingRow } from './venue.bookings.repository.ts';
import type { VenueRow, VenueScope } from './venue.repository.ts';

/**
 * Who may see and do what with venues and bookings.
 * - An organization account with regional:read (subtree scope) sees the venues of the communities
 *   in its subtree (a community its own, a street its communities') and those of the community its
 *   own organization belongs to (a branch or a grid books its community's rooms); with
 *   regional:manage it
 *   registers and edits them, suspends and reopens them, and cancels any of their bookings (workflow
 *   roles `manager`, `community`); with regional:record or regional:manage it books their rooms
 *   (booker kind `org`).
 * - A 驻区单位 account (regional:unit, scope self) sees the venues of the communities its units
 *   reported to and the venues its units opened; it books their rooms for its unit (booker kind
 *   `unit`) and manages its units' own opened venues (`manager`).
 * - A resident (H5) books rooms marked bookable by residents and cancels their own bookings.
 * Anything outside answers 404. The routes declare `authenticated` where both kinds of account act
 * and this policy narrows it (the unit's permission is held by one role only, as in 双报到).
 */

const has = (actor: Actor, p: Permission) => actor.permissions.includes(p);
export const isOrgSide = (actor: Actor) => actor.scope === 'subtree' && has(actor, Permission.REGION_READ);
export const isUnitSide = (actor: Actor) => has(actor, Permission.REGION_UNIT);
/** The venue's community is in the account's subtree, or is the community its organization lies under. */
export const orgReaches = (actor: Actor, communityPath: string) => pathInScope(actor, communityPath) || actor.orgPath.startsWith(communityPath + '.');

/** The venues an account may read: its subtree, or its units' communities and opened venues. */
export function venueScopeOf(actor: Actor, units: readonly ReportedUnit[]): VenueScope {
  if (isOrgSide(actor)) return { path: actor.orgPath };
  if (isUnitSide(actor)) return { communityIds: [...new Set(units.map((u) => u.communityId))], unitIds: units.map((u) => u.id) };
  throw forbidden('您没有查看阵地的权限');
}

/** A venue the account may read; 404 otherwise. */
export function assertMaySeeVenue(actor: Actor, units: readonly ReportedUnit[], v: VenueRow | undefined): asserts v is VenueRow {
  if (!v || !maySeeVenue(actor, units, v)) throw notFound('阵地');
}

export function maySeeVenue(actor: Actor, units: readonly ReportedUnit[], v: Pick<VenueRow, 'org_id' | 'org_path' | 'unit_id'>): boolean {
  if (isOrgSide(actor)) return orgReaches(actor, v.org_path);
  if (isUnitSide(actor)) return units.some((u) => u.communityId === v.org_id || u.id === v.unit_id);
  return false;
}

/** Edits, rooms, suspending: the community side in scope, or the unit that opened the venue. */
export function mayManageVenue(actor: Actor, units: readonly ReportedUnit[], v: Pick<VenueRow, 'org_path' | 'unit_id'>): boolean {
  if (isOrgSide(actor)) return has(actor, Permission.REGION_MANAGE) && pathInScope(actor, v.org_path);
  if (isUnitSide(actor)) return !!v.unit_id && units.some((u) => u.id === v.unit_id);
  return false;
}

export function assertMayManageVenue(actor: Actor, units: readonly ReportedUnit[], v: VenueRow): void {
  if (!mayManageVenue(actor, units, v)) throw forbidden('只有阵地所属社区（或开放阵地的驻区单位）可以维护阵地信息');
}

/** The units a 驻区单位 account may book this venue for: those reported to its community, or the one that opened it. */
export const unitsBookingHere = (units: readonly ReportedUnit[], v: Pick<VenueRow, 'org_id' | 'unit_id'>) =>
  units.filter((u) => u.communityId === v.org_id || u.id === v.unit_id);

/** Whether the account may book rooms of this venue (it has already been found visible). */
export function mayBook(actor: Actor, units: readonly ReportedUnit[], v: Pick<VenueRow, 'org_id' | 'org_path' | 'unit_id'>): boolean {
  if (isOrgSide(actor)) return (has(actor, Permission.REGION_RECORD) || has(actor, Permission.REGION_MANAGE)) && orgReaches(actor, v.org_path);
  if (isUnitSide(actor)) return unitsBookingHere(units, v).length > 0;
  return false;
}

/** The account's workflow role on a booking: its booker (the same account, organization or unit), the venue's community, or none. */
export function bookingRole(actor: Actor, units: readonly ReportedUnit[], b: BookingRow): BookingRole | null {
  if (isOrgSide(actor) && has(actor, Permission.REGION_MANAGE) && pathInScope(actor, b.org_path)) return 'community';
  if (isBooker(actor, units, b)) return 'booker';
  return null;
}

export function isBooker(actor: Actor, units: readonly ReportedUnit[], b: BookingRow): boolean {
  if (b.booker_account_id === actor.id) return true;
  if (b.booker_kind === 'org')
    return isOrgSide(actor) && b.booker_org_id === actor.orgId && mayBook(actor, units, { org_id: b.org_id, org_path: b.org_path, unit_id: b.venue_unit_id });
  if (b.booker_kind === 'unit') return isUnitSide(actor) && units.some((u) => u.id === b.booker_unit_id);
  return false;
}

export const mayUnmask = (actor: Actor) => has(actor, Permission.PERSONAL_UNMASK);
