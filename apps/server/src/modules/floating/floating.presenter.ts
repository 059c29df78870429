import type { ContactAttempt, FloatingRecord, LostContactRecord, MemberStatus } from '@jiceng/contracts';
import { activityCertExpired, floatingTransferDue, floatingTransferDueDate, lostContactProposal, wholeMonths } from '@jiceng/rules';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { isoTime } from '../../platform/db/time.ts';
import type { FloatingRow } from './floating.repository.ts';
import type { FloatingSide } from './floating.policy.ts';
import type { AttemptRow, LostContactRow } from './lost-contact.repository.ts';

/** A registration for one side; the contact phone decrypted only when `unmask` (the caller audits that read). */
export function presentFloating(r: FloatingRow, today: string, crypto: FieldCrypto, sides: FloatingSide[], unmask = false): FloatingRecord {
  const open = r.status !== 'returned';
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    memberGender: r.member_gender,
    memberIdNumber: r.member_id_number_masked,
    homeOrgId: r.home_org_id,
    homeOrgName: r.home_org_name,
    destinationPlace: r.destination_place,
    destinationOrgId: r.destination_org_id,
    destinationOrgName: r.destination_org_name,
    destinationSince: r.destination_since,
    reason: r.reason,
    reasonNote: r.reason_note,
    contactPhone: unmask ? crypto.decrypt(r.contact_phone_enc) : r.contact_phone_masked,
    leftDate: r.left_date,
    expectedReturnDate: r.expected_return_date,
    certNo: r.cert_no,
    certIssuedDate: r.cert_issued_date,
    certValidUntil: r.cert_valid_until,
    certExpired: open && activityCertExpired(r.cert_valid_until, today),
    status: r.status,
    arrivalDate: r.arrival_date,
    arrivalContact: r.arrival_contact,
    arrivalNote: r.arrival_note,
    arrivalBy: r.arrival_by,
    verifiedDate: r.verified_date,
    verifiedNote: r.verified_note,
    verifiedBy: r.verified_by,
    returnedDate: r.returned_date,
    returnedNote: r.returned_note,
    transferDueDate: floatingTransferDueDate(r.destination_since),
    transferDue: open && floatingTransferDue(r.destination_since, today),
    sides,
    unmasked: unmask,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
  };
}

/** The rule's proposal for an open record (none once found). */
export function proposalOf(r: LostContactRow, today: string) {
  if (r.status !== 'lost') return null;
  return lostContactProposal({ lastContactDate: r.last_contact_date, memberStatus: r.member_status as MemberStatus, suspendedDate: r.suspended_date }, today);
}

export function presentLostContact(r: LostContactRow, today: string): LostContactRecord {
  const proposal = proposalOf(r, today);
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    memberStatus: r.member_status,
    orgId: r.org_id,
    orgName: r.org_name,
    lastContactDate: r.last_contact_date,
    measures: r.measures,
    status: r.status,
    foundDate: r.found_date,
    foundNote: r.found_note,
    monthsLost: wholeMonths(r.last_contact_date, r.found_date ?? today),
    proposal: proposal?.kind ?? null,
    proposalDueDate: proposal?.dueDate ?? null,
    attemptCount: r.attempt_count,
    lastAttemptDate: r.last_attempt_date,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
  };
}

export const presentAttempt = (a: AttemptRow): ContactAttempt => ({ id: a.id, date: a.attempt_date, method: a.method, result: a.result, actorName: a.actor_name, createdAt: isoTime(a.created_at) });
