import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { OrgService } from '../org/index.ts';
import { memberRepository } from './member.repository.ts';
import { registerMemberRoutes } from './member.routes.ts';
import { createMemberService, type MemberService } from './member.service.ts';

export type { MemberService };
export type { MemberRow } from './member.repository.ts';

/** The member module: records, lifecycle, extended tabs. Other modules get its service. */
export function createMemberModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; crypto: FieldCrypto; orgs: OrgService }) {
  const service = createMemberService({ ...deps, members: memberRepository });
  return { service, register: (app: App) => registerMemberRoutes(app, service) };
}
