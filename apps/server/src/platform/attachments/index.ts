/** The attachment store every module's photos and documents go through (ADR 0015). */
export {
  checkFile,
  createAttachmentService,
  FileRefusal,
  type Access,
  type AttachmentFile,
  type AttachmentInput,
  type AttachmentService,
  type ReadOptions,
} from './attachment.service.ts';
export { sendAttachment } from './attachment.http.ts';
export { sanitizeFileName } from './names.ts';
