import {
  TRAINING_HOURS_MAX,
  TRAINING_HOURS_STEP,
  TRAINING_ROLES,
  TRAINING_YEAR_MAX,
  TRAINING_YEAR_MIN,
  type AttendanceEntry,
  type AttendanceStatus,
  type TrainingHoursQuery,
  type TrainingKind,
  type TrainingRole,
  type TrainingSession,
  type TrainingSessionInput,
  type TrainingSessionUpdate,
  type TrainingStats,
} from '@jiceng/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** Pure pieces of the 党员教育培训 pages: form values ⇄ API bodies, the hours filter in the URL, figures. */

export interface SessionFormValues {
  orgId?: string;
  kind: TrainingKind;
  title: string;
  startDate: Dayjs;
  endDate: Dayjs;
  hours: number;
  online: boolean;
  place?: string | null;
  provider?: string | null;
}

const text = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** A new session's form, as it opens: today, the account's organization, 集中轮训 of 4 学时. */
export function newSessionValues(orgId: string | undefined, today: Dayjs = dayjs()): SessionFormValues {
  return { orgId, kind: 'rotation', title: '', startDate: today, endDate: today, hours: 4, online: false, place: null, provider: null };
}

/** The form of an existing session. */
export function fromSession(s: TrainingSession): SessionFormValues {
  return {
    kind: s.kind as TrainingKind,
    title: s.title,
    startDate: dayjs(s.startDate),
    endDate: dayjs(s.endDate),
    hours: s.hours,
    online: s.online,
    place: s.place,
    provider: s.provider,
  };
}

/** POST body of 新建培训; 网络培训 is always held online. */
export function toSessionInput(v: SessionFormValues): TrainingSessionInput {
  return {
    ...(v.orgId ? { orgId: v.orgId } : {}),
    kind: v.kind,
    title: v.title.trim(),
    startDate: day(v.startDate),
    endDate: day(v.endDate),
    hours: v.hours,
    online: v.kind === 'online' ? true : v.online,
    place: text(v.place),
    provider: text(v.provider),
  };
}

/** PATCH body of 修改培训: only what changed, with the version the form was opened from. */
export function toSessionUpdate(v: SessionFormValues, s: TrainingSession): TrainingSessionUpdate {
  const next = toSessionInput(v);
  const patch: TrainingSessionUpdate = { version: s.version };
  if (next.kind !== s.kind) patch.kind = next.kind;
  if (next.title !== s.title) patch.title = next.title;
  if (next.startDate !== s.startDate) patch.startDate = next.startDate;
  if (next.endDate !== s.endDate) patch.endDate = next.endDate;
  if (next.hours !== s.hours) patch.hours = next.hours;
  if (next.online !== s.online) patch.online = next.online;
  if ((next.place ?? null) !== s.place) patch.place = next.place ?? null;
  if ((next.provider ?? null) !== s.provider) patch.provider = next.provider ?? null;
  return patch;
}

