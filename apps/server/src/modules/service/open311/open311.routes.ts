import { Type } from '@sinclair/typebox';
import { IdParams, Open311Key, Open311KeyCreated, Open311KeyInput, Permission } from '@jiceng/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerForDbError } from '../../../platform/db/db-errors.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, type App } from '../../../platform/http/app.ts';
import { guardInput } from '../../../platform/http/input-guard.ts';
import {
  CONTENT_TYPE,
  errorList,
  formatOf,
  formatOfUrl,
  MalformedForm,
  parseForm,
  queryValue,
  serialize,
  type Open311Format,
  type Open311Value,
} from './open311.format.ts';
import { Open311Error, type GeoReport, type Params } from './open311.georeport.ts';
import type { Open311Keys } from './open311.keys.ts';

export const OPEN311_PREFIX = '/open311/v2';
/** A GeoReport form is a few short fields; descriptions are at most 2000 characters (6 KB of UTF-8, tripled by percent-encoding). */
const FORM_LIMIT = 32 * 1024;

/** The format a request asked for: the route's `format` parameter, else the path's extension (errors before routing). */
const formatOfReq = (req: FastifyRequest): Open311Format => formatOf((req.params as { format?: string } | undefined)?.format) ?? formatOfUrl(req.url);

function answer(reply: FastifyReply, format: Open311Format, root: string, value: Open311Value, status = 200) {
  return reply
    .status(status)
    .header('content-type', CONTENT_TYPE[format])
    .send(serialize(format, root, value));
}

/** The spec's statuses: 404 what does not exist, 403 the api_key, 400 every other refusal; 500 only for our own faults. */
function specStatus(status: number): 400 | 403 | 404 {
  if (status === 401 || status === 403) return 403;
  if (status === 404) return 404;
  return 400;
}

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大，请精简诉求描述后重试',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '请以 application/x-www-form-urlencoded 表单格式提交（Content-Type: application/x-www-form-urlencoded; charset=utf-8）',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求内容长度与声明不符',
};

/** A query string and, on POST, the form as plain strings (repeated query parameters joined with commas). */
function paramsOf(req: FastifyRequest): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) out[k] = queryValue(v);
  if (req.body && typeof req.body === 'object') for (const [k, v] of Object.entries(req.body as Record<string, string>)) out[k] = v;
  return out;
}

export interface Open311RouteDeps {
  geo: GeoReport;
  keys: Open311Keys;
}

/**
 * Open311 GeoReport v2 outside /api (`/open311/v2/…`, every method in `.json` and `.xml`), in a
 * plugin of its own: form bodies, the input guard, the spec's error list in the asked format, and
 * its own 404. The global hooks treat these paths as static, so the routes guard their input here;
 * the keys' management lives under /api like every other account route.
 */
