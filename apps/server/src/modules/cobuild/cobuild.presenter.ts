import type { CobuildAgreement, CobuildAgreementDetail, CobuildCommitment, CobuildLogEntry, WorkflowEvent } from '@jiceng/contracts';
import { cobuildCommitmentStatus, cobuildExpiring, daysBetween } from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { CobuildCore } from './cobuild.core.ts';
import { actionsFor, cobuildRole, mayPlan, mayRecord, mayUnmask, sidesOf } from './cobuild.policy.ts';
import type { CommitmentRow, LogRow } from './cobuild.records.repository.ts';
import type { AgreementRow, ContactRow } from './cobuild.repository.ts';

/** An agreement as its readers see it: the list's line, and the page with contacts (masked unless unmasked), plan, log, history and buttons. */
export function createCobuildPresenter(core: CobuildCore) {
  const { clock, crypto, rules, workflow } = core;

  function present(r: AgreementRow): CobuildAgreement {
    const today = clock.today();
    return {
      id: r.id,
      title: r.title,
      termNo: r.term_no,
      orgA: { id: r.org_a_id, name: r.org_a_name, parentName: r.org_a_parent },
      orgB: { id: r.org_b_id, name: r.org_b_name, parentName: r.org_b_parent },
      partnerKind: r.partner_kind,
      draftingSide: r.drafting_side,
      startOn: r.start_on,
      endOn: r.end_on,
      headings: r.headings,
      state: r.state,
      stateLabel: workflow.label(r.state),
      expiring: cobuildExpiring({ state: r.state, endOn: r.end_on }, today, rules),
      daysLeft: r.state === 'active' ? daysBetween(today, r.end_on) : null,
      activities: r.activities,
      participants: r.participants,
      problems: r.problems,
      fundsFen: r.funds_fen,
      commitments: { total: r.c_total, done: r.c_done, overdue: r.c_overdue },
      renewedFromId: r.renewed_from_id,
      renewedToId: r.renewed_to_id,
      version: r.version,
      updatedAt: isoTime(r.updated_at),
    };
  }

  const commitment = (c: CommitmentRow): CobuildCommitment => ({
    id: c.id,
    heading: c.heading,
    content: c.content,
    dueOn: c.due_on,
    side: c.side,
    doneOn: c.done_on,
    doneNote: c.done_note,
    status: cobuildCommitmentStatus({ dueOn: c.due_on, doneOn: c.done_on }, clock.today(), rules),
  });

  const entry = (e: LogRow): CobuildLogEntry => ({
    id: e.id,
    kind: e.kind,
    on: e.on_date,
    heading: e.heading,
    title: e.title,
    participants: e.participants,
    count: e.count,
    amountFen: e.amount_fen,
    source: e.source,
    purpose: e.purpose,
    description: e.description,
    side: e.side,
    recordedByName: e.recorded_by_name,
  });

  function detail(
    r: AgreementRow,
    actor: Actor,
    parts: { contacts: ContactRow[]; plan: CommitmentRow[]; log: LogRow[]; history: WorkflowEvent[] },
    unmask: boolean,
  ): CobuildAgreementDetail {
    const role = cobuildRole(actor, r);
    return {
      ...present(r),
      contacts: parts.contacts.map((c) => ({
        id: c.id,
        side: c.side,
        name: c.name,
        post: c.post,
        phone: unmask ? crypto.decrypt(c.phone_enc) : c.phone_masked,
      })),
      unmasked: unmask,
      plan: parts.plan.map(commitment),
      log: parts.log.map(entry),
      history: parts.history,
      signedOn: r.signed_on,
      signedByName: r.signed_by_name,
      terminatedOn: r.terminated_on,
      lastReason: r.last_reason,
      createdByName: r.created_by_name,
      mySides: sidesOf(actor, r),
      can: {
        edit: role === 'drafter' && r.state === 'draft',
        contacts: !!role && r.state === 'active',
        actions: actionsFor(actor, r).filter((a): a is Exclude<typeof a, 'expire' | 'renew'> => a !== 'expire' && a !== 'renew'),
        renew: actionsFor(actor, r).includes('renew') && !r.renewed_to_id,
        plan: mayPlan(actor, r),
        record: mayRecord(actor, r),
        unmask: mayUnmask(actor),
      },
    };
  }

  return { present, detail, commitment, entry };
}
export type CobuildPresenter = ReturnType<typeof createCobuildPresenter>;
