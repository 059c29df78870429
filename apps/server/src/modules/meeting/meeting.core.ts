import type { MeetingDetail } from '@jiceng/contracts';
import { MEETING_WORKFLOW, scoreReview, signInWindow, type MeetingAction, type MeetingType, type ReviewMark } from '@jiceng/rules';
import type { AttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { SigninService } from '../../platform/signin/index.ts';
import type { NotificationService } from '../../platform/todo/notification.service.ts';
import { createWorkflow, type AppliedTransition } from '../../platform/workflow/workflow.ts';
import { assertMeetingVisible, workflowActor } from './meeting.policy.ts';
import { presentAmendment, presentAttendee, presentMeeting, presentVote } from './meeting.presenter.ts';
import type { MeetingRepository, MeetingRow } from './meeting.repository.ts';

export interface MeetingDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  meetings: MeetingRepository;
  attachments: AttachmentService;
  signin: SigninService;
  notifications: Pick<NotificationService, 'sendOnce'>;
}

/** The kind of the meeting's rows in the platform tables (workflow_event, signin, attachment, audit). */
export const MEETING_KIND = 'meeting';

/** The start of a meeting as a moment: date and time are China time. */
export const startsAtOf = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

/** States in which attendance is taken and votes are recorded: after the notice, before submission. */
export const ATTENDANCE_STATES = ['notice', 'held', 'recorded', 'returned'] as const;
export const VOTE_STATES = ['held', 'recorded', 'returned'] as const;

/** The Chinese refusal of a change to a record that is no longer the secretary's to edit. */
export function lockedRecord(state: string): AppError {
  if (state === 'reviewed' || state === 'archived')
    return conflict(`会议记录已${state === 'archived' ? '归档' : '审核通过'}，不能直接修改；如需更正，请提交更正说明（更正记录保留修改前后内容）`, { state });
  if (state === 'submitted') return conflict('会议记录已提交审核，审核期间不能修改；如需修改，请待督导员退回后再改', { state });
  if (state === 'cancelled') return conflict('会议已取消，不能修改', { state });
  return conflict(`会议当前为「${MEETING_WORKFLOW.stateLabel[state as keyof typeof MEETING_WORKFLOW.stateLabel] ?? state}」，不能办理此操作`, { state });
}

/** Loading in scope, the workflow, and the detail page: what every part of the module shares. */
export function createMeetingCore(deps: MeetingDeps) {
  const { regionId, audit, clock, meetings, attachments, signin } = deps;
  const workflow = createWorkflow(MEETING_WORKFLOW, { regionId, kind: MEETING_KIND, audit, store: { table: 'meeting', touched: 'updated_at' } });

  const core = {
    workflow,

    async load(db: Database, actor: Actor, id: string): Promise<MeetingRow> {
      const row = await meetings.byId(db, regionId, id);
      assertMeetingVisible(actor, row);
      return row;
    },

    /** Takes a workflow step on the meeting read in this transaction (history and audit rows with it). */
    step(
      tx: Database,
      actor: Actor,
      row: MeetingRow,
      action: MeetingAction,
      o: {
        reason?: string | null;
        version?: number;
        fields?: Record<string, unknown>;
        data?: Record<string, unknown>;
        after?: (tx: Database, t: AppliedTransition<MeetingAction>) => Promise<void>;
      } = {},
    ) {
      return workflow.apply(tx, {
        recordId: row.id,
        orgPath: row.org_path,
        action,
        actor: workflowActor(actor, action),
        currentState: row.state,
        entityName: row.title,
        ...o,
      });
    },

    async detail(db: Database, actor: Actor, id: string): Promise<MeetingDetail> {
      const row = await core.load(db, actor, id);
      const [attendees, votes, amendments, files, history] = await Promise.all([
        meetings.attendees(db, regionId, id),
        meetings.votes(db, regionId, id),
        meetings.amendments(db, regionId, id),
        attachments.list(db, actor, { ownerKind: 'meeting', ownerId: id }),
        workflow.history(db, id),
      ]);
      const corrected: Record<string, string | null> = {
        topics: row.topics,
        speakersPoints: row.speakers_points,
        decisions: row.decisions,
        openItems: row.open_items,
        hostName: row.host_name,
        recorderName: row.recorder_name,
        place: row.place,
      };
      for (const a of amendments) corrected[a.field] = a.after;
      const review = row.review_marks ? scoreReview(row.type as MeetingType, row.review_marks as Record<string, ReviewMark>) : null;
      const window = row.state === 'notice' || row.state === 'held' ? signInWindow(isoTime(row.starts_at)) : null;
      return {
        ...presentMeeting(row, actor, clock.today()),
        attendees: attendees.map(presentAttendee),
        votes: votes.map(presentVote),
        attachments: files,
        amendments: amendments.map(presentAmendment),
        corrected,
        reviewItems: review?.items ?? [],
        history,
        signinOpensAt: window?.opensAt ?? null,
        signinClosesAt: window?.closesAt ?? null,
      };
    },

    /** The live sign-in code of the meeting, if any (the secretary shows it). */
    code: (db: Database, id: string) => signin.current(db, MEETING_KIND, id),
  };
  return core;
}
export type MeetingCore = ReturnType<typeof createMeetingCore>;
