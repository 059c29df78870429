import crypto from 'node:crypto';
import { attachmentKinds, attachmentTypes, type Attachment, type AttachmentAdded, type AttachmentOwnerKind, type AttachmentType } from '@jiceng/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { isoTime } from '../db/time.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { pathInScope, type Actor } from '../http/actor.ts';
import { newId } from '../ids.ts';
import { attachmentRepository as repo, type AttachmentRow, type OwnerRef } from './attachment.repository.ts';
import { sanitizeFileName } from './names.ts';
import { inspect } from './sniff.ts';

/**
 * The attachment store (ADR 0015): one place for every module's photos and documents. A module
 * calls it from its own routes after its own policy let the actor see the owner record; the store
 * checks again that the owner's organization is in the actor's subtree (404 outside), the file's
 * real type, its size and pixel size, and keeps each content once per record.
 */

/** A refusal of an uploaded file with its own HTTP status (413 too large, 415 unsupported type). */
export class FileRefusal extends AppError {
  constructor(status: 400 | 413 | 415, message: string) {
    // The code stays VALIDATION, as for the HTTP app's own 413 (multipart limit): the web app shows the message.
    super('VALIDATION', message);
    (this as { status: number }).status = status;
    this.name = 'FileRefusal';
  }
}

export interface AttachmentInput {
  ownerKind: AttachmentOwnerKind;
  ownerId: string;
  /** The owner record's organization: whose subtree may read the file. */
  orgId: string;
  /** The name the browser sent; sanitized before it is kept. */
  fileName: string;
  bytes: Buffer;
}

export interface Access {
  /**
   * For a self-scope actor (党员, 群众): the calling module has checked that this actor may see the
   * owner (their own record, their branch's meeting). Without it such an actor sees nothing here.
   */
  selfAccess?: boolean;
}

export interface ReadOptions extends Access {
  /** The record the route names: an attachment of another record answers 404. */
  owner?: { ownerKind: AttachmentOwnerKind; ownerId: string };
}

