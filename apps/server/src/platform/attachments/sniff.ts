import { IMAGE_PIXELS_MAX, IMAGE_SIDE_MAX, type AttachmentType } from '@jiceng/contracts';

/**
 * A file's type from its bytes (magic numbers and structure), never from its name: JPEG, PNG and
 * WebP with their pixel size, PDF, and .docx/.xlsx as zip archives holding the parts of a Word or
 * Excel file (without macros).
 */
export type Inspection =
  | { ok: true; type: AttachmentType; width: number | null; height: number | null }
  /** `unknown`: not a type the platform takes (415); `broken`: the right type, but damaged or absurd (400). */
  | { ok: false; reason: 'unknown' | 'broken'; message: string };

const broken = (message: string): Inspection => ({ ok: false, reason: 'broken', message });
const UNKNOWN: Inspection = { ok: false, reason: 'unknown', message: '无法识别的文件类型' };

const startsWith = (b: Buffer, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, at: number, len: number) => (b.length >= at + len ? b.toString('latin1', at, at + len) : '');

/** Checks the pixel size of an image whose header was read. */
function image(type: AttachmentType, width: number, height: number): Inspection {
  if (!(width >= 1 && height >= 1)) return broken('图片文件已损坏（读不出图片尺寸），请重新导出后上传');
  if (width > IMAGE_SIDE_MAX || height > IMAGE_SIDE_MAX || width * height > IMAGE_PIXELS_MAX)
    return broken(`图片尺寸过大（${width}×${height} 像素），请缩小到每边不超过 ${IMAGE_SIDE_MAX} 像素后上传`);
  return { ok: true, type, width, height };
}

/** JPEG: walks the marker segments to the frame header (SOFn) that holds the size. */
function jpeg(b: Buffer): Inspection {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return broken('图片文件已损坏（JPG 结构不完整），请重新导出后上传');
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    // markers without a length
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan: no frame header before it
    const len = b.readUInt16BE(i + 2);
    if (len < 2) break;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 > b.length) break;
      return image('jpeg', b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
    }
    i += 2 + len;
  }
  return broken('图片文件已损坏（读不出 JPG 图片尺寸），请重新导出后上传');
}

function png(b: Buffer): Inspection {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return broken('图片文件已损坏（PNG 结构不完整），请重新导出后上传');
  return image('png', b.readUInt32BE(16), b.readUInt32BE(20));
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X) headers. */
function webp(b: Buffer): Inspection {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30 && startsWith(b, [0x9d, 0x01, 0x2a], 23))
    return image('webp', b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return image('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X' && b.length >= 30) return image('webp', b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
  return broken('图片文件已损坏（WebP 结构不完整），请重新导出后上传');
}

/** Most entries read from a zip's directory (an .xlsx of a large sheet has a few dozen). */
const ZIP_ENTRIES_MAX = 10_000;

/** The entry names of a zip archive from its central directory, or null when it is not a whole archive. */
export function zipEntries(b: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let end = -1;
  for (let i = b.length - 22; i >= floor; i--) {
    if (b.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  if (count > ZIP_ENTRIES_MAX) return null;
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    if (at + 46 + nameLen > b.length) return null;
    names.push(b.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** An Office Open XML file: the zip must hold the content-types part and the document's main part. */
function office(b: Buffer): Inspection {
  const names = zipEntries(b);
  if (!names) return broken('文件已损坏（压缩结构不完整），请重新保存后上传');
  const has = new Set(names.map((n) => n.toLowerCase()));
  if (!has.has('[content_types].xml')) return UNKNOWN;
  if (names.some((n) => /(^|\/)vbaproject\.bin$/i.test(n)))
    return { ok: false, reason: 'unknown', message: '文件含有宏，请另存为不含宏的 .docx 或 .xlsx 后上传' };
  if (has.has('word/document.xml')) return { ok: true, type: 'docx', width: null, height: null };
  if (has.has('xl/workbook.xml')) return { ok: true, type: 'xlsx', width: null, height: null };
  return UNKNOWN;
}

/** What the bytes are. */
export function inspect(b: Buffer): Inspection {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return jpeg(b);
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b);
  if (/^%PDF-\d/.test(ascii(b, 0, 6))) return { ok: true, type: 'pdf', width: null, height: null };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return office(b);
  return UNKNOWN;
}
