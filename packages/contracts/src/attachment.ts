import { Type, type Static } from '@sinclair/typebox';
import { Id, Timestamp } from './common.ts';

/**
 * Attachments (ADR 0015): photos and documents kept with a record. The type is decided by the
 * file's bytes, never by its name; each owner kind says which types it takes and how large.
 */

const MB = 1024 * 1024;

/** The file types the platform accepts, each with its MIME type, canonical extension and Chinese name. */
export const attachmentTypes = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg', aliases: ['jpg', 'jpeg', 'jpe', 'jfif'], label: 'JPG 图片', image: true },
  png: { mime: 'image/png', ext: 'png', aliases: ['png'], label: 'PNG 图片', image: true },
  webp: { mime: 'image/webp', ext: 'webp', aliases: ['webp'], label: 'WebP 图片', image: true },
  pdf: { mime: 'application/pdf', ext: 'pdf', aliases: ['pdf'], label: 'PDF 文档', image: false },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    aliases: ['docx'],
    label: 'Word 文档（.docx）',
    image: false,
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    aliases: ['xlsx'],
    label: 'Excel 表格（.xlsx）',
    image: false,
  },
} as const;
export type AttachmentType = keyof typeof attachmentTypes;
export const ATTACHMENT_TYPES = Object.keys(attachmentTypes) as AttachmentType[];

const IMAGES: readonly AttachmentType[] = ['jpeg', 'png', 'webp'];
const DOCUMENTS: readonly AttachmentType[] = ['pdf', 'docx', 'xlsx'];

/** Largest image side in pixels, and largest pixel count (a decompression bomb is refused). */
export const IMAGE_SIDE_MAX = 20_000;
export const IMAGE_PIXELS_MAX = 100_000_000;
/** Longest stored file name, in characters (the extension included). */
export const ATTACHMENT_NAME_MAX = 100;

export interface AttachmentKindRule {
  /** Chinese name of what is attached, for messages. */
  label: string;
  types: readonly AttachmentType[];
  /** Largest image, bytes. */
  imageMaxBytes: number;
  /** Largest document, bytes. */
  documentMaxBytes: number;
  /** Most files on one record. */
  maxFiles: number;
  /** Every read of a file is written to the audit log (personal documents). */
  auditRead: boolean;
}

/**
 * What each kind of owner record takes. A module that attaches files adds its line here; the web's
 * upload controls read the same limits. Images stay under the 20 MB multipart limit of the HTTP app.
 */
export const attachmentKinds = {
  /** 会议记录: photos of the meeting, sign-in sheets, minutes. */
  meeting: { label: '会议附件', types: [...IMAGES, ...DOCUMENTS], imageMaxBytes: 10 * MB, documentMaxBytes: 20 * MB, maxFiles: 30, auditRead: false },
  /** 党员档案材料: scanned dossier pages; personal data, so every read is audited. */
  member: { label: '党员档案材料', types: [...IMAGES, 'pdf'], imageMaxBytes: 10 * MB, documentMaxBytes: 20 * MB, maxFiles: 50, auditRead: true },
  /** 群众诉求: the photos the resident (or the desk) took of the matter. */
  service_request: { label: '诉求照片', types: IMAGES, imageMaxBytes: 10 * MB, documentMaxBytes: 0, maxFiles: 9, auditRead: false },
  /** 办结: the photos of the result, by the assignee. */
  service_result: { label: '办结照片', types: IMAGES, imageMaxBytes: 10 * MB, documentMaxBytes: 0, maxFiles: 9, auditRead: false },
  /** 微心愿: photos of the wish fulfilled (the claimer's proof for the community's confirmation). */
  wish: { label: '微心愿照片', types: IMAGES, imageMaxBytes: 10 * MB, documentMaxBytes: 10 * MB, maxFiles: 9, auditRead: false },
  /** 发展党员: the papers of one recorded step (申请书, 思想汇报, 政审材料, 志愿书 …); personal, every read audited. */
  dev_record: { label: '发展党员材料', types: [...IMAGES, ...DOCUMENTS], imageMaxBytes: 10 * MB, documentMaxBytes: 20 * MB, maxFiles: 20, auditRead: true },
  /** 重点任务: the evidence of a progress report (photos, documents). */
  kt_progress: { label: '进展佐证材料', types: [...IMAGES, ...DOCUMENTS], imageMaxBytes: 10 * MB, documentMaxBytes: 20 * MB, maxFiles: 20, auditRead: false },
  /** 重点任务: the evidence an acceptance (验收) was judged on. */
  kt_acceptance: { label: '验收材料', types: [...IMAGES, ...DOCUMENTS], imageMaxBytes: 10 * MB, documentMaxBytes: 20 * MB, maxFiles: 20, auditRead: false },
  /** 下发任务: a recipient's evidence of completion. */
  directive_report: {
    label: '办结佐证材料',
    types: [...IMAGES, ...DOCUMENTS],
    imageMaxBytes: 10 * MB,
    documentMaxBytes: 20 * MB,
    maxFiles: 20,
    auditRead: false,
  },
  /** 区域化党建: photos of a project's activity. */
  rg_activity: { label: '项目活动照片', types: IMAGES, imageMaxBytes: 10 * MB, documentMaxBytes: 0, maxFiles: 9, auditRead: false },
} as const satisfies Record<string, AttachmentKindRule>;
export type AttachmentOwnerKind = keyof typeof attachmentKinds;
export const ATTACHMENT_OWNER_KINDS = Object.keys(attachmentKinds) as AttachmentOwnerKind[];

/** The multipart field an attachment upload uses. */
export const ATTACHMENT_FILE_FIELD = 'file';

/** One attachment as lists show it (never its bytes). */
export const Attachment = Type.Object({
  id: Id,
  /** Sanitized file name, extension matching the real type. */
  fileName: Type.String({ description: '文件名' }),
  /** MIME type decided by the file's content. */
  contentType: Type.String({ description: '文件类型' }),
  size: Type.Integer({ description: '大小（字节）' }),
  /** SHA-256 of the content, hex. */
  sha256: Type.String({ description: '内容摘要（SHA-256）' }),
  /** Pixel size of an image; null for documents. */
  width: Type.Union([Type.Integer(), Type.Null()], { description: '图片宽度（像素）' }),
  height: Type.Union([Type.Integer(), Type.Null()], { description: '图片高度（像素）' }),
  createdAt: Timestamp,
  createdByName: Type.Union([Type.String(), Type.Null()], { description: '上传人' }),
});
export type Attachment = Static<typeof Attachment>;

export const AttachmentList = Type.Object({ items: Type.Array(Attachment) });
export type AttachmentList = Static<typeof AttachmentList>;

/** The answer to an upload: the attachment, and whether the same file was already on the record. */
export const AttachmentAdded = Type.Object({
  attachment: Attachment,
  /** True when this record already held the same content: nothing new was stored. */
  duplicate: Type.Boolean({ description: '同一文件已上传过（未重复保存）' }),
});
export type AttachmentAdded = Static<typeof AttachmentAdded>;

/** Audit actions the attachment store writes (the entity is the owner record). */
export const attachmentAuditLabel: Record<string, string> = {
  'attachment.add': '上传附件',
  'attachment.remove': '删除附件',
  'attachment.read': '查看附件',
  'signin.secretary': '代为签到',
};