export function registerOpen311Routes(app: App, d: Open311RouteDeps): void {
  const { geo, keys } = d;
  const tags = ['群众诉求'];
  const cfg = { access: Permission.SERVICE_CONFIG };

  app.get(
    '/api/service/open311-keys',
    { config: cfg, schema: { tags, summary: '开放接口密钥（Open311，本组织及下级）', response: { 200: Type.Array(Open311Key) } } },
    (req) => keys.list(actorOf(req)),
  );
  app.post(
    '/api/service/open311-keys',
    {
      config: cfg,
      schema: { tags, summary: '创建开放接口密钥（完整密钥只在此答复中显示一次）', body: Open311KeyInput, response: { 201: Open311KeyCreated } },
    },
    async (req, reply) => reply.status(201).send(await keys.create(actorOf(req), req.body)),
  );
  app.post(
    '/api/service/open311-keys/:id/revoke',
    { config: cfg, schema: { tags, summary: '停用开放接口密钥（停用后不可恢复）', params: IdParams, response: { 200: Open311Key } } },
    (req) => keys.revoke(actorOf(req), req.params.id),
  );

  void app.register(
    async (scope) => {
      const otags = ['开放接口（Open311 GeoReport v2）'];
      const pub = { access: 'public' as const };
      // GeoReport posts forms only; no JSON or other body parser in this scope
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => {
        try {
          done(null, parseForm(String(body)));
        } catch (e) {
          done(e as Error, undefined);
        }
      });
      scope.addHook('preValidation', async (req) => {
        guardInput('params', req.params);
        guardInput('querystring', req.query);
        if (req.body !== undefined) guardInput('body', req.body);
      });

      scope.setErrorHandler((err, req, reply) => {
        const format = formatOfReq(req);
        const e = err as Error & { statusCode?: number; code?: string };
        let status: 400 | 403 | 404 | 500;
        let message: string;
        const known = e instanceof AppError ? e : answerForDbError(e);
        if (e instanceof Open311Error) [status, message] = [e.status, e.message];
        else if (known) [status, message] = [specStatus(known.status), known.message];
        else if (e instanceof MalformedForm) [status, message] = [400, '请求内容不是有效的表单编码（application/x-www-form-urlencoded，UTF-8），请检查后重试'];
        else if (e.statusCode && e.statusCode < 500)
          [status, message] = [specStatus(e.statusCode), FASTIFY_MESSAGES[e.code ?? ''] ?? '请求格式不正确，请检查后重试'];
        else {
          req.log.error(err);
          [status, message] = [500, '服务器内部错误，请稍后重试；如持续出现请联系平台管理员'];
        }
        void answer(reply, format, 'errors', errorList(status, message), status);
      });
      scope.setNotFoundHandler((req, reply) =>
        answer(reply, formatOfUrl(req.url), 'errors', errorList(404, '接口不存在：请以 .json 或 .xml 结尾，如 /open311/v2/services.xml'), 404),
      );

      /** The route's format, or the spec's 404 for any other extension. */
      const fmt = (req: FastifyRequest): Open311Format => {
        const f = formatOf((req.params as { format?: string }).format);
        if (!f) throw new Open311Error(404, '不支持的格式：请使用 .json 或 .xml');
        return f;
      };
      const params = (req: FastifyRequest) => req.params as Record<string, string>;

      scope.get('/discovery.:format', { config: pub, schema: { tags: otags, summary: '服务发现（discovery）' } }, (req, reply) => {
        const f = fmt(req);
        const host = req.headers.host ?? 'localhost';
        return answer(reply, f, 'discovery', geo.discovery(`${req.protocol}://${host}`));
      });
      scope.get('/services.:format', { config: pub, schema: { tags: otags, summary: '服务列表（启用的事项类别）' } }, async (req, reply) => {
        const f = fmt(req);
        return answer(reply, f, 'services', await geo.services(paramsOf(req)));
      });
      scope.get('/services/:code.:format', { config: pub, schema: { tags: otags, summary: '服务定义（事项类别的附加字段）' } }, async (req, reply) => {
        const f = fmt(req);
        return answer(reply, f, 'service_definition', await geo.definition(params(req).code ?? '', paramsOf(req)));
      });
      scope.post('/requests.:format', { config: pub, schema: { tags: otags, summary: '提交诉求（表单格式，须 api_key）' } }, async (req, reply) => {
        const f = fmt(req);
        return answer(reply, f, 'service_requests', await geo.submit(paramsOf(req)));
      });
      scope.get('/requests.:format', { config: pub, schema: { tags: otags, summary: '诉求列表（默认近 90 天，最多 1000 条）' } }, async (req, reply) => {
        const f = fmt(req);
        return answer(reply, f, 'service_requests', await geo.list(paramsOf(req)));
      });
      scope.get('/requests/:id.:format', { config: pub, schema: { tags: otags, summary: '诉求详情（按诉求编号）' } }, async (req, reply) => {
        const f = fmt(req);
        return answer(reply, f, 'service_requests', await geo.get(params(req).id ?? '', paramsOf(req)));
      });
    },
    { prefix: OPEN311_PREFIX },
  );
}
