import { Type } from '@sinclair/typebox';
import { IMPORT_FILE_FIELD } from '@jiceng/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, invalid } from '../errors.ts';
import { hasForbiddenChars } from './input-guard.ts';

/** Longest uploaded file name kept (file systems allow 255 bytes). */
const FILE_NAME_MAX = 200;
import { XLSX_MIME } from '../xlsx/workbook.ts';

/** Files over HTTP: the uploaded file of an import, and .xlsx answers with a Chinese file name. */

/** An uploaded file as the routes hand it to a service. */
export interface Upload {
  /** The name the browser sent (may be empty or "blob"). */
  fileName: string;
  data: Buffer;
}

/** A binary .xlsx answer, for the OpenAPI document (Fastify sends buffers unserialized). */
export const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Excel 文件（.xlsx）' });

/** OpenAPI description of an upload route's body. */
export const UPLOAD_DESCRIPTION = `multipart/form-data，字段 ${IMPORT_FILE_FIELD} 为 .xlsx 文件`;

/** `attachment` with an ASCII fallback and the Chinese name in RFC 5987 form (filename*=UTF-8''…). */
export function attachment(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

/** Answers with an .xlsx download named `fileName` (`asciiFallback` for old clients), never cached: it holds personal data. */
export function sendXlsx(reply: FastifyReply, fileName: string, asciiFallback: string, data: Buffer): FastifyReply {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachment(fileName, asciiFallback))
    .header('cache-control', 'no-store')
    .send(data);
}

/** The one uploaded file of a multipart request, under the field `file`; a Chinese 400 otherwise. */
export async function uploadedFile(req: FastifyRequest, what = '.xlsx 文件'): Promise<Upload> {
  if (!req.isMultipart()) throw invalid(`请以 multipart/form-data 方式上传${what}（字段名 ${IMPORT_FILE_FIELD}）`);
  try {
    const file = await req.file();
    if (!file || file.fieldname !== IMPORT_FILE_FIELD) throw invalid(`请选择要上传的${what}（字段名 ${IMPORT_FILE_FIELD}）`);
    const fileName = file.filename ?? '';
    if (hasForbiddenChars(fileName) || fileName.length > FILE_NAME_MAX) throw invalid(`文件名过长或包含不允许的字符，请改名后重新上传`);
    return { fileName, data: await file.toBuffer() };
  } catch (e) {
    // A broken or cut-off multipart body is the sender's problem, not a server error.
    if (e instanceof AppError || (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw e;
    throw invalid(`上传的内容不完整或格式不正确，请重新选择${what}上传`);
  }
}
