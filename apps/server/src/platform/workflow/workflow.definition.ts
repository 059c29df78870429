import { AppError, conflict, forbidden, invalid } from '../errors.ts';

/**
 * A workflow definition as data (ADR 0014): the part the platform reads, kept minimal so a rule set
 * in `packages/rules` (e.g. `MEETING_WORKFLOW`: states, their labels, transitions with roles and
 * required reasons) satisfies it structurally, without the platform importing it. Every member is
 * readonly, so `as const` data fits too; members the platform does not read (id, initial, final) may
 * be there.
 */
export interface WorkflowTransitionDef<S extends string = string, A extends string = string> {
  readonly action: A;
  /** States the step may start from. At most one step per (state, action). */
  readonly from: readonly S[];
  /** The state it leads to. */
  readonly to: S;
  /** The actor must give a reason (退回, 取消 …); stored on the history row. */
  readonly reasonRequired?: boolean;
  /** Workflow roles that may take the step (`WorkflowActor.role`); absent: anyone the route admits. */
  readonly roles?: readonly string[];
  /** Name of a guard the module supplies (`WorkflowDeps.guards`), run after the other checks. */
  readonly guard?: string;
}

export interface WorkflowDefinition<S extends string = string, A extends string = string> {
  /** What moves through the workflow, for messages: 会议. Default 该记录. */
  readonly subjectLabel?: string;
  readonly states: readonly S[];
  /** Chinese name of every state, named in every refusal. */
  readonly stateLabel: { readonly [K in S]: string };
  /** Chinese name of every action (提交审核); the code itself when absent. */
  readonly actionLabel?: { readonly [K in A]: string };
  /** Chinese names of the roles, for the 403 that says who may act. */
  readonly roleLabel?: { readonly [role: string]: string };
  readonly transitions: readonly WorkflowTransitionDef<S, A>[];
}

/** Who takes an action: an account, or a system job (null id). */
export interface WorkflowActor {
  id: string | null;
  displayName: string | null;
  /**
   * The actor's role in the definition's terms (the module maps the account to it, e.g. 支部书记 →
   * `secretary`); an actor without one may take only steps without `roles`.
   */
  role?: string | null;
  ip?: string | null;
}

const has = (o: object | undefined, k: string) => !!o && Object.hasOwn(o, k);

/**
 * Checks a definition once, at start: states are labeled, every step's states exist, no two steps
 * share a (state, action), and every guard named is supplied. Throws a programmer's error (never an
 * answer to a user).
 */
export function validateDefinition(def: WorkflowDefinition, guards: readonly string[] = []): void {
  if (def.states.length === 0) throw new Error('workflow: a definition needs states');
  for (const s of def.states) if (!def.stateLabel[s]) throw new Error(`workflow: state ${s} has no label`);
  const seen = new Set<string>();
  for (const t of def.transitions) {
    if (t.from.length === 0) throw new Error(`workflow: action ${t.action} starts from no state`);
    for (const s of [...t.from, t.to]) if (!def.states.includes(s)) throw new Error(`workflow: action ${t.action} names unknown state ${s}`);
    for (const s of t.from) {
      if (seen.has(`${s}/${t.action}`)) throw new Error(`workflow: two steps for action ${t.action} from ${s}`);
      seen.add(`${s}/${t.action}`);
    }
    if (t.guard !== undefined && !guards.includes(t.guard)) throw new Error(`workflow: action ${t.action} needs guard ${t.guard}, which is not supplied`);
  }
}

/** The Chinese name of a state (the code itself for a state the definition does not know). */
export const stateLabel = (def: WorkflowDefinition, state: string): string => (has(def.stateLabel, state) ? def.stateLabel[state]! : state);
/** The Chinese name of an action (its code when the definition names none). */
export const actionLabel = (def: WorkflowDefinition, action: string): string => (has(def.actionLabel, action) ? def.actionLabel![action]! : action);
const subject = (def: WorkflowDefinition) => def.subjectLabel ?? '该记录';

/** 409: no step for `action` leaves `state` (also the answer to a racer that lost: `changedMeanwhile`). */
export function illegalTransition(def: WorkflowDefinition, state: string, action: string, changedMeanwhile = false): AppError {
  const now = `「${stateLabel(def, state)}」`;
  const act = `「${actionLabel(def, action)}」`;
  const msg = changedMeanwhile
    ? `${subject(def)}刚刚已被他人办理，当前为${now}，不能再办理${act}，请刷新后查看`
    : `${subject(def)}当前为${now}，不能办理${act}`;
  return conflict(msg, { state, stateLabel: stateLabel(def, state) });
}

/** The reason as stored: trimmed, null when empty. */
export const normalReason = (reason: string | null | undefined): string | null => reason?.trim() || null;

const stepOf = <S extends string, A extends string>(def: WorkflowDefinition<S, A>, state: string, action: string) =>
  def.transitions.find((t) => t.action === action && (t.from as readonly string[]).includes(state));

/**
 * The pure part of a transition, in the order the rules evaluator uses: a step for `action` leaves
 * `state` (else 409 naming the state), the actor's role may take it (403), a required reason is
 * given (400). Returns the step.
 */
export function checkTransition<S extends string, A extends string>(
  def: WorkflowDefinition<S, A>,
  input: { action: A; state: string; actor: WorkflowActor; reason?: string | null },
): WorkflowTransitionDef<S, A> {
  if (!def.states.includes(input.state as S)) throw new Error(`workflow: record in unknown state ${input.state}`);
  if (!def.transitions.some((t) => t.action === input.action)) throw invalid('不支持的操作');
  const t = stepOf(def, input.state, input.action);
  if (!t) throw illegalTransition(def, input.state, input.action);
  const act = `「${actionLabel(def, input.action)}」`;
  if (t.roles && !(input.actor.role && t.roles.includes(input.actor.role))) {
    const who = t.roles.map((r) => (has(def.roleLabel, r) ? def.roleLabel![r] : null)).filter(Boolean);
    throw forbidden(who.length === t.roles.length ? `${act}只能由${who.join('或')}办理` : `您不能办理${act}`);
  }
  if (t.reasonRequired && !normalReason(input.reason)) throw invalid(`办理${act}须填写原因`, { fields: [{ field: 'reason', message: '请填写原因' }] });
  return t;
}

/** The actions `actor` may take from `state`, in definition order (the buttons a page shows; guards not run). */
export function availableActions<S extends string, A extends string>(def: WorkflowDefinition<S, A>, state: string, actor: WorkflowActor): A[] {
  const out: A[] = [];
  for (const t of def.transitions)
    if ((t.from as readonly string[]).includes(state) && (!t.roles || (!!actor.role && t.roles.includes(actor.role))) && !out.includes(t.action))
      out.push(t.action);
  return out;
}
