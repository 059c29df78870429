import { Permission, type Role } from '@jiceng/contracts';
import { SERVICE_REQUEST_WORKFLOW, type ServiceLevel, type ServiceRequestAction, type ServiceRequestRole, type ServiceRequestState } from '@jiceng/rules';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';

/**
 * Who may do what with a request (ADR 0021).
 * - Read: service:read and the request's place in the account's subtree; or the account holds the
 *   order now (its grid, team or department, or its member record); or it registered the request.
 *   A grid worker has no service:read: they see only what is dispatched to them and what they
 *   registered. Anything else answers 404.
 * - Desk (受理, 派单 …): service:dispatch, the place in scope, and a desk at or above the request's
 *   level: a community account for 村居, street, department and administrator for every level (the
 *   joint level's desk is the street, which whistles).
 * - Assignee (接单, 退单, 办结 …): service:handle and holding the order now.
 * - Grid worker (补充材料, 回访 for a resident): a grid worker account of the request's grid.
 */

const LEVEL_RANK: Record<ServiceLevel, number> = { community: 0, area: 1, street: 2, joint: 2 };
const DESK_RANK: Partial<Record<Role, number>> = { admin: 2, department: 2, street: 2, community: 0 };
const LEVEL_DESK: Record<ServiceLevel, ServiceRequestRole> = { community: 'community', area: 'area', street: 'street', joint: 'street' };

export interface PolicyRow {
  org_path: string;
  level: string;
  grid_id: string | null;
  assignee_type: string | null;
  assignee_org_path: string | null;
  assignee_member_id: string | null;
  recorded_by: string | null;
}

const under = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}.`);
const has = (actor: Actor, p: Permission) => actor.permissions.includes(p);

/** The account holds the order now: its organization at or under the assignee's, or its member record. */
export function holdsOrder(actor: Actor, row: PolicyRow): boolean {
  if (!has(actor, Permission.SERVICE_HANDLE) || !row.assignee_type) return false;
  if (row.assignee_type === 'member') return !!actor.memberId && actor.memberId === row.assignee_member_id;
  return !!row.assignee_org_path && under(actor.orgPath, row.assignee_org_path);
}

export function mayRead(actor: Actor, row: PolicyRow): boolean {
  if (has(actor, Permission.SERVICE_READ) && actor.scope === 'subtree' && pathInScope(actor, row.org_path)) return true;
  return holdsOrder(actor, row) || (!!row.recorded_by && row.recorded_by === actor.id);
}

/** The desk role the account may act as on this request now, or null. */
export function deskRole(actor: Actor, row: PolicyRow): ServiceRequestRole | null {
  if (!has(actor, Permission.SERVICE_DISPATCH) || actor.scope !== 'subtree' || !pathInScope(actor, row.org_path)) return null;
  const level = row.level as ServiceLevel;
  const rank = DESK_RANK[actor.role];
  return rank !== undefined && rank >= LEVEL_RANK[level] ? LEVEL_DESK[level] : null;
}

/** The workflow roles the account holds on this request. */
export function serviceRoles(actor: Actor, row: PolicyRow): ServiceRequestRole[] {
  const roles: ServiceRequestRole[] = [];
  const desk = deskRole(actor, row);
  if (desk) roles.push(desk);
  if (holdsOrder(actor, row)) roles.push('assignee');
  if (actor.role === 'grid_worker' && has(actor, Permission.SERVICE_HANDLE) && row.grid_id && under(row.org_path, actor.orgPath)) roles.push('grid_worker');
  return roles;
}

/** The held role the step allows (else the first held, which the workflow refuses naming who may). */
export function roleFor(held: readonly ServiceRequestRole[], action: ServiceRequestAction, state: string): ServiceRequestRole | null {
  const steps = SERVICE_REQUEST_WORKFLOW.transitions.filter((t) => t.action === action && t.from.includes(state as ServiceRequestState));
  return held.find((r) => steps.some((t) => t.roles.includes(r))) ?? held[0] ?? null;
}

/** The steps the account may take now (the buttons); the system's own are left out. */
export function actionsFor(held: readonly ServiceRequestRole[], state: string): ServiceRequestAction[] {
  const out = new Set<ServiceRequestAction>();
  for (const t of SERVICE_REQUEST_WORKFLOW.transitions) {
    if (t.from.includes(state as ServiceRequestState) && t.roles.some((r) => held.includes(r)) && t.action !== 'auto_close' && t.action !== 'reopen')
      out.add(t.action);
  }
  return [...out];
}
