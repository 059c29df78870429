import type { Meeting, MeetingPlanInput, MeetingUpdateInput } from '@jiceng/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** Who the plan names for a type: 谈心谈话 exactly two, 其他 the chosen, every other type none (fixed from the branch at notice). */
export const chosenPeople = (type: string | undefined): 'pair' | 'chosen' | null => (type === 'heart_talk' ? 'pair' : type === 'other' ? 'chosen' : null);

export interface PlanFormValues {
  orgId?: string;
  type?: string;
  title?: string;
  topics?: string;
  date?: Dayjs;
  startTime?: Dayjs;
  endTime?: Dayjs;
  online?: boolean;
  place?: string;
  hostName?: string;
  recorderName?: string;
  memberIds?: string[];
  guests?: string[];
  lectureBySecretary?: boolean;
}

const hm = (d: Dayjs | undefined) => (d ? d.format('HH:mm') : '');
const text = (s: string | undefined) => s?.trim() || null;

/** The form's values as the plan input (计划会议). */
export function toPlanInput(v: PlanFormValues): MeetingPlanInput {
  const people = chosenPeople(v.type);
  return {
    orgId: v.orgId ?? '',
    type: (v.type ?? 'branch_assembly') as MeetingPlanInput['type'],
    title: (v.title ?? '').trim(),
    topics: (v.topics ?? '').trim(),
    date: v.date ? v.date.format('YYYY-MM-DD') : '',
    startTime: hm(v.startTime),
    endTime: hm(v.endTime),
    place: text(v.place),
    online: v.online ?? false,
    hostName: text(v.hostName),
    recorderName: text(v.recorderName),
    ...(people ? { memberIds: v.memberIds ?? [] } : {}),
    guests: (v.guests ?? []).map((g) => g.trim()).filter(Boolean),
    ...(v.type === 'party_lecture' ? { lectureBySecretary: v.lectureBySecretary ?? false } : {}),
  };
}

/**
 * The changed fields of an edited plan (修改会议计划), with the version the form started from. The
 * people are not edited here (the detail does not answer the chosen before the notice fixes them).
 */
export function toUpdateInput(v: PlanFormValues, m: Meeting): MeetingUpdateInput {
  const p = toPlanInput({ ...v, type: m.type });
  const out: MeetingUpdateInput = { version: m.version };
  if (p.title !== m.title) out.title = p.title;
  if (p.topics !== m.topics) out.topics = p.topics;
  if (p.date !== m.date) out.date = p.date;
  if (p.startTime !== m.startTime) out.startTime = p.startTime;
  if (p.endTime !== m.endTime) out.endTime = p.endTime;
  if (p.place !== m.place) out.place = p.place;
  if (p.online !== m.online) out.online = p.online;
  if (p.hostName !== m.hostName) out.hostName = p.hostName;
  if (p.recorderName !== m.recorderName) out.recorderName = p.recorderName;
  if (m.type === 'party_lecture' && p.lectureBySecretary !== m.lectureBySecretary) out.lectureBySecretary = p.lectureBySecretary;
  return out;
}

/** A meeting's plan as the form's initial values. */
export function fromMeeting(m: Meeting): PlanFormValues {
  return {
    orgId: m.orgId,
    type: m.type,
    title: m.title,
    topics: m.topics,
    date: dayjs(m.date),
    startTime: dayjs(`${m.date}T${m.startTime}`),
    endTime: dayjs(`${m.date}T${m.endTime}`),
    online: m.online,
    place: m.place ?? undefined,
    hostName: m.hostName ?? undefined,
    recorderName: m.recorderName ?? undefined,
    lectureBySecretary: m.lectureBySecretary,
  };
}

/** The form's check of the people a type names: the Chinese message, or null. */
export function peopleProblem(type: string | undefined, ids: string[] | undefined): string | null {
  const n = ids?.length ?? 0;
  const people = chosenPeople(type);
  if (people === 'pair' && n !== 2) return '谈心谈话须选择谈话双方两人';
  if (people === 'chosen' && n === 0) return '请选择参会党员';
  return null;
}

/** 迟交: a record still not submitted after its due day. */
export const recordLate = (m: Pick<Meeting, 'state' | 'recordDue'>, today: string) => (m.state === 'held' || m.state === 'recorded') && m.recordDue < today;
