import type { RouteAccess } from '@jiceng/contracts';
import type { Resident } from '../residents/resident.service.ts';
import type { Actor } from './actor.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs; every route must name one (a test walks them all). */
    access?: RouteAccess;
    /** Callable while the account must still change its temporary password (me, password, logout). */
    beforePasswordChange?: true;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The resident (群众) of a route with `resident` access. */
    resident: Resident | null;
  }
}

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
