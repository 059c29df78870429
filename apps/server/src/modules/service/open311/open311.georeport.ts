import {
  MOBILE_PATTERN,
  SERVICE_DESCRIPTION_MAX,
  SERVICE_KIND_IDS,
  SERVICE_PLACE_MAX,
  serviceKindName,
  serviceStateName,
  type ServiceKindId,
} from '@jiceng/contracts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { pathInScope } from '../../../platform/http/actor.ts';
import type { ServiceConfig } from '../service.config.ts';
import { serviceRepository } from '../service.repository.ts';
import type { ServiceService } from '../service.service.ts';
import { presentClock } from '../service.timing.ts';
import { chinaIso, chinaMinute, commaList, maskMobiles, OPEN311_SPEC, parseW3cTime, type Open311Value } from './open311.format.ts';
import type { Open311Keys } from './open311.keys.ts';
import { open311Repository as repo, type Open311RequestRow } from './open311.repository.ts';

/** An answer in the spec's error format: 400 bad input, 403 the api_key, 404 what does not exist. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
  }
}
const bad = (m: string) => new Open311Error(400, m);

/** The spec's default window of GET requests and its cap. */
export const WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;
/** When the service list or definitions last changed in a way clients must refresh for (discovery's changeset). */
export const OPEN311_CHANGESET = '2026-11-01T00:00:00+08:00';
const GROUP = '群众诉求';
const CLOSED_STATES = ['closed', 'rejected', 'withdrawn'];
const OPEN_STATES = ['submitted', 'accepted', 'dispatched', 'in_progress', 'awaiting_info', 'resolved'];
const CODE = /^SQ\d{8}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MOBILE = new RegExp(MOBILE_PATTERN);

/** The parameters of a request, as strings (a form body, or a query string). */
export type Params = Record<string, string | undefined>;

export interface GeoReportDeps {
  db: Database;
  regionId: string;
  clock: Clock;
  config: ServiceConfig;
  service: ServiceService;
  keys: Open311Keys;
}

/**
 * The GeoReport v2 methods over the service loop: services are the active 事项类别; requests posted
 * with a key enter the same intake as the desk's and the residents' (source 开放接口); reads are
 * public and show nothing personal.
 */