/** A file as read back, for `sendAttachment`. */
export interface AttachmentFile {
  attachment: Attachment;
  type: AttachmentType;
  data: Buffer;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;
const typeOfMime = new Map(Object.entries(attachmentTypes).map(([k, v]) => [v.mime as string, k as AttachmentType]));

function present(r: AttachmentRow): Attachment {
  return {
    id: r.id,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    width: r.width,
    height: r.height,
    createdAt: isoTime(r.created_at),
    createdByName: r.created_by_name,
  };
}

/** The path an actor reads within: its subtree; null (anywhere) for a self-scope actor a module vouched for. */
function scopeOf(actor: Actor, opts: Access): string | null | undefined {
  if (actor.scope === 'subtree') return actor.orgPath;
  return opts.selfAccess ? null : undefined;
}

/** The checked type and pixel size of an upload for `kind`, or the refusal. */
export function checkFile(kind: AttachmentOwnerKind, bytes: Buffer): { type: AttachmentType; width: number | null; height: number | null } {
  const rule = attachmentKinds[kind];
  const accepted = rule.types.map((t) => attachmentTypes[t].label).join('、');
  if (bytes.length === 0) throw new FileRefusal(400, '上传的文件是空的，请重新选择文件');
  const found = inspect(bytes);
  if (!found.ok) {
    if (found.reason === 'broken') throw new FileRefusal(400, found.message);
    throw new FileRefusal(415, `${found.message}：${rule.label}只接受 ${accepted}（按文件内容识别，改扩展名无效）`);
  }
  if (!(rule.types as readonly AttachmentType[]).includes(found.type))
    throw new FileRefusal(415, `${rule.label}不接受${attachmentTypes[found.type].label}，只接受 ${accepted}`);
  const max = attachmentTypes[found.type].image ? rule.imageMaxBytes : rule.documentMaxBytes;
  if (bytes.length > max) throw new FileRefusal(413, `文件过大（${mb(bytes.length)}），${attachmentTypes[found.type].label}不能超过 ${mb(max)}，请压缩后上传`);
  return found;
}

export function createAttachmentService(deps: { regionId: string; audit: AuditService }) {
  const { regionId, audit } = deps;

  async function load(db: Database, actor: Actor, id: string, opts: ReadOptions): Promise<AttachmentRow> {
    const scope = scopeOf(actor, opts);
    if (scope === undefined) throw notFound('附件');
    const row = await repo.byId(db, regionId, id, scope);
    if (!row || (opts.owner && (row.owner_kind !== opts.owner.ownerKind || row.owner_id !== opts.owner.ownerId))) throw notFound('附件');
    return row;
  }

  return {
    /**
     * Adds a file to a record in the caller's transaction (the record and its files commit together),
     * audited as `attachment.add` on the owner. The same content already on the record is answered
     * with the existing attachment (`duplicate: true`) and nothing is stored.
     */
    async add(tx: Database, actor: Actor, input: AttachmentInput, opts: Access = {}): Promise<AttachmentAdded> {
      const { type, width, height } = checkFile(input.ownerKind, input.bytes);
      const orgPath = await repo.orgPath(tx, regionId, input.orgId);
      const scope = scopeOf(actor, opts);
      if (orgPath === null || scope === undefined || (scope !== null && !pathInScope({ orgPath: scope }, orgPath))) throw notFound('记录');
      const owner: OwnerRef = { ownerKind: input.ownerKind, ownerId: input.ownerId };
      const sha256 = crypto.createHash('sha256').update(input.bytes).digest('hex');
      const existing = await repo.liveBySha(tx, regionId, owner, sha256);
      if (existing) return { attachment: present(existing), duplicate: true };
      const rule = attachmentKinds[input.ownerKind];
      if ((await repo.countLive(tx, regionId, owner)) >= rule.maxFiles)
        throw invalid(`每条记录最多上传 ${rule.maxFiles} 个${rule.label}，请先删除不需要的文件`);
      if (!(await repo.hasContent(tx, regionId, sha256))) await repo.insertContent(tx, regionId, sha256, input.bytes);
      const id = newId();
      const fileName = sanitizeFileName(input.fileName, type);
      const contentType = attachmentTypes[type].mime;
      const inserted = await repo.insert(tx, regionId, {
        id,
        ...owner,
        orgId: input.orgId,
        fileName,
        contentType,
        size: input.bytes.length,
        sha256,
        width,
        height,
        createdBy: actor.id,
        createdByName: actor.displayName,
      });
      // a concurrent upload of the same file to the same record committed first: answer with it
      const row = await repo.liveBySha(tx, regionId, owner, sha256);
      if (!row) throw notFound('附件');
      if (!inserted) return { attachment: present(row), duplicate: true };
      await audit.record(tx, actor, {
        action: 'attachment.add',
        entity: input.ownerKind,
        entityId: input.ownerId,
        orgPath,
        after: { attachmentId: id, fileName, contentType, size: input.bytes.length, sha256 },
      });
      return { attachment: present(row), duplicate: false };
    },

    /** The record's files the actor may see, in upload order (empty outside the actor's scope). */
    async list(db: Database, actor: Actor, owner: { ownerKind: AttachmentOwnerKind; ownerId: string }, opts: Access = {}): Promise<Attachment[]> {
      const scope = scopeOf(actor, opts);
      if (scope === undefined) return [];
      return (await repo.list(db, regionId, owner, scope)).map(present);
    },

    /** The files of several records of one kind, by record (the same scope as `list`), in one read. */
    async listMany(
      db: Database,
      actor: Actor,
      ownerKind: AttachmentOwnerKind,
      ownerIds: readonly string[],
      opts: Access = {},
    ): Promise<Map<string, Attachment[]>> {
      const out = new Map<string, Attachment[]>(ownerIds.map((id) => [id, []]));
      const scope = scopeOf(actor, opts);
      if (scope === undefined) return out;
      for (const row of await repo.listMany(db, regionId, ownerKind, ownerIds, scope)) out.get(row.owner_id)?.push(present(row));
      return out;
    },

    /**
     * One file with its bytes; 404 outside the actor's scope, removed, or of another record than
     * `opts.owner`. Reads of kinds with `auditRead` (personal documents) are audited; others are
     * not (meeting photos would flood the log and carry nothing personal).
     */
    async read(db: Database, actor: Actor, id: string, opts: ReadOptions = {}): Promise<AttachmentFile> {
      const row = await load(db, actor, id, opts);
      const data = await repo.content(db, regionId, row.sha256);
      const type = typeOfMime.get(row.content_type);
      if (!data || !type) throw notFound('附件');
      const kind = attachmentKinds[row.owner_kind as AttachmentOwnerKind] as (typeof attachmentKinds)[AttachmentOwnerKind] | undefined;
      if (kind?.auditRead)
        await audit.record(db, actor, {
          action: 'attachment.read',
          entity: row.owner_kind,
          entityId: row.owner_id,
          orgPath: row.org_path,
          after: { attachmentId: row.id, fileName: row.file_name },
        });
      return { attachment: present(row), type, data };
    },

    /**
     * Removes a file from its record (soft: the row and bytes stay for the audit trail), audited as
     * `attachment.remove`. A self-scope actor may remove only what it uploaded.
     */
    async remove(tx: Database, actor: Actor, id: string, opts: ReadOptions = {}): Promise<void> {
      const row = await load(tx, actor, id, opts);
      if (actor.scope === 'self' && row.created_by !== actor.id) throw notFound('附件');
      if (!(await repo.softDelete(tx, regionId, id, actor.id))) throw notFound('附件');
      await audit.record(tx, actor, {
        action: 'attachment.remove',
        entity: row.owner_kind,
        entityId: row.owner_id,
        orgPath: row.org_path,
        before: { attachmentId: row.id, fileName: row.file_name, contentType: row.content_type, size: row.size, sha256: row.sha256 },
      });
    },

    /** Follows an owner that moved to another organization (a member's transfer): its files' scope moves along. */
    async moveOwner(tx: Database, owner: { ownerKind: AttachmentOwnerKind; ownerId: string }, orgId: string): Promise<void> {
      await repo.moveOwner(tx, regionId, owner, orgId);
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
