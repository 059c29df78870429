import { sql } from 'drizzle-orm';
import { creditCodeCheckChar, type Member, type UnitReportIn } from '@jiceng/contracts';
import { newId } from '../../platform/ids.ts';
import { buildMember, login, loginChanged, PASSWORD, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

/** Test fixtures of the joint meetings and 双报告 tests: units with accounts, a reported-in member, 三张清单's records of a year. */

const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17)!;
let seq = 0;

/** A 驻区单位 account bound to `communityId` that files its own unit's 双报到 there. */
export async function unitWithAccount(server: TestServer, username: string, communityId: string, unitName: string): Promise<{ c: Client; unit: UnitReportIn }> {
  await server.modules.account.bootstrap({
    username,
    displayName: unitName,
    role: 'resident_unit',
    orgId: communityId,
    password: PASSWORD,
    mustChangePassword: false,
  });
  const c = await login(server, username);
  seq += 1;
  const res = await c.post<UnitReportIn>('/api/report-ins/units', {
    communityId,
    unitName,
    creditCode: creditCode(`91320102MA1N${String(4000 + seq).padStart(4, '0')}P`),
    contactName: '周经理',
    phone: '13512340000',
    reportDate: '2025-02-01',
  });
  if (res.status !== 201) throw new Error(`unit report ${unitName}: ${res.status} ${JSON.stringify(res.body)}`);
  return { c, unit: res.body };
}

/** A unit reported by the community itself (no account of its own). */
export async function unitByCommunity(community: Client, communityId: string, unitName: string): Promise<UnitReportIn> {
  seq += 1;
  const res = await community.post<UnitReportIn>('/api/report-ins/units', {
    communityId,
    unitName,
    creditCode: creditCode(`12320102MB00${String(5000 + seq).padStart(4, '0')}X`.slice(0, 17)),
    contactName: '刘老师',
    phone: '13512340001',
    reportDate: '2025-02-01',
  });
  if (res.status !== 201) throw new Error(`unit report ${unitName}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An in-service member of 支部A1a with a 党员 account, reported in to `communityId`. */
export async function memberWithAccount(
  server: TestServer,
  t: SeededTree,
  sec: Client,
  username: string,
  communityId: string,
): Promise<{ c: Client; member: Member }> {
  const m = await sec.post<Member>('/api/members', buildMember(t.branchA1a, { name: '宋志远', phone: '13911112222' }));
  if (m.status !== 201) throw new Error(`member: ${JSON.stringify(m.body)}`);
  const a = await t.admin.post('/api/accounts', {
    username,
    displayName: '宋志远',
    role: 'member',
    orgId: t.branchA1a,
    password: PASSWORD,
    memberId: m.body.id,
  });
  if (a.status !== 201) throw new Error(`member account: ${JSON.stringify(a.body)}`);
  const r = await sec.post('/api/report-ins/members', { memberId: m.body.id, communityId, reportDate: '2025-03-01', intentions: '法律咨询' });
  if (r.status !== 201) throw new Error(`member report: ${JSON.stringify(r.body)}`);
  return { c: await loginChanged(server, username), member: m.body };
}

/**
 * 三张清单's records of `year` in a community, written as the regional module stores them: an open
 * need, an active project and a project completed in the year (money and problems solved, two
 * beneficiaries' verdicts), both with `unitId` agreed, two activities of the unit and one of the
 * member's report.
 */
export async function regionalRecords(server: TestServer, o: { communityId: string; unitId: string; memberReportId?: string; year: number }) {
  const { db, regionId: r } = server;
  const path = (await db.one<{ path: string }>(sql`select path::text as path from org where region_id = ${r} and id = ${o.communityId}`))!.path;
  const need = async (title: string, state: string) => {
    const id = newId();
    await db.run(sql`insert into rg_need (region_id, id, org_id, org_path, community_id, category_code, title, description, beneficiaries, urgency, source, state, recorded_on)
      values (${r}, ${id}, ${o.communityId}, ${path}::ltree, ${o.communityId}, 'elderly', ${title}, '描述', '辖区老人', 'soon', 'visit', ${state}, ${`${o.year}-01-10`}::date)`);
    return id;
  };
  const project = async (needId: string, title: string, state: 'active' | 'completed', over: { funds?: number; problems?: number } = {}) => {
    const id = newId();
    const done = state === 'completed';
    await db.run(sql`insert into rg_project (region_id, id, need_id, org_id, org_path, title, plan, start_date, end_date, state, funds_fen, problems_solved, completed_on)
      values (${r}, ${id}, ${needId}, ${o.communityId}, ${path}::ltree, ${title}, '方案', ${`${o.year}-02-01`}::date, ${`${o.year}-12-31`}::date, ${state},
        ${over.funds ?? null}, ${over.problems ?? null}, ${done ? `${o.year}-10-01` : null}::date)`);
    await db.run(sql`insert into rg_project_part (region_id, project_id, unit_id, owner_name, consent) values (${r}, ${id}, ${o.unitId}, '单位', 'agreed')`);
    if (o.memberReportId)
      await db.run(
        sql`insert into rg_project_part (region_id, project_id, member_report_id, owner_name, consent) values (${r}, ${id}, ${o.memberReportId}, '党员', 'agreed')`,
      );
    return id;
  };
  const activity = async (projectId: string, heldOn: string, unitId: string | null, participants: number, hours: number, beneficiaries: number) =>
    db.run(sql`insert into rg_activity (region_id, id, project_id, org_path, held_on, title, participants, hours, beneficiaries, unit_id)
      values (${r}, ${newId()}, ${projectId}, ${path}::ltree, ${heldOn}::date, '活动', ${participants}, ${hours}, ${beneficiaries}, ${unitId})`);
  const openNeed = await need('独居老人助餐', 'open');
  const active = await project(await need('楼道照明', 'in_progress'), '楼道照明改造', 'active');
  const completed = await project(await need('健康讲座', 'completed'), '健康进社区', 'completed', { funds: 1_250_000, problems: 3 });
  await activity(completed, `${o.year}-05-01`, o.unitId, 10, 20.5, 30);
  await activity(active, `${o.year}-06-01`, o.unitId, 5, 10, 12);
  await activity(active, `${o.year - 1}-12-01`, o.unitId, 99, 99, 99);
  await activity(active, `${o.year}-07-01`, null, 3, 6, 8);
  for (const verdict of ['satisfied', 'fair'])
    await db.run(sql`insert into rg_feedback (region_id, id, project_id, verdict) values (${r}, ${newId()}, ${completed}, ${verdict})`);
  return { openNeed, active, completed };
}
