import { sql } from 'drizzle-orm';
import { rolePermissions, roleScope, type Role } from '@jiceng/contracts';
import type { Clock } from '../src/platform/clock.ts';
import type { Actor } from '../src/platform/http/actor.ts';
import type { Server } from '../src/server.ts';

/** A demo account as the actor a module's service is called with (the demo records through the services, as a user would). */
export async function actorOf(server: Server, username: string): Promise<Actor> {
  const a = (await server.db.one<{ id: string; display_name: string; role: Role; org_id: string; path: string; name: string }>(sql`
    select a.id::text as id, a.display_name, a.role, a.org_id::text as org_id, o.path::text as path, o.name from account a
    join org o on o.region_id = a.region_id and o.id = a.org_id where a.region_id = ${server.regionId} and a.username = ${username}`))!;
  return {
    id: a.id,
    regionId: server.regionId,
    username,
    displayName: a.display_name,
    role: a.role,
    orgId: a.org_id,
    orgPath: a.path,
    orgName: a.name,
    permissions: rolePermissions[a.role],
    scope: roleScope[a.role],
    csrfToken: '',
    mustChangePassword: false,
    memberId: null,
    ip: null,
  };
}

/** A clock the seed moves along the year, so each step is dated as a user would have taken it. */
export function seedClock(start: string): Clock & { set(d: string): void } {
  let d = start;
  return { now: () => new Date(`${d}T04:00:00Z`), today: () => d, set: (x) => void (d = x) };
}
