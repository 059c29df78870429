/**
 * Masking of personal values for responses when the actor may not see them in full.
 * 身份证号 keeps the 4-digit region prefix and the last 4: 3201**********1234.
 */
export function maskIdNumber(v: string): string {
  if (v.length <= 8) return '*'.repeat(v.length);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

/** 手机号 keeps the first 3 and last 4: 138****5678. */
export function maskPhone(v: string): string {
  if (v.length < 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}

/** 地址 keeps the first 6 characters (district and street). */
export function maskAddress(v: string): string {
  const chars = [...v];
  return chars.length <= 6 ? '*'.repeat(chars.length) : chars.slice(0, 6).join('') + '****';
}

/** 姓名 keeps the surname: 张**. */
export function maskName(v: string): string {
  const chars = [...v];
  return chars.length <= 1 ? v : chars[0] + '*'.repeat(chars.length - 1);
}

export type MaskKind = 'idNumber' | 'phone' | 'address' | 'name' | 'secret';
const maskers: Record<MaskKind, (v: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
  name: maskName,
  secret: () => '******',
};

/**
 * The masking presenter: returns the value in full when `unmasked`, else its masked form.
 * Callers that unmask must write the read to the audit log (see audit.service `recordUnmask`).
 */
export function present(value: string | null, kind: MaskKind, unmasked: boolean): string | null {
  if (value === null) return null;
  return unmasked ? value : maskers[kind](value);
}
