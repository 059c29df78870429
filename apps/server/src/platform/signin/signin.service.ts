import type { AuditService } from '../audit/audit.service.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { isoTime } from '../db/time.ts';
import { AppError, invalid } from '../errors.ts';
import type { Actor } from '../http/actor.ts';
import { chinaTime, deriveSigninKey, newCode, normalizeCode, readToken, sameCode, signToken, WINDOW_MAX_HOURS, windowState } from './signin-code.ts';
import { signinRepository as repo, type SigninCodeRow, type SigninRow } from './signin.repository.ts';

/**
 * Sign-in codes and attendance (ADR 0015). A module (meetings, volunteer activities) issues a code
 * for one of its records with a time window, shows the code and a QR image of `signinUrl(token)`,
 * and on a sign-in calls `verify` then — after its own check that the person belongs there —
 * `record`, which keeps one row per record and person however many times and ways they sign in.
 */

export type SigninMethod = SigninRow['method'];

/** A code as issued or shown again. */
export interface IssuedCode {
  code: string;
  /** For the QR image's link (`signinUrl`). */
  token: string;
  opensAt: string;
  closesAt: string;
}

/** What a valid code or token names. */
export interface SigninTarget {
  kind: string;
  recordId: string;
  opensAt: string;
  closesAt: string;
  /** How it was presented: a typed code or a scanned QR. */
  method: 'code' | 'qr';
}

/** The answer to a sign-in: the first one, or the one already there (never an error). */
export interface SigninResult {
  status: 'signed' | 'already';
  /** Time of the first sign-in. */
  at: string;
  method: SigninMethod;
  /** 签到成功 / 已签到（首次签到 11-22 09:05）. */
  message: string;
}

export type Attendance = { memberId: string; at: string; method: SigninMethod; recordedBy: string | null };

const refusal = (reason: 'invalid' | 'not_open' | 'closed', row?: SigninCodeRow): AppError => {
  if (reason === 'invalid') return invalid('签到码无效，请核对后重新输入，或重新扫描现场的二维码', { reason });
  const at = chinaTime(new Date(isoTime(reason === 'not_open' ? row!.opens_at : row!.closes_at)));
  return reason === 'not_open'
    ? new AppError('RULE_VIOLATION', `未到签到时间，${at} 开始签到`, { reason })
    : new AppError('RULE_VIOLATION', `签到已结束（${at} 截止），如需补签请联系支部书记`, { reason });
};

/** Whole seconds: the token carries seconds, and the stored window must equal it. */
const toSecond = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);
const CODE_ATTEMPTS = 5;

