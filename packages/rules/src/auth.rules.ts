import { PASSWORD_MIN, PASSWORD_MIN_CLASSES } from '@jiceng/contracts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * Login failure handling and password quality, as data (ADR 0003).
 *
 * Rule login-failure-handling: GB/T 22239-2019《信息安全技术 网络安全等级保护基本要求》, 安全计算环境 ·
 * 身份鉴别 (第三级 8.1.4.1 b): 应具有登录失败处理功能，应配置并启用结束会话、限制非法登录次数和当登录连接超时
 * 自动退出等相关措施. We limit illegal attempts by throttling rather than by locking the account, as
 * the OWASP Authentication Cheat Sheet ("Protect Against Automated Attacks" / "Account Lockout")
 * advises: a fixed lockout lets anyone who knows a username keep its owner out (here: five wrong
 * tries kept `admin` out for 15 minutes), while an exponentially growing delay ("starts as a very
 * short period … but doubles after each failed login attempt") slows guessing just as well.
 * NIST SP 800-63B §5.2.2 (rate limiting) likewise asks for throttling, with at most 100
 * consecutive failures on one account. Counters are kept per username (a guesser on many
 * addresses) and per client address (one address trying many usernames); unknown usernames are
 * counted like known ones, so the answer never tells which exist. The hard lockout stays as an
 * option for deployments whose assessor requires one (`lockout.enabled`, off by default).
 *
 * Rule password-quality: GB/T 22239-2019, 安全计算环境 · 身份鉴别 (第三级 8.1.4.1 a): 身份鉴别信息具有
 * 复杂度要求 — at least 8 characters of at least 3 of the 4 classes (upper, lower, digit, symbol),
 * the reading 等级保护测评 commonly applies. NIST SP 800-63B §5.1.1.2: refuse passwords that are
 * commonly used, expected or compromised (the blocklist in common-passwords.ts) and context-specific
 * words such as the username.
 */

/** One counter of failed logins (per username, or per client address). */
export interface ThrottleRule {
  /** Failures that cost nothing; the next attempt after this many waits. */
  freeFailures: number;
  /** The wait after the `freeFailures`-th failure, seconds; it doubles with each further failure. */
  baseDelaySeconds: number;
  /** The longest wait, seconds. */
  maxDelaySeconds: number;
  /** A counter whose last failure is older than this starts over. */
  forgetAfterMinutes: number;
}

export interface LoginRuleSet {
  id: string;
  effectiveFrom: string;
  /**
   * Per username, known or not. Kept short, so a stranger who types wrong passwords for someone
   * else's username delays its owner by a minute at most; a successful login clears it.
   */
  perUsername: ThrottleRule;
  /** Per client address; may grow long, since it slows only the address that keeps failing. */
  perIp: ThrottleRule;
  /** The hard lockout of GB/T 22239-2019 readings that require one: off unless a deployment turns it on. */
  lockout: {
    enabled: boolean;
    /** Consecutive wrong passwords that lock the account. */
    maxFailures: number;
    /** How long it stays locked (an administrator's password reset unlocks it at once). */
    lockMinutes: number;
  };
}

export const LOGIN_RULES: LoginRuleSet = {
  id: 'login-throttle-2026',
  effectiveFrom: '2026-12-01',
  // 5 free tries, then 2 s, 4 s, 8 s, 16 s, 32 s, 60 s, 60 s …: about one guess a minute.
  perUsername: { freeFailures: 5, baseDelaySeconds: 2, maxDelaySeconds: 60, forgetAfterMinutes: 60 },
  // Many people may share one address (an office behind NAT), so more tries are free;
  // then 2 s … 512 s, 900 s (15 minutes), 900 s …
  perIp: { freeFailures: 20, baseDelaySeconds: 2, maxDelaySeconds: 900, forgetAfterMinutes: 60 },
  lockout: { enabled: false, maxFailures: 5, lockMinutes: 15 },
};

export interface PasswordRuleSet {
  id: string;
  effectiveFrom: string;
  minLength: number;
  /** Of upper-case letters, lower-case letters, digits and symbols (anything else), at least this many. */
  minClasses: number;
  /** Lower-cased passwords refused whatever their make-up. */
  blocklist: ReadonlySet<string>;
  /** Refuse a password that contains the username, ignoring case. */
  refuseUsername: boolean;
}

export const PASSWORD_RULES: PasswordRuleSet = {
  id: 'password-quality-2026',
  effectiveFrom: '2026-12-01',
  minLength: PASSWORD_MIN,
  minClasses: PASSWORD_MIN_CLASSES,
  blocklist: COMMON_PASSWORDS,
  refuseUsername: true,
};
