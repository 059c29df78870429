import type { Permission, Role } from '@jiceng/contracts';
import type { Generations } from '../cache/change-marks.ts';

/** The logged-in account making a request, with its data scope. */
export interface Actor {
  id: string;
  regionId: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  /** ltree path of the bound organization: the scope is this subtree. */
  orgPath: string;
  orgName: string;
  permissions: readonly Permission[];
  scope: 'subtree' | 'self';
  csrfToken: string;
  mustChangePassword: boolean;
  /** The member record a 党员 account is bound to. */
  memberId: string | null;
  ip: string | null;
  /**
   * The watched tables' generations, read with the session (ADR 0009): what read caches may trust
   * for this request. Absent (a login, a system job, a test's actor): caches are bypassed.
   */
  seen?: Generations;
}

/** True when `path` lies in the actor's subtree. */
export function pathInScope(actor: Pick<Actor, 'orgPath'>, path: string): boolean {
  return path === actor.orgPath || path.startsWith(actor.orgPath + '.');
}
