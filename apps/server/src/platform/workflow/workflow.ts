import type { WorkflowEvent } from '@jiceng/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { isoTime } from '../db/time.ts';
import { conflict, forbidden, notFound, staleVersion } from '../errors.ts';
import {
  actionLabel,
  availableActions,
  checkTransition,
  illegalTransition,
  normalReason,
  stateLabel,
  validateDefinition,
  type WorkflowActor,
  type WorkflowDefinition,
} from './workflow.definition.ts';
import { assertIdentifier, workflowRepository, type WorkflowEventRow, type WorkflowTable } from './workflow.repository.ts';

/**
 * The platform workflow (ADR 0014): a module's state machine is data (`WorkflowDefinition`), and
 * every transition goes through `applyTransition`, which checks it against the definition, changes
 * the state with a conditional update whose row count settles races, and writes the history row and
 * the audit row in the caller's transaction.
 */

/** What a guard sees. It returns a Chinese refusal (answered 403) or nothing; it may throw its own AppError. */
export interface GuardContext {
  recordId: string;
  orgPath: string;
  action: string;
  from: string;
  to: string;
  actor: WorkflowActor;
  reason: string | null;
  /** Whatever the module passed as `subject` (usually the record it loaded). */
  subject: unknown;
}
export type WorkflowGuard = (tx: Database, ctx: GuardContext) => string | null | undefined | Promise<string | null | undefined>;

/** The conditional change a store performs: only a row still in `from` (and at `expectedVersion`, when given). */
export interface StateChange {
  regionId: string;
  recordId: string;
  from: string;
  to: string;
  expectedVersion?: number;
}

/**
 * A module's own conditional update, for changes a table descriptor cannot express. `update` must
 * touch the row only when it is still in `from` (and at `expectedVersion`), and answer whether it
 * did (with the new version, if any); `current` reads the state after it did not.
 */
export interface WorkflowCallbacks {
  update(tx: Database, c: StateChange): Promise<{ version: number | null } | boolean | null>;
  current(tx: Database, regionId: string, recordId: string): Promise<{ state: string; version?: number | null } | undefined>;
}

export type WorkflowStore = WorkflowTable | WorkflowCallbacks;
const isTable = (s: WorkflowStore): s is WorkflowTable => typeof (s as WorkflowTable).table === 'string';

export interface WorkflowDeps {
  regionId: string;
  /** The record kind: history's `kind` and, unless `auditEntity` says otherwise, the audit entity. */
  kind: string;
  audit: Pick<AuditService, 'record'>;
  store: WorkflowStore;
  /** Implementations of the guards the definition names. */
  guards?: Record<string, WorkflowGuard>;
  /** Default: `kind`. */
  auditEntity?: string;
  /** The audit action of a workflow action; default `<kind>.<action>` (labels live in contracts' audit map). */
  auditAction?: (action: string) => string;
}

export interface TransitionInput<A extends string = string> {
  recordId: string;
  /** The record's organization path (history and audit scope). */
  orgPath: string;
  action: A;
  actor: WorkflowActor;
  reason?: string | null;
  /** The state the module read in this transaction, after its scope check. */
  currentState: string;
  /** Optimistic locking: the version the user's page showed (checked in the same update). */
  version?: number;
  /** Table store only: more columns set by the same conditional update (e.g. `held_on`). */
  fields?: Record<string, unknown>;
  /** Stored on the history row and in the audit row's `after`. */
  data?: Record<string, unknown>;
  /** The record's display name for the audit log (looked up by kind when left out). */
  entityName?: string | null;
  /** Handed to the action's guard. */
  subject?: unknown;
  /** The step's time on the module's clock (a module with time limits counts from it); default the transaction's now(). */
  at?: string;
  /** Runs after the state change and the history row, before the audit row, in the same transaction. */
  after?: (tx: Database, t: AppliedTransition<A>) => Promise<void>;
}

export interface AppliedTransition<A extends string = string> {
  recordId: string;
  action: A;
  from: string;
  to: string;
  reason: string | null;
  /** The record's version after the change (null: the store keeps none). */
  version: number | null;
  /** The history row. */
  eventId: string;
  at: string;
}

export type ApplyRequest<S extends string, A extends string> = TransitionInput<A> & WorkflowDeps & { def: WorkflowDefinition<S, A> };

/**
 * Takes `action` on one record inside `tx` (which must be the change's transaction). Refuses with a
 * Chinese 403 (role or guard), 409 naming the current state (illegal, or a concurrent transition won
 * meanwhile), 409 STALE_VERSION, 400 (required reason missing) or 404 (the record is gone). The
 * caller has already checked the record is in the actor's scope.
 */
