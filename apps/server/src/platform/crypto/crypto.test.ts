import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, resolveFieldKey } from './field-crypto.ts';
import { maskAddress, maskIdNumber, maskName, maskPhone, present } from './mask.ts';

const key = crypto.randomBytes(32).toString('base64');

describe('field encryption', () => {
  const fc = createFieldCrypto(key);
  it('round-trips Chinese text and never stores the plain value', () => {
    const stored = fc.encrypt('南京市玄武区孝陵卫街道');
    expect(stored).not.toContain('玄武');
    expect(fc.decrypt(stored)).toBe('南京市玄武区孝陵卫街道');
  });
  it('uses a fresh IV each time', () => {
    expect(fc.encrypt('320102199001011234')).not.toBe(fc.encrypt('320102199001011234'));
  });
  it('rejects a tampered ciphertext', () => {
    const stored = fc.encrypt('13800001111');
    const parts = stored.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString('base64url');
    expect(() => fc.decrypt(parts.join('.'))).toThrow();
  });
  it('rejects another key', () => {
    const other = createFieldCrypto(crypto.randomBytes(32).toString('base64'));
    expect(() => other.decrypt(fc.encrypt('x'))).toThrow();
  });
  it('gives a stable keyed look-up hash that ignores case and full-width forms', () => {
    expect(fc.lookupHash('32010219900101123x')).toBe(fc.lookupHash('３２０１０２１９９００１０１１２３Ｘ'));
    expect(fc.lookupHash('a')).not.toBe(createFieldCrypto(crypto.randomBytes(32).toString('base64')).lookupHash('a'));
  });
});

describe('field key file', () => {
  it('is generated once with mode 600 and reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jc-key-'));
    const k1 = resolveFieldKey(null, dir);
    expect(Buffer.from(k1, 'base64')).toHaveLength(32);
    expect(fs.statSync(path.join(dir, 'field.key')).mode & 0o777).toBe(0o600);
    expect(resolveFieldKey(null, dir)).toBe(k1);
    expect(resolveFieldKey('configured', dir)).toBe('configured');
  });
});

describe('masking presenter', () => {
  it('masks 身份证号 as 32**************34, never showing positions 7–14 (the birth date)', () => {
    expect(maskIdNumber('320102199001011234')).toBe('32**************34');
    expect(maskIdNumber('32010219900101123X')).toBe('32**************3X');
    // a 15-character number keeps only the one character after position 14; 14 or fewer keep no tail
    expect(maskIdNumber('320102900101123')).toBe('32************3');
    expect(maskIdNumber('32010219900101')).toBe('32************');
    expect(maskIdNumber('12345678')).toBe('********');
    for (const n of [9, 12, 14, 15, 16, 17, 18, 20, 24]) {
      const masked = maskIdNumber('9'.repeat(n));
      expect(masked).toHaveLength(n);
      expect(masked.slice(6, 14)).toMatch(/^\**$/);
      expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(4);
    }
  });
  it('masks phone, address and name', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('南京市玄武区孝陵卫街道1号')).toBe('南京市玄武区****');
    expect(maskName('张三丰')).toBe('张**');
  });
  it('shows the value only when unmasked', () => {
    expect(present('13812345678', 'phone', true)).toBe('13812345678');
    expect(present('13812345678', 'phone', false)).toBe('138****5678');
    expect(present(null, 'phone', false)).toBeNull();
  });
});
