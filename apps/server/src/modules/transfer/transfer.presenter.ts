import { transferStatusText, type Transfer } from '@jiceng/contracts';
import { letterDaysOverdue, wholeYears } from '@jiceng/rules';
import { isoTime } from '../../platform/db/time.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { actionsFor, sidesOf } from './transfer.policy.ts';
import type { TransferRow } from './transfer.repository.ts';

/**
 * A transfer for the asking account: the stored member snapshot, never the member record. The
 * snapshot's ID number is masked and its birth date shown only as the age (both sides see it).
 */
export function presentTransfer(r: TransferRow, actor: Actor, today: string): Transfer {
  const daysOverdue = r.kind === 'letter_out' && r.status === 'pending' && r.valid_until ? letterDaysOverdue(r.valid_until, today) : 0;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    statusText: transferStatusText(r.kind, r.status),
    memberId: r.member_id,
    memberName: r.member_name,
    memberGender: r.member_gender,
    memberAge: wholeYears(r.member_birth_date, today),
    memberIdNumber: r.member_id_number_masked,
    memberStatus: r.member_status,
    fromOrgId: r.from_org_id,
    fromOrgName: r.from_org_name,
    toOrgId: r.to_org_id,
    toOrgName: r.to_org_name,
    reason: r.reason,
    startedOn: r.started_on,
    completedOn: r.completed_on,
    returnReason: r.return_reason,
    cancelReason: r.cancel_reason,
    letterNo: r.letter_no,
    validUntil: r.valid_until,
    duesPaidTo: r.dues_paid_to,
    overdue: daysOverdue > 0,
    daysOverdue,
    receiptNote: r.receipt_note,
    createdByName: r.created_by_name,
    decidedByName: r.decided_by_name,
    actions: actionsFor(actor, r),
    printable: r.kind === 'letter_out' && r.status !== 'cancelled' && sidesOf(actor, r).sender,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
  };
}