export async function applyTransition<S extends string, A extends string>(tx: Database, r: ApplyRequest<S, A>): Promise<AppliedTransition<A>> {
  if (!tx.inTransaction) throw new Error('workflow: applyTransition runs inside the transaction of the change');
  const { def, regionId, recordId, action, currentState: from } = r;
  const a = checkTransition(def, { action, state: from, actor: r.actor, reason: r.reason });
  const reason = normalReason(r.reason);
  if (a.guard) {
    const guard = r.guards?.[a.guard];
    if (!guard) throw new Error(`workflow: guard ${a.guard} is not supplied`);
    const refusal = await guard(tx, { recordId, orgPath: r.orgPath, action, from, to: a.to, actor: r.actor, reason, subject: r.subject });
    if (refusal) throw forbidden(refusal);
  }

  const change: StateChange = { regionId, recordId, from, to: a.to, ...(r.version !== undefined ? { expectedVersion: r.version } : {}) };
  const won = isTable(r.store) ? await workflowRepository.update(tx, r.store, { ...change, fields: r.fields }) : await r.store.update(tx, change);
  if (!won) throw await lostRace(tx, r);
  const version = typeof won === 'object' ? won.version : null;

  const data = r.data && Object.keys(r.data).length > 0 ? r.data : null;
  const ev = await workflowRepository.insert(tx, regionId, {
    kind: r.kind,
    recordId,
    orgPath: r.orgPath,
    from,
    to: a.to,
    action,
    actorId: r.actor.id,
    actorName: r.actor.displayName,
    reason,
    data,
    at: r.at ?? null,
  });
  const applied: AppliedTransition<A> = { recordId, action, from, to: a.to, reason, version, eventId: ev.id, at: isoTime(ev.at) };
  await r.after?.(tx, applied);
  await r.audit.record(
    tx,
    { id: r.actor.id, displayName: r.actor.displayName, ip: r.actor.ip ?? null },
    {
      action: r.auditAction ? r.auditAction(action) : `${r.kind}.${action}`,
      entity: r.auditEntity ?? r.kind,
      entityId: recordId,
      ...(r.entityName !== undefined ? { entityName: r.entityName } : {}),
      orgPath: r.orgPath,
      before: { state: from },
      after: { state: a.to, ...(reason ? { reason } : {}), ...(data ?? {}) },
    },
  );
  return applied;
}

/** The answer to a conditional update that changed nothing: what the record is now. */
async function lostRace<S extends string, A extends string>(tx: Database, r: ApplyRequest<S, A>) {
  const now = isTable(r.store) ? await workflowRepository.current(tx, r.store, r.regionId, r.recordId) : await r.store.current(tx, r.regionId, r.recordId);
  if (!now) return notFound(r.def.subjectLabel);
  if (now.state !== r.currentState) return illegalTransition(r.def, now.state, r.action, true);
  if (r.version !== undefined && now.version !== undefined && now.version !== null && now.version !== r.version) return staleVersion(r.def.subjectLabel);
  return conflict('其他人正在办理同一记录，请刷新后重试');
}

/** A history row as the contracts' `WorkflowEvent`, with the definition's Chinese names. */
export function presentWorkflowEvent(def: WorkflowDefinition, row: WorkflowEventRow): WorkflowEvent {
  return {
    id: row.id,
    action: row.action,
    actionLabel: actionLabel(def, row.action),
    fromState: row.from_state,
    fromStateLabel: stateLabel(def, row.from_state),
    toState: row.to_state,
    toStateLabel: stateLabel(def, row.to_state),
    actorId: row.actor_id,
    actorName: row.actor_name,
    reason: row.reason,
    at: isoTime(row.at),
  };
}

/** A record's history, oldest first (the caller has checked the record is in the reader's scope). */
export async function history(db: Database, regionId: string, kind: string, recordId: string): Promise<WorkflowEventRow[]> {
  return workflowRepository.history(db, regionId, kind, recordId);
}

/**
 * One module's workflow: the definition checked once (states, guards, table names), and the
 * operations bound to its region, kind and store.
 */
export function createWorkflow<S extends string, A extends string>(def: WorkflowDefinition<S, A>, deps: WorkflowDeps) {
  validateDefinition(def, Object.keys(deps.guards ?? {}));
  if (isTable(deps.store)) {
    const t = deps.store;
    for (const name of [t.table, t.id, t.state, t.version, t.touched]) if (typeof name === 'string') assertIdentifier(name);
  }
  return {
    definition: def,
    kind: deps.kind,
    /** See `applyTransition`. */
    apply: (tx: Database, input: TransitionInput<A>) => applyTransition(tx, { ...deps, ...input, def }),
    /** The actions `actor` may take from `state` (role check only; guards run on apply). */
    available: (state: string, actor: WorkflowActor) => availableActions(def, state, actor),
    /** The Chinese name of a state. */
    label: (state: string) => stateLabel(def, state),
    /** A record's history as the contracts' `WorkflowEvent`, oldest first. */
    history: async (db: Database, recordId: string): Promise<WorkflowEvent[]> =>
      (await workflowRepository.history(db, deps.regionId, deps.kind, recordId)).map((row) => presentWorkflowEvent(def, row)),
    /** Events in `scopePath`'s subtree, newest first, optionally in `[from, to)` (ISO times). */
    eventsInScope: async (db: Database, scopePath: string, q: { from?: string; to?: string; limit?: number } = {}): Promise<WorkflowEvent[]> =>
      (await workflowRepository.inScope(db, deps.regionId, deps.kind, scopePath, { ...q, limit: q.limit ?? 100 })).map((row) => presentWorkflowEvent(def, row)),
  };
}
export type Workflow<S extends string = string, A extends string = string> = ReturnType<typeof createWorkflow<S, A>>;
