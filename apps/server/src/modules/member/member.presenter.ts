import type { Member, MemberStatus, MemberSummary } from '@jiceng/contracts';
import { canVote, partyAge, probationEndDate, wholeYears } from '@jiceng/rules';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { isoTime } from '../../platform/db/time.ts';
import type { MemberRow } from './member.repository.ts';

/**
 * Personal fields an unmasked read shows in full (named in its personal.unmask audit row). The birth
 * date is one of them: it is positions 7–14 of the ID number, so next to the masked number it would
 * give most of it away; masked answers carry the age instead.
 */
export const UNMASKED_FIELDS = ['idNumber', 'birthDate', 'phone', 'address'] as const;

/** A list row: masked forms only, nothing decrypted, the age but not the birth date. */
export function presentMemberSummary(r: MemberRow, today: string): MemberSummary {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    gender: r.gender,
    birthDate: null,
    age: wholeYears(r.birth_date, today),
    idNumber: r.id_number_masked,
    phone: r.phone_masked,
    education: r.education,
    occupation: r.occupation,
    status: r.status,
    leaveReason: r.leave_reason,
    joinedDate: r.joined_date,
    confirmedDate: r.confirmed_date,
    partyAge: r.status === 'probationary' ? null : partyAge(r.confirmed_date, today),
    categories: r.categories,
  };
}

/** The full record; personal fields (birth date included) shown only when `unmask` (the caller audits that read). */
export function presentMember(r: MemberRow, today: string, crypto: FieldCrypto, unmask: boolean): Member {
  const base = presentMemberSummary(r, today);
  return {
    ...base,
    birthDate: unmask ? r.birth_date : null,
    idNumber: unmask ? crypto.decrypt(r.id_number_enc) : r.id_number_masked,
    phone: unmask && r.phone_enc ? crypto.decrypt(r.phone_enc) : r.phone_masked,
    address: unmask && r.address_enc ? crypto.decrypt(r.address_enc) : r.address_masked,
    ethnicity: r.ethnicity,
    workUnit: r.work_unit,
    position: r.position,
    appliedDate: r.applied_date,
    probationExtendedMonths: r.probation_extended_months,
    probationEndDate: r.status === 'probationary' ? probationEndDate(r.joined_date, r.probation_extended_months) : null,
    disciplineUntil: r.discipline_until,
    canVote: canVote({ status: r.status as MemberStatus, disciplineUntil: r.discipline_until }, today),
    hasPhoto: r.has_photo,
    version: r.version,
    unmasked: unmask,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
  };
}
