import type { FloatingInput, FloatingReason, FloatingRecord, FloatingUpdate } from '@jiceng/contracts';
import type { Dayjs } from 'dayjs';

/** What the 流出登记 form holds: dates as dayjs, optional text possibly empty. */
export interface FloatingFormValues {
  memberId: string | null;
  destinationPlace: string;
  destinationOrgId: string | null;
  /** Shown only when the destination changes. */
  destinationSince?: Dayjs | null;
  reason: FloatingReason;
  reasonNote?: string;
  /** Required at registration; on edit left empty to keep the current (masked) one. */
  contactPhone?: string;
  leftDate: Dayjs;
  expectedReturnDate?: Dayjs | null;
  certNo?: string;
  certIssuedDate?: Dayjs | null;
  certValidUntil?: Dayjs | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** True when the form names another destination than the record (the server then restarts 凡进必登). */
export const destinationMoved = (v: { destinationPlace?: string; destinationOrgId?: string | null }, record: FloatingRecord) =>
  (v.destinationOrgId ?? null) !== record.destinationOrgId || (v.destinationPlace ?? '').trim() !== record.destinationPlace;

function fieldsOf(v: FloatingFormValues) {
  return {
    destinationPlace: v.destinationPlace.trim(),
    destinationOrgId: v.destinationOrgId ?? null,
    reason: v.reason,
    reasonNote: text(v.reasonNote),
    leftDate: v.leftDate.format('YYYY-MM-DD'),
    expectedReturnDate: day(v.expectedReturnDate),
    certNo: text(v.certNo),
    certIssuedDate: day(v.certIssuedDate),
    certValidUntil: day(v.certValidUntil),
  };
}

/** Form values → the registration body. */
export function toFloatingInput(v: FloatingFormValues): FloatingInput {
  return { ...fieldsOf(v), memberId: v.memberId!, contactPhone: v.contactPhone!.trim() };
}

/** Form values → the edit body: never the member; the phone only when retyped; the arrival day only on a new destination. */
export function toFloatingUpdate(v: FloatingFormValues, record: FloatingRecord): FloatingUpdate {
  const phone = text(v.contactPhone);
  return { ...fieldsOf(v), ...(phone ? { contactPhone: phone } : {}), ...(destinationMoved(v, record) ? { destinationSince: day(v.destinationSince) } : {}) };
}
