/**
 * 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male),
 * check character = (12 − Σ digit·weight mod 11) mod 11, written X for 10.
 * In contracts so the web form and the importer check exactly what the server checks.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Full-width digits and a lower-case x are what people type; this folds them. */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? null;
}

export interface IdNumberFacts {
  birthDate: string;
  gender: 'male' | 'female';
}

/**
 * The birth date and sex an 18-character ID number encodes, or a Chinese reason it is invalid.
 * The number must already be normalized.
 */
export function parseIdNumber(id: string): { ok: true; facts: IdNumberFacts } | { ok: false; reason: string } {
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '公民身份号码应为 18 位（前 17 位为数字，最后一位为数字或 X）' };
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: '公民身份号码校验位不正确，请核对' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
    return { ok: false, reason: '公民身份号码中的出生日期无效' };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return { ok: true, facts: { birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' } };
}
