import { describe, expect, it } from 'vitest';
import { chinaIso, formatOfUrl, maskMobiles, MalformedForm, parseForm, parseW3cTime, queryValue, toXml, xmlEscape } from './open311.format.ts';

describe('Open311 wire format', () => {
  it('escapes the five XML characters and drops what XML cannot carry', () => {
    expect(xmlEscape(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(xmlEscape('x\u0001y\u000Bz')).toBe('xyz');
    expect(xmlEscape('第一行\n第二行')).toBe('第一行\n第二行');
  });

  it('writes lists as the spec names their items, null as an empty element', () => {
    const xml = toXml('services', [{ service_code: 'repair', metadata: true, keywords: null }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services>\n  <service>\n    <service_code>repair</service_code>\n    <metadata>true</metadata>\n    <keywords/>\n  </service>\n</services>\n',
    );
    expect(toXml('errors', [{ code: 400, description: '<缺少>' }])).toContain('<error>\n    <code>400</code>\n    <description>&lt;缺少&gt;</description>');
    expect(toXml('discovery', { endpoints: [{ formats: ['text/xml'] }] })).toContain('<formats>\n        <format>text/xml</format>');
  });

  it('decodes a form strictly; a repeated key keeps its last value', () => {
    expect(parseForm('a=1&b=%E8%B7%AF%E7%81%AF+%E5%9D%8F&a=2&attribute%5Bkind%5D=help')).toEqual({ a: '2', b: '路灯 坏', 'attribute[kind]': 'help' });
    expect(parseForm('__proto__=x').__proto__).toBe('x');
    expect(Object.getPrototypeOf(parseForm('__proto__=x'))).toBe(Object.prototype);
    expect(() => parseForm('a=%E8%B7')).toThrow(MalformedForm);
    expect(() => parseForm('a=%ZZ')).toThrow(MalformedForm);
    expect(queryValue(['open', 'closed'])).toBe('open,closed');
  });

  it('reads W3C date-times and refuses what is not one', () => {
    expect(parseW3cTime('2026-11-01T00:00:00Z')?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseW3cTime('2026-11-01T08:00:00+08:00')?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseW3cTime('2026-11-01')?.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    for (const bad of ['2026-02-30', '2026-11-01T25:00:00Z', 'yesterday', '2026-11-01T00:00:00', '1e9']) expect(parseW3cTime(bad), bad).toBeNull();
  });

  it('answers times with the China offset, masks mobiles in text, and takes the format from the path', () => {
    expect(chinaIso('2026-11-23 02:00:00+00')).toBe('2026-11-23T10:00:00+08:00');
    expect(maskMobiles('请回电13812345678或 010-12345678，编号 213812345678')).toBe('请回电138****5678或 010-12345678，编号 213812345678');
    expect(formatOfUrl('/open311/v2/nope.json?x=1')).toBe('json');
    expect(formatOfUrl('/open311/v2/nope')).toBe('xml');
  });
});
