import type { Hardship, HardshipCadre, HardshipSummary, HardshipVisit } from '@jiceng/contracts';
import { HARDSHIP_RULES, hardshipVisitStatus } from '@jiceng/rules';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { isoTime } from '../../platform/db/time.ts';
import type { CadreRow, HardshipRow, VisitRow } from './hardship.repository.ts';

/** What a masked detail reads as: nothing of the text, not even its length. */
const MASKED_DETAIL = '******';

/** A list row: no detail, nothing decrypted; the visit status for `today` from the rule. */
export function presentHardshipSummary(r: HardshipRow, today: string): HardshipSummary {
  const visit = hardshipVisitStatus({ startDate: r.start_date, closedDate: r.closed_date, lastVisitDate: r.last_visit_date }, today);
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    gender: r.gender,
    orgId: r.org_id,
    orgName: r.org_name,
    type: r.type,
    startDate: r.start_date,
    closedDate: r.closed_date,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    lastVisitDate: r.last_visit_date,
    visitCount: r.visit_count,
    subsidyTotal: r.subsidy_total,
    visitStatus: visit.status,
    visitDueDate: visit.dueDate,
  };
}

/** The full record; the detail and cadre phone decrypted only when `unmask` (the caller audits that read). */
export function presentHardship(r: HardshipRow, today: string, crypto: FieldCrypto, unmask: boolean): Hardship {
  return {
    ...presentHardshipSummary(r, today),
    detail: unmask ? crypto.decrypt(r.detail_enc) : MASKED_DETAIL,
    closeReason: r.close_reason,
    cadrePhone: unmask && r.cadre_phone_enc ? crypto.decrypt(r.cadre_phone_enc) : r.cadre_phone_masked,
    unmasked: unmask,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
  };
}

export function presentCadre(c: CadreRow): HardshipCadre {
  return { id: c.id, name: c.name, phone: c.phone_masked, memberId: c.member_id, orgId: c.org_id, orgName: c.org_name, helping: c.helping, capacity: HARDSHIP_RULES.cadreMaxMembers };
}

export function presentVisit(v: VisitRow): HardshipVisit {
  return { id: v.id, hardshipId: v.hardship_id, visitDate: v.visit_date, visitor: v.visitor, content: v.content, amount: v.amount, recordedBy: v.recorded_by, createdAt: isoTime(v.created_at) };
}