export function createGeoReport(d: GeoReportDeps) {
  const { db, regionId } = d;
  const opt = (p: Params, k: string): string | undefined => {
    const v = p[k]?.trim();
    return v ? v : undefined; // the spec: an empty parameter is a parameter not sent
  };

  /** jurisdiction_id is optional (one jurisdiction here: the region); a wrong one is a 404. */
  function jurisdiction(p: Params): void {
    const j = opt(p, 'jurisdiction_id');
    if (j !== undefined && j !== regionId) throw new Open311Error(404, `jurisdiction_id「${j}」不存在：本平台的 jurisdiction_id 为 ${regionId}`);
  }

  async function activeCategory(code: string) {
    return (await d.config.categories()).find((c) => c.code === code);
  }

  function request(r: Open311RequestRow, now: Date): Open311Value {
    const clock = presentClock(r, now, d.service.core.timing);
    const notes = [serviceStateName[r.state as 'submitted'] ?? r.state];
    if (r.result && ['resolved', 'closed'].includes(r.state)) notes.push(`办理结果：${maskMobiles(r.result)}`);
    if (clock?.status === 'paused') notes.push('办理时限暂停计时');
    else if (clock?.dueAt) notes.push(`${clock.stageLabel}时限 ${chinaMinute(clock.dueAt)}${clock.status === 'overdue' ? '（已超时）' : ''}`);
    const closed = CLOSED_STATES.includes(r.state);
    return {
      service_request_id: r.code,
      status: closed ? 'closed' : 'open',
      status_notes: notes.join('；'),
      service_name: r.category_name,
      service_code: r.category_code,
      description: maskMobiles(r.description),
      agency_responsible: r.assignee_name ?? r.community_name,
      service_notice: `诉求类型：${serviceKindName[r.kind as ServiceKindId] ?? r.kind}`,
      requested_datetime: chinaIso(r.submitted_at),
      updated_datetime: chinaIso(closed && r.closed_at ? r.closed_at : r.updated_at),
      expected_datetime: clock?.dueAt ? chinaIso(clock.dueAt) : null,
      address: [r.community_name, r.grid_name, r.place].filter(Boolean).join(' '),
      address_id: r.grid_id ?? r.community_id,
      zipcode: null,
      lat: r.lat,
      long: r.lng,
      media_url: null,
    };
  }

  function number(p: Params, k: 'lat' | 'long', min: number, max: number): number | undefined {
    const v = opt(p, k);
    if (v === undefined) return undefined;
    const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : NaN;
    const what = k === 'lat' ? '纬度' : '经度';
    if (!Number.isFinite(n) || n < min || n > max) throw bad(`${k} 须为 ${min} 到 ${max} 之间的数字（WGS84 ${what}），收到「${v.slice(0, 30)}」`);
    return n;
  }

  return {
    discovery(baseUrl: string): Open311Value {
      return {
        changeset: OPEN311_CHANGESET,
        contact: '群众诉求开放接口（Open311 GeoReport v2），由本区党建工作平台管理员维护；接入问题请联系区委组织部平台管理员',
        key_service: '提交诉求须使用 api_key：由平台管理员在「群众诉求 → 开放接口密钥」中为接入单位创建，密钥只显示一次',
        endpoints: [
          {
            specification: OPEN311_SPEC,
            url: `${baseUrl}/open311/v2`,
            changeset: OPEN311_CHANGESET,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      };
    },

    async services(p: Params): Promise<Open311Value> {
      jurisdiction(p);
      const kinds = SERVICE_KIND_IDS.map((k) => serviceKindName[k]).join(',');
      return (await d.config.categories()).map((c) => ({
        service_code: c.code,
        service_name: c.name,
        description: `${c.name}（办理类别：${c.complexityLabel}）`,
        metadata: true,
        type: 'realtime',
        keywords: kinds,
        group: GROUP,
      }));
    },

    async definition(code: string, p: Params): Promise<Open311Value> {
      jurisdiction(p);
      const c = await activeCategory(code);
      if (!c) throw new Open311Error(404, `service_code「${code.slice(0, 30)}」不存在或已停用`);
      return {
        service_code: c.code,
        attributes: [
          {
            variable: true,
            code: 'kind',
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: '不填时按「求助」登记',
            order: 1,
            description: '诉求类型',
            values: SERVICE_KIND_IDS.map((k) => ({ key: k, name: serviceKindName[k] })),
          },
          {
            variable: true,
            code: 'place_id',
            datatype: 'string',
            required: false,
            datatype_description:
              '诉求所在社区（村）或其下网格的组织编号（也可用 address_id 传入）。密钥绑定在社区（村）或网格时可不填，诉求登记到该处；绑定在街道及以上组织时必填，且须在该组织范围内',
            order: 2,
            description: '诉求所在地（社区、村或网格）',
          },
        ],
      };
    },

    /** POST requests: checks everything before anything is written; answers the new request's code. */
    async submit(p: Params): Promise<Open311Value> {
      jurisdiction(p);
      const apiKey = opt(p, 'api_key');
      if (!apiKey) throw new Open311Error(403, '缺少 api_key：提交诉求须使用平台管理员分配的开放接口密钥');
      const caller = await d.keys.authenticate(apiKey);
      if (!caller) throw new Open311Error(403, 'api_key 无效或已停用，请联系平台管理员');

      const code = opt(p, 'service_code');
      if (!code) throw bad('缺少 service_code（事项类别编码，见 services 列表）');
      if (!(await activeCategory(code))) throw new Open311Error(404, `service_code「${code.slice(0, 30)}」不存在或已停用`);

      const description = opt(p, 'description');
      if (!description) throw bad('缺少 description（诉求描述）');
      if ([...description].length < 5) throw bad('description（诉求描述）至少5个字');
      if ([...description].length > SERVICE_DESCRIPTION_MAX) throw bad(`description（诉求描述）不能超过 ${SERVICE_DESCRIPTION_MAX} 个字`);

      const lat = number(p, 'lat', -90, 90);
      const lng = number(p, 'long', -180, 180);
      if ((lat === undefined) !== (lng === undefined)) throw bad('lat 与 long 须同时提供');
      const address = opt(p, 'address_string');
      if (address && [...address].length > SERVICE_PLACE_MAX) throw bad(`address_string（地址）不能超过 ${SERVICE_PLACE_MAX} 个字`);
      const addressId = opt(p, 'address_id');
      const placeAttr = opt(p, 'attribute[place_id]');
      if (lat === undefined && !address && !addressId) throw bad('缺少位置：须提供 lat 和 long，或 address_string，或 address_id');

      const kindValue = opt(p, 'attribute[kind]') ?? 'help';
      if (!(SERVICE_KIND_IDS as readonly string[]).includes(kindValue)) throw bad(`attribute[kind]（诉求类型）只能为 ${SERVICE_KIND_IDS.join('、')} 之一`);

      // where it lands: the key's community or grid, or the place it names under the key's organization
      const placeId = placeAttr ?? addressId;
      if (placeAttr && addressId && placeAttr !== addressId) throw bad('attribute[place_id] 与 address_id 不一致，请只填写一个');
      let orgId: string;
      if (placeId) {
        if (!UUID.test(placeId)) throw bad('place_id（address_id）不是有效的组织编号');
        const place = await serviceRepository.place(db, regionId, placeId);
        if (!place) throw bad('place_id（address_id）所指的社区（村）或网格不存在');
        if (!pathInScope({ orgPath: caller.orgPath }, place.path)) throw new Open311Error(403, `该密钥只能登记「${caller.orgName}」范围内的诉求`);
        if (!place.community_id) throw bad('place_id（address_id）须为社区（村）或其下网格的组织编号');
        orgId = placeId;
      } else if (caller.fixedPlaceId) {
        orgId = caller.fixedPlaceId;
      } else {
        throw bad(`本密钥绑定在「${caller.orgName}」，须用 attribute[place_id] 填写诉求所在社区（村）或网格的组织编号`);
      }

      const rawPhone = opt(p, 'phone');
      const phone = rawPhone?.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
      if (phone !== undefined && !MOBILE.test(phone)) throw bad('phone 须为 11 位大陆手机号码');
      const first = opt(p, 'first_name');
      const last = opt(p, 'last_name');
      const cjk = /\p{Script=Han}/u.test(`${first ?? ''}${last ?? ''}`);
      const name = cjk ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ');
      if ([...name].length > 20) throw bad('first_name 与 last_name 合计不能超过 20 个字');

      const id = await d.service.submitAs(
        { kind: 'open311', keyId: caller.keyId, keyName: caller.keyName, scopePath: caller.orgPath },
        {
          kind: kindValue as ServiceKindId,
          categoryCode: code,
          description,
          orgId,
          place: address,
          lat,
          lng,
          contactName: name || undefined,
          contactPhone: phone ?? null,
        },
        'open311',
      );
      await d.keys.touch(caller.keyId);
      const requestCode = (await repo.codeOf(db, regionId, id))!;
      return [
        {
          service_request_id: requestCode,
          service_notice: `诉求已登记，编号 ${requestCode}，将由所在社区受理办理${phone ? '，办理进展将以短信告知' : ''}`,
          account_id: null,
        },
      ];
    },

    async list(p: Params): Promise<Open311Value> {
      jurisdiction(p);
      const now = d.clock.now();
      const ids = opt(p, 'service_request_id');
      if (ids !== undefined) {
        const codes = commaList(ids).map((c) => c.toUpperCase());
        if (codes.length > MAX_REQUESTS) throw bad(`service_request_id 一次最多 ${MAX_REQUESTS} 个`);
        const rows = await repo.requests(db, regionId, { codes: codes.filter((c) => CODE.test(c)), limit: MAX_REQUESTS });
        return rows.map((r) => request(r, now));
      }
      const statuses = commaList(opt(p, 'status'));
      for (const s of statuses) if (s !== 'open' && s !== 'closed') throw bad(`status 只能为 open 或 closed（可用逗号分隔），收到「${s.slice(0, 20)}」`);
      const time = (k: 'start_date' | 'end_date') => {
        const v = opt(p, k);
        if (v === undefined) return undefined;
        const t = parseW3cTime(v);
        if (!t) throw bad(`${k} 须为 W3C 日期时间格式，如 2026-11-01T00:00:00+08:00，收到「${v.slice(0, 40)}」`);
        return t.getTime();
      };
      const start = time('start_date');
      const end = time('end_date');
      if (start !== undefined && end !== undefined && end < start) throw bad('end_date 不能早于 start_date');
      if (start !== undefined && end !== undefined && end - start > WINDOW_DAYS * DAY_MS) throw bad(`start_date 到 end_date 不能超过 ${WINDOW_DAYS} 天`);
      const to = end ?? (start !== undefined ? start + WINDOW_DAYS * DAY_MS : now.getTime());
      const from = start ?? to - WINDOW_DAYS * DAY_MS;
      const states = statuses.length === 1 ? (statuses[0] === 'open' ? OPEN_STATES : CLOSED_STATES) : undefined;
      const rows = await repo.requests(db, regionId, {
        categoryCodes: commaList(opt(p, 'service_code')),
        states,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        limit: MAX_REQUESTS,
      });
      return rows.map((r) => request(r, now));
    },

    async get(code: string, p: Params): Promise<Open311Value> {
      jurisdiction(p);
      const c = code.toUpperCase();
      const row = CODE.test(c) ? await repo.requestByCode(db, regionId, c) : undefined;
      if (!row) throw new Open311Error(404, `诉求「${code.slice(0, 30)}」不存在`);
      return [request(row, d.clock.now())];
    },
  };
}
export type GeoReport = ReturnType<typeof createGeoReport>;
