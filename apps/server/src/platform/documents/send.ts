import type { FastifyReply } from 'fastify';
import { attachment } from '../http/files.ts';

/** .docx answers with a Chinese file name, as sendXlsx does for workbooks. */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Answers with a .docx download named `fileName` (`asciiFallback` for old clients), `nosniff`,
 * never cached: a dossier holds personal data.
 */
export function sendDocx(reply: FastifyReply, fileName: string, asciiFallback: string, data: Buffer): FastifyReply {
  return reply
    .header('content-type', DOCX_MIME)
    .header('content-disposition', attachment(fileName, asciiFallback))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(data);
}
