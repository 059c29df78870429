import { memberEventLabel, memberStatusLabel, type LeaveReason, type MemberEvent, type MemberStatus } from '@jiceng/contracts';
import { MEMBER_TRANSITIONS, PROBATION_EXTENSION, PROBATION_MONTHS } from './member-lifecycle.rules.ts';
import { addMonths } from './term.ts';

/** The lifecycle-relevant part of a member record. */
export interface MemberState {
  status: MemberStatus;
  joinedDate: string;
  confirmedDate: string | null;
  probationExtendedMonths: number | null;
  suspendedFromStatus: MemberStatus | null;
  disciplineUntil: string | null;
  leaveReason: LeaveReason | null;
}

export interface MemberEventRequest {
  event: MemberEvent;
  date: string;
  leaveReason?: LeaveReason;
  months?: number;
  until?: string;
}

export type Transition = { ok: true; next: MemberState } | { ok: false; reason: string };

/** End of probation: one year after acceptance, plus any extension. */
export function probationEndDate(joinedDate: string, extendedMonths: number | null): string {
  return addMonths(joinedDate, PROBATION_MONTHS + (extendedMonths ?? 0));
}

/** 党龄 in whole years on `today`, counted from 转正 (the end of the probation year); null before. */
export function partyAge(confirmedDate: string | null, today: string): number | null {
  if (!confirmedDate || confirmedDate > today) return confirmedDate ? 0 : null;
  return wholeYears(confirmedDate, today);
}

/** Whole years from `from` to `to` (birthdays, anniversaries). */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** 表决权: full members only, not suspended, not under 留党察看 on `today`. */
export function canVote(s: Pick<MemberState, 'status' | 'disciplineUntil'>, today: string): boolean {
  return s.status === 'full' && !(s.disciplineUntil && s.disciplineUntil >= today);
}

const refuse = (reason: string): Transition => ({ ok: false, reason });

/**
 * Applies a lifecycle event, or says in Chinese why it is not allowed. Pure: the caller stores the
 * result and the history row.
 */
export function applyMemberEvent(s: MemberState, req: MemberEventRequest, today: string): Transition {
  const rule = MEMBER_TRANSITIONS[req.event];
  const label = memberEventLabel[req.event];
  if (!rule.from.includes(s.status)) {
    return refuse(`${memberStatusLabel[s.status]}${s.status === 'left' ? '' : '状态'}不能办理「${label}」`);
  }
  if (req.date > today) return refuse('决定日期不能晚于今天');
  if (req.date < s.joinedDate) return refuse('决定日期不能早于入党日期');
  const next: MemberState = { ...s };
  switch (req.event) {
    case 'confirm': {
      const end = probationEndDate(s.joinedDate, s.probationExtendedMonths);
      if (req.date < end) return refuse(`预备期至 ${end} 届满，届满后方可转正`);
      next.status = 'full';
      next.confirmedDate = end;
      return { ok: true, next };
    }
    case 'extend_probation': {
      if ((s.probationExtendedMonths ?? 0) > 0) return refuse(`预备期只能延长 ${PROBATION_EXTENSION.maxTimes} 次`);
      const m = req.months;
      if (m === undefined || m < PROBATION_EXTENSION.minMonths || m > PROBATION_EXTENSION.maxMonths) {
        return refuse(`延长预备期应不少于 ${PROBATION_EXTENSION.minMonths} 个月、不超过 ${PROBATION_EXTENSION.maxMonths} 个月`);
      }
      next.probationExtendedMonths = m;
      return { ok: true, next };
    }
    case 'cancel_probation':
      next.status = 'left';
      next.leaveReason = 'probation_cancelled';
      return { ok: true, next };
    case 'suspend':
      next.suspendedFromStatus = s.status;
      next.status = 'suspended';
      return { ok: true, next };
    case 'restore':
      next.status = s.suspendedFromStatus ?? 'full';
      next.suspendedFromStatus = null;
      return { ok: true, next };
    case 'leave':
      if (!req.leaveReason || req.leaveReason === 'probation_cancelled') return refuse('请选择出党方式');
      next.status = 'left';
      next.leaveReason = req.leaveReason;
      next.suspendedFromStatus = null;
      return { ok: true, next };
    case 'discipline_start':
      if (!req.until || req.until <= req.date) return refuse('请填写留党察看期满日期（应晚于决定日期）');
      if (addMonths(req.date, 24) < req.until) return refuse('留党察看最长不超过两年');
      next.disciplineUntil = req.until;
      return { ok: true, next };
    case 'discipline_end':
      if (!s.disciplineUntil) return refuse('该党员不在留党察看期内');
      next.disciplineUntil = null;
      return { ok: true, next };
  }
}
