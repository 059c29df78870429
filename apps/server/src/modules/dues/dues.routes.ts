import { Type } from '@sinclair/typebox';
import { DuesBasis, DuesBasisInput, DuesBasisParams, DuesCalcInput, DuesCalcResult, IdParams, Ok, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import type { DuesService } from './dues.service.ts';

/** 党费: thin routes over the dues service (the basis of a member, the calculator). */
export function registerDuesRoutes(app: App, dues: DuesService): void {
  const read = { access: Permission.DUES_READ };
  const record = { access: Permission.DUES_RECORD };
  const tags = ['党费'];

  app.get(
    '/api/members/:id/dues-bases',
    {
      config: read,
      schema: { tags, summary: '党员的党费基数（按起算月份从新到旧，含每月应交金额）', params: IdParams, response: { 200: Type.Array(DuesBasis) } },
    },
    (req) => dues.list(actorOf(req), req.params.id),
  );

  app.put(
    '/api/members/:id/dues-bases/:month',
    {
      config: record,
      schema: {
        tags,
        summary: '设置党费基数（自该月起；该月已有基数时替换，须提交读取时的 version 或 If-Match）',
        params: DuesBasisParams,
        body: DuesBasisInput,
        response: { 200: DuesBasis },
      },
    },
    async (req, reply) => versioned(reply, await dues.save(actorOf(req), req.params.id, req.params.month, req.body, expectedVersion(req, req.body.version))),
  );

  app.delete(
    '/api/members/:id/dues-bases/:month',
    { config: record, schema: { tags, summary: '删除该月起的党费基数', params: DuesBasisParams, response: { 200: Ok } } },
    async (req) => {
      await dues.remove(actorOf(req), req.params.id, req.params.month);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/dues/calculate',
    {
      config: read,
      schema: { tags, summary: '党费计算器（按缴费类别和基数计算每月应交党费，不保存）', body: DuesCalcInput, response: { 200: DuesCalcResult } },
    },
    (req) => dues.calculate(actorOf(req), req.body),
  );
}
