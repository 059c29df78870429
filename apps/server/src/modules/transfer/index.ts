import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { MemberService } from '../member/index.ts';
import { createTransferCore, type TransferDeps } from './transfer.core.ts';
import { createTransferExport } from './transfer.export.ts';
import { createLetterService, type LetterService } from './transfer.letters.ts';
import { transferRepository } from './transfer.repository.ts';
import { registerTransferRoutes } from './transfer.routes.ts';
import { createTransferService, type TransferService } from './transfer.service.ts';
import { letterTodoSource } from './transfer.todo.ts';

export type { LetterService, TransferService };

/**
 * 组织关系转接: within the deployment and by introduction letter. Moves a member's branch only
 * through the member service, in the transaction that accepts the transfer.
 */
export function createTransferModule(deps: {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  members: MemberService;
  duesPaidTo?: TransferDeps['duesPaidTo'];
}) {
  const base = { ...deps, transfers: transferRepository };
  const core = createTransferCore(base);
  const service = createTransferService(base, core);
  const letters = createLetterService(base, core);
  return {
    service,
    letters,
    /** The 待办 of overdue letters, for the registry. */
    todoSource: letterTodoSource(),
    register: (app: App) => registerTransferRoutes(app, service, letters, createTransferExport({ service, clock: deps.clock })),
  };
}
