import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ALL_PERMISSIONS, type MeetingDetail, type MeetingPlanInput } from '@jiceng/contracts';
import { createMeetingModule } from '../src/modules/meeting/index.ts';
import type { AuditService } from '../src/platform/audit/audit.service.ts';
import type { Database } from '../src/platform/db/database.ts';
import type { Actor } from '../src/platform/http/actor.ts';
import { createNotificationService } from '../src/platform/todo/notification.service.ts';
import type { Server } from '../src/server.ts';
import type { ActingAccount } from './demo-activity-apply.ts';
import { DEMO_ORG } from './demo-accounts.ts';
import { addDays, type OrgPlan, type PlannedOrg } from './org-plan.ts';

/**
 * 三会一课 of the demo, through the meeting module's services (nothing audited): the demo branch
 * has every type and every state near today — planned, noticed (its members, the demo 党员 among
 * them, get the notice), held, recorded a week and more ago (overdue), submitted (waiting for the
 * 督导员 `dudao`), returned with a reason, reviewed, archived with an amendment, cancelled, and a
 * meeting past its date not held — and a year of approved meetings with a few months missing, so
 * the compliance calendar shows done, due and missing. Some other branches of the demo community
 * hold fewer; the last of them stopped two months ago (a silent branch); 书记讲党课 on some 党课.
 */

export type DemoMeetingState = 'plan' | 'notice' | 'held' | 'recorded' | 'submitted' | 'returned' | 'reviewed' | 'archived' | 'cancelled';

export interface DemoMeeting {
  type: MeetingPlanInput['type'];
  title: string;
  date: string;
  to: DemoMeetingState;
  lecture?: boolean;
  vote?: boolean;
  reason?: string;
  amend?: boolean;
}

const TOPICS: Record<MeetingPlanInput['type'], string> = {
  branch_assembly: '传达学习上级会议精神；讨论支部近期重点工作',
  committee_meeting: '研究发展党员工作；安排下月主题党日活动',
  group_meeting: '学习党章党规；交流学习体会',
  party_lecture: '以学铸魂：深入学习党的创新理论',
  theme_day: '重温入党誓词；开展社区志愿服务',
  org_life: '对照检查，开展批评与自我批评',
  appraisal: '党员自评、互评和民主测评',
  heart_talk: '谈思想、谈工作、谈家庭情况，听取意见建议',
  other: '部署社区环境整治志愿服务',
};
const PASS = { attendance: 'met', topics: 'met', minutes: 'met', votes: 'met', signatures: 'met', attachments: 'partly' } as const;

/** `k` months before `today` on day `day` of that month (never later than yesterday). */
export function monthDay(today: string, k: number, day: number): string {
  const d = new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() - k);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const date = `${d.toISOString().slice(0, 7)}-${String(Math.min(day, last)).padStart(2, '0')}`;
  return k > 0 || date < today ? date : addDays(today, -1);
}

/** The demo branch's meetings: the states near today, and a year of approved ones (months 5 and 8 without a 主题党日, month 7 without a 支委会). */
export function demoBranchMeetings(today: string): DemoMeeting[] {
  const near: DemoMeeting[] = [
    { type: 'branch_assembly', title: '支部党员大会：讨论年度工作总结', date: addDays(today, 10), to: 'plan' },
    { type: 'theme_day', title: '主题党日：走访慰问困难群众', date: addDays(today, 3), to: 'notice' },
    { type: 'party_lecture', title: '党课：学习新修订的纪律处分条例', date: addDays(today, -5), to: 'notice' },
    { type: 'group_meeting', title: '第一党小组会：学习交流', date: addDays(today, -2), to: 'held' },
    { type: 'committee_meeting', title: '支委会：研究发展对象', date: addDays(today, -9), to: 'recorded' },
    { type: 'branch_assembly', title: '支部党员大会：接收预备党员', date: addDays(today, -12), to: 'submitted', vote: true },
    {
      type: 'committee_meeting',
      title: '支委会：研究年度党费收缴',
      date: addDays(today, -20),
      to: 'returned',
      reason: '缺少会议照片和签到表，请补充后重新提交',
    },
    { type: 'party_lecture', title: '党课（已取消）：党史专题', date: addDays(today, 6), to: 'cancelled', reason: '授课人临时参加上级培训，改期举行' },
    { type: 'other', title: '社区环境整治志愿服务动员会', date: addDays(today, -15), to: 'reviewed' },
    { type: 'heart_talk', title: '谈心谈话：书记与党员谈心', date: addDays(today, -25), to: 'reviewed' },
    { type: 'appraisal', title: '年度民主评议党员大会', date: monthDay(today, 2, 20), to: 'reviewed', vote: true },
    { type: 'org_life', title: '年度组织生活会', date: monthDay(today, 1, 22), to: 'archived', amend: true },
  ];
  const year: DemoMeeting[] = [];
  for (let k = 1; k <= 11; k++) {
    const to = k <= 2 ? 'reviewed' : 'archived';
    if (k !== 5 && k !== 8) year.push({ type: 'theme_day', title: `${monthDay(today, k, 1).slice(5, 7)}月主题党日`, date: monthDay(today, k, 8), to });
    if (k !== 7) year.push({ type: 'committee_meeting', title: `${monthDay(today, k, 1).slice(5, 7)}月支委会`, date: monthDay(today, k, 5), to });
    if (k % 3 === 1) {
      year.push({ type: 'branch_assembly', title: `第${4 - Math.floor((k - 1) / 3)}次支部党员大会`, date: monthDay(today, k, 12), to, vote: k === 1 });
      year.push({
        type: 'party_lecture',
        title: k === 4 ? '书记讲党课：践行初心使命' : '专题党课',
        date: monthDay(today, k, 18),
        to,
        lecture: k === 4 || k === 10,
      });
    }
  }
  return [...near, ...year];
}

