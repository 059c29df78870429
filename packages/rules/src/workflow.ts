/**
 * A workflow (state machine) described as data, and a pure evaluator for it. Meetings use it first;
 * service requests, opinions, applicants, tasks and rectification items describe theirs the same way
 * (shared/docs/architecture.md, "workflow"). The server's platform piece writes the history and audit
 * rows; this file only answers whether a step is allowed and where it leads.
 */

/** One step: `action` taken in any of `from` leads to `to`, by one of `roles`. */
export interface WorkflowTransition<S extends string, A extends string, R extends string> {
  action: A;
  from: readonly S[];
  to: S;
  /** Who may take the step. */
  roles: readonly R[];
  /** The step must carry a reason (sent back, cancelled …), kept in the history row. */
  reasonRequired: boolean;
}

export interface WorkflowDefinition<S extends string, A extends string, R extends string> {
  id: string;
  /** What is moving through the workflow, for messages: 「会议」. */
  subjectLabel: string;
  states: readonly S[];
  stateLabel: Record<S, string>;
  initial: S;
  /** States with no way out. */
  final: readonly S[];
  actionLabel: Record<A, string>;
  roleLabel: Record<R, string>;
  transitions: readonly WorkflowTransition<S, A, R>[];
}

/** What the caller knows about the step being attempted. */
export interface WorkflowAttempt<R extends string> {
  /** Who attempts it; omitted, the role is not checked (the caller authorized already). */
  role?: R;
  /** Required, non-blank, for a step marked `reasonRequired`. */
  reason?: string | null;
}

export type WorkflowRefusal = 'illegal_transition' | 'role_not_allowed' | 'reason_required';

export type WorkflowResult<S extends string, A extends string, R extends string> =
  | { ok: true; to: S; transition: WorkflowTransition<S, A, R> }
  | { ok: false; code: WorkflowRefusal; reason: string };

/**
 * The state after `action` taken in `from`, or a Chinese refusal that names the current state.
 * With `attempt.role`, the role must be one the step allows; a step that needs a reason refuses a
 * missing or blank one.
 */
export function transition<S extends string, A extends string, R extends string>(
  def: WorkflowDefinition<S, A, R>,
  from: S,
  action: A,
  attempt: WorkflowAttempt<R> = {},
): WorkflowResult<S, A, R> {
  const here = `${def.subjectLabel}当前为「${def.stateLabel[from]}」`;
  const act = `「${def.actionLabel[action]}」`;
  const t = def.transitions.find((x) => x.action === action && x.from.includes(from));
  if (!t) return { ok: false, code: 'illegal_transition', reason: `${here}，不能办理${act}` };
  if (attempt.role !== undefined && !t.roles.includes(attempt.role)) {
    const who = t.roles.map((r) => def.roleLabel[r]).join('或');
    return { ok: false, code: 'role_not_allowed', reason: `${here}，${act}只能由${who}办理` };
  }
  if (t.reasonRequired && !attempt.reason?.trim()) {
    return { ok: false, code: 'reason_required', reason: `${here}，${act}须填写原因` };
  }
  return { ok: true, to: t.to, transition: t };
}

/** The actions open in `from` (for one role when given), in definition order: the buttons to show. */
export function availableActions<S extends string, A extends string, R extends string>(def: WorkflowDefinition<S, A, R>, from: S, role?: R): A[] {
  return def.transitions.filter((t) => t.from.includes(from) && (role === undefined || t.roles.includes(role))).map((t) => t.action);
}

/**
 * Structural problems of a definition, in English for developers (empty when sound): unknown states,
 * two steps for one (state, action), steps out of a final state, states unreachable from the initial one.
 */
export function workflowProblems<S extends string, A extends string, R extends string>(def: WorkflowDefinition<S, A, R>): string[] {
  const out: string[] = [];
  const known = new Set<S>(def.states);
  const seen = new Set<string>();
  for (const t of def.transitions) {
    for (const s of [...t.from, t.to]) if (!known.has(s)) out.push(`${t.action}: unknown state ${s}`);
    if (t.roles.length === 0) out.push(`${t.action}: no role may take it`);
    for (const s of t.from) {
      const key = `${s}/${t.action}`;
      if (seen.has(key)) out.push(`${key}: more than one transition`);
      seen.add(key);
      if (def.final.includes(s)) out.push(`${t.action}: leaves final state ${s}`);
    }
  }
  const reached = new Set<S>([def.initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of def.transitions) {
      if (!reached.has(t.to) && t.from.some((s) => reached.has(s))) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  for (const s of def.states) if (!reached.has(s)) out.push(`${s}: unreachable from ${def.initial}`);
  return out;
}
