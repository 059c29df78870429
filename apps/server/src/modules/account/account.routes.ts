import { Account, AccountExportQuery, AccountInput, AccountListQuery, AccountUpdate, CSRF_HEADER, IdParams, LoginInput, Me, Ok, Page, PasswordChangeInput, PasswordResetInput, Permission, SESSION_COOKIE } from '@jiceng/contracts';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, XlsxFile } from '../../platform/http/files.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { AccountExportService } from './account.export.ts';
import type { AccountService } from './account.service.ts';
import type { AuthService } from './auth.service.ts';

/** A throttled answer also carries Retry-After (RFC 9110 §10.2.3), besides `details.retryAfterSeconds`. */
async function withRetryAfter<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'TOO_MANY_ATTEMPTS') void reply.header('retry-after', String((e.details as { retryAfterSeconds: number }).retryAfterSeconds));
    throw e;
  }
}

/** Login, logout, own account, and account management routes. */
export function registerAccountRoutes(app: App, auth: AuthService, accounts: AccountService, exporter: AccountExportService, opts: { secureCookie: boolean }): void {
  const tags = ['账号'];
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.secureCookie };

  app.post('/api/auth/login', { config: { access: 'public' }, schema: { tags, summary: '登录（按用户名和来源地址限制失败次数，429 时 Retry-After）', body: LoginInput, response: { 200: Me } } }, async (req, reply) => {
    const { token, actor } = await withRetryAfter(reply, () => auth.login(req.body, req.ip));
    // A browser-session cookie: the server-side expiry (sliding) decides how long it is honoured.
    void reply.setCookie(SESSION_COOKIE, token, cookieOpts);
    return auth.me(actor);
  });

  app.post('/api/auth/logout', { config: { access: 'authenticated', beforePasswordChange: true }, schema: { tags, summary: '退出登录', response: { 200: Ok } } }, async (req, reply) => {
    await auth.logout(actorOf(req), req.cookies[SESSION_COOKIE] ?? '');
    void reply.clearCookie(SESSION_COOKIE, cookieOpts);
    return { ok: true as const };
  });

  app.get('/api/auth/me', { config: { access: 'authenticated', beforePasswordChange: true }, schema: { tags, summary: `当前账号（含 ${CSRF_HEADER}）`, response: { 200: Me } } },
    (req) => auth.me(actorOf(req)));

  app.post('/api/auth/password', { config: { access: 'authenticated', beforePasswordChange: true }, schema: { tags, summary: '修改本人密码', body: PasswordChangeInput, response: { 200: Ok } } }, async (req, reply) => {
    await withRetryAfter(reply, () => auth.changePassword(actorOf(req), req.body, req.cookies[SESSION_COOKIE] ?? ''));
    return { ok: true as const };
  });

  app.get('/api/accounts', { config: { access: Permission.ACCOUNT_READ }, schema: { tags, summary: '账号列表（本组织及下级）', querystring: AccountListQuery, response: { 200: Page(Account) } } },
    (req) => accounts.list(actorOf(req), req.query));

  app.get('/api/accounts/export', { config: { access: Permission.ACCOUNT_READ }, schema: { tags, summary: '导出账号列表（.xlsx，筛选条件同列表）', querystring: AccountExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } } },
    async (req, reply) => {
      const file = await exporter.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'accounts.xlsx', file.data);
    });

  app.get('/api/accounts/:id', { config: { access: Permission.ACCOUNT_READ }, schema: { tags, summary: '账号详情', params: IdParams, response: { 200: Account } } },
    (req) => accounts.get(actorOf(req), req.params.id));

  app.post('/api/accounts', { config: { access: Permission.ACCOUNT_MANAGE }, schema: { tags, summary: '创建账号', body: AccountInput, response: { 201: Account } } },
    async (req, reply) => reply.status(201).send(await accounts.create(actorOf(req), req.body)));

  app.patch('/api/accounts/:id', { config: { access: Permission.ACCOUNT_MANAGE }, schema: { tags, summary: '修改账号（停用/启用、角色、绑定组织；仅限本人可分配的角色，不含本人账号）', params: IdParams, body: AccountUpdate, response: { 200: Account } } },
    (req) => accounts.update(actorOf(req), req.params.id, req.body));

  app.post('/api/accounts/:id/reset-password', { config: { access: Permission.ACCOUNT_MANAGE }, schema: { tags, summary: '重置密码并解锁（下次登录须修改密码）', params: IdParams, body: PasswordResetInput, response: { 200: Ok } } },
    async (req) => {
      await accounts.resetPassword(actorOf(req), req.params.id, req.body.newPassword);
      return { ok: true as const };
    });
}