/** Another branch of the community: a 主题党日 each month and a 党员大会 a quarter; `silentFor` months without any. */
export function otherBranchMeetings(today: string, n: number, silentFor: number): DemoMeeting[] {
  const out: DemoMeeting[] = [];
  for (let k = Math.max(1, silentFor); k <= 5; k++) {
    if ((k + n) % 4 !== 0)
      out.push({ type: 'theme_day', title: `${monthDay(today, k, 1).slice(5, 7)}月主题党日`, date: monthDay(today, k, 10 + n), to: 'archived' });
    if (k % 3 === 1) out.push({ type: 'branch_assembly', title: '支部党员大会', date: monthDay(today, k, 15), to: 'archived' });
    if (k === 2 && n === 0) out.push({ type: 'party_lecture', title: '书记讲党课', date: monthDay(today, k, 20), to: 'archived', lecture: true });
  }
  return out;
}

function actorFor(server: Server, org: PlannedOrg, who: { id: string; name: string }): Actor {
  return {
    id: who.id,
    regionId: server.regionId,
    username: 'seed',
    displayName: who.name,
    role: 'secretary',
    orgId: org.id,
    orgPath: org.path,
    orgName: org.name,
    permissions: ALL_PERMISSIONS,
    scope: 'subtree',
    csrfToken: '',
    mustChangePassword: false,
    memberId: null,
    ip: null,
  };
}

