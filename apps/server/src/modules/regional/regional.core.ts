import { RG_NEED_WORKFLOW, RG_PROJECT_WORKFLOW, RG_RULES_2026, type RgNeedAction, type RgProjectAction, type RgRuleSet } from '@jiceng/rules';
import type { AttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import { createWorkflow, type AppliedTransition } from '../../platform/workflow/workflow.ts';
import { reportedUnits, type ReportedUnit } from '../reportin/index.ts';
import { regionalProjectRepository, type ProjectRow } from './regional.projects.repository.ts';
import { regionalRepository, type NeedRow } from './regional.repository.ts';

/** Kinds of the module's rows in the platform tables (workflow_event, attachment, audit). */
export const RG_NEED_KIND = 'rg_need';
export const RG_PROJECT_KIND = 'rg_project';
export const RG_ACTIVITY_KIND = 'rg_activity';

export interface RegionalDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  attachments: AttachmentService;
  rules?: RgRuleSet;
}

export const field = (name: string, message: string) => invalid(message, { fields: [{ field: name, message }] });
export const orNull = (s: string | null | undefined) => s?.trim() || null;
export const text = (s: string) => s.trim();

/** What the needs, resources and projects services share: rules, workflows bound to their tables, the account's units, today. */
export function createRegionalCore(deps: RegionalDeps) {
  const { regionId, audit, clock } = deps;
  const rules = deps.rules ?? RG_RULES_2026;
  const needs = createWorkflow(RG_NEED_WORKFLOW, { regionId, kind: RG_NEED_KIND, audit, store: { table: 'rg_need', touched: 'updated_at' } });
  const projects = createWorkflow(RG_PROJECT_WORKFLOW, { regionId, kind: RG_PROJECT_KIND, audit, store: { table: 'rg_project', touched: 'updated_at' } });

  type StepOptions = { reason?: string | null; version?: number; fields?: Record<string, unknown>; data?: Record<string, unknown> };
  const needStep = (tx: Database, n: Pick<NeedRow, 'id' | 'org_path' | 'state' | 'title'>, action: RgNeedAction, actor: WorkflowActor, o: StepOptions = {}) =>
    needs.apply(tx, { recordId: n.id, orgPath: n.org_path, action, actor, currentState: n.state, entityName: n.title, at: clock.now().toISOString(), ...o });
  const projectStep = (
    tx: Database,
    p: Pick<ProjectRow, 'id' | 'org_path' | 'state' | 'title'>,
    action: RgProjectAction,
    actor: WorkflowActor,
    o: StepOptions = {},
  ): Promise<AppliedTransition<RgProjectAction>> =>
    projects.apply(tx, { recordId: p.id, orgPath: p.org_path, action, actor, currentState: p.state, entityName: p.title, at: clock.now().toISOString(), ...o });

  /** The units a 驻区单位 account acts for (none for other accounts). */
  const unitsOf = (db: Database, actor: Actor): Promise<ReportedUnit[]> => reportedUnits.ofAccount(db, actor);
  /** Today in China (YYYY-MM-DD) on the module's clock. */
  const today = () => clock.today();

  return { ...deps, rules, repo: regionalRepository, projectRepo: regionalProjectRepository, needs, projects, needStep, projectStep, unitsOf, today };
}
export type RegionalCore = ReturnType<typeof createRegionalCore>;
