/**
 * Residents' phone login on H5 (issue 10, ADR 0021): one-time codes and their limits, as data.
 * No regulation sets these numbers; they are Jiceng defaults in the range SMS-login services use
 * (a code valid for minutes, one resend a minute, a handful an hour), kept here so a locality may
 * change them. The code is logged instead of sent while there is no SMS gateway (ADR 0019).
 */
export interface ResidentLoginRuleSet {
  id: string;
  source: string;
  /** Digits in a code. */
  codeLength: number;
  /** A code is valid this long. */
  codeTtlSeconds: number;
  /** A new code for the same phone no sooner than this. */
  resendAfterSeconds: number;
  /** Codes per phone, and per client address, in one hour. */
  perPhonePerHour: number;
  perIpPerHour: number;
  /** Wrong codes before the code is spent (a new one must be requested). */
  maxAttempts: number;
  /** A resident's session lasts this long. */
  sessionDays: number;
}

export const RESIDENT_LOGIN_RULES_2026: ResidentLoginRuleSet = {
  id: 'resident-login-2026',
  source: 'Jiceng 默认值（无规范性文件规定；参照常见短信验证码登录做法）',
  codeLength: 6,
  codeTtlSeconds: 300,
  resendAfterSeconds: 60,
  perPhonePerHour: 5,
  perIpPerHour: 30,
  maxAttempts: 5,
  sessionDays: 30,
};
