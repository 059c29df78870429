import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { race } from '../../test/contention.ts';
import { client, ENGINES, movableClock, startSeeded, type TestServer } from '../../test/harness.ts';
import { AppError } from '../errors.ts';
import { createHttpApp, type App } from '../http/app.ts';
import { createSigninService, type SigninResult, type SigninService } from './signin.service.ts';

type Server = Parameters<typeof client>[0];
const MINUTE = 60_000;

for (const engine of ENGINES) {
  describe(`sign-in codes (${engine})`, () => {
    let server: TestServer;
    let app: App;
    let signin: SigninService;
    const clock = movableClock('2026-11-22T01:30:00Z');
    const opensAt = new Date('2026-11-22T01:00:00Z');
    const closesAt = new Date('2026-11-22T03:00:00Z');

    beforeAll(async () => {
      ({ server } = await startSeeded(engine));
      signin = createSigninService({ regionId: server.regionId, fieldKey: crypto.randomBytes(32).toString('base64'), audit: server.audit, clock });
      // the route a module would write (its own member check left out)
      app = await createHttpApp({ logLevel: 'silent', resolveSession: async () => null });
      app.post('/api/t/signin', { config: { access: 'public' } }, async (req): Promise<SigninResult> => {
        const body = req.body as { code?: string; token?: string; memberId: string };
        const target = await signin.verify(server.db, body.token !== undefined ? { token: body.token } : { code: body.code ?? '' });
        return server.db.transaction((tx) =>
          signin.record(tx, { kind: target.kind, recordId: target.recordId, memberId: body.memberId, method: target.method }),
        );
      });
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await server?.close();
    });

    const issue = (recordId = crypto.randomUUID(), window = { opensAt, closesAt }) =>
      server.db.transaction((tx) => signin.issueCode(tx, { kind: 'meeting', recordId, ...window }));
    const refusalOf = async (p: Promise<unknown>) => {
      const e = await p.then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(AppError);
      return e as AppError;
    };

    it('verifies a typed code and a scanned token inside the window, and refuses outside it in Chinese', async () => {
      const recordId = crypto.randomUUID();
      const issued = await issue(recordId);
      expect(issued.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      expect(await signin.verify(server.db, { code: issued.code.toLowerCase() })).toMatchObject({ kind: 'meeting', recordId, method: 'code' });
      expect(await signin.verify(server.db, { token: issued.token })).toMatchObject({ kind: 'meeting', recordId, method: 'qr' });
      expect(await signin.current(server.db, 'meeting', recordId)).toEqual(issued);

      const early = await refusalOf(signin.verify(server.db, { code: issued.code }, new Date(opensAt.getTime() - MINUTE)));
      expect([early.status, early.message]).toEqual([409, '未到签到时间，11-22 09:00 开始签到']);
      const late = await refusalOf(signin.verify(server.db, { token: issued.token }, new Date(closesAt.getTime() + 1000)));
      expect(late.status).toBe(409);
      expect(late.message).toContain('签到已结束（11-22 11:00 截止）');
      for (const input of [{ code: 'ZZZZZZ' }, { code: '不是签到码' }, { token: issued.token.slice(0, -3) + 'AAA' }, { token: 'v1.meeting' }]) {
        const bad = await refusalOf(signin.verify(server.db, input));
        expect([bad.status, bad.message.startsWith('签到码无效')]).toEqual([400, true]);
      }
    });

    it('a reissued code replaces the old code and the old QR; a withdrawn one stops working', async () => {
      const recordId = crypto.randomUUID();
      const first = await issue(recordId);
      const second = await issue(recordId, { opensAt, closesAt: new Date(closesAt.getTime() + 30 * MINUTE) });
      expect((await refusalOf(signin.verify(server.db, { token: first.token }))).message).toContain('签到码无效');
      if (first.code !== second.code) expect((await refusalOf(signin.verify(server.db, { code: first.code }))).message).toContain('签到码无效');
      expect((await signin.verify(server.db, { token: second.token })).closesAt).toBe('2026-11-22T03:30:00.000Z');
      await server.db.transaction((tx) => signin.withdraw(tx, 'meeting', recordId));
      expect((await refusalOf(signin.verify(server.db, { code: second.code }))).status).toBe(400);
    });

    it('refuses a window that ends before it starts or lasts days', async () => {
      expect((await refusalOf(issue(undefined, { opensAt: closesAt, closesAt: opensAt }))).message).toBe('签到结束时间应晚于开始时间');
      expect((await refusalOf(issue(undefined, { opensAt, closesAt: new Date(opensAt.getTime() + 73 * 60 * MINUTE) }))).message).toContain('72 小时');
    });

    it('20 sign-ins of one member at once, by code and QR: one row, one 签到成功, the rest 已签到 with the first time, no 5xx', async () => {
      const recordId = crypto.randomUUID();
      const issued = await issue(recordId);
      const memberId = crypto.randomUUID();
      const http = client({ app } as unknown as Server);
      const { ok } = await race<SigninResult>(
        20,
        (i) => http.post('/api/t/signin', i % 2 ? { code: issued.code, memberId } : { token: issued.token, memberId }),
        {
          successes: 20,
        },
      );
      expect(ok.filter((r) => r.body.status === 'signed')).toHaveLength(1);
      const first = ok.find((r) => r.body.status === 'signed')!.body;
      for (const r of ok.filter((x) => x.body.status === 'already')) {
        expect(r.body.at).toBe(first.at);
        expect(r.body.message).toBe('已签到（首次签到 11-22 09:30），无需重复签到');
      }
      const rows = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from signin where record_id = ${recordId} and member_id = ${memberId}`);
      expect(rows[0]!.n).toBe(1);
      // refusals through HTTP are Chinese 4xx too
      const closed = await http.post<{ error: { message: string } }>('/api/t/signin', { code: 'ZZZZZZ', memberId });
      expect([closed.status, closed.body.error.message.startsWith('签到码无效')]).toEqual([400, true]);
    });

    it('the secretary records attendance (audited), once, also after the window', async () => {
      const recordId = crypto.randomUUID();
      await issue(recordId);
      const memberId = crypto.randomUUID();
      const actor = (await server.systemActor())!;
      clock.advance(3 * 3600);
      const byHand = await server.db.transaction((tx) => signin.recordBySecretary(tx, actor, { kind: 'meeting', recordId, memberId, orgPath: actor.orgPath }));
      expect(byHand).toMatchObject({ status: 'signed', method: 'secretary', message: '签到成功' });
      const twice = await server.db.transaction((tx) => signin.recordBySecretary(tx, actor, { kind: 'meeting', recordId, memberId, orgPath: actor.orgPath }));
      expect(twice).toMatchObject({ status: 'already', at: byHand.at, method: 'secretary' });
      expect(await signin.attendance(server.db, 'meeting', recordId)).toEqual([{ memberId, at: byHand.at, method: 'secretary', recordedBy: actor.id }]);
      const log = await server.db.rows<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'signin.secretary' and entity_id = ${recordId}`,
      );
      expect(log[0]!.n).toBe(1);
    });
  });
}
