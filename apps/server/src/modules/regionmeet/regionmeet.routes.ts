import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import {
  IdParams,
  Page,
  Permission,
  RmAgendaCandidates,
  RmAgendaInput,
  RmAttendanceInput,
  RmChildParams,
  RmDecisionInput,
  RmFollowupDoneInput,
  RmFollowupInput,
  RmMeeting,
  RmMeetingActionInput,
  RmMeetingDetail,
  RmMeetingEditInput,
  RmMeetingInput,
  RmMeetingQuery,
  RmMinutesInput,
} from '@jiceng/contracts';
import { DOCX_MIME, sendDocx } from '../../platform/documents/send.ts';
import { actorOf, type App } from '../../platform/http/app.ts';
import { expectedVersion, versioned } from '../../platform/http/versioning.ts';
import type { RegionMeetExport } from './regionmeet.export.ts';
import type { MeetingService } from './regionmeet.meetings.ts';
import type { createMeetingParts } from './regionmeet.parts.ts';

const DocxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Word 文件（.docx）' });

/** 大党委 joint meetings: thin routes over the meeting service and its parts. */
export function registerMeetingRoutes(app: App, meetings: MeetingService, parts: ReturnType<typeof createMeetingParts>, exporter: RegionMeetExport): void {
  const read = { access: Permission.REGION_READ };
  const manage = { access: Permission.REGION_MANAGE };
  const tags = ['联席会议'];
  const params = IdParams;
  const v = (req: FastifyRequest, body: { version?: number }) => expectedVersion(req, body.version) ?? undefined;

  app.get(
    '/api/regional/meetings',
    { config: read, schema: { tags, summary: '大党委联席会议列表（本组织及下级社区的）', querystring: RmMeetingQuery, response: { 200: Page(RmMeeting) } } },
    (req) => meetings.list(actorOf(req), req.query),
  );
  app.post(
    '/api/regional/meetings',
    { config: manage, schema: { tags, summary: '创建联席会议（草稿）', body: RmMeetingInput, response: { 201: RmMeetingDetail } } },
    async (req, reply) => reply.status(201).send(versioned(reply, await meetings.create(actorOf(req), req.body))),
  );
  app.get(
    '/api/regional/meetings/:id',
    { config: read, schema: { tags, summary: '联席会议详情：议程、出席、决定、落实事项、流转记录', params, response: { 200: RmMeetingDetail } } },
    async (req, reply) => versioned(reply, await meetings.get(actorOf(req), req.params.id)),
  );
  app.put(
    '/api/regional/meetings/:id',
    { config: manage, schema: { tags, summary: '修改会议议题、日期、地点、主持人', params, body: RmMeetingEditInput, response: { 200: RmMeetingDetail } } },
    async (req, reply) => versioned(reply, await meetings.update(actorOf(req), req.params.id, { ...req.body, version: v(req, req.body) })),
  );
  app.get(
    '/api/regional/meetings/:id/candidates',
    {
      config: read,
      schema: { tags, summary: '可列入议程的本社区需求（待认领、已认领）和项目（待确认、实施中）', params, response: { 200: RmAgendaCandidates } },
    },
    (req) => meetings.candidates(actorOf(req), req.params.id),
  );
  app.put(
    '/api/regional/meetings/:id/agenda',
    { config: manage, schema: { tags, summary: '设置会议议程（按顺序，整体替换）', params, body: RmAgendaInput, response: { 200: RmMeetingDetail } } },
    async (req, reply) => versioned(reply, await meetings.setAgenda(actorOf(req), req.params.id, { ...req.body, version: v(req, req.body) })),
  );
  app.put(
    '/api/regional/meetings/:id/attendance',
    { config: manage, schema: { tags, summary: '登记成员单位出席情况（召开后）', params, body: RmAttendanceInput, response: { 200: RmMeetingDetail } } },
    async (req, reply) => versioned(reply, await parts.setAttendance(actorOf(req), req.params.id, { ...req.body, version: v(req, req.body) })),
  );
  app.post(
    '/api/regional/meetings/:id/decisions',
    {
      config: manage,
      schema: {
        tags,
        summary: '记录会议决定：一般决定、新增需求（进入需求清单）或调整项目',
        params,
        body: RmDecisionInput,
        response: { 200: RmMeetingDetail },
      },
    },
    async (req, reply) => versioned(reply, await parts.addDecision(actorOf(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/regional/meetings/:id/decisions/:itemId',
    { config: manage, schema: { tags, summary: '删除误记的会议决定（已新增需求的不能删除）', params: RmChildParams, response: { 200: RmMeetingDetail } } },
    async (req, reply) => versioned(reply, await parts.removeDecision(actorOf(req), req.params.id, req.params.itemId)),
  );
  app.post(
    '/api/regional/meetings/:id/followups',
    {
      config: manage,
      schema: { tags, summary: '交办落实事项（责任单位或社区、完成时限）', params, body: RmFollowupInput, response: { 200: RmMeetingDetail } },
    },
    async (req, reply) => versioned(reply, await parts.addFollowup(actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/regional/meetings/:id/followups/:itemId/done',
    { config: manage, schema: { tags, summary: '落实事项办结', params: RmChildParams, body: RmFollowupDoneInput, response: { 200: RmMeetingDetail } } },
    async (req, reply) => versioned(reply, await parts.doneFollowup(actorOf(req), req.params.id, req.params.itemId, req.body)),
  );
  app.put(
    '/api/regional/meetings/:id/minutes',
    { config: manage, schema: { tags, summary: '提交会议纪要（召开后）', params, body: RmMinutesInput, response: { 200: RmMeetingDetail } } },
    async (req, reply) => versioned(reply, await meetings.setMinutes(actorOf(req), req.params.id, { ...req.body, version: v(req, req.body) })),
  );
  app.post(
    '/api/regional/meetings/:id/actions',
    {
      config: manage,
      schema: {
        tags,
        summary: '办理联席会议：登记召开、归档（须有纪要）、退回修改、取消（后两项须填写原因）',
        params,
        body: RmMeetingActionInput,
        response: { 200: RmMeetingDetail },
      },
    },
    async (req, reply) => versioned(reply, await meetings.act(actorOf(req), req.params.id, { ...req.body, version: v(req, req.body) })),
  );
  app.get(
    '/api/regional/meetings/:id/record.docx',
    { config: read, schema: { tags, summary: '下载联席会议记录（.docx，可打印）', params, produces: [DOCX_MIME], response: { 200: DocxFile } } },
    async (req, reply) => {
      const f = await exporter.meetingDocx(actorOf(req), req.params.id);
      return sendDocx(reply, f.fileName, 'joint-meeting.docx', f.data);
    },
  );
}
