import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { MemberService } from '../member/index.ts';
import { createFloatingExport } from './floating.export.ts';
import { floatingRepository } from './floating.repository.ts';
import { registerFloatingRoutes } from './floating.routes.ts';
import { createFloatingService, type FloatingService } from './floating.service.ts';
import { floatingTodoSources } from './floating.todos.ts';
import { lostContactRepository } from './lost-contact.repository.ts';
import { registerLostContactRoutes } from './lost-contact.routes.ts';
import { createLostContactService, type LostContactService } from './lost-contact.service.ts';

export type { FloatingService, LostContactService };

/** 流动党员 and 失联党员: services, routes, and their 待办 sources for the registry. */
export function createFloatingModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; crypto: FieldCrypto; members: MemberService }) {
  const service = createFloatingService({ ...deps, floating: floatingRepository });
  const lostContact = createLostContactService({ ...deps, lost: lostContactRepository });
  return {
    service,
    lostContact,
    todoSources: floatingTodoSources(),
    register: (app: App) => {
      const exporter = createFloatingExport({ floating: service, lostContact, clock: deps.clock });
      registerFloatingRoutes(app, service, exporter);
      registerLostContactRoutes(app, lostContact, exporter);
    },
  };
}
