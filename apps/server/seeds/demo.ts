import type { Server } from '../src/server.ts';
import { hashPassword } from '../src/modules/account/index.ts';
import { memberRepository } from '../src/modules/member/member.repository.ts';
import { checkMember, toMemberWrite } from '../src/modules/member/member.validation.ts';
import { newId } from '../src/platform/ids.ts';
import { planMembers } from './demo-members.ts';
import { staffOrg, type DemoContext } from './demo-committee.ts';
import { DEMO_ACCOUNTS, DEMO_ORG, DEMO_PASSWORD } from './demo-accounts.ts';
import { planDistrict } from './demo-district.ts';
import { planActivity } from './demo-activity.ts';
import { analyzeAfterBulkLoad } from '../src/platform/db/maintenance.ts';
import { applyActivity } from './demo-activity-apply.ts';
import { applyTraining } from './demo-training.ts';
import { applyMeetings } from './demo-meetings.ts';
import { applyComplianceRules } from './demo-compliance.ts';
import { applyWishes } from './demo-wishes.ts';
import { applyServiceRequests } from './demo-service.ts';
import { applyDues } from './demo-dues.ts';
import { applyDevelopment } from './demo-development.ts';
import { applyDirectives } from './demo-directive.ts';
import { applyKeyTasks } from './demo-keytask.ts';
import { applyRegional } from './demo-regional.ts';
import { applyCobuild } from './demo-cobuild.ts';
import { applyRegionMeet } from './demo-regionmeet.ts';
import { applyVenues } from './demo-venue.ts';
import { planSectors } from './demo-sectors.ts';
import { OrgPlan } from './org-plan.ts';
import { createRandom } from './random.ts';
import { seedRepository } from './seed.repository.ts';

/** Seeds of the two random streams: change them and every e2e test that names an organization breaks. */
const STRUCTURE_SEED = 20_260_101;
const PEOPLE_SEED = 7_100_001;
const MEMBER_SEED = 3_300_017;
/** The modules' records (transfers, floating, appraisals, hardship, 双报到): its own stream, so they never shift the members. */
const ACTIVITY_SEED = 5_200_023;
/** 党员教育培训 records: a stream of their own too. */
const TRAINING_SEED = 9_100_031;
/** 微心愿: a stream of its own. */
const WISH_SEED = 4_400_041;
/** 群众诉求: a stream of their own. */
const SERVICE_SEED = 6_400_037;
/** 党费 (bases, the ledger's payments): a stream of its own. */
const DUES_SEED = 8_800_043;

/**
 * The demo district as a plan: names and structure are the same on every run; term dates are
 * relative to `today`, so the 换届预警 page always has entries.
 */
export function planDemo(today: string): OrgPlan {
  const plan = new OrgPlan(today);
  const ctx: DemoContext = { plan, rng: createRandom(STRUCTURE_SEED), people: createRandom(PEOPLE_SEED) };
  const root = plan.root({ name: DEMO_ORG.root, shortName: '演示区委', type: 'committee', domain: 'agency' });
  staffOrg(ctx, root, { bucket: 'ok' });
  planDistrict(ctx, root);
  planSectors(ctx, root);
  return plan;
}

/**
 * First start with the demo: the demo district (about 1,100 organizations with terms and
 * committees, and 3–12 members in every branch), the demo accounts of DEMO_ACCOUNTS, and the
 * modules at work (demo-activity.ts: transfers, floating and lost members, appraisals, hardship,
 * 双报到), in one transaction, nothing audited.
 */
export async function seedDemo(server: Server): Promise<void> {
  const plan = planDemo(server.clock.today());
  const byName = new Map(plan.orgs.map((o) => [o.name, o.id]));
  // every demo account has the same public password: one hash (argon2id is slow by design) serves all
  const hash = await hashPassword(DEMO_PASSWORD);
  const accounts = DEMO_ACCOUNTS.map((a) => {
    const orgId = byName.get(a.orgName);
    if (!orgId) throw new Error(`demo account ${a.username}: no organization named ${a.orgName}`);
    return { id: newId(), username: a.username, displayName: a.displayName, role: a.role, orgId, passwordHash: hash };
  });
  const today = server.clock.today();
  const dangyuan = DEMO_ACCOUNTS.find((a) => a.role === 'member')!;
  const inputs = planMembers(plan, today, createRandom(MEMBER_SEED), [
    { orgName: dangyuan.orgName, name: dangyuan.displayName, female: true, birthDate: '1988-03-12' },
  ]);
  const members = inputs.map((input) => {
    const { problems, checked } = checkMember(input, today);
    if (!checked) throw new Error(`demo member ${input.name}: ${problems.map((p) => p.message).join('；')}`);
    return { id: newId(), w: toMemberWrite(input, checked, server.crypto) };
  });
  await server.db.transaction(async (tx) => {
    await seedRepository.insertPlan(tx, server.regionId, plan);
    await seedRepository.insertAccounts(tx, server.regionId, accounts);
    for (let i = 0; i < members.length; i += 500) {
      const batch = members.slice(i, i + 500);
      await memberRepository.insertMany(tx, server.regionId, batch);
      await memberRepository.insertEvents(
        tx,
        server.regionId,
        batch.map((m) => ({
          id: newId(),
          memberId: m.id,
          event: 'register',
          status: m.w.status,
          date: m.w.joinedDate,
          reason: '演示数据',
          actorId: null,
          actorName: null,
        })),
      );
    }
    // the 党员 demo account sees its own record (the first planned member)
    await seedRepository.linkAccountMember(tx, server.regionId, dangyuan.username, members[0]!.id);
    const activity = planActivity(plan, inputs, today, createRandom(ACTIVITY_SEED));
    await applyActivity(
      server,
      tx,
      plan,
      activity,
      members.map((m) => m.id),
      accounts,
    );
    await applyTraining(server, tx, plan, createRandom(TRAINING_SEED));
    // after training: its committee seats (members of the branch) are the 支委会's 应到
    await applyMeetings(server, tx, plan, accounts);
    await applyComplianceRules(server, tx, plan, accounts);
    await applyWishes(server, tx, plan, createRandom(WISH_SEED));
    await applyServiceRequests(server, tx, plan, createRandom(SERVICE_SEED));
    // last: the ledger follows the members as the other records left them (transfers out end a member's months)
    await applyDues(server, tx, plan, createRandom(DUES_SEED));
  });
  // 发展党员 through the module's own service, in transactions of its own (every step checked by the rule set)
  await applyDevelopment(server);
  // 下发任务 through the module's own service, each step on the day it happened
  await applyDirectives(server);
  // 重点任务 through the module's own services on a clock that walks the year
  await applyKeyTasks(server);
  // 区域化党建 三张清单 through the module's own services on a clock that walks back seven months
  await applyRegional(server);
  // 结对共建 agreements through the module's own services, each step on the day it happened
  await applyCobuild(server);
  // 联席会议, 双报告 and 双向评价 after 三张清单 (their agenda, figures and ratings read its records)
  await applyRegionMeet(server);
  // 阵地 and their bookings through the module's own service on a clock that walks back eight weeks
  await applyVenues(server);
  // the first reads after the load must not plan on empty statistics (PGlite has no autovacuum,
  // PostgreSQL's comes a while later)
  await analyzeAfterBulkLoad(server.db);
}
