import { DATE_PATTERN } from '@jiceng/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { guardInput, MAX_INPUT_DEPTH } from './input-guard.ts';
import { closeObjects } from './validators.ts';

const refusal = (fn: () => void): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('guardInput (every request part, before its schema)', () => {
  it('refuses a NUL byte and other control characters anywhere, naming the field', () => {
    const e = refusal(() => guardInput('body', { a: { b: ['ok', 'x\u0000y'] } }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('a.b[1]');
    expect(() => guardInput('querystring', { q: '\u001b[2J' })).toThrow(AppError);
    expect(() => guardInput('params', { id: '\u007f' })).toThrow(AppError);
    expect(() => guardInput('body', { ['k\u0000']: 1 })).toThrow(AppError);
  });

  it('refuses lone surrogates but keeps emoji, tabs and line breaks', () => {
    expect(() => guardInput('body', { a: '\ud800' })).toThrow(AppError);
    const body = { a: '党建👍\t第一行\r\n第二行' };
    guardInput('body', body);
    expect(body.a).toBe('党建👍\t第一行\r\n第二行');
  });

  it('trims strings so length checks see what is stored, but never a password', () => {
    const body = { name: '   ', list: ['  甲 '], nested: { x: ' y ' }, password: '  pw  ', newPassword: ' n ' };
    guardInput('body', body);
    expect(body).toEqual({ name: '', list: ['甲'], nested: { x: 'y' }, password: '  pw  ', newPassword: ' n ' });
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} levels without recursing into all of it`, () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(refusal(() => guardInput('body', deep)).message).toContain('嵌套层级过深');
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(() => guardInput('body', ok)).not.toThrow();
  });
});

describe('closeObjects (body schemas refuse unknown properties)', () => {
  it('sets additionalProperties false on every object that does not say otherwise', () => {
    const closed = closeObjects({
      type: 'object',
      properties: {
        a: { type: 'object', properties: { b: { type: 'string' } } },
        list: { type: 'array', items: { type: 'object', properties: { c: { type: 'integer' } } } },
      },
    }) as { additionalProperties: boolean; properties: { a: { additionalProperties: boolean }; list: { items: { additionalProperties: boolean } } } };
    expect(closed.additionalProperties).toBe(false);
    expect(closed.properties.a.additionalProperties).toBe(false);
    expect(closed.properties.list.items.additionalProperties).toBe(false);
  });

  it('keeps an explicit choice and maps (patternProperties) open', () => {
    expect(closeObjects({ type: 'object', properties: {}, additionalProperties: true })).toMatchObject({ additionalProperties: true });
    expect(closeObjects({ type: 'object', patternProperties: { '^.*$': { type: 'string' } } })).not.toHaveProperty('additionalProperties');
  });
});

describe('DATE_PATTERN (one calendar-date format for every contract)', () => {
  const re = new RegExp(DATE_PATTERN);
  it.each(['2026-01-31', '2026-02-28', '2024-02-29', '2000-02-29', '1904-02-29', '1900-12-31', '2099-11-30'])('accepts the real date %s', (d) => {
    expect(re.test(d)).toBe(true);
  });
  it.each([
    '2026-02-30',
    '0000-00-00',
    '2026-02-29',
    '1900-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '1899-12-31',
    '2026-1-01',
    '2026-01-01T00:00',
  ])('refuses %s', (d) => {
    expect(re.test(d)).toBe(false);
  });
});
