import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, normalizeIdNumber, parseIdNumber } from './id-number.ts';

/** Generates valid ID numbers: a region, a real birth date, a sequence, and the right check char. */
const validId = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, seq }) => {
    const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${region}${ymd}${String(seq).padStart(3, '0')}`;
    return { id: first17 + idNumberCheckChar(first17), birth: birth.toISOString().slice(0, 10), male: seq % 2 === 1 };
  });

describe('公民身份号码 (GB 11643)', () => {
  it('accepts every number with a correct check character and reads its birth date and sex', () => {
    fc.assert(
      fc.property(validId, ({ id, birth, male }) => {
        const r = parseIdNumber(id);
        expect(r).toEqual({ ok: true, facts: { birthDate: birth, gender: male ? 'male' : 'female' } });
      }),
    );
  });

  it('rejects every single-character change of the check character', () => {
    fc.assert(
      fc.property(validId, fc.constantFrom(...'0123456789X'), ({ id }, c) => {
        fc.pre(c !== id[17]);
        expect(parseIdNumber(id.slice(0, 17) + c).ok).toBe(false);
      }),
    );
  });

  it('detects any single changed digit in the first 17', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), ({ id }, pos, delta) => {
        const d = (Number(id[pos]) + delta) % 10;
        const changed = id.slice(0, pos) + d + id.slice(pos + 1);
        expect(parseIdNumber(changed).ok).toBe(false);
      }),
    );
  });

  it('knows a published example and explains failures in Chinese', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ ok: true, facts: { birthDate: '1949-12-31', gender: 'female' } });
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, reason: '公民身份号码校验位不正确，请核对' });
    expect(parseIdNumber('12345')).toMatchObject({ ok: false, reason: expect.stringMatching(/18 位/) });
    const first17 = '11010519490231002';
    expect(parseIdNumber(first17 + idNumberCheckChar(first17))).toMatchObject({ ok: false, reason: expect.stringMatching(/出生日期/) });
  });

  it('folds full-width digits, spaces and a lower-case x', () => {
    expect(normalizeIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toBe('11010519491231002X');
  });
});
