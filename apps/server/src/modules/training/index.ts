import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import type { OrgService } from '../org/index.ts';
import { createTrainingExport } from './training.export.ts';
import { createTrainingImport } from './training.import.ts';
import { noLectures, trainingRepository, type LectureCounts } from './training.repository.ts';
import { registerTrainingRoutes } from './training.routes.ts';
import { createTrainingService, type TrainingService } from './training.service.ts';
import { trainingTodoSource } from './training.todo.ts';

export type { TrainingService, LectureCounts };

/**
 * 党员教育培训: sessions, attendance and hours, yearly hours against the rule set, statistics, the
 * online-course import, exports and the shortfall 待办 source. `lectures` counts the 党课 each member
 * attended at meetings (the meeting module provides it; none are counted without it).
 */
export function createTrainingModule(deps: {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  orgs: OrgService;
  lectures?: LectureCounts;
}) {
  const lectures = deps.lectures ?? noLectures;
  const repo = trainingRepository;
  const service = createTrainingService({ ...deps, repo, lectures });
  const importer = createTrainingImport({ ...deps, repo });
  const exporter = createTrainingExport({ service, clock: deps.clock });
  return { service, importer, todoSource: trainingTodoSource(lectures), register: (app: App) => registerTrainingRoutes(app, service, importer, exporter) };
}
