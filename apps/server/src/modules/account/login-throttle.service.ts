import crypto from 'node:crypto';
import { afterFailure, throttleRetentionMinutes, throttleWaitSeconds, tooManyAttemptsMessage, type LoginRuleSet, type ThrottleState } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { AppError } from '../../platform/errors.ts';
import type { LoginThrottleRepository, ThrottleKey, ThrottleRow } from './login-throttle.repository.ts';

export interface LoginThrottleDeps {
  db: Database;
  regionId: string;
  throttles: LoginThrottleRepository;
  clock: Clock;
  rules: LoginRuleSet;
}

/** Failures counted in advance for one attempt, to be settled once the password is checked. */
export interface Reservation {
  at: Date;
  counted: { key: ThrottleKey; previousFailureAt: Date | null }[];
}

const hashKey = (kind: ThrottleKey['kind'], value: string): ThrottleKey => ({
  kind,
  keyHash: crypto.createHash('sha256').update(`${kind}:${value}`).digest('base64url'),
});
const stateOf = (r: ThrottleRow): ThrottleState => ({ failures: r.failures, lastFailureAt: r.last_failure_at ? new Date(isoTime(r.last_failure_at)) : null });

/**
 * Login throttling (rule login-failure-handling, ADR 0003): a counter per username and per client
 * address. Before a password is checked, `reserve` refuses the attempt while either counter waits,
 * else counts the attempt as a failure in the same locked step, so parallel guesses cannot all
 * slip through one open moment. `succeeded` takes the count back (and clears the username).
 */
export function createLoginThrottle(deps: LoginThrottleDeps) {
  const { db, regionId, throttles, clock, rules } = deps;
  const ruleOf = (k: ThrottleKey) => (k.kind === 'ip' ? rules.perIp : rules.perUsername);

  return {
    /** Throws TOO_MANY_ATTEMPTS (with `retryAfterSeconds`) while a counter waits; else counts one failure. */
    async reserve(username: string, ip: string | null): Promise<Reservation> {
      const keys = [hashKey('username', username.trim().toLowerCase()), ...(ip ? [hashKey('ip', ip)] : [])];
      const at = clock.now();
      const { wait, counted } = await db.transaction(async (tx) => {
        const rows = await throttles.lock(tx, regionId, keys);
        const keyOf = (r: ThrottleRow): ThrottleKey => ({ kind: r.kind, keyHash: r.key_hash });
        const wait = Math.max(0, ...rows.map((r) => throttleWaitSeconds(stateOf(r), at, ruleOf(keyOf(r)))));
        if (wait > 0) return { wait, counted: [] };
        const counted: Reservation['counted'] = [];
        for (const r of rows) {
          const next = afterFailure(stateOf(r), at, ruleOf(keyOf(r)));
          await throttles.set(tx, regionId, keyOf(r), next.failures, next.lastFailureAt);
          counted.push({ key: keyOf(r), previousFailureAt: stateOf(r).lastFailureAt });
        }
        return { wait: 0, counted };
      });
      if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', tooManyAttemptsMessage(wait), { retryAfterSeconds: wait });
      return { at, counted };
    },

    /** The password was right: the username's counter starts over, the address's loses this attempt. */
    async succeeded(tx: Database, r: Reservation): Promise<void> {
      for (const { key, previousFailureAt } of r.counted) {
        if (key.kind === 'username') await throttles.clear(tx, regionId, key);
        else await throttles.takeBack(tx, regionId, key, r.at, previousFailureAt);
      }
    },

    /** Hourly sweep: forgets counters that no longer delay or count. */
    deleteStale: () => throttles.deleteStale(db, regionId, new Date(clock.now().getTime() - throttleRetentionMinutes(rules) * 60_000)),
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
