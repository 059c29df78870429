import type { RmAgendaCandidates, RmAssembleResult, RmMeetingDetail, RmReport } from '@jiceng/contracts';
import { login, type Client } from '../harness.ts';
import type { WorldAccount } from '../world.ts';
import { expectOk, YEAR, type WorldContext } from './context.ts';

const UNIT_SCORES = { activities: 20, resources: 16, projects: 15, problems: 15, masses: 12 };
const COMMUNITY_SCORES = { coordination: 30, support: 28, response: 25 };

/**
 * 大党委 joint meetings, 双报告 and 双向评价: a held joint meeting of 社区A1 with an agenda from its
 * needs and projects, attendance of its units, decisions (one creating a need, one on a project) and
 * follow-ups (one overdue), and a draft one; this year's reports of every unit and member (one
 * confirmed by its unit); ratings both ways for the units with accounts — so every route of the
 * module answers with data, for the 驻区单位 and 党员 accounts too. After the accounts and report-ins.
 */
export async function worldRegionMeet(w: WorldContext, accounts: readonly WorldAccount[]): Promise<void> {
  const { server, t, add, post, communityA1 } = w;
  const put = async <T>(c: Client, what: string, url: string, body: unknown) => expectOk<T>(what, await c.put<T>(url, body));
  const meeting = await post<RmMeetingDetail>(communityA1, 'joint meeting', '/api/regional/meetings', {
    orgId: t.communityA1,
    title: `${YEAR}年第四季度大党委联席会议`,
    heldOn: `${YEAR}-11-10`,
    place: '社区党群服务中心二楼会议室',
    host: '社区党委书记',
  });
  const at = (s = '') => `/api/regional/meetings/${meeting.id}${s}`;
  const candidates = expectOk('candidates', await communityA1.get<RmAgendaCandidates>(at('/candidates'))).items;
  const project = candidates.find((c) => c.kind === 'project');
  await put(communityA1, 'agenda', at('/agenda'), {
    items: [...candidates.slice(0, 2).map((c) => ({ kind: c.kind, refId: c.id })), { kind: 'free', title: '通报第四季度共建活动安排' }],
  });
  await post(communityA1, 'hold', at('/actions'), { action: 'hold' });
  const held = expectOk('meeting', await communityA1.get<RmMeetingDetail>(at()));
  await put(communityA1, 'attendance', at('/attendance'), {
    rows: held.attendance.map((a, i) => ({ unitId: a.unitId, status: i === 0 ? 'present' : 'leave', attendee: i === 0 ? '钱主任' : null })),
  });
  await post(communityA1, 'decision', at('/decisions'), { kind: 'text', text: '各成员单位于年底前报送明年共建项目建议' });
  await post(communityA1, 'need decision', at('/decisions'), {
    kind: 'need',
    text: '新增老旧小区加装扶手需求',
    need: { categoryCode: 'facilities', title: '老旧小区楼道加装扶手', description: '六层无电梯楼道缺少扶手', beneficiaries: '高龄老人', urgency: 'normal' },
  });
  if (project)
    await post(communityA1, 'project decision', at('/decisions'), { kind: 'project', projectId: project.id, text: '增加送餐频次，由每周三次调整为每日' });
  await post(communityA1, 'followup', at('/followups'), {
    title: '报送明年共建项目建议',
    ownerKind: 'unit',
    ownerUnitId: held.attendance[0]!.unitId,
    dueOn: `${YEAR}-11-15`,
  });
  const last = await post<RmMeetingDetail>(communityA1, 'followup 2', at('/followups'), {
    title: '汇总各单位建议',
    ownerKind: 'community',
    dueOn: `${YEAR}-12-31`,
  });
  await put(communityA1, 'minutes', at('/minutes'), { minutes: '会议通报了本季度区域化党建项目进展，研究了明年共建项目安排。' });
  add('rmMeeting', meeting.id);
  for (const d of last.decisions) add('rmDecision', d.id);
  for (const f of last.followups) add('rmFollowup', f.id);
  add(
    'rmMeeting',
    (await post(communityA1, 'draft meeting', '/api/regional/meetings', { title: '下一次联席会议', heldOn: `${YEAR}-12-20`, place: '社区会议室' })).id,
  );

  // this year's reports of every unit and member of the district, then answers and ratings
  expectOk('assemble', await t.admin.post<RmAssembleResult>('/api/regional/reports/assemble', { year: YEAR }));
  const reports = expectOk('reports', await t.admin.get<{ items: RmReport[] }>(`/api/regional/reports?year=${YEAR}&pageSize=200`)).items;
  for (const r of reports) add('rmReport', r.id);
  for (const a of accounts.filter((x) => x.role === 'resident_unit')) {
    const unit = await login(server, a.username, a.password);
    const own = expectOk('own reports', await unit.get<RmReport[]>(`/api/regional/unit/reports?year=${YEAR}`));
    if (a.orgId === t.communityA1 && own[0]) await post(unit, 'confirm report', `/api/regional/unit/reports/${own[0].id}/respond`, { action: 'confirm' });
    await put(unit, 'rate community', '/api/regional/unit/ratings', { year: YEAR, scores: COMMUNITY_SCORES, comment: '社区沟通及时' });
    const rater = a.orgId === t.communityA1 ? communityA1 : t.admin;
    if (own[0]?.unitId) await put(rater, 'rate unit', `/api/regional/ratings/${own[0].unitId}`, { year: YEAR, scores: UNIT_SCORES });
  }
}
