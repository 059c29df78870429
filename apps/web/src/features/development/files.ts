import { attachmentKinds, attachmentTypes, type AttachmentType } from '@jiceng/contracts';

/** The papers of one recorded step: the same rule the server checks (type by content, size, count). */
export const DEV_FILE_RULE = attachmentKinds.dev_record;

const MB = 1_048_576;
const mb = (n: number) => `${Number((n / MB).toFixed(1))} MB`;

/** The file chooser's filter: every extension of every type the kind takes (`.jpg,.jpeg,…,.xlsx`). */
export function acceptOf(types: readonly AttachmentType[] = DEV_FILE_RULE.types): string {
  return types.flatMap((t) => attachmentTypes[t].aliases.map((a) => `.${a}`)).join(',');
}

/** One line under the control: what the step takes and how large. */
export function devFileHint(): string {
  const r = DEV_FILE_RULE;
  return `照片（JPG、PNG、WebP，不超过 ${mb(r.imageMaxBytes)}）、PDF、Word、Excel（不超过 ${mb(r.documentMaxBytes)}），每步最多 ${r.maxFiles} 个`;
}

/** The type a file name claims (the server decides by content; this only spares a hopeless upload). */
function typeOfName(name: string): AttachmentType | null {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return null;
  return (DEV_FILE_RULE.types as readonly AttachmentType[]).find((t) => (attachmentTypes[t].aliases as readonly string[]).includes(ext)) ?? null;
}

/**
 * Why a chosen file is not sent, or null to send it: a type the step does not take, a file over
 * its type's limit, an empty file, or more files than the step holds (`already`: on the record and
 * still being sent).
 */
export function devFileRefusal(file: { name: string; size: number }, already: number): string | null {
  const r = DEV_FILE_RULE;
  if (already >= r.maxFiles) return `每步最多上传 ${r.maxFiles} 个${r.label}，${file.name} 未上传，请先删除不需要的文件`;
  const type = typeOfName(file.name);
  if (!type) return `${file.name}：${r.label}只接受 JPG、PNG、WebP 图片和 PDF、Word（.docx）、Excel（.xlsx）文件`;
  if (file.size === 0) return `${file.name} 是空文件，请重新选择`;
  const max = attachmentTypes[type].image ? r.imageMaxBytes : r.documentMaxBytes;
  if (file.size > max) return `${file.name} 过大（${mb(file.size)}），${attachmentTypes[type].label}不能超过 ${mb(max)}，请压缩后上传`;
  return null;
}

/** Where a step's paper is read (inline; the session cookie goes along, every read audited). */
export const devFileUrl = (id: string, recordId: string, fileId: string) => `/api/development/applicants/${id}/records/${recordId}/attachments/${fileId}`;
