import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { memberRepository } from '../modules/member/member.repository.ts';
import { checkMember, toMemberWrite } from '../modules/member/member.validation.ts';
import { newId } from '../platform/ids.ts';
import { buildMember, client, type Client, type TestServer } from './harness.ts';

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许';
const GIVEN = '建国秀英志强桂兰海涛玉梅文博春燕';

/**
 * `n` 党员 of `branchId`, each with a member record, a 党员 account bound to it and a live session,
 * written straight to the tables in one transaction (n password logins would take minutes: argon2id
 * is slow by design). For the race tests that need many different members acting at once; the
 * accounts reuse the password hash of the seeded `memberA1a`.
 */
export async function manyMemberClients(server: TestServer, n: number, branchId: string): Promise<{ client: Client; memberId: string }[]> {
  const today = server.clock.today();
  const hash = (await server.db.one<{ h: string }>(sql`select password_hash as h from account where username = 'memberA1a'`))!.h;
  const out: { client: Client; memberId: string }[] = [];
  await server.db.transaction(async (tx) => {
    const batch = Array.from({ length: n }, (_, i) => {
      const input = buildMember(branchId, { name: `${SURNAMES[i % 20]}${GIVEN.slice((i % 8) * 2, (i % 8) * 2 + 2)}` });
      const { checked, problems } = checkMember(input, today);
      if (!checked) throw new Error(problems.map((p) => p.message).join('；'));
      return { id: newId(), w: toMemberWrite(input, checked, server.crypto) };
    });
    await memberRepository.insertMany(tx, server.regionId, batch);
    for (const [i, m] of batch.entries()) {
      const accountId = newId();
      const token = crypto.randomBytes(24).toString('base64url');
      const csrfToken = crypto.randomBytes(16).toString('base64url');
      await tx.run(sql`insert into account (region_id, id, username, display_name, role, org_id, password_hash, must_change_password, member_id)
        values (${server.regionId}, ${accountId}, ${`racer_${accountId.slice(-12)}_${i}`}, ${m.w.name}, 'member', ${branchId}, ${hash}, false, ${m.id})`);
      await tx.run(sql`insert into session (region_id, token_hash, account_id, csrf_token, ip, expires_at)
        values (${server.regionId}, ${crypto.createHash('sha256').update(token).digest('base64url')}, ${accountId}, ${csrfToken}, null, now() + interval '1 day')`);
      out.push({ client: client(server, token, { csrfToken }), memberId: m.id });
    }
  });
  return out;
}
