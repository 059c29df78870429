import { Type } from '@sinclair/typebox';
import {
  AttachmentAdded,
  Meeting,
  MeetingAmendmentInput,
  MeetingApproveInput,
  MeetingAttendanceInput,
  MeetingCancelInput,
  MeetingDetail,
  MeetingExportQuery,
  MeetingIdParams,
  MeetingListQuery,
  MeetingPartParams,
  MeetingPlanInput,
  MeetingRecordInput,
  MeetingReturnInput,
  MeetingSigninAnswer,
  MeetingSigninCode,
  MeetingSigninInput,
  MeetingStepInput,
  MeetingUpdateInput,
  MeetingVoteInput,
  MyMeeting,
  Page,
  Permission,
} from '@jiceng/contracts';
import { sendAttachment } from '../../platform/attachments/index.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { sendXlsx, uploadedFile, XlsxFile } from '../../platform/http/files.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import { XLSX_MIME } from '../../platform/xlsx/workbook.ts';
import type { MeetingExport } from './meeting.export.ts';
import type { MeetingRecord } from './meeting.record.ts';
import type { MeetingService } from './meeting.service.ts';

/** 三会一课: thin routes over the meeting services. Every answer with a record carries its version as ETag. */
export function registerMeetingRoutes(app: App, meetings: MeetingService, record: MeetingRecord, exporter: MeetingExport): void {
  const read = { access: Permission.MEETING_READ };
  const write = { access: Permission.MEETING_WRITE };
  const review = { access: Permission.MEETING_REVIEW };
  const self = { access: Permission.MEMBER_SELF };
  const tags = ['三会一课'];
  const params = MeetingIdParams;
  const ok = { 200: MeetingDetail };

  app.get(
    '/api/meetings',
    {
      config: read,
      schema: { tags, summary: '会议列表（按状态、类型、党组织、日期、逾期筛选）', querystring: MeetingListQuery, response: { 200: Page(Meeting) } },
    },
    (req) => meetings.list(actorOf(req), req.query),
  );

  app.get(
    '/api/meetings/export',
    {
      config: read,
      schema: { tags, summary: '导出会议台账（.xlsx，筛选同会议列表）', querystring: MeetingExportQuery, produces: [XLSX_MIME], response: { 200: XlsxFile } },
    },
    async (req, reply) => {
      const file = await exporter.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, file.fileName, 'meetings.xlsx', file.data);
    },
  );

  app.get(
    '/api/meetings/:id',
    { config: read, schema: { tags, summary: '会议详情（参会人员、表决、附件、更正、流转记录）', params, response: ok } },
    async (req, reply) => versioned(reply, await meetings.get(actorOf(req), req.params.id)),
  );

  app.post(
    '/api/meetings',
    { config: write, schema: { tags, summary: '计划会议', body: MeetingPlanInput, response: { 201: MeetingDetail } } },
    async (req, reply) => reply.status(201).send(versioned(reply, await meetings.plan(actorOf(req), req.body))),
  );

  app.patch(
    '/api/meetings/:id',
    { config: write, schema: { tags, summary: '修改会议计划（召开前）', params, body: MeetingUpdateInput, response: ok } },
    async (req, reply) => versioned(reply, await meetings.update(actorOf(req), req.params.id, req.body, expectedVersion(req, req.body.version))),
  );

  const steps = [
    ['notify', '发布会议通知（确定应到人员，生成签到码）', (id: string, a: Parameters<MeetingService['notify']>[0], v?: number) => meetings.notify(a, id, v)],
    ['hold', '确认会议召开', (id: string, a: Parameters<MeetingService['hold']>[0], v?: number) => meetings.hold(a, id, v)],
    ['submit', '提交会议记录审核', (id: string, a: Parameters<MeetingService['submit']>[0], v?: number) => meetings.submit(a, id, v)],
  ] as const;
  for (const [name, summary, run] of steps)
    app.post(`/api/meetings/:id/${name}`, { config: write, schema: { tags, summary, params, body: MeetingStepInput, response: ok } }, async (req, reply) =>
      versioned(reply, await run(req.params.id, actorOf(req), expectedVersion(req, req.body.version) ?? undefined)),
    );

  app.post(
    '/api/meetings/:id/archive',
    { config: read, schema: { tags, summary: '会议记录归档（审核通过后）', params, body: MeetingStepInput, response: ok } },
    async (req, reply) => versioned(reply, await meetings.archive(actorOf(req), req.params.id, expectedVersion(req, req.body.version) ?? undefined)),
  );

  app.post(
    '/api/meetings/:id/cancel',
    { config: write, schema: { tags, summary: '取消会议（召开前，须填写原因）', params, body: MeetingCancelInput, response: ok } },
    async (req, reply) =>
      versioned(reply, await meetings.cancel(actorOf(req), req.params.id, { ...req.body, version: expectedVersion(req, req.body.version) ?? undefined })),
  );

  app.post(
    '/api/meetings/:id/return',
    { config: review, schema: { tags, summary: '退回会议记录（督导员，须填写原因）', params, body: MeetingReturnInput, response: ok } },
    async (req, reply) =>
      versioned(reply, await meetings.returnBack(actorOf(req), req.params.id, { ...req.body, version: expectedVersion(req, req.body.version) ?? undefined })),
  );

  app.post(
    '/api/meetings/:id/approve',
    { config: review, schema: { tags, summary: '会议记录审核通过（督导员，按审核要点评分）', params, body: MeetingApproveInput, response: ok } },
    async (req, reply) =>
      versioned(reply, await meetings.approve(actorOf(req), req.params.id, { ...req.body, version: expectedVersion(req, req.body.version) ?? undefined })),
  );

  app.put(
    '/api/meetings/:id/record',
    { config: write, schema: { tags, summary: '填写或修改会议记录（审核通过后只能更正）', params, body: MeetingRecordInput, response: ok } },
    async (req, reply) => versioned(reply, await record.record(actorOf(req), req.params.id, req.body, expectedVersion(req, req.body.version))),
  );

  app.post(
    '/api/meetings/:id/attendance',
    { config: write, schema: { tags, summary: '补签或登记请假、缺席', params, body: MeetingAttendanceInput, response: ok } },
    async (req, reply) => versioned(reply, await record.attendance(actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/meetings/:id/votes',
    { config: write, schema: { tags, summary: '登记表决结果（按规则判定是否达到法定人数、是否通过）', params, body: MeetingVoteInput, response: ok } },
    async (req, reply) => versioned(reply, await record.addVote(actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/meetings/:id/votes/:partId',
    { config: write, schema: { tags, summary: '删除表决结果（提交审核前）', params: MeetingPartParams, response: ok } },
    async (req, reply) => versioned(reply, await record.removeVote(actorOf(req), req.params.id, req.params.partId)),
  );

  app.post(
    '/api/meetings/:id/amendments',
    { config: write, schema: { tags, summary: '更正已审核通过的会议记录（保留更正前后内容）', params, body: MeetingAmendmentInput, response: ok } },
    async (req, reply) => versioned(reply, await record.amend(actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/meetings/:id/attachments',
    {
      config: write,
      schema: { tags, summary: '上传会议照片或附件（multipart 字段 file）', params, consumes: ['multipart/form-data'], response: { 200: AttachmentAdded } },
    },
    async (req) => record.addFile(actorOf(req), req.params.id, await uploadedFile(req, '会议照片或附件')),
  );

  app.get('/api/meetings/:id/attachments/:partId', { config: read, schema: { tags, summary: '下载会议附件', params: MeetingPartParams } }, async (req, reply) =>
    sendAttachment(reply, await record.readFile(actorOf(req), req.params.id, req.params.partId), { inline: true }),
  );

  app.delete(
    '/api/meetings/:id/attachments/:partId',
    { config: write, schema: { tags, summary: '删除会议附件（提交审核前）', params: MeetingPartParams, response: ok } },
    async (req, reply) => versioned(reply, await record.removeFile(actorOf(req), req.params.id, req.params.partId)),
  );

  app.get('/api/meetings/:id/signin', { config: write, schema: { tags, summary: '签到码和签到二维码', params, response: { 200: MeetingSigninCode } } }, (req) =>
    record.signinCode(actorOf(req), req.params.id),
  );

  app.get(
    '/api/me/meetings',
    { config: self, schema: { tags, summary: '我的会议（已通知的会议及本人出席情况）', response: { 200: Type.Array(MyMeeting) } } },
    (req) => record.mine(actorOf(req)),
  );

  app.post(
    '/api/me/meetings/signin',
    { config: self, schema: { tags, summary: '会议签到（输入签到码或扫描二维码）', body: MeetingSigninInput, response: { 200: MeetingSigninAnswer } } },
    (req) => record.signIn(actorOf(req), req.body),
  );
}
