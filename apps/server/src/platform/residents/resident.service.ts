import crypto from 'node:crypto';
import { RESIDENT_LOGIN_RULES_2026, type ResidentLoginRuleSet } from '@jiceng/rules';
import type { ResidentCodeSent, ResidentLoginInput, ResidentMe } from '@jiceng/contracts';
import type { Clock } from '../clock.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import { maskPhone } from '../crypto/mask.ts';
import type { Database } from '../db/database.ts';
import { AppError, invalid } from '../errors.ts';
import { newId } from '../ids.ts';
import type { MessagesService } from '../messages/messages.service.ts';
import { residentRepository as repo } from './resident.repository.ts';

/** A resident logged in on H5 (群众): not an account; their own requests are their whole scope. */
export interface Resident {
  id: string;
  regionId: string;
  /** Masked. */
  phone: string;
  phoneEnc: string;
  name: string | null;
  csrfToken: string;
}

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');
const tooMany = (message: string, retryAfterSeconds: number) => new AppError('TOO_MANY_ATTEMPTS', message, { retryAfterSeconds });

/**
 * Residents' identity (ADR 0021): a phone number and a one-time code. The code is handed to the
 * message sender (MESSAGE_SENDER=log writes it to the log instead of an SMS) and kept only as a
 * keyed hash; it is valid for `codeTtlSeconds`, spent by use or by `maxAttempts` wrong tries (the
 * row is locked while checked, so parallel guesses count one by one). Requests for codes are
 * limited per phone and per client address.
 */
export function createResidentService(deps: {
  db: Database;
  regionId: string;
  clock: Clock;
  crypto: FieldCrypto;
  messages: Pick<MessagesService, 'deliver'>;
  rules?: ResidentLoginRuleSet;
}) {
  const { db, regionId, clock, crypto: fc, messages } = deps;
  const rules = deps.rules ?? RESIDENT_LOGIN_RULES_2026;
  const codeHash = (phoneHash: string, code: string) => fc.lookupHash(`resident-code:${phoneHash}:${code}`);

  return {
    rules,
    async requestCode(phone: string, ip: string | null): Promise<ResidentCodeSent> {
      const phoneHash = fc.lookupHash(phone);
      const now = clock.now();
      const sent = await repo.sentSince(db, regionId, phoneHash, ip, new Date(now.getTime() - 3_600_000));
      if (sent.last) {
        const wait = Math.ceil(rules.resendAfterSeconds - (now.getTime() - new Date(sent.last).getTime()) / 1000);
        if (wait > 0) throw tooMany(`验证码已发送，请${wait}秒后再重新获取`, wait);
      }
      if (sent.phone >= rules.perPhonePerHour) throw tooMany('该号码一小时内获取验证码次数过多，请稍后再试', 3600);
      if (ip && sent.ip >= rules.perIpPerHour) throw tooMany('获取验证码过于频繁，请稍后再试', 3600);
      const code = String(crypto.randomInt(0, 10 ** rules.codeLength)).padStart(rules.codeLength, '0');
      const id = newId();
      await repo.insertCode(db, regionId, {
        id,
        phoneHash,
        ip,
        codeHash: codeHash(phoneHash, code),
        at: now,
        expiresAt: new Date(now.getTime() + rules.codeTtlSeconds * 1000),
      });
      await messages.deliver([
        {
          to: { kind: 'phone', phoneEnc: fc.encrypt(phone) },
          text: `【基层党建】您的登录验证码为 ${code}，${Math.round(rules.codeTtlSeconds / 60)}分钟内有效。如非本人操作请忽略。`,
          meta: { kind: 'resident.login_code', dedupeKey: `resident.login_code:${id}`, recipientName: null, memberId: null, orgId: null },
        },
      ]);
      return { sentTo: maskPhone(phone), expiresInSeconds: rules.codeTtlSeconds, resendAfterSeconds: rules.resendAfterSeconds };
    },

    /** Checks the code and opens a session; answers the session token and the resident. */
    async login(input: ResidentLoginInput): Promise<{ token: string; resident: Resident }> {
      const phoneHash = fc.lookupHash(input.phone);
      const now = clock.now();
      const outcome = await db.transaction(async (tx) => {
        const c = await repo.latestCodeForUpdate(tx, regionId, phoneHash);
        if (!c || c.used_at || new Date(c.expires_at) <= now || c.attempts >= rules.maxAttempts) return { ok: false as const, why: '验证码已失效，请重新获取' };
        if (c.code_hash !== codeHash(phoneHash, input.code)) {
          await repo.countAttempt(tx, regionId, c.id);
          const left = rules.maxAttempts - c.attempts - 1;
          return { ok: false as const, why: left > 0 ? `验证码不正确，还可尝试${left}次` : '验证码错误次数过多，请重新获取' };
        }
        if (!(await repo.useCode(tx, regionId, c.id, now))) return { ok: false as const, why: '验证码已失效，请重新获取' };
        const r = await repo.upsert(tx, regionId, { id: newId(), phoneHash, phoneEnc: fc.encrypt(input.phone), name: input.name?.trim() || null, at: now });
        const token = crypto.randomBytes(32).toString('base64url');
        const csrf = crypto.randomBytes(24).toString('base64url');
        await repo.insertSession(tx, regionId, {
          tokenHash: sha(token),
          residentId: r.id,
          csrf,
          expiresAt: new Date(now.getTime() + rules.sessionDays * 86_400_000),
        });
        return {
          ok: true as const,
          token,
          resident: { id: r.id, regionId, phone: maskPhone(input.phone), phoneEnc: r.phone_enc, name: r.name, csrfToken: csrf },
        };
      });
      if (!outcome.ok) throw invalid(outcome.why);
      return { token: outcome.token, resident: outcome.resident };
    },

    async resolve(token: string): Promise<Resident | null> {
      const row = await repo.session(db, regionId, sha(token), clock.now());
      if (!row) return null;
      return { id: row.id, regionId, phone: maskPhone(fc.decrypt(row.phone_enc)), phoneEnc: row.phone_enc, name: row.name, csrfToken: row.csrf_token };
    },

    logout: (token: string) => repo.deleteSession(db, regionId, sha(token)),
    deleteExpired: () => repo.deleteExpired(db, regionId, clock.now()),
    me: (r: Resident): ResidentMe => ({ id: r.id, phone: r.phone, name: r.name, csrfToken: r.csrfToken }),
  };
}
export type ResidentService = ReturnType<typeof createResidentService>;
