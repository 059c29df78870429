import { passwordProblem } from '@jiceng/rules';
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../../platform/errors.ts';

/** argon2id with the library's defaults (19 MiB, t=2), as OWASP recommends. */
export const hashPassword = (plain: string): Promise<string> => hash(plain, { algorithm: 2 });
export const verifyPassword = (stored: string, plain: string): Promise<boolean> => verify(stored, plain).catch(() => false);

/**
 * Rule password-quality: refuses a weak new password with a Chinese message that says what is
 * missing, marked on the form field `field`.
 */
export function assertAcceptablePassword(password: string, ctx: { username: string; oldPassword?: string }, field: string): void {
  const problem = passwordProblem(password, ctx);
  if (problem) throw invalid(problem, { fields: [{ field, message: problem }] });
}

/** Hashing and checking passwords; injectable so a test can count the checks. */
export interface PasswordHasher {
  hash(plain: string): Promise<string>;
  verify(stored: string, plain: string): Promise<boolean>;
}
export const argon2Passwords: PasswordHasher = { hash: hashPassword, verify: verifyPassword };
