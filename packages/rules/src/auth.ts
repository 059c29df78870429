import { LOGIN_RULES, PASSWORD_RULES, type LoginRuleSet, type PasswordRuleSet, type ThrottleRule } from './auth.rules.ts';

/** One failed-login counter as stored: how many failures, and when the last one was. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
}

/** Rule login-failure-handling: the wait after `failures` failures, seconds (0 while they are free). */
export function throttleDelaySeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** (failures - rule.freeFailures));
}

/** Failures that still count at `now`: none once the last one is older than `forgetAfterMinutes`. */
export function liveFailures(s: ThrottleState, now: Date, rule: ThrottleRule): number {
  if (!s.lastFailureAt || now.getTime() - s.lastFailureAt.getTime() > rule.forgetAfterMinutes * 60_000) return 0;
  return s.failures;
}

/** Rule login-failure-handling: whole seconds until the next attempt may be checked (0: now). */
export function throttleWaitSeconds(s: ThrottleState, now: Date, rule: ThrottleRule): number {
  const delay = throttleDelaySeconds(liveFailures(s, now, rule), rule);
  if (delay === 0 || !s.lastFailureAt) return 0;
  return Math.max(0, Math.ceil((s.lastFailureAt.getTime() + delay * 1000 - now.getTime()) / 1000));
}

/** The counter after one more failure at `now` (a forgotten counter starts over at 1). */
export function afterFailure(s: ThrottleState, now: Date, rule: ThrottleRule): ThrottleState {
  return { failures: liveFailures(s, now, rule) + 1, lastFailureAt: now };
}

/** How long a throttle row must be kept: past this age it no longer delays or counts. */
export function throttleRetentionMinutes(rules: LoginRuleSet = LOGIN_RULES): number {
  return Math.max(...[rules.perUsername, rules.perIp].map((r) => r.forgetAfterMinutes + Math.ceil(r.maxDelaySeconds / 60)));
}

/** The refusal while a counter waits, in Chinese, with the wait in seconds or minutes. */
export function tooManyAttemptsMessage(seconds: number): string {
  const wait = seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return `登录失败次数过多，请 ${wait}后再试；忘记密码请联系上级组织的管理员重置`;
}

/**
 * Rule login-failure-handling, lockout option: when the account's lock ends if this wrong password
 * is its `failures`-th in a row, or null when it is not locked (always null unless enabled).
 */
export function lockoutUntil(failures: number, now: Date, rules: LoginRuleSet = LOGIN_RULES): Date | null {
  if (!rules.lockout.enabled || failures < rules.lockout.maxFailures) return null;
  return new Date(now.getTime() + rules.lockout.lockMinutes * 60_000);
}

/** Rule login-failure-handling, lockout option: whether a lock set until `lockedUntil` holds at `now`. */
export function isLockedOut(lockedUntil: Date | null, now: Date, rules: LoginRuleSet = LOGIN_RULES): boolean {
  return rules.lockout.enabled && lockedUntil !== null && lockedUntil > now;
}

export type PasswordClass = 'upper' | 'lower' | 'digit' | 'symbol';
const CLASS_LABEL: Record<PasswordClass, string> = { upper: '大写字母', lower: '小写字母', digit: '数字', symbol: '符号' };
const CLASSES: PasswordClass[] = ['upper', 'lower', 'digit', 'symbol'];

/** The character classes a password uses; anything not a Latin letter or digit is a symbol. */
export function passwordClasses(password: string): PasswordClass[] {
  const of = (c: string): PasswordClass => (/[A-Z]/.test(c) ? 'upper' : /[a-z]/.test(c) ? 'lower' : /[0-9]/.test(c) ? 'digit' : 'symbol');
  const used = new Set([...password].map(of));
  return CLASSES.filter((c) => used.has(c));
}

/**
 * Rule password-quality: every reason to refuse `password` as a new password, in Chinese, each
 * saying what is missing; empty when it is acceptable. `username` is the account's, `oldPassword`
 * the one it replaces (when the user typed it).
 */
export function passwordProblems(password: string, ctx: { username?: string; oldPassword?: string } = {}, rules: PasswordRuleSet = PASSWORD_RULES): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < rules.minLength) problems.push(`密码至少 ${rules.minLength} 位（当前 ${length} 位）`);
  const classes = passwordClasses(password);
  if (classes.length < rules.minClasses) {
    const missing = CLASSES.filter((c) => !classes.includes(c)).map((c) => CLASS_LABEL[c]);
    problems.push(`密码需包含大写字母、小写字母、数字、符号中的至少 ${rules.minClasses} 类（还可加入${missing.join('、')}）`);
  }
  if (rules.blocklist.has(password.toLowerCase())) problems.push('该密码是常见弱密码，很容易被猜中，请换一个');
  const username = ctx.username?.trim().toLowerCase() ?? '';
  if (rules.refuseUsername && username.length > 0 && password.toLowerCase().includes(username)) problems.push('密码不能包含用户名');
  if (ctx.oldPassword !== undefined && ctx.oldPassword === password) problems.push('新密码不能与原密码相同');
  return problems;
}

/** Rule password-quality: the Chinese refusal of `password`, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  ctx: { username?: string; oldPassword?: string } = {},
  rules: PasswordRuleSet = PASSWORD_RULES,
): string | null {
  const problems = passwordProblems(password, ctx, rules);
  return problems.length === 0 ? null : problems.join('；');
}
