import type { MemberReportIn, UnitReportIn } from '@jiceng/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { isoTime } from '../../platform/db/time.ts';
import type { MemberReportRow, UnitReportRow } from './reportin.repository.ts';

/** A member's report with the snapshot the community may see (masked phone, home branch name). */
export function presentMemberReport(r: MemberReportRow): MemberReportIn {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    memberId: r.member_id,
    memberName: r.member_name,
    gender: r.gender,
    homeOrgName: r.home_org_name,
    phone: r.phone_masked,
    reportDate: r.report_date,
    intentions: r.intentions,
    status: r.status,
    cancelledDate: r.cancelled_date,
    cancelReason: r.cancel_reason,
    createdAt: isoTime(r.created_at),
  };
}

/** A unit's report; the phone decrypted only when `unmask` (the caller audits that read). */
export function presentUnitReport(u: UnitReportRow, crypto: FieldCrypto, unmask: boolean): UnitReportIn {
  return {
    id: u.id,
    communityId: u.community_id,
    communityName: u.community_name,
    unitName: u.unit_name,
    creditCode: u.credit_code,
    contactName: u.contact_name,
    phone: unmask ? crypto.decrypt(u.phone_enc) : u.phone_masked,
    resources: u.resources,
    reportDate: u.report_date,
    status: u.status,
    cancelledDate: u.cancelled_date,
    cancelReason: u.cancel_reason,
    unmasked: unmask,
    createdAt: isoTime(u.created_at),
  };
}
