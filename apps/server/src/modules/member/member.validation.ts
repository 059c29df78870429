import { educationLabel, normalizeIdNumber, parseIdNumber, type MemberInput } from '@jiceng/contracts';
import { ADMISSION_MIN_AGE, addMonths, PROBATION_MONTHS, wholeYears } from '@jiceng/rules';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../platform/crypto/mask.ts';
import type { MemberWrite } from './member.repository.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Normalized, checked member fields, before encryption. */
export interface CheckedMember {
  idNumber: string;
  birthDate: string;
  gender: 'male' | 'female';
  confirmedDate: string | null;
}

/**
 * Business checks of a member record shared by the form and the roster import: the ID number's
 * check digit, birth date and sex agreeing with it, and the order of the dates.
 */
export function checkMember(input: Omit<MemberInput, 'orgId' | 'categories'>, today: string): { problems: FieldProblem[]; checked: CheckedMember | null } {
  const problems: FieldProblem[] = [];
  const idNumber = normalizeIdNumber(input.idNumber);
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) return { problems: [{ field: 'idNumber', message: parsed.reason }], checked: null };
  const { birthDate, gender } = parsed.facts;
  if (input.birthDate && input.birthDate !== birthDate) problems.push({ field: 'birthDate', message: `出生日期与公民身份号码不一致（身份证号为 ${birthDate}）` });
  if (input.gender && input.gender !== gender) problems.push({ field: 'gender', message: `性别与公民身份号码不一致（身份证号为${gender === 'male' ? '男' : '女'}）` });
  const joined = input.joinedDate;
  if (joined > today) problems.push({ field: 'joinedDate', message: '入党日期不能晚于今天' });
  if (input.appliedDate && input.appliedDate > joined) problems.push({ field: 'appliedDate', message: '申请入党日期不能晚于入党日期' });
  const ageAtApplication = wholeYears(birthDate, input.appliedDate ?? joined);
  if (ageAtApplication < ADMISSION_MIN_AGE) problems.push({ field: input.appliedDate ? 'appliedDate' : 'joinedDate', message: `申请入党时应年满 ${ADMISSION_MIN_AGE} 岁（当时 ${ageAtApplication} 岁）` });
  let confirmedDate: string | null = null;
  if (input.status === 'full') {
    confirmedDate = input.confirmedDate ?? addMonths(joined, PROBATION_MONTHS);
    if (confirmedDate < addMonths(joined, PROBATION_MONTHS)) problems.push({ field: 'confirmedDate', message: '转正日期不能早于入党满一年' });
    if (confirmedDate > today) problems.push({ field: 'confirmedDate', message: '转正日期晚于今天：尚未转正的请登记为预备党员' });
  } else if (input.confirmedDate) {
    problems.push({ field: 'confirmedDate', message: '预备党员不应填写转正日期' });
  }
  if (!(input.education in educationLabel)) problems.push({ field: 'education', message: '学历不在可选范围内' });
  return { problems, checked: problems.length ? null : { idNumber, birthDate, gender, confirmedDate } };
}

/** Encrypts, hashes and masks the personal fields for storage. */
export function toMemberWrite(input: MemberInput, c: CheckedMember, crypto: FieldCrypto): MemberWrite {
  const phone = input.phone?.trim() || null;
  const address = input.address?.trim() || null;
  return {
    orgId: input.orgId,
    name: input.name.normalize('NFKC').replace(/\s+/g, ''),
    gender: c.gender,
    ethnicity: input.ethnicity,
    birthDate: c.birthDate,
    idNumberEnc: crypto.encrypt(c.idNumber),
    idNumberHash: crypto.lookupHash(c.idNumber),
    idNumberMasked: maskIdNumber(c.idNumber),
    education: input.education,
    occupation: input.occupation,
    workUnit: input.workUnit?.trim() || null,
    position: input.position?.trim() || null,
    phoneEnc: phone && crypto.encrypt(phone),
    phoneHash: phone && crypto.lookupHash(phone),
    phoneMasked: phone && maskPhone(phone),
    addressEnc: address && crypto.encrypt(address),
    addressMasked: address && maskAddress(address),
    appliedDate: input.appliedDate ?? null,
    joinedDate: input.joinedDate,
    confirmedDate: c.confirmedDate,
    status: input.status,
    categories: [...new Set(input.categories)],
  };
}