/** Whether `h` may be recorded: more than 0, at most the maximum, in steps of half a 学时. */
export function isValidHours(h: number | null | undefined): h is number {
  if (typeof h !== 'number' || !Number.isFinite(h) || h < TRAINING_HOURS_STEP || h > TRAINING_HOURS_MAX) return false;
  const steps = h / TRAINING_HOURS_STEP;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/**
 * What is wrong with the 认定学时 of a 部分参加 (fewer than the session's, in half 学时), or null.
 * Other statuses take no hours of their own.
 */
export function partialHoursProblem(status: AttendanceStatus, hours: number | null | undefined, sessionHours: number): string | null {
  if (status !== 'partial') return null;
  if (hours === null || hours === undefined) return '部分参加请填写认定学时';
  if (!isValidHours(hours)) return `认定学时应为 ${TRAINING_HOURS_STEP} 的整数倍`;
  if (hours >= sessionHours) return `部分参加的认定学时应少于本次培训的 ${formatHours(sessionHours)} 学时`;
  return null;
}

/** The sign-in sheet for the members picked: one status for all; hours only for 部分参加. */
export function toAttendanceRecords(memberIds: string[], status: AttendanceStatus, hours?: number | null): AttendanceEntry[] {
  return [...new Set(memberIds)].map((memberId) => (status === 'partial' ? { memberId, status, hours: hours ?? undefined } : { memberId, status }));
}

/** 2 → 「2」, 2.5 → 「2.5」 (hours come in half steps; no trailing zeros). */
export function formatHours(h: number): string {
  return String(Math.round(h * 10) / 10);
}

/** Share of the minimum reached, 0–100 (a minimum of 0, e.g. joined after the year: 100). */
export function percentOf(total: number, required: number): number {
  if (required <= 0) return 100;
  return Math.max(0, Math.min(100, Math.round((total / required) * 100)));
}

/** Years offered by the filters: next year down to five years back. */
export function yearOptions(thisYear: number = dayjs().year()): { value: number; label: string }[] {
  return Array.from({ length: 7 }, (_, i) => thisYear + 1 - i)
    .filter((y) => y >= TRAINING_YEAR_MIN && y <= TRAINING_YEAR_MAX)
    .map((y) => ({ value: y, label: `${y} 年` }));
}

/** The 学时统计 filter, kept in the URL (the training 待办 links to `?orgId=…&year=…&short=true`). */
export interface HoursFilter {
  year: number;
  orgId?: string;
  role?: TrainingRole;
  short: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

const PAGE_SIZES = [10, 20, 50, 100];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filter from the page's search parameters; anything the API would refuse falls back. */
export function hoursFilterFromParams(p: URLSearchParams, thisYear: number = dayjs().year()): HoursFilter {
  const year = Number(p.get('year'));
  const role = p.get('role') as TrainingRole | null;
  const orgId = p.get('orgId');
  const page = Number(p.get('page'));
  const pageSize = Number(p.get('pageSize'));
  return {
    year: Number.isInteger(year) && year >= TRAINING_YEAR_MIN && year <= TRAINING_YEAR_MAX ? year : thisYear,
    orgId: orgId && UUID.test(orgId) ? orgId : undefined,
    role: role && TRAINING_ROLES.includes(role) ? role : undefined,
    short: p.get('short') === 'true',
    q: p.get('q')?.trim().slice(0, 30) || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** The filter as search parameters, defaults left out. */
export function hoursFilterToParams(f: HoursFilter, thisYear: number = dayjs().year()): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.year !== thisYear) out.year = String(f.year);
  if (f.orgId) out.orgId = f.orgId;
  if (f.role) out.role = f.role;
  if (f.short) out.short = 'true';
  if (f.q) out.q = f.q;
  if (f.page !== 1) out.page = String(f.page);
  if (f.pageSize !== 20) out.pageSize = String(f.pageSize);
  return out;
}

/** The API query of the filter. */
export function toHoursQuery(f: HoursFilter): TrainingHoursQuery {
  return { year: f.year, orgId: f.orgId, role: f.role, short: f.short || undefined, q: f.q, page: f.page, pageSize: f.pageSize };
}

/** Rows of the 达标情况 chart and table: members, 书记 and 班子成员, 书记 alone. */
export function metRows(s: Pick<TrainingStats, 'members' | 'cadres' | 'secretaries' | 'memberMinimum' | 'cadreMinimum'>) {
  return [
    { key: 'members', label: '党员', minimum: s.memberMinimum, ...s.members },
    { key: 'cadres', label: '书记和班子成员', minimum: s.cadreMinimum, ...s.cadres },
    { key: 'secretaries', label: '其中：书记', minimum: s.cadreMinimum, ...s.secretaries },
  ].map((r) => ({ ...r, rate: r.total ? Math.round((r.met / r.total) * 1000) / 10 : null }));
}

/** 达标率 as shown: 「87.5%」, or 「—」 with nobody counted. */
export const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);
