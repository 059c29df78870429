import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, deriveSigninKey, newCode, normalizeCode, readToken, signToken, windowState } from './signin-code.ts';
import { qrPng, qrSvg, signinUrl } from './qr.ts';

const key = deriveSigninKey(crypto.randomBytes(32).toString('base64'));
const claims = {
  kind: 'meeting',
  recordId: '0192f0a4-7b3c-7d2e-8f00-0123456789ab',
  code: 'K7M2QX',
  opensAt: new Date('2026-11-22T01:00:00Z'),
  closesAt: new Date('2026-11-22T03:00:00Z'),
};

describe('sign-in codes', () => {
  it('uses an alphabet without look-alikes, and codes of its letters only', () => {
    for (const ch of '01OIL') expect(CODE_ALPHABET).not.toContain(ch);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    const codes = Array.from({ length: 2000 }, newCode);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBeGreaterThan(1990);
    // every letter turns up (uniform over the alphabet, not a subset)
    expect(new Set(codes.join('')).size).toBe(CODE_ALPHABET.length);
  });

  it('reads typed codes as people type them', () => {
    expect(normalizeCode(' k7m-2qx ')).toBe('K7M2QX');
    expect(normalizeCode('Ｋ７Ｍ２ＱＸ')).toBe('K7M2QX');
    expect(normalizeCode('K7M2Q0')).toBeNull(); // 0 is not in the alphabet
    expect(normalizeCode('K7M2')).toBeNull();
    expect(normalizeCode('K7M2QXK7M')).toBeNull();
    expect(normalizeCode("' or 1=1 --")).toBeNull();
  });

  it('signs tokens: altered, forged or foreign-key tokens read as nothing', () => {
    const token = signToken(key, claims);
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(readToken(key, token)).toEqual(claims);
    expect(readToken(key, token.replace('K7M2QX', 'K7M2QY'))).toBeNull();
    expect(readToken(key, token.replace('.1795', '.1796'))).toBeNull();
    expect(readToken(deriveSigninKey(crypto.randomBytes(32).toString('base64')), token)).toBeNull();
    expect(readToken(key, token.slice(0, -2))).toBeNull();
    expect(readToken(key, '')).toBeNull();
    expect(readToken(key, 'v1.a.b.c.d.e.f')).toBeNull();
    expect(readToken(key, 'x'.repeat(5000))).toBeNull();
  });

  it('derives its own key from the field key', () => {
    const field = crypto.randomBytes(32);
    const derived = deriveSigninKey(field.toString('base64'));
    expect(derived.length).toBe(32);
    expect(derived.equals(field)).toBe(false);
    expect(deriveSigninKey(field.toString('base64')).equals(derived)).toBe(true);
  });

  it('is open from the start to the end, both included (as rule sign-in-window-2026)', () => {
    const { opensAt, closesAt } = claims;
    expect(windowState(opensAt, closesAt, new Date(opensAt.getTime() - 1))).toBe('not_open');
    expect(windowState(opensAt, closesAt, opensAt)).toBe('open');
    expect(windowState(opensAt, closesAt, closesAt)).toBe('open');
    expect(windowState(opensAt, closesAt, new Date(closesAt.getTime() + 1))).toBe('closed');
  });

  it('renders the sign-in link as a PNG and an SVG QR image', async () => {
    const url = signinUrl('https://dj.example.gov.cn/', signToken(key, claims));
    expect(url.startsWith('https://dj.example.gov.cn/h5.html#/signin?t=v1.meeting.')).toBe(true);
    const png = await qrPng(url);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.readUInt32BE(16)).toBe(512);
    expect(await qrSvg(url)).toMatch(/^<svg[^>]*viewBox/);
  });
});
