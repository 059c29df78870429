import { ATTACHMENT_NAME_MAX, attachmentTypes, type AttachmentType } from '@jiceng/contracts';

const OTHER_ALIASES = new Set(Object.values(attachmentTypes).flatMap((t) => t.aliases as readonly string[]));

/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The name an uploaded file is kept under: the last path segment only, NFC, without control and
 * format characters (a right-to-left override can make `gpj.exe` read as `exe.jpg`), without the
 * characters file systems refuse, spaces collapsed, at most ATTACHMENT_NAME_MAX characters, and
 * with the extension of the type its bytes showed (`照片.png` that is a JPEG becomes `照片.jpg`; `病毒.exe` that is a PDF becomes `病毒.exe.pdf`).
 * Chinese and every other printable character stay. An empty name becomes `附件.<ext>`.
 */
export function sanitizeFileName(raw: string, type: AttachmentType): string {
  const t = attachmentTypes[type];
  const last = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .trim();
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const known = (t.aliases as readonly string[]).includes(ext);
  // another accepted type's extension is a wrong label and goes; any other (`.exe`) stays visible
  const wrongLabel = !known && OTHER_ALIASES.has(ext);
  let stem = (dot > 0 && (known || wrongLabel) ? cleaned.slice(0, dot) : cleaned).replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem === '' || stem.toLowerCase() === 'blob') stem = '附件';
  if (RESERVED.test(stem)) stem = `_${stem}`;
  const suffix = `.${known ? ext : t.ext}`;
  // cut by code points, so a Chinese character or an emoji is never split
  const room = ATTACHMENT_NAME_MAX - suffix.length;
  const chars = [...stem];
  if (chars.length > room) stem = chars.slice(0, room).join('').trimEnd();
  return stem + suffix;
}

/** An ASCII-only name for old clients' `filename=`: the name itself when it is plain ASCII, else `attachment.<ext>`. */
export function asciiFallback(fileName: string, type: AttachmentType): string {
  return /^[A-Za-z0-9 ._()+-]+$/.test(fileName) ? fileName : `attachment.${attachmentTypes[type].ext}`;
}
