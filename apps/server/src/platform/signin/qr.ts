import QRCode from 'qrcode';

/**
 * QR images of a sign-in link: medium error correction (a projector's glare, a phone at an angle),
 * a quiet zone of 4 modules as the standard asks, black on white.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } } as const;

/** A PNG of `text`, `width` pixels wide (default 512: sharp on a projector, small to send). */
export function qrPng(text: string, width = 512): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width });
}

/** An SVG of `text` (scales to any size; for print and the web page). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}

/** The H5 page's sign-in address under this deployment's public origin: the fragment keeps the token out of server and proxy logs. */
export const SIGNIN_H5_PATH = '/h5.html#/signin?t=';

/** The link a QR image carries: `publicOrigin` (e.g. `https://dj.example.gov.cn`) + the H5 sign-in page with the token. */
export function signinUrl(publicOrigin: string, token: string): string {
  return `${publicOrigin.replace(/\/+$/, '')}${SIGNIN_H5_PATH}${encodeURIComponent(token)}`;
}
