import crypto from 'node:crypto';

/**
 * Sign-in codes (ADR 0015), the pure part: the short code people type, the signed token a QR image
 * carries, and the time window.
 */

/** Digits and capitals without the look-alikes 0/O, 1/I/L: read off a projector, typed on a phone. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^6 ≈ 8.9 × 10^8 codes: a guess hits one of a thousand open codes once in 887,000 tries. */
export const CODE_LENGTH = 6;
/** Longest sign-in window: a meeting or an activity day, with margin. */
export const WINDOW_MAX_HOURS = 72;

/** A new random code (uniform over the alphabet). */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * A typed code as stored: full-width characters folded (ＡＢ３ → AB3), capitals, spaces and dashes
 * dropped; null when it cannot be a code (wrong length, a character outside the alphabet).
 */
export function normalizeCode(input: string): string | null {
  const s = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_]/g, '');
  if (s.length < 6 || s.length > 8) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** The sign-in key: derived from the deployment's field key, so the field key itself never signs anything. */
export function deriveSigninKey(fieldKeyBase64: string): Buffer {
  return crypto.createHmac('sha256', Buffer.from(fieldKeyBase64, 'base64')).update('jiceng-signin-v1').digest();
}

/** What a token names. Times are whole seconds. */
export interface TokenClaims {
  kind: string;
  recordId: string;
  code: string;
  opensAt: Date;
  closesAt: Date;
}

/** Bytes of HMAC-SHA-256 kept in a token: 128 bits, and a shorter QR image. */
const MAC_BYTES = 16;
const mac = (key: Buffer, body: string) => crypto.createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);

/** `v1.<kind>.<record>.<code>.<opens>.<closes>.<mac>`: URL-safe, about 110 characters. */
export function signToken(key: Buffer, c: TokenClaims): string {
  const body = ['v1', c.kind, c.recordId, c.code, Math.floor(c.opensAt.getTime() / 1000), Math.floor(c.closesAt.getTime() / 1000)].join('.');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The claims of a token signed with `key`, or null (malformed, forged, altered); the MAC is compared in constant time. */
export function readToken(key: Buffer, token: string): TokenClaims | null {
  if (token.length > 300) return null;
  const parts = token.split('.');
  if (parts.length !== 7 || parts[0] !== 'v1') return null;
  const [, kind, recordId, code, opens, closes, sig] = parts as [string, string, string, string, string, string, string];
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(key, parts.slice(0, 6).join('.'));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (
    !/^[a-z_]{1,40}$/.test(kind) ||
    !/^[0-9a-f-]{36}$/.test(recordId) ||
    normalizeCode(code) !== code ||
    !/^\d{1,12}$/.test(opens) ||
    !/^\d{1,12}$/.test(closes)
  )
    return null;
  return { kind, recordId, code, opensAt: new Date(Number(opens) * 1000), closesAt: new Date(Number(closes) * 1000) };
}

/** Constant-time equality of two short strings (codes). */
export function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export type WindowState = 'not_open' | 'open' | 'closed';

/** Where `now` falls: open from `opensAt` to `closesAt`, both included (as rule sign-in-window-2026 counts them). */
export function windowState(opensAt: Date, closesAt: Date, now: Date): WindowState {
  if (now.getTime() < opensAt.getTime()) return 'not_open';
  if (now.getTime() > closesAt.getTime()) return 'closed';
  return 'open';
}

/** Beijing time `MM-DD HH:mm` for messages. */
export function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
}
