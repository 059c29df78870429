import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { MemberService } from '../member/index.ts';
import { duesRepository } from './dues.repository.ts';
import { registerDuesRoutes } from './dues.routes.ts';
import { createDuesService, type DuesService } from './dues.service.ts';

export type { DuesService };

/** 党费 (issue 11): members' dues bases (amounts from the rule set dues-2008) and the calculator. */
export function createDuesModule(deps: { db: Database; regionId: string; audit: AuditService; members: MemberService }) {
  const service = createDuesService({ ...deps, dues: duesRepository });
  return { service, register: (app: App) => registerDuesRoutes(app, service) };
}