export function createSigninService(deps: { regionId: string; fieldKey: string; audit: AuditService; clock?: Clock }) {
  const { regionId, audit } = deps;
  const clock = deps.clock ?? systemClock;
  const key = deriveSigninKey(deps.fieldKey);

  const issued = (r: SigninCodeRow): IssuedCode => {
    const opensAt = new Date(isoTime(r.opens_at));
    const closesAt = new Date(isoTime(r.closes_at));
    return {
      code: r.code,
      token: signToken(key, { kind: r.kind, recordId: r.record_id, code: r.code, opensAt, closesAt }),
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    };
  };

  const checkWindow = (row: SigninCodeRow, now: Date): void => {
    const state = windowState(new Date(isoTime(row.opens_at)), new Date(isoTime(row.closes_at)), now);
    if (state !== 'open') throw refusal(state, row);
  };

  /**
   * Records that `memberId` attended, once: a repeated or concurrent sign-in answers `already` with
   * the first time. The caller has verified the code (or is the secretary) and the person's right to sign in.
   */
  async function record(
    tx: Database,
    s: { kind: string; recordId: string; memberId: string; method: SigninMethod; recordedBy?: string | null },
  ): Promise<SigninResult> {
    const { inserted, row } = await repo.insertOnce(tx, regionId, { ...s, at: clock.now(), recordedBy: s.recordedBy ?? null });
    const at = isoTime(row.at);
    return inserted
      ? { status: 'signed', at, method: row.method, message: '签到成功' }
      : { status: 'already', at, method: row.method, message: `已签到（首次签到 ${chinaTime(new Date(at))}），无需重复签到` };
  }

  return {
    /**
     * Issues the record's sign-in code for the window [opensAt, closesAt] (whole seconds, both ends included), replacing
     * an earlier one: its code and QR stop working. `kind` is the record's table (meeting …).
     */
    async issueCode(tx: Database, input: { kind: string; recordId: string; opensAt: Date; closesAt: Date }): Promise<IssuedCode> {
      const opensAt = toSecond(input.opensAt);
      const closesAt = toSecond(input.closesAt);
      if (!(closesAt.getTime() > opensAt.getTime())) throw invalid('签到结束时间应晚于开始时间');
      if (closesAt.getTime() - opensAt.getTime() > WINDOW_MAX_HOURS * 3_600_000) throw invalid(`签到时间段不能超过 ${WINDOW_MAX_HOURS} 小时`);
      for (let attempt = 1; ; attempt++) {
        const code = newCode();
        try {
          // a savepoint, so a code already in use elsewhere does not abort the caller's transaction
          await tx.transaction((t) => repo.upsertCode(t, regionId, { kind: input.kind, recordId: input.recordId, code, opensAt, closesAt }));
          return issued({ kind: input.kind, record_id: input.recordId, code, opens_at: opensAt.toISOString(), closes_at: closesAt.toISOString() });
        } catch (e) {
          if (attempt >= CODE_ATTEMPTS || !isUniqueViolation(e, 'signin_code_code_key')) throw e;
        }
      }
    },

    /** The record's live code (to show it and its QR again), or null. */
    async current(db: Database, kind: string, recordId: string): Promise<IssuedCode | null> {
      const row = await repo.codeOf(db, regionId, kind, recordId);
      return row ? issued(row) : null;
    },

    /** Withdraws the record's code (the meeting was cancelled): the code and its QR answer 签到码无效. */
    async withdraw(tx: Database, kind: string, recordId: string): Promise<void> {
      await repo.deleteCode(tx, regionId, kind, recordId);
    },

    /**
     * The record a typed code or a scanned token names, if its window is open at `now`; otherwise a
     * Chinese refusal: 签到码无效 (400, also for a forged, altered or replaced token), 未到签到时间 or
     * 签到已结束 (409), with `details.reason`. Does not limit guesses: the route throttles per account.
     */
    async verify(db: Database, input: { token: string } | { code: string }, now: Date = clock.now()): Promise<SigninTarget> {
      let row: SigninCodeRow | undefined;
      let method: SigninTarget['method'];
      if ('token' in input) {
        method = 'qr';
        const claims = readToken(key, input.token);
        if (!claims) throw refusal('invalid');
        row = await repo.codeOf(db, regionId, claims.kind, claims.recordId);
        if (!row || !sameCode(row.code, claims.code)) throw refusal('invalid');
      } else {
        method = 'code';
        const code = normalizeCode(input.code);
        if (!code) throw refusal('invalid');
        row = await repo.byCode(db, regionId, code);
        if (!row || !sameCode(row.code, code)) throw refusal('invalid');
      }
      checkWindow(row, now);
      return { kind: row.kind, recordId: row.record_id, opensAt: isoTime(row.opens_at), closesAt: isoTime(row.closes_at), method };
    },

    record,

    /**
     * The secretary records a person's attendance (forgot the phone, 补签 after the window), audited
     * as `signin.secretary` on the record. The module checks the actor may manage the record.
     */
    async recordBySecretary(tx: Database, actor: Actor, s: { kind: string; recordId: string; memberId: string; orgPath: string }): Promise<SigninResult> {
      const result = await record(tx, { kind: s.kind, recordId: s.recordId, memberId: s.memberId, method: 'secretary', recordedBy: actor.id });
      if (result.status === 'signed')
        await audit.record(tx, actor, {
          action: 'signin.secretary',
          entity: s.kind,
          entityId: s.recordId,
          orgPath: s.orgPath,
          after: { memberId: s.memberId, at: result.at },
        });
      return result;
    },

    /** Who signed in to the record, by time. */
    async attendance(db: Database, kind: string, recordId: string): Promise<Attendance[]> {
      return (await repo.attendance(db, regionId, kind, recordId)).map((r) => ({
        memberId: r.member_id,
        at: isoTime(r.at),
        method: r.method,
        recordedBy: r.recorded_by,
      }));
    },
  };
}
export type SigninService = ReturnType<typeof createSigninService>;
