import type {
  AttachmentAdded,
  MeetingAmendmentInput,
  MeetingAttendanceInput,
  MeetingDetail,
  MeetingRecordInput,
  MeetingSigninAnswer,
  MeetingSigninCode,
  MeetingSigninInput,
  MeetingVoteInput,
  MyMeeting,
} from '@jiceng/contracts';
import { meetingFieldLabel } from '@jiceng/contracts';
import {
  countAttendance,
  MEETING_WORKFLOW,
  meetingTypeLabel,
  tallyMotion,
  VOTE_RULES,
  type MeetingState,
  type MeetingType,
  type VoteKind,
} from '@jiceng/rules';
import type { AttachmentFile } from '../../platform/attachments/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { AppError, assertVersion, conflict, forbidden, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { qrSvg, SIGNIN_H5_PATH } from '../../platform/signin/index.ts';
import { ATTENDANCE_STATES, lockedRecord, MEETING_KIND, VOTE_STATES, type MeetingCore, type MeetingDeps } from './meeting.core.ts';
import type { MeetingRow } from './meeting.repository.ts';
import { createSigninThrottle } from './meeting.throttle.ts';

const RECORD_STATES = ['recorded', 'returned'] as const;
const EDITABLE_FILES = ['plan', 'notice', 'held', 'recorded', 'returned'] as const;
const SIGNIN_STATES = ['notice', 'held'] as const;
const clean = (s: string | null | undefined) => s?.trim() || null;
const within = (states: readonly string[], row: MeetingRow) => {
  if (!states.includes(row.state)) throw lockedRecord(row.state);
};

