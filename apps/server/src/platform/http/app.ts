import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CSRF_HEADER, RESIDENT_COOKIE, SESSION_COOKIE, type ErrorBody, type RouteAccess } from '@jiceng/contracts';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { answerForDbError } from '../db/db-errors.ts';
import { AppError } from '../errors.ts';
import { SAFE_METHODS } from './access.ts';
import type { Resident } from '../residents/resident.service.ts';
import type { Actor } from './actor.ts';
import { guardInput } from './input-guard.ts';
import { describeRoute, securitySchemes } from './openapi.ts';
import { translateSchemaError, type SchemaError } from './validation-messages.ts';
import { compileValidator } from './validators.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** A route as registered, with the access it declared (walked by a test: none may lack one). */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** The request schemas (walked by the fuzz suite to build malformed requests). */
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
  /** Takes a file upload (multipart) instead of a JSON body. */
  upload: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

export interface AppOptions {
  logLevel: string;
  /** Looks up the account behind a session token; null when unknown or expired. */
  resolveSession(token: string, ip: string | null): Promise<Actor | null>;
  /** Looks up the resident (群众, H5) behind a resident session token (routes with `resident` access). */
  resolveResident?(token: string): Promise<Resident | null>;
  /** Built web app to serve at `/` when present. */
  webDist?: string;
  /** Largest upload (imports), bytes. */
  uploadLimit?: number;
  /**
   * Proxies whose `X-Forwarded-For` is believed (addresses or CIDRs, as proxy-addr reads them);
   * empty: none, and the client address is the socket's, so no caller can forge the audit log's IP.
   */
  trustProxy?: string[];
  /** Who may read the OpenAPI description at /api/docs. */
  apiDocs?: 'public' | 'login' | 'off';
}

/** Chinese answers to what Fastify refuses before a route runs (body parsing). */
const PARSER_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大，请精简后重试',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型，请以 JSON（application/json）提交',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容为空：声明为 JSON 时须提交 JSON 内容',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求内容不是有效的 JSON，请检查后重试',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求内容长度与声明不符',
};

/** Node's HTTP parser refuses a request line or headers over this size (a long query string). */
const MAX_HEADER_BYTES = 16 * 1024;

