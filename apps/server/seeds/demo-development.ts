import { sql } from 'drizzle-orm';
import { idNumberCheckChar, type DevStepInput } from '@jiceng/contracts';
import { addDays, addMonths } from '@jiceng/rules';
import type { Actor } from '../src/platform/http/actor.ts';
import type { Server } from '../src/server.ts';
import { actorOf } from './demo-actor.ts';
import { DEMO_ORG } from './demo-accounts.ts';

/**
 * 发展党员 of the demo, recorded through the module's own service (so every step passes the rule
 * set dev-2014 as a user's would), dates relative to today: in 梅花山社区第一党支部 (shuji's branch)
 * an applicant whose talk is overdue, one just talked to, two 积极分子 (an assessment due soon, one
 * overdue), a 发展对象 in training, a 预备党员 and one stopped; in the community's other branches a
 * 支部大会 decision waiting for the 上级审批 past its three months (shequ's to-do), a 预备党员 past
 * the end of 预备期 without the 转正 meeting, a 正式党员 with the archive closed and one extended
 * once; in other communities of 孝陵街道 a few applicants and 积极分子 for the board. Steps of a
 * branch are recorded as its secretary (or the community), the superior's as the community.
 */

const NAMES = [
  '陈思远',
  '林晓彤',
  '黄子涵',
  '周子豪',
  '吴雨桐',
  '徐浩然',
  '孙佳怡',
  '马俊杰',
  '朱可欣',
  '胡嘉树',
  '郭晨曦',
  '何雨萱',
  '高志远',
  '罗梓萌',
  '郑宇航',
  '谢欣然',
];

interface Ctx {
  server: Server;
  today: string;
  seq: number;
}

