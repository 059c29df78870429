import { normalizeIdNumber, parseIdNumber, type Member, type MemberInput, type MemberUpdate } from '@jiceng/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** What the member form holds: dates as dayjs, optional text possibly empty. */
export interface MemberFormValues {
  name: string;
  idNumber: string;
  /** Read from the ID number; shown, never typed. */
  gender?: 'male' | 'female';
  /** Read from the ID number; shown, never typed nor sent. Null while the personal fields are masked. */
  birthDate?: Dayjs | null;
  ethnicity: MemberInput['ethnicity'];
  education: MemberInput['education'];
  occupation: MemberInput['occupation'];
  workUnit?: string | null;
  position?: string | null;
  phone?: string | null;
  address?: string | null;
  appliedDate?: Dayjs | null;
  joinedDate: Dayjs;
  status: MemberInput['status'];
  confirmedDate?: Dayjs | null;
  orgId: string;
  categories: MemberInput['categories'];
}

/** Fields that hold personal data: masked on read, editable only after 查看完整信息. */
export const PERSONAL_FIELDS = ['idNumber', 'phone', 'address'] as const;

const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Birth date and sex from a typed ID number, when it is a valid one. */
export function factsOfIdNumber(raw: string | undefined): { gender: 'male' | 'female'; birthDate: Dayjs } | null {
  if (!raw) return null;
  const parsed = parseIdNumber(normalizeIdNumber(raw));
  return parsed.ok ? { gender: parsed.facts.gender, birthDate: dayjs(parsed.facts.birthDate) } : null;
}

/** Form values → the registration body. Sex and birth date are left to the server, which reads them from the ID number. */
export function toMemberInput(v: MemberFormValues): MemberInput {
  return {
    name: v.name.trim(),
    idNumber: normalizeIdNumber(v.idNumber),
    ethnicity: v.ethnicity,
    education: v.education,
    occupation: v.occupation,
    workUnit: text(v.workUnit),
    position: text(v.position),
    phone: text(v.phone),
    address: text(v.address),
    appliedDate: day(v.appliedDate),
    joinedDate: day(v.joinedDate)!,
    status: v.status,
    confirmedDate: v.status === 'full' ? day(v.confirmedDate) : null,
    orgId: v.orgId,
    categories: v.categories ?? [],
  };
}

/** A record → form values for editing (personal fields as the server sent them, masked or not). */
export function fromMember(m: Member): MemberFormValues {
  return {
    name: m.name,
    idNumber: m.idNumber,
    gender: m.gender as 'male' | 'female',
    birthDate: m.birthDate ? dayjs(m.birthDate) : null,
    ethnicity: m.ethnicity as MemberInput['ethnicity'],
    education: m.education as MemberInput['education'],
    occupation: m.occupation as MemberInput['occupation'],
    workUnit: m.workUnit,
    position: m.position,
    phone: m.phone,
    address: m.address,
    appliedDate: m.appliedDate ? dayjs(m.appliedDate) : null,
    joinedDate: dayjs(m.joinedDate),
    status: m.status === 'full' ? 'full' : 'probationary',
    confirmedDate: m.confirmedDate ? dayjs(m.confirmedDate) : null,
    orgId: m.orgId,
    categories: m.categories as MemberInput['categories'],
  };
}

/**
 * The edit body: only the fields that changed. Personal fields are sent only when they were shown
 * in full (`unmasked`), so a masked value is never written back.
 */
export function toMemberUpdate(v: MemberFormValues, before: Member): MemberUpdate {
  const next = toMemberInput(v);
  const prev = toMemberInput(fromMember(before));
  const patch: Record<string, unknown> = {};
  const keys = ['name', 'idNumber', 'ethnicity', 'education', 'occupation', 'workUnit', 'position', 'phone', 'address', 'appliedDate', 'categories'] as const;
  for (const k of keys) {
    if (!before.unmasked && (PERSONAL_FIELDS as readonly string[]).includes(k)) continue;
    if (JSON.stringify(next[k]) !== JSON.stringify(prev[k])) patch[k] = next[k];
  }
  return patch as MemberUpdate;
}