export async function applyMeetings(server: Server, tx: Database, plan: OrgPlan, accounts: ActingAccount[]): Promise<void> {
  const today = server.clock.today();
  const audit: AuditService = { ...server.audit, record: async () => undefined, recordUnmask: async () => undefined };
  const { service, record } = createMeetingModule({
    db: tx,
    regionId: server.regionId,
    audit,
    clock: server.clock,
    // the sign-in code is stored as it is; the key only signs the QR tokens answered here, which the seed drops
    fieldKey: crypto.randomBytes(32).toString('base64'),
    notifications: createNotificationService(tx, server.regionId),
  });
  const byName = (name: string) => plan.orgs.find((o) => o.name === name)!;
  const community = byName(DEMO_ORG.community);
  const branch = byName(DEMO_ORG.branch);
  const street = byName(DEMO_ORG.street);
  const account = (username: string) => accounts.find((a) => a.username === username)!;
  const shuji = account('shuji');
  const dudao = account('dudao');
  const supervisor = actorFor(server, street, { id: dudao.id, name: dudao.displayName });

  const run = async (org: PlannedOrg, secretary: Actor, m: DemoMeeting) => {
    // a 支委会 before the sitting committee's term began has nobody to expect: none was held then
    if (m.type === 'committee_meeting') {
      const seats = await tx.one<{ n: number }>(sql`select count(*)::int as n from org_committee_member where region_id = ${server.regionId}
        and org_id = ${org.id} and start_date <= ${m.date}::date and (end_date is null or end_date >= ${m.date}::date)`);
      if (!seats?.n) return;
    }
    const roll = await tx.rows<{ id: string }>(sql`select id from member where region_id = ${server.regionId} and org_id = ${org.id}
      and status in ('full', 'probationary') and transferred_out_date is null order by joined_date, name, id`);
    const people = m.type === 'heart_talk' ? roll.slice(0, 2) : m.type === 'other' ? roll.slice(0, 6) : [];
    let d: MeetingDetail = await service.plan(secretary, {
      orgId: org.id,
      type: m.type,
      title: m.title,
      topics: TOPICS[m.type],
      date: m.date,
      startTime: m.type === 'theme_day' ? '09:00' : '14:30',
      endTime: m.type === 'theme_day' ? '11:00' : '16:00',
      place: `${org.shortName ?? '社区'}党群服务中心`,
      ...(people.length ? { memberIds: people.map((p) => p.id) } : {}),
      ...(m.type === 'party_lecture' ? { lectureBySecretary: m.lecture ?? false } : {}),
      ...(m.type === 'branch_assembly' ? { guests: ['社区居委会主任'] } : {}),
    });
    if (m.to === 'plan') return;
    if (m.to === 'cancelled') return void (await service.cancel(secretary, d.id, { reason: m.reason!, version: d.version }));
    d = await service.notify(secretary, d.id, d.version);
    if (m.to === 'notice') return;
    d = await service.hold(secretary, d.id, d.version);
    // most came (补签 by the secretary), one asked for leave; whoever is left is 缺席 when the record is written
    const expected = d.attendees.filter((a) => a.role === 'expected');
    const leaveAt = expected.length > 3 ? expected.length - 1 : -1;
    if (m.date < addDays(today, -40)) {
      // older meetings in one statement each (a service call per person made the demo's first start a third slower)
      await tx.run(sql`update meeting_attendee set attendance = case when seq = ${leaveAt + 1} then 'leave' else 'present' end,
          reason = case when seq = ${leaveAt + 1} then '外出务工，已书面请假' end, signed_at = case when seq = ${leaveAt + 1} then null
          else (select starts_at from meeting where region_id = ${server.regionId} and id = ${d.id}) end,
          method = case when seq = ${leaveAt + 1} then null else 'secretary' end
        where region_id = ${server.regionId} and meeting_id = ${d.id} and role = 'expected' and (seq % 7 <> 6 or seq = ${leaveAt + 1})`);
    } else
      for (const [i, a] of expected.entries()) {
        if (i % 7 === 5 && i !== leaveAt) continue;
        const leave = i === leaveAt;
        await record.attendance(secretary, d.id, { attendeeId: a.id, attendance: leave ? 'leave' : 'present', reason: leave ? '外出务工，已书面请假' : null });
      }
    // a change of the meeting's parts moves its version on after the detail it answers was read
    d = await service.get(secretary, d.id);
    if (m.to === 'held') return;
    const host = secretary.displayName.replace(/书记$/, '');
    d = await record.record(
      secretary,
      d.id,
      {
        hostName: host,
        recorderName: '组织委员',
        speakersPoints: `${host}传达了上级有关精神，党员结合自身实际交流了学习体会，大家一致表示要立足岗位、服务群众。`,
        decisions: m.vote ? '会议经表决形成决议，报上级党组织审批。' : '按会议部署抓好落实。',
        openItems: '会后一周内将学习材料发至每名党员。',
      },
      d.version,
    );
    if (m.vote) {
      const entitled = d.attendees.filter((a) => a.role === 'expected' && a.attendance === 'present' && a.memberStatus === 'full').length;
      await record.addVote(secretary, d.id, {
        motion: m.type === 'appraisal' ? '民主评议等次' : '接收发展对象为预备党员',
        kind: m.type === 'appraisal' ? 'resolution' : 'admission',
        method: 'show_of_hands',
        yes: entitled,
        no: 0,
        abstain: 0,
      });
      d = await service.get(secretary, d.id);
    }
    if (m.to === 'recorded') return;
    d = await service.submit(secretary, d.id, d.version);
    if (m.to === 'submitted') return;
    if (m.to === 'returned') return void (await service.returnBack(supervisor, d.id, { reason: m.reason!, version: d.version }));
    d = await service.approve(supervisor, d.id, { marks: PASS, comment: '记录完整，同意通过', version: d.version });
    if (m.to === 'reviewed') return;
    d = await service.archive(secretary, d.id, d.version);
    if (m.amend) await record.amend(secretary, d.id, { field: 'decisions', after: '会后形成整改清单，明确责任人和完成时限。', reason: '记录人漏记整改清单' });
  };

  const secretaryOf = (org: PlannedOrg) =>
    org.id === branch.id
      ? actorFor(server, org, { id: shuji.id, name: `${shuji.displayName}书记` })
      : actorFor(server, org, { id: '00000000-0000-0000-0000-000000000000', name: `${org.shortName ?? '支部'}书记` });
  for (const m of demoBranchMeetings(today)) await run(branch, secretaryOf(branch), m);
  const others = plan.orgs
    .filter((o) => o.id !== branch.id && (o.type === 'branch' || o.type === 'joint_branch') && o.path.startsWith(`${community.path}.`))
    .slice(0, 2);
  // the quiet one was approved years ago: the calendar knows it long enough to call it silent (a fresh demo's rows are new)
  const quiet = others[others.length - 1];
  if (quiet) await tx.run(sql`update org set approval_date = coalesce(approval_date, '2019-06-28') where region_id = ${server.regionId} and id = ${quiet.id}`);
  for (const [n, org] of others.entries())
    for (const m of otherBranchMeetings(today, n, org === quiet ? 3 : 1)) {
      // a branch without members cannot hold any meeting (no 应到): the rest of its list is skipped
      try {
        await tx.transaction(() => run(org, secretaryOf(org), m));
      } catch {
        break;
      }
    }
}
