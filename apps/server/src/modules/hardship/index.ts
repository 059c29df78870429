import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { MemberService } from '../member/index.ts';
import type { OrgService } from '../org/index.ts';
import { createHardshipExport } from './hardship.export.ts';
import { hardshipRepository } from './hardship.repository.ts';
import { registerHardshipRoutes } from './hardship.routes.ts';
import { createHardshipService, type HardshipService } from './hardship.service.ts';
import { hardshipTodoSource } from './hardship.todos.ts';

export type { HardshipService };

/** 困难党员帮扶: records, helping cadres, visits, and the overdue-visit 待办 source. */
export function createHardshipModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; crypto: FieldCrypto; members: MemberService; orgs: OrgService }) {
  const service = createHardshipService({ ...deps, hardships: hardshipRepository });
  return { service, todoSource: hardshipTodoSource(), register: (app: App) => registerHardshipRoutes(app, service, createHardshipExport({ service, orgs: deps.orgs, clock: deps.clock })) };
}
