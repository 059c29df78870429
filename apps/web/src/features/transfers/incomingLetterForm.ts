import type { IncomingLetterInput } from '@jiceng/contracts';
import type { Dayjs } from 'dayjs';
import { toMemberInput, type MemberFormValues } from '../members/memberForm.ts';

/** The letter's own fields of the 凭介绍信转入 form. */
export interface LetterFields {
  letterNo: string;
  fromOrgName: string;
  letterDate: Dayjs;
  duesPaidTo?: Dayjs | null;
}
/** One form holds the letter and the member record side by side (member fields at the top level). */
export type IncomingForm = MemberFormValues & LetterFields;

/** Form values → the body: the letter's fields, and the member record nested under `member`. */
export function toIncomingLetterInput(v: IncomingForm): IncomingLetterInput {
  return {
    letterNo: v.letterNo.trim(),
    fromOrgName: v.fromOrgName.trim(),
    letterDate: v.letterDate.format('YYYY-MM-DD'),
    duesPaidTo: v.duesPaidTo ? v.duesPaidTo.format('YYYY-MM') : null,
    member: toMemberInput(v),
  };
}
