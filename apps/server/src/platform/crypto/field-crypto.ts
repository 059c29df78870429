import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption of personal fields at rest (AES-256-GCM, random 96-bit IV) plus a keyed hash
 * (HMAC-SHA-256 under a key derived from the same secret) for exact look-ups of encrypted values.
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic look-up hash of a normalized value. */
  lookupHash(plain: string): string;
}

export function createFieldCrypto(keyBase64: string): FieldCrypto {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new Error('field key must be 32 bytes');
  const hashKey = crypto.createHmac('sha256', key).update('jiceng-lookup-v1').digest();
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ct].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    decrypt(stored) {
      const [ver, iv, tag, ct] = stored.split('.');
      if (ver !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unknown ciphertext format');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return crypto.createHmac('sha256', hashKey).update(plain.normalize('NFKC').trim().toUpperCase()).digest('base64url');
    },
  };
}

export const FIELD_KEY_FILE = 'field.key';

/**
 * The configured key, or on the embedded engine the key in the data folder, generated with mode 600
 * on first start. Losing this file makes encrypted fields unreadable: back it up with the folder.
 */
export function resolveFieldKey(configured: string | null, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, FIELD_KEY_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32).toString('base64');
  fs.writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
