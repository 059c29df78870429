import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, parseIdNumber } from '@jiceng/contracts';
import { wholeYears } from '@jiceng/rules';
import { maskIdNumber } from './mask.ts';

/**
 * How many full 身份证号 fit everything a reader without personal:unmask sees of a person: the
 * mask, the age in whole years, the sex, and — assumed known to an attacker — the deployment's
 * 6-digit region code. Counted by trying every birth date and sequence number and keeping those
 * with a valid GB 11643 check character that give the same mask, age and sex.
 */

/**
 * At least this many equally likely numbers per person: a guess is then right at most 0.1% of the
 * time, and confirming one needs a look-up per candidate outside the platform. (Expected: about a
 * year of birth dates × 100 unseen sequence pairs ÷ 11 check characters ≈ 3,300.)
 */
const MIN_CANDIDATES = 1000;

const TODAY = '2026-11-22';

function idFor(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** Every date of the years a person of `age` on `today` may have been born in. */
function* birthDatesAround(age: number, today: string): Generator<string> {
  const last = Number(today.slice(0, 4)) - age;
  for (let d = new Date(Date.UTC(last - 1, 0, 1)); d.getUTCFullYear() <= last; d.setUTCDate(d.getUTCDate() + 1)) yield d.toISOString().slice(0, 10);
}

/** Full numbers consistent with what a masked reader sees (mask, age, sex) plus the region code. */
function candidates(id: string, today: string): number {
  const facts = parseIdNumber(id);
  if (!facts.ok) throw new Error(facts.reason);
  const mask = maskIdNumber(id);
  const age = wholeYears(facts.facts.birthDate, today);
  let n = 0;
  for (const birth of birthDatesAround(age, today)) {
    if (wholeYears(birth, today) !== age) continue;
    for (let seq = 0; seq < 1000; seq++) {
      const c = idFor(id.slice(0, 6), birth, seq);
      if (maskIdNumber(c) !== mask) continue;
      const p = parseIdNumber(c);
      if (p.ok && p.facts.gender === facts.facts.gender) n++;
    }
  }
  return n;
}

describe('ID-number mask against a rebuild', () => {
  const people = [
    idFor('320102', '1985-06-15', 17),
    idFor('320104', '1961-01-01', 998),
    idFor('320111', '2000-02-29', 102),
    idFor('320102', '1990-11-22', 555),
    idFor('320102', '1979-12-31', 4),
  ];

  it(`leaves at least ${MIN_CANDIDATES} full numbers for the mask, age, sex and region code together`, () => {
    for (const id of people) {
      const n = candidates(id, TODAY);
      expect(n, `${maskIdNumber(id)}: ${n} candidates`).toBeGreaterThanOrEqual(MIN_CANDIDATES);
    }
  });

  it('keeps only the first 2 and last 2 characters, nothing of the birth date', () => {
    for (const id of people) {
      const m = maskIdNumber(id);
      expect(m).toBe(`${id.slice(0, 2)}${'*'.repeat(14)}${id.slice(-2)}`);
      expect(m.slice(6, 14)).toBe('********');
    }
  });

  it('the old mask (first 4, last 4) next to the birth date left about 9 numbers, and one once the region code is known', () => {
    const old = (v: string) => v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
    for (const id of people) {
      const birth = id.slice(6, 14);
      const seen = old(id);
      let withoutRegion = 0;
      for (let county = 0; county < 100; county++) {
        const first17 = `${id.slice(0, 4)}${String(county).padStart(2, '0')}${birth}${id.slice(14, 17)}`;
        if (old(first17 + idNumberCheckChar(first17)) === seen) withoutRegion++;
      }
      // only the 2 county digits were unknown; the check character keeps about 1 in 11 of their 100 values
      expect(withoutRegion).toBeGreaterThanOrEqual(1);
      expect(withoutRegion).toBeLessThanOrEqual(20);
    }
  });
});
