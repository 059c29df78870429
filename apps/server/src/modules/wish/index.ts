import { createAttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import { createWishExport } from './wish.export.ts';
import { wishRepository } from './wish.repository.ts';
import { registerWishRoutes } from './wish.routes.ts';
import { createWishService, type WishService } from './wish.service.ts';
import { wishTodoSources } from './wish.todo.ts';

export type { WishService };

/**
 * 微心愿: posted by a resident (H5, reviewed by the community) or by the community, published on the
 * community's wish wall, claimed by exactly one 党员 (a race has one winner), fulfilled with a photo,
 * confirmed by the community — through the platform workflow (rule wish-workflow-2026). To-dos for
 * the community: wishes to review, fulfilments to confirm, claims overdue.
 */
export function createWishModule(deps: { db: Database; regionId: string; audit: AuditService; clock: Clock; crypto: FieldCrypto }) {
  const service = createWishService({ ...deps, repo: wishRepository, attachments: createAttachmentService({ regionId: deps.regionId, audit: deps.audit }) });
  const exporter = createWishExport({ service, clock: deps.clock });
  return {
    service,
    /** 微心愿待审核, 待确认, 逾期未完成, for the registry. */
    todoSources: wishTodoSources(service.rules),
    register: (app: App) => registerWishRoutes(app, service, exporter),
  };
}
