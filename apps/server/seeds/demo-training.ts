import { sql } from 'drizzle-orm';
import { ALL_PERMISSIONS, type AttendanceEntry, type TrainingKind } from '@jiceng/contracts';
import { createOrgModule } from '../src/modules/org/index.ts';
import { createTrainingModule } from '../src/modules/training/index.ts';
import type { AuditService } from '../src/platform/audit/audit.service.ts';
import type { Database } from '../src/platform/db/database.ts';
import type { Actor } from '../src/platform/http/actor.ts';
import type { Server } from '../src/server.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { addDays, type OrgPlan, type PlannedOrg } from './org-plan.ts';
import type { Random } from './random.ts';

/**
 * 党员教育培训 of the demo: this year's and last year's sessions of every kind in the branches of
 * 梅花山社区 and some twenty more, with attendance that leaves some members above the yearly
 * minimum and some short of it (so the hours list, the statistics and, from 1 October, the 待办 have
 * entries). In those branches the current 书记 seat and one other committee seat are given to members
 * of the branch (the generated committee names are nobody on the roll otherwise), so the 56 学时 of
 * 书记 and 班子成员 show too. Applied through the training service, nothing audited.
 */

interface Person {
  id: string;
  name: string;
  org_id: string;
  retired: boolean;
}

const TITLES: Record<TrainingKind, string[]> = {
  rotation: ['党员冬训集中轮训', '学习贯彻党的二十届三中全会精神集中轮训'],
  mobile_class: ['流动课堂进楼栋', '流动党校进社区'],
  delivered: ['送学上门：老党员学习会', '送学送课到家'],
  party_school: ['基层党组织书记培训班', '支部委员履职能力培训班'],
  online: ['网络专题学习：党章党规', '网络专题学习：党史学习教育'],
};

/** Chosen branches: every home branch of the demo community, then a random twenty elsewhere. */
function chooseBranches(plan: OrgPlan, rng: Random): PlannedOrg[] {
  const community = plan.orgs.find((o) => o.name === DEMO_ORG.community)!;
  const homes = plan.orgs.filter((o) => o.type === 'branch' || o.type === 'joint_branch');
  const own = homes.filter((o) => o.path.startsWith(`${community.path}.`));
  const others = rng.shuffle(homes.filter((o) => !own.includes(o))).slice(0, 20);
  return [...own, ...others];
}

function actorOf(server: Server, o: PlannedOrg, name: string): Actor {
  return {
    id: '00000000-0000-0000-0000-000000000000',
    regionId: server.regionId,
    username: 'seed',
    displayName: name,
    role: 'secretary',
    orgId: o.id,
    orgPath: o.path,
    orgName: o.name,
    permissions: ALL_PERMISSIONS,
    scope: 'subtree',
    csrfToken: '',
    mustChangePassword: false,
    memberId: null,
    ip: null,
  };
}

/** A day of `year` before `today` (and not before its 1 January), spread by the stream. */
function dayIn(rng: Random, year: number, today: string): string {
  const start = `${year}-01-01`;
  const last = year < Number(today.slice(0, 4)) ? `${year}-12-20` : addDays(today, -1);
  const span = Math.max(0, Math.round((Date.parse(last) - Date.parse(start)) / 86_400_000));
  return addDays(start, rng.int(0, span));
}

