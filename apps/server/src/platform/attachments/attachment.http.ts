import { attachmentTypes } from '@jiceng/contracts';
import type { FastifyReply } from 'fastify';
import { attachment as contentDisposition } from '../http/files.ts';
import type { AttachmentFile } from './attachment.service.ts';
import { asciiFallback } from './names.ts';

/**
 * Answers with a stored file: its checked MIME type, `nosniff`, a Content-Disposition carrying the
 * Chinese name (RFC 5987, ASCII fallback), a sandboxing CSP, never shared caches. Images may be
 * shown inline (`<img src>`, a preview); every other type is always a download, so a PDF or an
 * Office file never runs in the site's origin.
 */
export function sendAttachment(reply: FastifyReply, file: AttachmentFile, opts: { inline?: boolean } = {}): FastifyReply {
  const t = attachmentTypes[file.type];
  const disposition = contentDisposition(file.attachment.fileName, asciiFallback(file.attachment.fileName, file.type));
  return reply
    .header('content-type', t.mime)
    .header('content-length', file.data.length)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', opts.inline && t.image ? disposition.replace(/^attachment/, 'inline') : disposition)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .header('etag', `"${file.attachment.sha256}"`)
    .send(file.data);
}
