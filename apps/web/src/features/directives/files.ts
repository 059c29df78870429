import { attachmentKinds, attachmentTypes, type AttachmentType } from '@jiceng/contracts';

/** 办结佐证材料: the same rule the server checks (type by content, size, count). */
export const DIRECTIVE_FILE_RULE = attachmentKinds.directive_report;

const MB = 1_048_576;
const mb = (n: number) => `${Number((n / MB).toFixed(1))} MB`;

/** The file chooser's filter: every extension of every type the kind takes. */
export const DIRECTIVE_FILE_ACCEPT = (DIRECTIVE_FILE_RULE.types as readonly AttachmentType[])
  .flatMap((t) => attachmentTypes[t].aliases.map((a) => `.${a}`))
  .join(',');

export const directiveFileHint = () =>
  `照片（不超过 ${mb(DIRECTIVE_FILE_RULE.imageMaxBytes)}）、PDF、Word、Excel（不超过 ${mb(DIRECTIVE_FILE_RULE.documentMaxBytes)}），最多 ${DIRECTIVE_FILE_RULE.maxFiles} 个`;

/** Why a chosen file is not sent, or null to send it (`already`: on the record or queued). */
export function directiveFileRefusal(file: { name: string; size: number }, already: number): string | null {
  const r = DIRECTIVE_FILE_RULE;
  if (already >= r.maxFiles) return `最多上传 ${r.maxFiles} 个${r.label}，${file.name} 未上传`;
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const type = (r.types as readonly AttachmentType[]).find((t) => ext && (attachmentTypes[t].aliases as readonly string[]).includes(ext));
  if (!type) return `${file.name}：${r.label}只接受图片和 PDF、Word、Excel 文件`;
  if (file.size === 0) return `${file.name} 是空文件，请重新选择`;
  const max = attachmentTypes[type].image ? r.imageMaxBytes : r.documentMaxBytes;
  if (file.size > max) return `${file.name} 过大（${mb(file.size)}），${attachmentTypes[type].label}不能超过 ${mb(max)}`;
  return null;
}
