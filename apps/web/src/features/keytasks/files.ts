import { attachmentKinds, attachmentTypes, type AttachmentType } from '@jiceng/contracts';

/** The evidence of one progress report: the same rule the server checks (type by content, size, count). */
export const KT_FILE_RULE = attachmentKinds.kt_progress;

const MB = 1_048_576;
const mb = (n: number) => `${Number((n / MB).toFixed(1))} MB`;

/** The file chooser's filter: every extension of every type the kind takes. */
export const KT_FILE_ACCEPT = (KT_FILE_RULE.types as readonly AttachmentType[]).flatMap((t) => attachmentTypes[t].aliases.map((a) => `.${a}`)).join(',');

export const ktFileHint = () =>
  `照片（不超过 ${mb(KT_FILE_RULE.imageMaxBytes)}）、PDF、Word、Excel（不超过 ${mb(KT_FILE_RULE.documentMaxBytes)}），每次报告最多 ${KT_FILE_RULE.maxFiles} 个`;

/**
 * Why a chosen file is not sent, or null to send it: a type the report does not take, an empty file,
 * a file over its type's limit, or more files than one report holds (`already`: on it or queued).
 */
export function ktFileRefusal(file: { name: string; size: number }, already: number): string | null {
  const r = KT_FILE_RULE;
  if (already >= r.maxFiles) return `每次报告最多上传 ${r.maxFiles} 个${r.label}，${file.name} 未上传`;
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const type = (r.types as readonly AttachmentType[]).find((t) => ext && (attachmentTypes[t].aliases as readonly string[]).includes(ext));
  if (!type) return `${file.name}：${r.label}只接受图片和 PDF、Word、Excel 文件`;
  if (file.size === 0) return `${file.name} 是空文件，请重新选择`;
  const max = attachmentTypes[type].image ? r.imageMaxBytes : r.documentMaxBytes;
  if (file.size > max) return `${file.name} 过大（${mb(file.size)}），${attachmentTypes[type].label}不能超过 ${mb(max)}`;
  return null;
}