export async function applyTraining(server: Server, tx: Database, plan: OrgPlan, rng: Random): Promise<void> {
  const today = server.clock.today();
  const audit: AuditService = { ...server.audit, record: async () => undefined, recordUnmask: async () => undefined };
  const deps = { db: tx, regionId: server.regionId, audit, clock: server.clock, crypto: server.crypto };
  const training = createTrainingModule({ ...deps, orgs: createOrgModule(deps).service }).service;
  const byId = new Map(plan.orgs.map((o) => [o.id, o]));
  const branches = chooseBranches(plan, rng);
  const people = await tx.rows<Person>(sql`select m.id, m.name, m.org_id, m.occupation = 'retired' as retired from member m
    where m.region_id = ${server.regionId} and m.status in ('full', 'probationary') and m.transferred_out_date is null
      and m.org_id in (${sql.join(
        branches.map((b) => sql`${b.id}::uuid`),
        sql`, `,
      )}) order by m.org_id, m.name, m.birth_date, m.joined_date`);
  const inBranch = (b: PlannedOrg) => people.filter((p) => p.org_id === b.id);
  const cadres = new Set<string>();

  // the current 书记 and one other seat go to members of the branch (the demo account's record excepted)
  for (const b of branches) {
    const roll = inBranch(b).filter((p, i) => !(b.name === DEMO_ORG.branch && i === 0));
    // the demo branch keeps its 书记 (the demo secretary account's person, 张建华)
    const seats = plan.members
      .filter((m) => m.orgId === b.id && m.endDate === null && !(b.name === DEMO_ORG.branch && m.post === 'secretary'))
      .sort((x, y) => (x.post === 'secretary' ? -1 : y.post === 'secretary' ? 1 : 0));
    for (const [k, seat] of seats.slice(0, 2).entries()) {
      const p = roll[k];
      if (!p) break;
      await tx.run(sql`update org_committee_member set person_name = ${p.name} where region_id = ${server.regionId} and id = ${seat.id}`);
      cadres.add(p.id);
    }
  }

  const session = async (org: PlannedOrg, kind: TrainingKind, year: number, hours: number, attendees: Person[], rate: number) => {
    const startDate = dayIn(rng, year, today);
    const endDate = kind === 'rotation' || kind === 'party_school' ? (addDays(startDate, 1) > today ? startDate : addDays(startDate, 1)) : startDate;
    const actor = actorOf(server, org, `${org.shortName ?? org.name}经办人`);
    const s = await training.create(actor, {
      orgId: org.id,
      kind,
      title: `${year}年${rng.pick(TITLES[kind])}`,
      startDate,
      endDate,
      hours,
      place: kind === 'online' ? null : `${org.shortName ?? '社区'}党群服务中心`,
      provider: kind === 'online' ? rng.pick(['共产党员网', '学习强国', '江苏智慧党建']) : kind === 'party_school' ? '中共演示区委党校' : null,
    });
    const records: AttendanceEntry[] = attendees.map((p) => {
      const roll = rng.int(0, 99);
      if (roll >= rate) return { memberId: p.id, status: 'absent' };
      if (roll < 8 && hours > 1) return { memberId: p.id, status: 'partial', hours: Math.floor(hours / 2) };
      return { memberId: p.id, status: 'attended' };
    });
    for (let i = 0; i < records.length; i += 400) await training.record(actor, s.id, { records: records.slice(i, i + 400) });
  };

  const thisYear = Number(today.slice(0, 4));
  for (const year of [thisYear - 1, thisYear]) {
    // 集中轮训 by each community (or the branch's parent) for all its chosen members
    const parents = new Map<string, PlannedOrg>();
    for (const b of branches) parents.set(b.parentId!, byId.get(b.parentId!)!);
    for (const parent of parents.values()) {
      const members = branches.filter((b) => b.parentId === parent.id).flatMap(inBranch);
      if (members.length) await session(parent, 'rotation', year, 16, members, 88);
    }
    // 党校 for 书记 and 班子成员, by the root (区委党校)
    const root = plan.orgs.find((o) => o.parentId === null)!;
    await session(
      root,
      'party_school',
      year,
      24,
      people.filter((p) => cadres.has(p.id)),
      75,
    );
    for (const b of branches) {
      const roll = inBranch(b);
      if (!roll.length) continue;
      await session(b, 'mobile_class', year, 4, roll, 85);
      await session(b, 'online', year, 8, roll, 80);
      if (rng.chance(0.6)) await session(b, 'online', year, 6, roll, 60);
      const elderly = roll.filter((p) => p.retired);
      if (elderly.length) await session(b, 'delivered', year, 4, elderly, 90);
    }
  }
}
