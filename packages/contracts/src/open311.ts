import { Type, type Static } from '@sinclair/typebox';
import { Id, Timestamp } from './common.ts';

/**
 * 开放接口密钥 (Open311 GeoReport v2, issue 10): a client system (a city app, a hotline platform)
 * posts requests into the service loop with a key the administrator made. The key is answered once,
 * kept only as a hash with a short prefix for display, and bound to an organization: a community or
 * grid (requests land there) or a street or above (each request names its community or grid).
 */
export const OPEN311_KEY_NAME_MAX = 40;

export const Open311Key = Type.Object({
  id: Id,
  name: Type.String({ description: '密钥名称（使用方）' }),
  prefix: Type.String({ description: '密钥前几位（便于辨认，完整密钥只在创建时显示一次）' }),
  orgId: Id,
  orgName: Type.String({ description: '绑定的组织' }),
  /** True when requests land on the bound organization itself (a community or village, a grid or a branch under one). */
  placeFixed: Type.Boolean({ description: '绑定到社区（村）或网格：诉求直接登记到该处；否则每条诉求须填写 place_id' }),
  createdAt: Timestamp,
  createdByName: Type.Union([Type.String(), Type.Null()], { description: '创建人' }),
  revokedAt: Type.Union([Timestamp, Type.Null()], { description: '停用时间' }),
  lastUsedAt: Type.Union([Timestamp, Type.Null()], { description: '最近使用时间' }),
  requestCount: Type.Integer({ description: '经此密钥登记的诉求数' }),
});
export type Open311Key = Static<typeof Open311Key>;

export const Open311KeyInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: OPEN311_KEY_NAME_MAX, description: '密钥名称（使用方，如“区12345热线”）' }),
    orgId: Id,
  },
  { additionalProperties: false },
);
export type Open311KeyInput = Static<typeof Open311KeyInput>;

/** The answer to creating a key: the only time the key itself is shown. */
export const Open311KeyCreated = Type.Object({
  key: Open311Key,
  apiKey: Type.String({ description: '完整密钥（仅此一次显示，请立即复制保存）' }),
});
export type Open311KeyCreated = Static<typeof Open311KeyCreated>;
