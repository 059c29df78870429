import {
  directiveExtensionStateLabel,
  directiveKindLabel,
  directiveStateLabel,
  directiveTargetStateLabel,
  directiveTargetStatusLabel,
  type Attachment,
  type DirectiveCounts,
  type DirectiveDetail,
  type DirectiveSummary,
  type DirectiveTargetAction,
  type DirectiveTargetView,
} from '@jiceng/contracts';
import {
  directiveCounts,
  directiveExtensionDecideBy,
  directiveExtensionClosed,
  directiveRemindRefusal,
  directiveSignStep,
  directiveTargetStatus,
  DIRECTIVE_OPEN_TARGET_STATES,
  type DirectiveRuleSet,
} from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { isIssuer, isRecipient, isSender, mayForward, senderInScope } from './directive.policy.ts';
import type { DirectiveRow, TargetRow } from './directive.repository.ts';

const counted = (ts: readonly TargetRow[], today: string): DirectiveCounts => directiveCounts(ts.map(stateOf), today);
const stateOf = (t: TargetRow) => ({ state: t.state, dueOn: t.due_on });
const isOpen = (t: TargetRow) => DIRECTIVE_OPEN_TARGET_STATES.includes(t.state);

/** What the page offers the actor on a recipient (the server checks each again when it is taken). */
export function targetActions(actor: Actor, d: DirectiveRow, t: TargetRow, today: string, rules: DirectiveRuleSet): DirectiveTargetAction[] {
  if (d.state !== 'open') return [];
  const out: DirectiveTargetAction[] = [];
  const task = directiveSignStep(d.kind, rules) === 'acknowledge';
  if (isRecipient(actor, t)) {
    if (t.state === 'sent') out.push('acknowledge');
    if (task && (t.state === 'acknowledged' || t.state === 'extension')) out.push('report', 'files');
    if (task && t.state === 'acknowledged' && !directiveExtensionClosed({ dueOn: t.due_on, today, asked: t.extension_count }, rules))
      out.push('request_extension');
    if (mayForward(actor, t) && (task ? t.state === 'acknowledged' || t.state === 'extension' : t.state === 'done')) out.push('forward');
  }
  if (isIssuer(actor, t)) {
    if (t.state === 'extension') out.push('decide');
    if (isOpen(t) && !directiveRemindRefusal(t.last_reminded_on, today, rules)) out.push('remind');
  }
  return out;
}

/** One recipient as the page shows it, with its files and its forwarded ones counted. */
export function presentTarget(
  t: TargetRow,
  ctx: { actor: Actor; d: DirectiveRow; all: readonly TargetRow[]; files: Attachment[]; today: string; rules: DirectiveRuleSet },
): DirectiveTargetView {
  const status = directiveTargetStatus(stateOf(t), ctx.today);
  const children = ctx.all.filter((c) => c.parent_target_id === t.id);
  let depth = 1;
  for (let p = t.parent_target_id; p; p = ctx.all.find((x) => x.id === p)?.parent_target_id ?? null) depth++;
  return {
    id: t.id,
    orgId: t.org_id,
    orgName: t.org_name,
    parentTargetId: t.parent_target_id,
    issuerOrgName: t.issuer_org_name,
    depth,
    state: t.state,
    stateLabel: directiveTargetStateLabel[t.state],
    status,
    statusLabel: directiveTargetStatusLabel[status],
    dueOn: t.due_on,
    acknowledgedAt: isoTime(t.acknowledged_at),
    acknowledgedByName: t.acknowledged_by_name,
    report: t.report,
    reportedAt: isoTime(t.reported_at),
    reportedByName: t.reported_by_name,
    rollup: t.rollup,
    extension:
      t.extension_state && t.extension_due_on && t.extension_requested_on && t.extension_requested_at
        ? {
            state: t.extension_state,
            stateLabel: directiveExtensionStateLabel[t.extension_state],
            dueOn: t.extension_due_on,
            reason: t.extension_reason ?? '',
            requestedAt: isoTime(t.extension_requested_at),
            decideBy: directiveExtensionDecideBy(t.extension_requested_on, ctx.rules),
            decisionReason: t.extension_decision_reason,
            decidedAt: isoTime(t.extension_decided_at),
            decidedByName: t.extension_decided_by_name,
          }
        : null,
    extensionCount: t.extension_count,
    remindedCount: t.reminded_count,
    lastRemindedAt: isoTime(t.last_reminded_at),
    children: children.length ? counted(children, ctx.today) : null,
    attachments: ctx.files,
    actions: targetActions(ctx.actor, ctx.d, t, ctx.today, ctx.rules),
    version: t.version,
  };
}

/**
 * The recipients a reader's counts are about: the sender's own (for a reader who sees them all),
 * else those the reader's organization forwarded, else the ones it sees.
 */
export function countedTargets(actor: Actor, d: DirectiveRow, visible: readonly TargetRow[]): TargetRow[] {
  if (senderInScope(actor, d)) return visible.filter((t) => t.parent_target_id === null);
  const mine = visible.find((t) => t.org_id === actor.orgId);
  return mine ? visible.filter((t) => t.parent_target_id === mine.id) : [...visible];
}

export function presentSummary(actor: Actor, d: DirectiveRow, visible: readonly TargetRow[], today: string): DirectiveSummary {
  const mine = visible.find((t) => t.org_id === actor.orgId);
  const status = mine ? directiveTargetStatus(stateOf(mine), today) : null;
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: directiveKindLabel[d.kind],
    title: d.title,
    orgId: d.org_id,
    orgName: d.org_name,
    dueOn: d.due_on,
    state: d.state,
    stateLabel: directiveStateLabel[d.state],
    createdAt: isoTime(d.created_at),
    createdByName: d.created_by_name,
    counts: counted(countedTargets(actor, d, visible), today),
    mine: mine && status ? { targetId: mine.id, state: mine.state, status, statusLabel: directiveTargetStatusLabel[status], dueOn: mine.due_on } : null,
  };
}

export function presentDetail(
  actor: Actor,
  d: DirectiveRow,
  visible: readonly TargetRow[],
  files: Map<string, Attachment[]>,
  today: string,
  rules: DirectiveRuleSet,
): DirectiveDetail {
  return {
    ...presentSummary(actor, d, visible, today),
    content: d.content,
    evidence: d.evidence,
    filesRequired: d.files_required,
    closedNote: d.closed_note,
    closedAt: isoTime(d.closed_at),
    closedByName: d.closed_by_name,
    canClose: d.state === 'open' && isSender(actor, d),
    targets: visible.map((t) => presentTarget(t, { actor, d, all: visible, files: files.get(t.id) ?? [], today, rules })),
    version: d.version,
  };
}
