import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Optimistic locking over HTTP for records people edit in forms. A read sends the record's version
 * as a strong ETag (`"7"`); a write names the version it started from, in `If-Match` or in the
 * body's `version` field (the web forms send the field), and the repository updates only that
 * version.
 */

/** The ETag of a version. */
export const etagOf = (version: number): string => `"${version}"`;

/** Sets the ETag of the record being answered, and returns the record. */
export function versioned<T extends { version: number }>(reply: FastifyReply, record: T): T {
  void reply.header('etag', etagOf(record.version));
  return record;
}

/**
 * The version a write started from (If-Match or the body's `version`), or null when it names none:
 * the service refuses that with VERSION_REQUIRED after its scope check (see errors.ts assertVersion).
 */
export function expectedVersion(req: FastifyRequest, bodyVersion: number | undefined): number | null {
  const header = req.headers['if-match'];
  const given = typeof header === 'string' ? header.trim() : '';
  const fromHeader = given ? /^(?:W\/)?"(\d{1,10})"$/.exec(given) : null;
  if (given && !fromHeader) throw new AppError('VALIDATION', 'If-Match 头格式不正确，应为读取记录时返回的 ETag（如 "3"）');
  if (fromHeader && bodyVersion !== undefined && bodyVersion !== Number(fromHeader[1]))
    throw new AppError('VALIDATION', 'If-Match 头与请求中的 version 不一致');
  return fromHeader ? Number(fromHeader[1]) : (bodyVersion ?? null);
}
