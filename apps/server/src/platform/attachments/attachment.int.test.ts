import crypto from 'node:crypto';
import { Permission, SESSION_COOKIE, type AttachmentAdded, type AttachmentList, type AttachmentOwnerKind, type Me, type Member } from '@jiceng/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { race } from '../../test/contention.ts';
import { buildMember, client, ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { upload } from '../../test/xlsx.ts';
import { createHttpApp, type App } from '../http/app.ts';
import type { Actor } from '../http/actor.ts';
import { uploadedFile } from '../http/files.ts';
import { docxBytes, exeBytes, jpegBytes, pdfBytes, pngBytes } from './attachment.fixtures.ts';
import { sendAttachment } from './attachment.http.ts';
import { createAttachmentService, type AttachmentService } from './attachment.service.ts';

type Err = { error: { code: string; message: string } };
type Server = Parameters<typeof client>[0];

/** The routes a module would write, on an app of their own next to the test server (same database and sessions). */
async function routesApp(server: TestServer, attachments: AttachmentService): Promise<App> {
  const app = await createHttpApp({ logLevel: 'silent', resolveSession: (token, ip) => server.modules.account.auth.resolveSession(token, ip) });
  const actor = (req: { actor: Actor | null }) => req.actor!;
  type OwnerParams = { kind: AttachmentOwnerKind; ownerId: string };
  app.post(
    '/api/t/:kind/:ownerId/attachments',
    { config: { access: Permission.MEMBER_WRITE }, schema: { consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const { kind, ownerId } = req.params as OwnerParams;
      const file = await uploadedFile(req, '附件');
      const orgId = (req.query as { orgId: string }).orgId;
      const added = await server.db.transaction((tx) =>
        attachments.add(tx, actor(req), { ownerKind: kind, ownerId, orgId, fileName: file.fileName, bytes: file.data }),
      );
      return reply.status(added.duplicate ? 200 : 201).send(added);
    },
  );
  app.get('/api/t/:kind/:ownerId/attachments', { config: { access: Permission.MEMBER_READ } }, async (req) => {
    const { kind, ownerId } = req.params as OwnerParams;
    return { items: await attachments.list(server.db, actor(req), { ownerKind: kind, ownerId }) };
  });
  app.get('/api/t/attachments/:id', { config: { access: Permission.MEMBER_READ } }, async (req, reply) =>
    sendAttachment(reply, await attachments.read(server.db, actor(req), (req.params as { id: string }).id), { inline: true }),
  );
  app.delete('/api/t/attachments/:id', { config: { access: Permission.MEMBER_WRITE } }, async (req) => {
    await server.db.transaction((tx) => attachments.remove(tx, actor(req), (req.params as { id: string }).id));
    return { ok: true };
  });
  await app.ready();
  return app;
}

for (const engine of ENGINES) {
  describe(`attachments (${engine})`, () => {
    let server: TestServer;
    let t: SeededTree;
    let app: App;
    let attachments: AttachmentService;
    const as: Record<string, Client> = {};
    const actors: Record<string, Actor> = {};
    const meeting: string = crypto.randomUUID();
    const url = (id = meeting, kind = 'meeting') => `/api/t/${kind}/${id}/attachments`;

    beforeAll(async () => {
      ({ server, t } = await startSeeded(engine));
      attachments = createAttachmentService({ regionId: server.regionId, audit: server.audit });
      app = await routesApp(server, attachments);
      for (const username of ['secA1a', 'streetA', 'streetB', 'memberA1a']) {
        const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
        const cookie = res.cookies.find((k) => k.name === SESSION_COOKIE)!.value;
        as[username] = client({ app } as unknown as Server, cookie, res.json<Me>());
        actors[username] = (await server.modules.account.auth.resolveSession(cookie, null))!;
      }
    });
    afterAll(async () => {
      await app?.close();
      await server?.close();
    });

    const newMember = async () => (await (await login(server, 'secA1a')).post<Member>('/api/members', buildMember(t.branchA1a))).body;
    const add = (c: Client, data: Buffer, name = '支部党员大会.jpg', owner = meeting, orgId = t.branchA1a, kind = 'meeting') =>
      upload<AttachmentAdded>(c, `${url(owner, kind)}?orgId=${orgId}`, data, name);

    it('adds, lists, reads with a Chinese download name and nosniff, and removes, audited; another street gets 404', async () => {
      const photo = jpegBytes(1024, 768);
      const added = await add(as.secA1a!, photo, '支部党员大会（11月）.png');
      expect(added.status).toBe(201);
      const a = added.body.attachment;
      expect(a).toMatchObject({
        fileName: '支部党员大会（11月）.jpg',
        contentType: 'image/jpeg',
        size: photo.length,
        width: 1024,
        height: 768,
        createdByName: 'secA1a',
      });
      expect(a.sha256).toBe(crypto.createHash('sha256').update(photo).digest('hex'));

      const list = await as.streetA!.get<AttachmentList>(url());
      expect(list.body.items.map((x) => x.id)).toEqual([a.id]);
      const read = await as.streetA!.get(`/api/t/attachments/${a.id}`);
      expect(read.status).toBe(200);
      expect(read.raw.equals(photo)).toBe(true);
      expect(read.headers['content-type']).toBe('image/jpeg');
      expect(read.headers['x-content-type-options']).toBe('nosniff');
      expect(read.headers['content-disposition']).toBe(
        `inline; filename="attachment.jpg"; filename*=UTF-8''${encodeURIComponent('支部党员大会（11月）.jpg').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );

      // another street: nothing listed, 404 on read and on delete, and nothing learnt
      expect((await as.streetB!.get<AttachmentList>(url())).body.items).toEqual([]);
      const foreign = await as.streetB!.get<Err>(`/api/t/attachments/${a.id}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.message).toContain('不存在或不在您的管理范围内');
      expect((await as.streetB!.del(`/api/t/attachments/${a.id}`)).status).toBe(404);
      expect((await add(as.streetB!, pngBytes(), 'x.png')).status).toBe(404);
      // a self-scope account sees nothing unless its module vouches for the owner
      expect(await attachments.list(server.db, actors.memberA1a!, { ownerKind: 'meeting', ownerId: meeting })).toEqual([]);
      await expect(attachments.read(server.db, actors.memberA1a!, a.id)).rejects.toMatchObject({ status: 404 });
      expect((await attachments.read(server.db, actors.memberA1a!, a.id, { selfAccess: true })).data.equals(photo)).toBe(true);
      // the route names the record: another record's id answers 404
      await expect(attachments.read(server.db, actors.streetA!, a.id, { owner: { ownerKind: 'meeting', ownerId: crypto.randomUUID() } })).rejects.toMatchObject(
        {
          status: 404,
        },
      );

      expect((await as.secA1a!.del(`/api/t/attachments/${a.id}`)).status).toBe(200);
      expect((await as.secA1a!.get(`/api/t/attachments/${a.id}`)).status).toBe(404);
      expect((await as.secA1a!.get<AttachmentList>(url())).body.items).toEqual([]);
      expect((await as.secA1a!.del(`/api/t/attachments/${a.id}`)).status).toBe(404);
      const log = await server.db.rows<{ action: string; entity: string; entity_id: string }>(
        sql`select action, entity, entity_id::text as entity_id from audit_log where action like 'attachment.%' and entity_id = ${meeting} order by at, id`,
      );
      expect(log.map((r) => [r.action, r.entity])).toEqual([
        ['attachment.add', 'meeting'],
        ['attachment.remove', 'meeting'],
      ]);
    });

    it('keeps the same content once: a second upload to the record answers the first, another record shares the bytes', async () => {
      const owner = crypto.randomUUID();
      const doc = pdfBytes();
      const first = await add(as.secA1a!, doc, '会议纪要.pdf', owner);
      const again = await add(as.secA1a!, doc, '会议纪要（再传）.pdf', owner);
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body).toEqual({ attachment: first.body.attachment, duplicate: true });
      expect((await as.secA1a!.get<AttachmentList>(url(owner))).body.items).toHaveLength(1);
      const other = await add(as.secA1a!, doc, '纪要.pdf', crypto.randomUUID());
      expect(other.status).toBe(201);
      expect(other.body.attachment.id).not.toBe(first.body.attachment.id);
      const stored = await server.db.one<{ n: number }>(sql`select count(*)::int as n from attachment_content where sha256 = ${first.body.attachment.sha256}`);
      expect(stored?.n).toBe(1);
      // removed, the same file may come back as a new attachment
      await as.secA1a!.del(`/api/t/attachments/${first.body.attachment.id}`);
      expect((await add(as.secA1a!, doc, '会议纪要.pdf', owner)).status).toBe(201);
    });

    it('ten uploads of one file to one record at once: one attachment, no 5xx', async () => {
      const owner = crypto.randomUUID();
      const photo = jpegBytes(800, 600, 4096);
      const { ok } = await race(10, () => add(as.secA1a!, photo, '同一张.jpg', owner), { successes: 10 });
      expect(new Set(ok.map((r) => (r.body as AttachmentAdded).attachment.id)).size).toBe(1);
      expect(ok.filter((r) => r.status === 201)).toHaveLength(1);
      expect((await as.secA1a!.get<AttachmentList>(url(owner))).body.items).toHaveLength(1);
    });

    it('refuses by content and size in Chinese: 415 for a renamed .exe or a type the kind does not take, 413 over the limit, 400 empty or damaged', async () => {
      const exe = await add(as.secA1a!, exeBytes(), '照片.jpg');
      expect(exe.status).toBe(415);
      expect((exe.body as unknown as Err).error.message).toMatch(/无法识别的文件类型.*改扩展名无效/);
      const big = await add(as.secA1a!, Buffer.concat([jpegBytes(), crypto.randomBytes(10 * 1024 * 1024)]), '大图.jpg');
      expect(big.status).toBe(413);
      expect((big.body as unknown as Err).error.message).toContain('不能超过 10 MB');
      const member = await newMember();
      const docx = await add(as.secA1a!, docxBytes(), '档案.docx', member.id, t.branchA1a, 'member');
      expect(docx.status).toBe(415);
      expect((docx.body as unknown as Err).error.message).toContain('党员档案材料不接受');
      const empty = await add(as.secA1a!, Buffer.alloc(0), '空.pdf');
      expect(empty.status).toBe(400);
      const damaged = await add(as.secA1a!, jpegBytes().subarray(0, 12), '坏.jpg');
      expect(damaged.status).toBe(400);
      expect((damaged.body as unknown as Err).error.message).toContain('已损坏');
      const huge = await add(as.secA1a!, pngBytes(50_000, 50_000), '巨图.png');
      expect(huge.status).toBe(400);
      expect((huge.body as unknown as Err).error.message).toContain('尺寸过大');
    });

    it('audits every read of a personal document (member dossier), and keeps a few MB both ways', async () => {
      const member = await newMember();
      const scan = Buffer.concat([pdfBytes(), crypto.randomBytes(5 * 1024 * 1024)]);
      let t0 = performance.now();
      const added = await add(as.secA1a!, scan, '入党志愿书.pdf', member.id, t.branchA1a, 'member');
      const writeMs = performance.now() - t0;
      expect(added.status).toBe(201);
      t0 = performance.now();
      const read = await as.streetA!.get(`/api/t/attachments/${added.body.attachment.id}`);
      const readMs = performance.now() - t0;
      expect(read.raw.equals(scan)).toBe(true);
      // a PDF is never inline
      expect(String(read.headers['content-disposition'])).toMatch(/^attachment; /);
      console.info(`[${engine}] 5 MB attachment: upload ${writeMs.toFixed(0)} ms, download ${readMs.toFixed(0)} ms`);
      const reads = await server.db.rows<{ entity_name: string | null }>(
        sql`select entity_name from audit_log where action = 'attachment.read' and entity = 'member' and entity_id = ${member.id}`,
      );
      expect(reads).toHaveLength(1);
      expect(reads[0]!.entity_name).toBe(member.name);
    });
  });
}
