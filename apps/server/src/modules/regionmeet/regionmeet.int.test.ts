import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RmMeetingDetail, UnitReportIn } from '@jiceng/contracts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { regionalRecords, unitByCommunity, unitWithAccount } from './regionmeet.fixtures.ts';

type Err = { error: { code: string; message: string } };
type Todo = { source: string; title: string; severity: string; link: string };

const MEETING = { title: '第四季度大党委联席会议', heldOn: '2026-11-01', place: '社区党群服务中心', host: '王书记' };
const NEED = { categoryCode: 'facilities', title: '老旧小区加装扶手', description: '六层无电梯楼道缺少扶手', beneficiaries: '高龄老人', urgency: 'normal' };

describe.each(ENGINES)('大党委联席会议 over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let communityA1: Client;
  let streetA: Client;
  let streetB: Client;
  let unitA: { c: Client; unit: UnitReportIn };
  let school: UnitReportIn;
  let rg: Awaited<ReturnType<typeof regionalRecords>>;
  let m: RmMeetingDetail;
  const at = (s = '') => `/api/regional/meetings/${m.id}${s}`;
  const count = async (table: string) => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [communityA1, streetA, streetB] = await Promise.all([login(server, 'communityA1'), login(server, 'streetA'), login(server, 'streetB')]);
    unitA = await unitWithAccount(server, 'unitA', t.communityA1, '演示区人民医院');
    school = await unitByCommunity(communityA1, t.communityA1, '演示区实验小学');
    rg = await regionalRecords(server, { communityId: t.communityA1, unitId: unitA.unit.id, year: 2026 });
    await server.db.run(sql`insert into org_committee_member (region_id, id, org_id, person_name, post, unit_name, start_date)
      values (${server.regionId}, gen_random_uuid(), ${t.communityA1}, '李院长', 'part_time', '演示区人民医院', '2024-01-01')`);
  });
  afterAll(() => server.close());

  it('plans a meeting with an agenda from the community’s open needs and live projects', async () => {
    const res = await communityA1.post<RmMeetingDetail>('/api/regional/meetings', MEETING);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    m = res.body;
    expect(m).toMatchObject({ orgName: '中共甲一社区委员会', state: 'draft', can: { edit: true, agenda: true, decide: false, actions: ['hold', 'cancel'] } });
    const cand = await communityA1.get<{ items: { kind: string; id: string; title: string }[] }>(at('/candidates'));
    expect(cand.body.items.map((c) => [c.kind, c.id])).toEqual([
      ['need', rg.openNeed],
      ['project', rg.active],
    ]);
    const agenda = await communityA1.put<RmMeetingDetail>(at('/agenda'), {
      items: [
        { kind: 'need', refId: rg.openNeed },
        { kind: 'project', refId: rg.active, note: '调整进度' },
        { kind: 'free', title: '通报年度共建安排' },
      ],
    });
    expect(agenda.status, JSON.stringify(agenda.body)).toBe(200);
    expect(agenda.body.agenda.map((a) => [a.seq, a.title, a.refStateLabel])).toEqual([
      [1, '独居老人助餐', '待认领'],
      [2, '楼道照明改造', '实施中'],
      [3, '通报年度共建安排', null],
    ]);
    expect(agenda.body.attendance.map((a) => [a.unitName, a.partTime])).toEqual([
      ['演示区人民医院', ['李院长']],
      ['演示区实验小学', []],
    ]);
  });

  it('refuses bad input in Chinese and changes nothing', async () => {
    const before = await Promise.all(['rm_agenda_item', 'rm_decision', 'rg_need', 'rm_followup', 'rm_attendance'].map(count));
    const foreign = await communityA1.put<Err>(at('/agenda'), { items: [{ kind: 'project', refId: rg.completed }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toBe('第 1 项议题：所选项目不是本社区待确认或实施中的项目');
    const early = await communityA1.post<Err>(at('/decisions'), { kind: 'text', text: '提前记录的决定' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('联席会议当前为「草稿」，不能记录会议决定（请先登记召开）');
    const street = await communityA1.post<Err>('/api/regional/meetings', { ...MEETING, orgId: t.streetA });
    expect(street.status).toBe(404);
    const branch = await communityA1.post<Err>('/api/regional/meetings', { ...MEETING, orgId: t.branchA1a });
    expect(branch.body.error.message).toBe('「甲一社区第一党支部」不是社区（村）党组织，请选择社区（村）党组织');
    expect((await communityA1.post<Err>(at('/actions'), { action: 'archive' })).body.error.message).toBe('联席会议当前为「草稿」，不能办理「归档」');
    expect((await communityA1.post<Err>(at('/actions'), { action: 'cancel' })).body.error.message).toBe('办理「取消会议」须填写原因');
    const future = await communityA1.post<RmMeetingDetail>('/api/regional/meetings', { ...MEETING, heldOn: '2026-12-20' });
    expect((await communityA1.post<Err>(`/api/regional/meetings/${future.body.id}/actions`, { action: 'hold' })).body.error.message).toMatch(
      /^会议日期 2026-12-20 还没到/,
    );
    expect(await Promise.all(['rm_agenda_item', 'rm_decision', 'rg_need', 'rm_followup', 'rm_attendance'].map(count))).toEqual(before);
  });

  it('holds it: attendance by unit, decisions (one creating a need), follow-ups with owners', async () => {
    expect((await communityA1.post(at('/actions'), { action: 'hold' })).status).toBe(200);
    const wrong = await communityA1.put<Err>(at('/attendance'), { rows: [{ unitId: unitA.unit.id, status: 'present' }] });
    expect(wrong.body.error.message).toBe('请填写「演示区人民医院」的出席人员');
    const att = await communityA1.put<RmMeetingDetail>(at('/attendance'), {
      rows: [
        { unitId: unitA.unit.id, status: 'present', attendee: '李院长' },
        { unitId: school.id, status: 'leave', note: '外出培训' },
      ],
    });
    expect(att.body.attendance.map((a) => [a.unitName, a.status, a.attendee])).toEqual([
      ['演示区人民医院', 'present', '李院长'],
      ['演示区实验小学', 'leave', null],
    ]);
    expect(att.body).toMatchObject({ present: 1, recorded: 2 });

    const badNeed = await communityA1.post<Err>(at('/decisions'), { kind: 'need', text: '新增需求', need: { ...NEED, categoryCode: 'nosuch' } });
    expect(badNeed.status).toBe(400);
    expect(badNeed.body.error.message).toMatch(/\p{Script=Han}/u);
    expect(await count('rm_decision')).toBe(0);

    await communityA1.post(at('/decisions'), { kind: 'text', text: '各单位年底前报送明年共建建议' });
    const needed = await communityA1.post<RmMeetingDetail>(at('/decisions'), { kind: 'need', text: '新增加装扶手需求', need: NEED });
    expect(needed.status, JSON.stringify(needed.body)).toBe(200);
    const d = needed.body.decisions.find((x) => x.kind === 'need')!;
    expect(d).toMatchObject({ refTitle: '老旧小区加装扶手', refStateLabel: '待认领' });
    const need = await server.db.one<{ source: string; source_kind: string; source_id: string; community_id: string }>(
      sql`select source, source_kind, source_id, community_id from rg_need where id = ${d.needId}`,
    );
    expect(need).toEqual({ source: 'joint_meeting', source_kind: 'rg_meeting', source_id: m.id, community_id: t.communityA1 });
    const proj = await communityA1.post<RmMeetingDetail>(at('/decisions'), { kind: 'project', projectId: rg.active, text: '增加一家单位参与' });
    expect(proj.body.decisions.map((x) => [x.seq, x.kind, x.refTitle])).toEqual([
      [1, 'text', null],
      [2, 'need', '老旧小区加装扶手'],
      [3, 'project', '楼道照明改造'],
    ]);
    expect((await communityA1.del<Err>(at(`/decisions/${d.id}`))).body.error.message).toMatch(/^该决定已新增需求，不能删除/);

    const early = await communityA1.post<Err>(at('/followups'), { title: '报送建议', ownerKind: 'unit', ownerUnitId: unitA.unit.id, dueOn: '2026-10-01' });
    expect(early.body.error.message).toBe('完成时限不能早于会议日期 2026-11-01');
    await communityA1.post(at('/followups'), { title: '报送明年共建建议', ownerKind: 'unit', ownerUnitId: unitA.unit.id, dueOn: '2026-11-10' });
    const f = await communityA1.post<RmMeetingDetail>(at('/followups'), { title: '汇总各单位建议', ownerKind: 'community', dueOn: '2026-12-31' });
    expect(f.body.followups.map((x) => [x.title, x.ownerName, x.status])).toEqual([
      ['报送明年共建建议', '演示区人民医院', 'overdue'],
      ['汇总各单位建议', '中共甲一社区委员会', 'open'],
    ]);
    m = f.body;
  });

  it('shows the overdue follow-up and the missing minutes as to-dos, then archives and prints the record', async () => {
    const todos = await communityA1.get<{ items: Todo[] }>('/api/todos?kind=regional&pageSize=50');
    const ours = todos.body.items.filter((x) => x.source.startsWith('regionmeet.'));
    expect(ours.map((x) => [x.source, x.severity])).toEqual([
      ['regionmeet.minutes', 'overdue'],
      ['regionmeet.followup', 'overdue'],
    ]);
    expect(ours[1]!.link).toBe(`/regional/meetings/${m.id}`);
    expect((await communityA1.post<Err>(at('/actions'), { action: 'archive' })).body.error.message).toBe('请先提交会议纪要，再归档');
    await communityA1.put(at('/minutes'), { minutes: '会议通报了本季度区域化党建项目进展，研究了明年安排。' });
    const done = await communityA1.post<RmMeetingDetail>(at(`/followups/${m.followups[0]!.id}/done`), { note: '已报送' });
    expect(done.body.followups[0]!.status).toBe('done');
    const archived = await communityA1.post<RmMeetingDetail>(at('/actions'), { action: 'archive' });
    expect(archived.body).toMatchObject({ state: 'archived', can: { decide: false, actions: ['reopen'] } });
    expect(archived.body.history.map((h) => h.actionLabel)).toEqual(['登记召开', '归档']);
    const after = await communityA1.get<{ items: Todo[] }>('/api/todos?kind=regional&pageSize=50');
    expect(after.body.items.filter((x) => x.source.startsWith('regionmeet.'))).toEqual([]);
    const docx = await streetA.get(at('/record.docx'));
    expect(docx.status).toBe(200);
    expect(docx.raw.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps meetings in scope: the street sees its communities’, another street and a unit do not', async () => {
    expect((await streetA.get<{ total: number }>('/api/regional/meetings')).body.total).toBe(2);
    expect((await streetB.get<{ total: number }>('/api/regional/meetings')).body.total).toBe(0);
    expect((await streetB.get(at())).status).toBe(404);
    expect((await streetB.get(at('/record.docx'))).status).toBe(404);
    expect((await streetB.post(at('/actions'), { action: 'reopen', reason: '越权' })).status).toBe(404);
    expect((await unitA.c.get(at())).status).toBe(403);
    const sup = await login(server, 'supA');
    expect((await sup.get(at())).status).toBe(200);
    expect((await sup.post(at('/actions'), { action: 'reopen', reason: '督导' })).status).toBe(403);
  });
});
