import { sql } from 'drizzle-orm';
import { rolePermissions, ROLES, roleScope, type Role } from '@jiceng/contracts';
import { importRoster, rosterFile, rosterRow } from '../../modules/member/member.import.fixtures.ts';
import { login, PASSWORD } from '../harness.ts';
import type { WorldAccount } from '../world.ts';
import { creditCode, expectOk, WORLD_PASSWORD, YEAR, type WorldContext } from './context.ts';

/** Accounts: every role that may not unmask, at each level that makes sense for it, and the seeded ones of those roles. */
export async function worldAccounts(w: WorldContext): Promise<WorldAccount[]> {
  const { server, t, add, person, post } = w;
  const accounts: WorldAccount[] = [];
  const account = async (role: Role, orgId: string, memberId: string | null = null) => {
    const username = `w_${role}_${accounts.length + 1}`;
    const res = await post(t.admin, `account ${username}`, '/api/accounts', {
      username,
      displayName: username,
      role,
      orgId,
      password: PASSWORD,
      ...(memberId ? { memberId } : {}),
    });
    add('account', res.id);
    const c = await login(server, username);
    expectOk(`password ${username}`, await c.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: WORLD_PASSWORD }));
    accounts.push({ username, password: WORLD_PASSWORD, role, orgId, memberId });
    return login(server, username, WORLD_PASSWORD);
  };
  const self = person('self');
  for (const role of ROLES.filter((r) => !rolePermissions[r].includes('personal:unmask'))) {
    if (role === 'member') {
      const me = await account(role, self.orgId, self.memberId);
      add(
        'memberReport',
        (
          await post(me, 'own report-in', '/api/report-ins/members', {
            memberId: self.memberId,
            communityId: t.communityA1,
            reportDate: `${YEAR}-10-01`,
            intentions: '义务家教',
          })
        ).id,
      );
    } else if (roleScope[role] === 'self') {
      const unit = await account(role, t.communityB1);
      if (role === 'resident_unit') {
        add(
          'unitReport',
          (
            await post(unit, 'unit report', '/api/report-ins/units', {
              communityId: t.communityB1,
              unitName: '南京某科技有限公司',
              creditCode: creditCode('91320102MA1N4K7P3'),
              contactName: '周经理',
              phone: '13512340000',
              resources: '会议室一间',
              reportDate: `${YEAR}-09-01`,
            })
          ).id,
        );
      }
    } else {
      for (const orgId of [t.rootId, t.streetA, t.communityA1]) await account(role, orgId);
    }
  }
  // the seeded accounts of those roles too (an unbound 党员 account, the street's 督导员)
  for (const username of ['memberA1a', 'supA']) {
    const row = await server.db.one<{ id: string; role: Role; org_id: string }>(sql`select id, role, org_id from account where username = ${username}`);
    if (row && !rolePermissions[row.role].includes('personal:unmask')) {
      add('account', row.id);
      accounts.push({ username, password: PASSWORD, role: row.role, orgId: row.org_id, memberId: null });
    }
  }

  return accounts;
}

/** A failed import (a number held in another street). */
export async function worldFailedImport(w: WorldContext): Promise<void> {
  const { add, person, secA1a } = w;
  const refused = person('importRefused');
  const job = await importRoster(
    secA1a,
    await rosterFile([rosterRow(refused.idNumber, '甲一社区第一党支部', { appliedDate: '2008-03-01', joinedDate: '2009-07-01' })]),
  );
  add('importJob', job.id);
}
