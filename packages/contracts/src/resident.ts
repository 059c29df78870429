import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common.ts';

/**
 * Residents (群众) on H5: identified by a mobile number and a one-time code (ADR 0021). A resident
 * is not an account: their session has its own cookie, routes declare `resident` access, and every
 * write carries the session's CSRF token like an account's.
 */
export const RESIDENT_COOKIE = 'jc_rid';
/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
export const MOBILE_PATTERN = '^1[3-9]\\d{9}$';
export const Mobile = Type.String({ pattern: MOBILE_PATTERN, description: '手机号码（11位）' });
export const RESIDENT_CODE_LENGTH = 6;

export const ResidentCodeInput = Type.Object({ phone: Mobile }, { additionalProperties: false });
export type ResidentCodeInput = Static<typeof ResidentCodeInput>;
export const ResidentCodeSent = Type.Object({
  sentTo: Type.String({ description: '接收验证码的号码（脱敏）' }),
  expiresInSeconds: Type.Integer({ description: '验证码有效秒数' }),
  resendAfterSeconds: Type.Integer({ description: '多少秒后可重新获取' }),
});
export type ResidentCodeSent = Static<typeof ResidentCodeSent>;

export const ResidentLoginInput = Type.Object(
  {
    phone: Mobile,
    code: Type.String({ pattern: `^\\d{${RESIDENT_CODE_LENGTH}}$`, description: '短信验证码（6位数字）' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: '称呼（首次登录时可填）' })),
  },
  { additionalProperties: false },
);
export type ResidentLoginInput = Static<typeof ResidentLoginInput>;

export const ResidentMe = Type.Object({
  id: Id,
  phone: Type.String({ description: '手机号码（脱敏）' }),
  name: Type.Union([Type.String(), Type.Null()], { description: '称呼' }),
  csrfToken: Type.String({ description: '写操作须在 x-csrf-token 请求头中携带' }),
});
export type ResidentMe = Static<typeof ResidentMe>;