/** A JSON error answer written straight to the socket, for errors before Fastify has a request. */
function rawError(status: number, reason: string, code: string, message: string): string {
  const body = JSON.stringify({ error: { code, message } });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/** Builds the HTTP app: security headers, cookies, validation in Chinese, access control, OpenAPI. */
export async function createHttpApp(opts: AppOptions): Promise<App> {
  const apiDocs = opts.apiDocs ?? 'public';
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    trustProxy: opts.trustProxy?.length ? opts.trustProxy : false,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    // Errors the HTTP parser meets before there is a request (a query string over 16 KB, a broken
    // request line) answer in Chinese like every other error.
    clientErrorHandler: (err: Error & { code?: string }, socket) => {
      if (!socket.writable) return;
      socket.end(
        err.code === 'HPE_HEADER_OVERFLOW'
          ? rawError(431, 'Request Header Fields Too Large', 'VALIDATION', '请求地址或请求头过长（查询条件过多），请减少查询条件后重试')
          : rawError(400, 'Bad Request', 'VALIDATION', '请求格式不正确，请检查后重试'),
      );
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(compileValidator);

  app.decorateRequest('actor', null);
  app.decorateRequest('resident', null);
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (r) => {
    describeRoute(r as Parameters<typeof describeRoute>[0]);
    const s = (r.schema ?? {}) as RegisteredRoute['schema'] & { consumes?: string[] };
    const upload = s.consumes?.includes('multipart/form-data') ?? false;
    for (const method of [r.method].flat()) {
      routes.push({ method, url: r.url, access: r.config?.access, schema: { body: s.body, querystring: s.querystring, params: s.params }, upload });
    }
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: opts.uploadLimit ?? 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '基层党建工作平台 API',
        version: '0.1.0',
        description: '错误答复统一为 { error: { code, message, details } }，message 为中文，code 见各答复说明。',
      },
      components: { securitySchemes },
    },
  });
  if (apiDocs !== 'off') await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.setErrorHandler((err, req, reply) => {
    const e = err as Error & { validation?: SchemaError[]; validationContext?: string; statusCode?: number; code?: string };
    let body: ErrorBody;
    let status: number;
    const fromDb = e instanceof AppError ? null : answerForDbError(e);
    if (fromDb) req.log.warn({ err }, '数据库拒绝了请求（已答复 4xx）');
    const known = e instanceof AppError ? e : fromDb;
    if (known) {
      status = known.status;
      body = { error: { code: known.code, message: known.message, details: known.details } };
    } else if (e.validation) {
      const fields = e.validation.map((v) => translateSchemaError(v, e.validationContext ?? ''));
      status = 400;
      body = { error: { code: 'VALIDATION', message: fields.map((f) => f.message).join('；'), details: { fields } } };
    } else if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
      status = 413;
      body = { error: { code: 'VALIDATION', message: '上传文件过大，请拆分后再导入' } };
    } else if (e.statusCode && e.statusCode < 500) {
      status = e.statusCode;
      body = { error: { code: 'VALIDATION', message: PARSER_MESSAGES[e.code ?? ''] ?? '请求格式不正确，请检查后重试' } };
    } else {
      req.log.error(err);
      status = 500;
      body = { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如持续出现请联系管理员' } };
    }
    void reply.status(status).send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      void reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
      return;
    }
    const index = opts.webDist ? path.join(opts.webDist, 'index.html') : null;
    // App routes (/orgs/…) get the web app; a missing file (/assets/x.js) gets a real 404.
    const isFile = /\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '');
    if (index && !isFile && fs.existsSync(index)) {
      void reply.type('text/html').send(fs.createReadStream(index));
      return;
    }
    void reply.status(404).type('text/plain; charset=utf-8').send('页面不存在。若尚未构建前端，请运行 npm run build。');
  });

  // Who is asking (the session cookie), and may they: runs before body validation, so an
  // unauthenticated or forged request learns nothing about the route's input rules.
  // Every route names its access; a route without one is a programming error and refuses to serve.
  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await opts.resolveSession(token, req.ip) : null;
    const route = req.routeOptions.url ?? '';
    if (!route.startsWith('/api/')) {
      // Only the web app's static files live outside /api; an unknown /api path is not one of them.
      if (req.url.startsWith('/api/') && !req.is404) throw new AppError('NOT_FOUND', '接口不存在');
      return;
    }
    if (route.startsWith('/api/docs')) {
      // answered here: the documentation plugin's own error handler would answer in English
      if (apiDocs === 'login' && !req.actor) return reply.status(401).send({ error: { code: 'UNAUTHENTICATED', message: '请先登录后再查看接口文档' } });
      return;
    }
    const access = req.routeOptions.config.access;
    if (!access) throw new AppError('INTERNAL', '接口未声明访问权限');
    if (access === 'public') return;
    if (access === 'resident') {
      const rt = req.cookies[RESIDENT_COOKIE];
      const resident = rt && opts.resolveResident ? await opts.resolveResident(rt) : null;
      if (!resident) throw new AppError('UNAUTHENTICATED', '请先用手机号登录');
      if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== resident.csrfToken) {
        throw new AppError('CSRF', '请求校验失败，请刷新页面后重试');
      }
      req.resident = resident;
      return;
    }
    const actor = req.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== actor.csrfToken) {
      throw new AppError('CSRF', '请求校验失败，请刷新页面后重试');
    }
    // A temporary password (new or reset account) opens nothing but changing it.
    if (actor.mustChangePassword && !req.routeOptions.config.beforePasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码或管理员重置的密码，再使用其他功能');
    }
    if (access !== 'authenticated' && !actor.permissions.includes(access)) {
      throw new AppError('FORBIDDEN', '您没有执行此操作的权限');
    }
  });

  // Every part of every request is checked before its schema: no control characters, bounded
  // nesting, strings trimmed (so length checks see what would be stored).
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    guardInput('params', req.params);
    guardInput('querystring', req.query);
    if (req.body !== undefined && !req.isMultipart()) guardInput('body', req.body);
  });

  // API answers carry personal data (unmasked for some readers): no cache may keep any of them.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !req.url.startsWith('/api/docs')) void reply.header('cache-control', 'no-store');
  });

  if (opts.webDist && fs.existsSync(opts.webDist)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart;
    // a missing file falls through to the not-found handler (index.html for app routes).
    await app.register(fastifyStatic, { root: opts.webDist, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  return app;
}

/** The resident of a route with `resident` access. */
export function residentOf(req: { resident: Resident | null }): Resident {
  if (!req.resident) throw new AppError('UNAUTHENTICATED', '请先用手机号登录');
  return req.resident;
}

/** The acting account; only called on routes whose access is not `public`. */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
  return req.actor;
}
