import { AppError } from '../../platform/errors.ts';
import type { Clock } from '../../platform/clock.ts';

/** Failed sign-in attempts one account may make within the window before it waits (a code is 6 of 31 characters). */
export const SIGNIN_ATTEMPTS_MAX = 10;
export const SIGNIN_ATTEMPTS_WINDOW_SECONDS = 600;

/**
 * A small per-account limit on sign-in attempts (ADR 0017): each attempt is counted before the code
 * is checked, so parallel guesses cannot slip through together, and taken back when it succeeds. In
 * the process's memory: guessing one of 8.9 × 10⁸ codes at 10 tries per 10 minutes per account is
 * hopeless, and a restart forgetting the counts changes nothing of that.
 */
export function createSigninThrottle(clock: Clock, max = SIGNIN_ATTEMPTS_MAX, windowSeconds = SIGNIN_ATTEMPTS_WINDOW_SECONDS) {
  const attempts = new Map<string, number[]>();
  const recent = (accountId: string, now: number) => (attempts.get(accountId) ?? []).filter((t) => t > now - windowSeconds * 1000);
  return {
    /** Counts one attempt, or refuses with TOO_MANY_ATTEMPTS while the account has used up the window. */
    reserve(accountId: string): number {
      const now = clock.now().getTime();
      const list = recent(accountId, now);
      if (list.length >= max) {
        const wait = Math.max(1, Math.ceil((list[0]! + windowSeconds * 1000 - now) / 1000));
        attempts.set(accountId, list);
        throw new AppError('TOO_MANY_ATTEMPTS', `签到尝试次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试，或请支部书记为您补签`, { retryAfterSeconds: wait });
      }
      list.push(now);
      attempts.set(accountId, list);
      return now;
    },
    /** The attempt succeeded: it does not count against the account. */
    succeeded(accountId: string, at: number): void {
      const list = attempts.get(accountId);
      const i = list?.indexOf(at) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
      if (list?.length === 0) attempts.delete(accountId);
    },
  };
}
