import { createAttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app.ts';
import { createSigninService } from '../../platform/signin/index.ts';
import type { MessagesService } from '../../platform/messages/index.ts';
import type { NotificationService } from '../../platform/todo/notification.service.ts';
import { createMeetingCore } from './meeting.core.ts';
import { createMeetingExport } from './meeting.export.ts';
import { createMeetingLedger } from './meeting.ledger.ts';
import { meetingNoticeMessages } from './meeting.messages.ts';
import { registerMeetingReportRoutes } from './meeting.reports.routes.ts';
import { createMeetingStats } from './meeting.stats.ts';
import { createMeetingRecord, type MeetingRecord } from './meeting.record.ts';
import { meetingRepository } from './meeting.repository.ts';
import { registerMeetingRoutes } from './meeting.routes.ts';
import { createMeetingService, type MeetingService } from './meeting.service.ts';
import { meetingTodoSources } from './meeting.todo.ts';

export type { MeetingRecord, MeetingService };

/**
 * 三会一课 and 组织生活 records (issue 9, ADR 0017): plan → notice → held → recorded → submitted →
 * reviewed → archived through the platform workflow, attendance by sign-in code or QR, votes judged
 * by the rule sets, the 督导员's scored review, amendments after approval.
 */
export function createMeetingModule(deps: {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  fieldKey: string;
  notifications: Pick<NotificationService, 'sendOnce'>;
  /** SMS/WeChat of the notice (ADR 0019); without it only the in-app notification goes out. */
  messages?: Pick<MessagesService, 'deliver'>;
}) {
  const { db, regionId, audit, clock, notifications } = deps;
  const base = {
    db,
    regionId,
    audit,
    clock,
    notifications,
    meetings: meetingRepository,
    attachments: createAttachmentService({ regionId, audit }),
    signin: createSigninService({ regionId, fieldKey: deps.fieldKey, audit, clock }),
  };
  const core = createMeetingCore(base);
  const plain = createMeetingService(base, core);
  const noticeMessages = deps.messages ? meetingNoticeMessages({ db, regionId, messages: deps.messages }) : null;
  // the notice also goes to each expected member by SMS/WeChat, after it committed
  const service: MeetingService = noticeMessages
    ? {
        ...plain,
        notify: async (actor, id, version) => {
          const detail = await plain.notify(actor, id, version);
          await noticeMessages(detail);
          return detail;
        },
      }
    : plain;
  const record = createMeetingRecord(base, core);
  return {
    service,
    record,
    /** 会议逾期未召开, 会议记录待提交 / 被退回 / 待审核, and a 党员's 会议通知, for the registry. */
    todoSources: meetingTodoSources(),
    register: (app: App) => {
      registerMeetingReportRoutes(app, createMeetingLedger({ db, regionId, clock }), createMeetingStats({ db, regionId, clock }));
      registerMeetingRoutes(app, service, record, createMeetingExport({ service, clock }));
    },
  };
}
