import { Ok, RESIDENT_COOKIE, ResidentCodeInput, ResidentCodeSent, ResidentLoginInput, ResidentMe } from '@jiceng/contracts';
import type { App } from '../http/app.ts';
import { residentOf } from '../http/app.ts';
import type { ResidentService } from './resident.service.ts';

/** Residents' phone login on H5 (ADR 0021). */
export function registerResidentRoutes(app: App, residents: ResidentService, opts: { secureCookie: boolean }): void {
  const tags = ['群众登录'];
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.secureCookie, maxAge: residents.rules.sessionDays * 86_400 };

  app.post(
    '/api/resident/code',
    {
      config: { access: 'public' },
      schema: { tags, summary: '获取手机验证码（未接短信网关时写入日志；按号码和地址限频）', body: ResidentCodeInput, response: { 200: ResidentCodeSent } },
    },
    async (req, reply) => {
      try {
        return await residents.requestCode(req.body.phone, req.ip ?? null);
      } catch (e) {
        const wait = (e as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
        if (wait) void reply.header('retry-after', String(wait));
        throw e;
      }
    },
  );

  app.post(
    '/api/resident/login',
    { config: { access: 'public' }, schema: { tags, summary: '手机号+验证码登录（首次登录即登记）', body: ResidentLoginInput, response: { 200: ResidentMe } } },
    async (req, reply) => {
      const { token, resident } = await residents.login(req.body);
      void reply.setCookie(RESIDENT_COOKIE, token, cookieOpts);
      return residents.me(resident);
    },
  );

  app.get('/api/resident/me', { config: { access: 'resident' }, schema: { tags, summary: '当前群众（含 csrfToken）', response: { 200: ResidentMe } } }, (req) =>
    residents.me(residentOf(req)),
  );

  app.post('/api/resident/logout', { config: { access: 'resident' }, schema: { tags, summary: '退出登录', response: { 200: Ok } } }, async (req, reply) => {
    await residents.logout(req.cookies[RESIDENT_COOKIE] ?? '');
    void reply.clearCookie(RESIDENT_COOKIE, { path: '/' });
    return { ok: true as const };
  });
}