function idNumber(ctx: Ctx, birth: string): string {
  ctx.seq += 1;
  // a division of its own (320115): never one of the demo members' numbers
  const first17 = `320115${birth.replaceAll('-', '')}${String(ctx.seq * 2 + 1).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** The dated steps of a path that starts on `applied`, in the order the rule set takes them. */
function timeline(applied: string): [string, string][] {
  const activist = addMonths(applied, 3);
  const candidate = addDays(addMonths(activist, 12), 10);
  const meeting = addDays(candidate, 60);
  const end = addMonths(meeting, 12);
  return [
    ['talk', addDays(applied, 20)],
    ['activist', activist],
    ['activist_filing', addDays(activist, 5)],
    ['contacts', addDays(activist, 5)],
    ['assessment', addMonths(activist, 6)],
    ['assessment', addDays(addMonths(activist, 12), 1)],
    ['candidate', candidate],
    ['candidate_filing', addDays(candidate, 5)],
    ['introducers', addDays(candidate, 7)],
    ['political_review', addDays(candidate, 20)],
    ['training', addDays(candidate, 25)],
    ['branch_review', addDays(candidate, 40)],
    ['pre_review', addDays(candidate, 45)],
    ['volunteer_form', addDays(candidate, 50)],
    ['branch_meeting', meeting],
    ['superior_talk', addDays(meeting, 10)],
    ['approval', addDays(meeting, 20)],
    ['approval_filing', addDays(meeting, 25)],
    ['join_branch', addDays(meeting, 25)],
    ['oath', addDays(meeting, 25)],
    ['probation_assessment', addMonths(meeting, 6)],
    ['full_application', addDays(end, -20)],
    ['full_meeting', addDays(end, 5)],
    ['full_approval', addDays(end, 20)],
    ['archive', addDays(end, 25)],
  ];
}

const vote = { entitled: 9, present: 8, yes: 8, no: 0, abstain: 0 };
const committee = { entitled: 5, present: 5, yes: 5, no: 0, abstain: 0 };

function payload(key: string, date: string, people: string[], outcome: 'full' | 'extend'): Omit<DevStepInput, 'key' | 'date'> {
  const publicity = { from: addDays(date, -10), to: addDays(date, -3) };
  switch (key) {
    case 'talk':
      return { talker: { name: '张建华', post: 'secretary' } };
    case 'superior_talk':
      return { talker: { name: '王秀兰', post: 'organization' } };
    case 'activist':
    case 'candidate':
      return { vote: committee };
    case 'contacts':
      return { memberIds: people.slice(0, 1) };
    case 'introducers':
      return { memberIds: people.slice(0, 2) };
    case 'political_review':
      return { reviewResult: 'pass', note: '经函调和本人档案审查，政治历史清楚，现实表现良好，政审合格' };
    case 'training':
      return { training: { days: 3, hours: 24, course: '演示区委党校发展对象培训班' } };
    case 'branch_review':
      return { vote: committee, publicity };
    case 'branch_meeting':
      return { vote };
    case 'full_application':
      return { publicity };
    case 'full_meeting':
      return { vote, outcome, ...(outcome === 'extend' ? { extendMonths: 6 } : {}) };
    case 'approval':
    case 'full_approval':
      return { docNo: `梅社党〔${date.slice(0, 4)}〕${Number(date.slice(5, 7)) + 10}号` };
    case 'assessment':
    case 'probation_assessment':
      return { note: '按期考察，思想汇报及时，表现良好' };
    default:
      return {};
  }
}

interface Story {
  orgId: string;
  applied: string;
  /** Steps taken, in timeline order, until this one (inclusive); null: only the application. */
  until: string | null;
  outcome?: 'full' | 'extend';
  stop?: string;
}

async function walk(ctx: Ctx, branch: Actor, superior: Actor, s: Story, name: string, people: string[]): Promise<void> {
  const dev = ctx.server.modules.development.service;
  const born = addMonths(s.applied, -12 * (22 + (ctx.seq % 12)));
  let a = await dev.create(branch, {
    orgId: s.orgId,
    name,
    idNumber: idNumber(ctx, born),
    ethnicity: '汉族',
    education: ctx.seq % 3 ? 'bachelor' : 'junior_college',
    occupation: ctx.seq % 2 ? 'professional' : 'worker',
    workUnit: '演示区某单位职员',
    appliedOn: s.applied,
  });
  if (s.until) {
    for (const [key, date] of timeline(s.applied)) {
      if (date > ctx.today) break;
      // after an extension the 转正 steps come again six months later
      const rule = dev.rules.steps.find((x) => x.key === key)!;
      a = await dev.recordStep(rule.by === 'superior' ? superior : branch, a.id, {
        key,
        date,
        version: a.version,
        ...payload(key, date, people, s.outcome ?? 'full'),
      });
      if (key === s.until) break;
      if (key === 'full_approval' && s.outcome === 'extend') {
        // extended once: the new 转正 application comes a little before the new end of 预备期
        const d = addDays(a.probationEnd!, -20);
        if (d <= ctx.today)
          a = await dev.recordStep(branch, a.id, { key: 'full_application', date: d, version: a.version, ...payload('full_application', d, people, 'full') });
        break;
      }
    }
  }
  if (s.stop) await dev.stop(branch, a.id, { reason: s.stop, date: addDays(s.applied, 40), version: a.version });
}

/** Runs after the demo's bulk load (the service writes in transactions of its own). */
export async function applyDevelopment(server: Server): Promise<void> {
  const today = server.clock.today();
  const ctx: Ctx = { server, today, seq: 0 };
  const [shuji, shequ, jiedao] = await Promise.all([actorOf(server, 'shuji'), actorOf(server, 'shequ'), actorOf(server, 'jiedao')]);
  const branches = await server.db.rows<{ id: string; name: string; community: string }>(sql`
    select b.id::text as id, b.name, c.name as community from org b join org c on c.region_id = b.region_id and c.id = b.parent_id
    join org s on s.region_id = c.region_id and c.path <@ s.path
    where b.region_id = ${server.regionId} and s.name = ${DEMO_ORG.street} and b.type in ('branch', 'joint_branch') and b.status = 'active'
    order by c.path, b.path`);
  const fullOf = async (orgId: string) =>
    (
      await server.db.rows<{ id: string }>(
        sql`select id::text as id from member where region_id = ${server.regionId} and org_id = ${orgId} and status = 'full' and discipline_until is null order by name limit 2`,
      )
    ).map((m) => m.id);
  const people = new Map<string, string[]>();
  for (const b of branches) people.set(b.id, await fullOf(b.id));
  // 介绍人 are two full members of the branch
  const able = branches.filter((b) => people.get(b.id)!.length === 2);
  const own = branches.find((b) => b.name === DEMO_ORG.branch)!;
  const siblings = able.filter((b) => b.community === DEMO_ORG.community && b.id !== own.id);
  const others = able.filter((b) => b.community !== DEMO_ORG.community).slice(0, 6);
  const m = (months: number, days = 0) => addDays(addMonths(today, -months), -days);
  const stories: [Actor, Actor, Story][] = [
    [shuji, shequ, { orgId: own.id, applied: m(0, 45), until: null }],
    [shuji, shequ, { orgId: own.id, applied: m(0, 30), until: 'talk' }],
    [shuji, shequ, { orgId: own.id, applied: m(8, 20), until: 'contacts' }],
    [shuji, shequ, { orgId: own.id, applied: m(11), until: 'contacts' }],
    [shuji, shequ, { orgId: own.id, applied: m(17), until: 'training' }],
    [shuji, shequ, { orgId: own.id, applied: m(23), until: 'oath' }],
    [shuji, shequ, { orgId: own.id, applied: m(3), until: 'talk', stop: '本人工作调动至外地，转由新单位党组织继续培养' }],
  ];
  // the later stages in the community's other branches (in turn, however many there are)
  const later: Omit<Story, 'orgId'>[] = [
    { applied: m(21, 5), until: 'superior_talk' },
    { applied: m(29, 20), until: 'probation_assessment' },
    { applied: m(36), until: 'archive' },
    { applied: m(32), until: 'archive', outcome: 'extend' },
  ];
  for (const [i, st] of later.entries()) stories.push([shequ, shequ, { ...st, orgId: siblings[i % siblings.length]!.id }]);
  for (const [i, o] of others.entries()) stories.push([jiedao, jiedao, { orgId: o.id, applied: m(2 + i * 2, 3), until: i % 2 ? 'contacts' : 'talk' }]);
  for (const [i, [branch, superior, story]] of stories.entries()) await walk(ctx, branch, superior, story, NAMES[i % NAMES.length]!, people.get(story.orgId)!);
}
