/** Sign-in codes and attendance, for meetings and volunteer activities (ADR 0015). */
export {
  createSigninService,
  type Attendance,
  type IssuedCode,
  type SigninMethod,
  type SigninResult,
  type SigninService,
  type SigninTarget,
} from './signin.service.ts';
export { qrPng, qrSvg, signinUrl, SIGNIN_H5_PATH } from './qr.ts';
export { CODE_ALPHABET, CODE_LENGTH, normalizeCode } from './signin-code.ts';