/** The record itself: minutes, attendance, votes, files, corrections after approval, and the members' sign-in. */
export function createMeetingRecord(deps: MeetingDeps, core: MeetingCore) {
  const { db, regionId, audit, clock, meetings, attachments, signin } = deps;
  const throttle = createSigninThrottle(clock);

  /** A change of one of the meeting's parts, in one transaction: the meeting in scope and in `states`, then the version bumped. */
  const part = <T>(actor: Actor, id: string, states: readonly string[], run: (tx: Database, row: MeetingRow) => Promise<T>) =>
    db.transaction(async (tx) => {
      const row = await core.load(tx, actor, id);
      within(states, row);
      const out = await run(tx, row);
      await meetings.touch(tx, regionId, id);
      return out;
    });

  return {
    /**
     * 填写会议记录: held → recorded through the workflow; a record already written (or sent back) is
     * saved again at its version. Under review or approved it is refused (approved: amendments only).
     */
    async record(actor: Actor, id: string, input: MeetingRecordInput, expected: number | null): Promise<MeetingDetail> {
      return db.transaction(async (tx) => {
        const row = await core.load(tx, actor, id);
        if (row.state !== 'held' && !(RECORD_STATES as readonly string[]).includes(row.state)) {
          if (row.state === 'plan' || row.state === 'notice') throw conflict('会议尚未召开，请先确认召开再填写会议记录', { state: row.state });
          throw lockedRecord(row.state);
        }
        assertVersion(row.version, expected, '该会议');
        const w = {
          hostName: input.hostName.trim(),
          recorderName: input.recorderName.trim(),
          topics: input.topics?.trim() ?? row.topics,
          speakersPoints: input.speakersPoints.trim(),
          decisions: clean(input.decisions),
          openItems: clean(input.openItems),
        };
        if (row.state === 'held') {
          await core.step(tx, actor, row, 'record', {
            version: expected,
            fields: {
              host_name: w.hostName,
              recorder_name: w.recorderName,
              topics: w.topics,
              speakers_points: w.speakersPoints,
              decisions: w.decisions,
              open_items: w.openItems,
            },
            // whoever has not signed in nor been excused is 缺席 when the record is written
            after: async (t) => {
              for (const a of await meetings.attendees(t, regionId, id))
                if (a.role === 'expected' && a.attendance === null)
                  await meetings.setAttendance(t, regionId, id, a.id, { attendance: 'absent', reason: null, signedAt: null, method: null });
            },
          });
        } else {
          if (!(await meetings.updateRecord(tx, regionId, id, expected, RECORD_STATES, w))) throw staleVersion('该会议');
          await audit.record(tx, actor, {
            action: 'meeting.record_update',
            entity: MEETING_KIND,
            entityId: id,
            entityName: row.title,
            orgPath: row.org_path,
            before: {
              hostName: row.host_name,
              recorderName: row.recorder_name,
              topics: row.topics,
              speakersPoints: row.speakers_points,
              decisions: row.decisions,
              openItems: row.open_items,
            },
            after: w,
          });
        }
        return core.detail(tx, actor, id);
      });
    },

    /** The secretary's 补签 (present, also after the window) or an absence with its reason. */
    async attendance(actor: Actor, id: string, input: MeetingAttendanceInput): Promise<MeetingDetail> {
      return part(actor, id, ATTENDANCE_STATES, async (tx, row) => {
        const a = (await meetings.attendees(tx, regionId, id)).find((x) => x.id === input.attendeeId);
        if (!a) throw notFound('参会人员');
        if (a.role !== 'expected') throw invalid('列席人员不计入应到，不登记出席情况');
        const reason = clean(input.reason);
        if (input.attendance === 'leave' && !reason) throw invalid('请假须填写原因', { fields: [{ field: 'reason', message: '请填写请假原因' }] });
        let signedAt: string | null = null;
        let method: string | null = null;
        if (input.attendance === 'present') {
          if (a.attendance === 'present') return core.detail(tx, actor, id);
          if (a.member_id) {
            const r = await signin.recordBySecretary(tx, actor, { kind: MEETING_KIND, recordId: id, memberId: a.member_id, orgPath: row.org_path });
            signedAt = r.at;
            method = r.method;
          } else {
            signedAt = clock.now().toISOString();
            method = 'secretary';
          }
        }
        await meetings.setAttendance(tx, regionId, id, a.id, {
          attendance: input.attendance,
          reason: input.attendance === 'present' ? null : reason,
          signedAt,
          method,
        });
        await audit.record(tx, actor, {
          action: 'meeting.attendance',
          entity: MEETING_KIND,
          entityId: id,
          entityName: row.title,
          orgPath: row.org_path,
          before: { attendee: a.name, attendance: a.attendance, reason: a.reason },
          after: { attendee: a.name, attendance: input.attendance, reason },
        });
        return core.detail(tx, actor, id);
      });
    },

    /** A vote: the attendance counted by the rule set, quorum and passing by the vote kind's rule. */
    async addVote(actor: Actor, id: string, input: MeetingVoteInput): Promise<MeetingDetail> {
      return part(actor, id, VOTE_STATES, async (tx, row) => {
        const kind = input.kind as VoteKind;
        if ((row.type === 'committee_meeting') !== (kind === 'committee'))
          throw invalid(row.type === 'committee_meeting' ? '支委会的表决请选择「支委会决定」' : '「支委会决定」只用于支委会的表决');
        const attendees = (await meetings.attendees(tx, regionId, id)).filter((a) => a.role === 'expected');
        const count = countAttendance(
          attendees.map((a) => ({
            status: (a.member_status ?? 'full') as 'full',
            disciplineUntil: a.discipline_until,
            attendance: a.attendance ?? 'absent',
          })),
          row.meeting_date,
        );
        const rule = VOTE_RULES[kind];
        const t = tallyMotion(count, { yes: input.yes, no: input.no, abstain: input.abstain, ...(input.written ? { written: input.written } : {}) }, rule);
        if (!t.ok) throw invalid(t.reason);
        const v = {
          id: newId(),
          motion: input.motion.trim(),
          kind,
          method: input.method,
          yes: input.yes,
          no: input.no,
          abstain: input.abstain,
          written_yes: input.written?.yes ?? 0,
          written_no: input.written?.no ?? 0,
          written_abstain: input.written?.abstain ?? 0,
          entitled: count.entitled,
          entitled_present: count.entitledPresent,
          quorum_met: t.result.quorum.met,
          passed: t.result.passed,
          explanation: t.result.explanation,
        };
        await meetings.insertVote(tx, regionId, id, v, actor.displayName);
        await audit.record(tx, actor, {
          action: 'meeting.vote_add',
          entity: MEETING_KIND,
          entityId: id,
          entityName: row.title,
          orgPath: row.org_path,
          after: { ...v, rule: rule.id },
        });
        return core.detail(tx, actor, id);
      });
    },

    async removeVote(actor: Actor, id: string, voteId: string): Promise<MeetingDetail> {
      return part(actor, id, VOTE_STATES, async (tx, row) => {
        const gone = await meetings.deleteVote(tx, regionId, id, voteId);
        if (!gone) throw notFound('表决记录');
        await audit.record(tx, actor, {
          action: 'meeting.vote_remove',
          entity: MEETING_KIND,
          entityId: id,
          entityName: row.title,
          orgPath: row.org_path,
          before: { ...gone },
        });
        return core.detail(tx, actor, id);
      });
    },

    /**
     * 更正 of an approved (or archived) record: the record stays as approved; the correction is a new
     * row naming the field, its value before (the latest correction's, if any) and after, who and why.
     */
    async amend(actor: Actor, id: string, input: MeetingAmendmentInput): Promise<MeetingDetail> {
      return db.transaction(async (tx) => {
        const row = await core.load(tx, actor, id);
        if (row.state !== 'reviewed' && row.state !== 'archived')
          throw conflict(`会议记录当前为「${MEETING_WORKFLOW.stateLabel[row.state as MeetingState]}」，尚未审核通过，不需要更正，请直接修改记录`, {
            state: row.state,
          });
        const current = (await core.detail(tx, actor, id)).corrected[input.field] ?? null;
        const after = input.after.trim();
        if (after === (current ?? '')) throw invalid(`更正后的${meetingFieldLabel[input.field]}与现有内容相同`);
        if (!after && (input.field === 'topics' || input.field === 'speakersPoints' || input.field === 'hostName' || input.field === 'recorderName'))
          throw invalid(`${meetingFieldLabel[input.field]}不能更正为空`);
        const a = { id: newId(), field: input.field, before: current, after, reason: input.reason.trim(), actorId: actor.id, actorName: actor.displayName };
        await meetings.insertAmendment(tx, regionId, id, a);
        await audit.record(tx, actor, {
          action: 'meeting.amend',
          entity: MEETING_KIND,
          entityId: id,
          entityName: row.title,
          orgPath: row.org_path,
          before: { [input.field]: current },
          after: { [input.field]: after, reason: a.reason, amendmentId: a.id },
        });
        return core.detail(tx, actor, id);
      });
    },

    /** A photo or document of the meeting, while the record may still change. */
    addFile: (actor: Actor, id: string, file: { fileName: string; data: Buffer }): Promise<AttachmentAdded> =>
      part(actor, id, EDITABLE_FILES, (tx, row) =>
        attachments.add(tx, actor, { ownerKind: 'meeting', ownerId: id, orgId: row.org_id, fileName: file.fileName, bytes: file.data }),
      ),

    async readFile(actor: Actor, id: string, fileId: string): Promise<AttachmentFile> {
      await core.load(db, actor, id);
      return attachments.read(db, actor, fileId, { owner: { ownerKind: 'meeting', ownerId: id } });
    },

    removeFile: (actor: Actor, id: string, fileId: string): Promise<MeetingDetail> =>
      part(actor, id, EDITABLE_FILES, async (tx) => {
        await attachments.remove(tx, actor, fileId, { owner: { ownerKind: 'meeting', ownerId: id } });
        return core.detail(tx, actor, id);
      }),

    /** The sign-in code and its QR, for the secretary to show at the meeting. */
    async signinCode(actor: Actor, id: string): Promise<MeetingSigninCode> {
      const row = await core.load(db, actor, id);
      const code = (SIGNIN_STATES as readonly string[]).includes(row.state) ? await core.code(db, id) : null;
      if (!code) throw notFound('签到码（发布会议通知后生成，会议召开后停用）');
      const path = `${SIGNIN_H5_PATH}${encodeURIComponent(code.token)}`;
      return { code: code.code, token: code.token, path, qrSvg: await qrSvg(path), opensAt: code.opensAt, closesAt: code.closesAt };
    },

    /** A 党员's own meetings once noticed (H5 我的会议). */
    async mine(actor: Actor): Promise<MyMeeting[]> {
      if (!actor.memberId) return [];
      return (await meetings.mine(db, regionId, actor.memberId)).map((r) => ({
        id: r.id,
        orgName: r.org_name,
        type: r.type,
        typeLabel: meetingTypeLabel[r.type as MeetingType] ?? r.type,
        title: r.title,
        topics: r.topics,
        date: r.meeting_date,
        startTime: r.start_time,
        endTime: r.end_time,
        place: r.place,
        online: r.online,
        state: r.state,
        stateLabel: MEETING_WORKFLOW.stateLabel[r.state as MeetingState] ?? r.state,
        attendance: r.my_attendance,
        signedAt: r.my_signed_at ? isoTime(r.my_signed_at) : null,
      }));
    },

    /**
     * H5 签到 by a 党员 with the typed code or the QR token: inside the window, to a meeting noticed or
     * held, only by someone expected at it. Failed attempts are throttled per account.
     */
    async signIn(actor: Actor, input: MeetingSigninInput): Promise<MeetingSigninAnswer> {
      if (!!input.code === !!input.token) throw invalid('请输入签到码，或扫描会场的签到二维码');
      const attempt = throttle.reserve(actor.id);
      const target = await signin.verify(db, input.token ? { token: input.token } : { code: input.code! }, clock.now());
      if (target.kind !== MEETING_KIND) throw invalid('签到码无效，请核对后重新输入，或重新扫描现场的二维码');
      const answer = await db.transaction(async (tx) => {
        const row = await meetings.byId(tx, regionId, target.recordId);
        if (!row) throw invalid('签到码无效，请核对后重新输入，或重新扫描现场的二维码');
        if (!(SIGNIN_STATES as readonly string[]).includes(row.state))
          throw new AppError('RULE_VIOLATION', `会议当前为「${MEETING_WORKFLOW.stateLabel[row.state as MeetingState]}」，不能签到`);
        const me = actor.memberId
          ? (await meetings.attendees(tx, regionId, row.id)).find((a) => a.role === 'expected' && a.member_id === actor.memberId)
          : undefined;
        if (!me) throw forbidden('您不在本次会议的应到人员名单中，不能签到；如需参会请联系支部书记');
        const r = await signin.record(tx, { kind: MEETING_KIND, recordId: row.id, memberId: me.member_id!, method: target.method });
        if (r.status === 'signed' && me.attendance !== 'present') {
          await meetings.signedIn(tx, regionId, row.id, me.member_id!, r.at, target.method);
          await meetings.touch(tx, regionId, row.id);
        }
        return { ...r, meetingId: row.id, meetingTitle: row.title };
      });
      throttle.succeeded(actor.id, attempt);
      return answer;
    },
  };
}
export type MeetingRecord = ReturnType<typeof createMeetingRecord>;
