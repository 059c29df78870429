import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, t=2), as OWASP recommends. */
export const hashPassword = (plain: string): Promise<string> => hash(plain, { algorithm: 2 });
export const verifyPassword = (stored: string, plain: string): Promise<boolean> => verify(stored, plain).catch(() => false);
