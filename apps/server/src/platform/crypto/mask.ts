/**
 * Masking of personal values for responses when the actor may not see them in full.
 */

/** Last position (1-based) of the birth date in an 18-character 身份证号 (positions 7–14). */
const ID_BIRTH_END = 14;

/**
 * 身份证号 keeps only the first 2 and the last 2 characters: 32**************89. The earlier form
 * (first 4 and last 4) next to the birth date left only 2 county digits unknown, so the full number
 * could be rebuilt (docs/adr/0004-personal-data.md). Whatever the length, nothing of positions 7–14
 * (the birth date of an 18-character number) is kept: the tail is at most the characters after
 * them, and 8 characters or fewer are all masked. Migration 0014 rewrote the stored masks the same way.
 */
export function maskIdNumber(v: string): string {
  const head = v.length > 8 ? 2 : 0;
  const tail = Math.min(2, Math.max(0, v.length - ID_BIRTH_END));
  return v.slice(0, head) + '*'.repeat(v.length - head - tail) + v.slice(v.length - tail);
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
