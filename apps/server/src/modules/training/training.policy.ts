import { forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';

/**
 * Data scope of 党员教育培训: a session is in scope when its organizer lies in the actor's subtree
 * (so are its attendance records); a person's hours when their branch does. Self-scoped accounts
 * (党员, 驻区单位) see only their own hours (`GET /api/training/me`). Out of scope answers 404.
 */
export function assertSessionInScope<T extends { org_path: string }>(actor: Actor, row: T | undefined): asserts row is T {
  if (!row || actor.scope === 'self' || !pathInScope(actor, row.org_path)) throw notFound('培训');
}

/** Lists and statistics are for subtree accounts. */
export function assertSubtree(actor: Actor): void {
  if (actor.scope === 'self') throw forbidden();
}

/** Attendance is recorded only for members of the organizer's subtree. */
export function inOrganizerSubtree(organizerPath: string, memberPath: string): boolean {
  return memberPath === organizerPath || memberPath.startsWith(`${organizerPath}.`);
}
