import {
  trainingKindLabel,
  type Attendance,
  type TrainingHours,
  type TrainingKind,
  type TrainingRole,
  type TrainingSession,
  committeePostLabel,
  type CommitteePost,
} from '@jiceng/contracts';
import { isoTime } from '../../platform/db/time.ts';
import type { AttendanceRow, HoursRow, SessionRow } from './training.repository.ts';

export const kindLabel = (k: string): string => trainingKindLabel[k as TrainingKind] ?? k;

export function presentSession(r: SessionRow): TrainingSession {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    hours: r.hours,
    online: r.online,
    place: r.place,
    provider: r.provider,
    attendees: r.attendees,
    absentees: r.absentees,
    imported: r.imported,
    version: r.version,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
  };
}

export function presentAttendance(a: AttendanceRow): Attendance {
  return {
    sessionId: a.session_id,
    memberId: a.member_id,
    memberName: a.member_name,
    orgId: a.org_id,
    orgName: a.org_name,
    status: a.status,
    hours: a.hours,
    recordedBy: a.recorded_by,
    updatedAt: isoTime(a.updated_at),
  };
}

export const roleOf = (h: Pick<HoursRow, 'secretary' | 'cadre_since'>): TrainingRole => (h.secretary ? 'secretary' : h.cadre_since ? 'committee' : 'member');

export function presentHours(h: HoursRow): TrainingHours {
  return {
    memberId: h.member_id,
    name: h.name,
    orgId: h.org_id,
    orgName: h.org_name,
    role: roleOf(h),
    posts: (h.posts ?? []).map((p) => committeePostLabel[p as CommitteePost] ?? p),
    joinedDate: h.joined_date,
    sessions: h.sessions,
    trainingHours: h.training_hours,
    lectureHours: h.lecture_hours,
    totalHours: h.total_hours,
    required: h.required,
    shortfall: h.shortfall,
    met: h.shortfall === 0,
  };
}
