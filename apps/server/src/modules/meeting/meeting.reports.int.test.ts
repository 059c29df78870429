import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, MeetingDetail, MeetingStats, OutboundMessage } from '@jiceng/contracts';
import { buildMember, ENGINES, login, movableClock, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable } from '../../test/xlsx.ts';
import { LEDGER_RECORDS_SHEET, LEDGER_SUMMARY_SHEET } from './meeting.ledger.ts';
import { STATS_CHILD_SHEET, STATS_TYPE_SHEET } from './meeting.stats.ts';

type Err = { error: { code: string; message: string } };

/** 2026-11-22 12:00 China time. */
const NOW = '2026-11-22T04:00:00Z';

describe.each(ENGINES)('meetings: annual ledger, statistics, notice messages (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let sec: Client;
  let streetA: Client;
  let streetB: Client;
  let communityA1: Client;
  let member: Client;
  const members: Member[] = [];

  /** A meeting taken through notice, hold, record and submit (counted as held by the compliance rules). */
  async function held(over: {
    type?: string;
    title: string;
    date: string;
    leave?: string;
    cancelAfterNotice?: boolean;
    stopAt?: 'notice';
    lectureBySecretary?: boolean;
  }) {
    const planned = await sec.post<MeetingDetail & Err>('/api/meetings', {
      orgId: t.branchA1a,
      type: over.type ?? 'branch_assembly',
      title: over.title,
      topics: '学习全会精神',
      date: over.date,
      startTime: '09:00',
      endTime: '10:00',
      place: '社区党群服务中心',
      ...(over.lectureBySecretary !== undefined ? { lectureBySecretary: over.lectureBySecretary } : {}),
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const id = planned.body.id;
    const noticed = await sec.post<MeetingDetail & Err>(`/api/meetings/${id}/notify`, {});
    expect(noticed.status, JSON.stringify(noticed.body)).toBe(200);
    if (over.stopAt === 'notice') return id;
    const att = (i: number) => noticed.body.attendees.find((a) => a.memberId === members[i]!.id)!.id;
    await sec.post(`/api/meetings/${id}/attendance`, { attendeeId: att(0), attendance: 'present' });
    await sec.post(`/api/meetings/${id}/attendance`, { attendeeId: att(1), attendance: 'present' });
    if (over.leave) await sec.post(`/api/meetings/${id}/attendance`, { attendeeId: att(2), attendance: 'leave', reason: over.leave });
    expect((await sec.post<MeetingDetail>(`/api/meetings/${id}/hold`, {})).body.state).toBe('held');
    const version = (await sec.get<MeetingDetail>(`/api/meetings/${id}`)).body.version;
    const rec = await sec.put<MeetingDetail & Err>(`/api/meetings/${id}/record`, {
      hostName: '王书记',
      recorderName: '李委员',
      speakersPoints: '结合工作谈学习体会',
      decisions: '同意按期换届',
      version,
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    expect((await sec.post<MeetingDetail>(`/api/meetings/${id}/submit`, {})).body.state).toBe('submitted');
    return id;
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { clock: movableClock(NOW) });
    t = await seedTree(server);
    [sec, streetA, streetB, communityA1] = await Promise.all([
      login(server, 'secA1a'),
      login(server, 'streetA'),
      login(server, 'streetB'),
      login(server, 'communityA1'),
    ]);
    for (const [i, name] of ['台账甲', '台账乙', '台账丙', '台账丁'].entries()) {
      const res = await sec.post<Member>('/api/members', buildMember(t.branchA1a, { name, ...(i === 3 ? { phone: undefined } : { phone: `1391234567${i}` }) }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      members.push(res.body);
    }
    await server.db.run(sql`update account set member_id = ${members[0]!.id} where username = 'memberA1a'`);
    member = await login(server, 'memberA1a');
    await held({ title: '一季度党员大会', date: '2026-03-10', leave: '出差' });
    await held({ type: 'theme_day', title: '三月主题党日', date: '2026-03-20' });
    await held({ type: 'theme_day', title: '五月主题党日', date: '2026-05-20' });
    await held({ title: '尚未召开的党员大会', date: '2026-11-30', stopAt: 'notice' });
  });
  afterAll(() => server.close());

  it('writes the branch ledger: every held meeting by date with people and absentees, and the summary against the rules', async () => {
    const res = await sec.get<Buffer>(`/api/meetings/ledger?orgId=${t.branchA1a}&year=2026`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('组织生活台账_2026年'));
    const wb = await openXlsx(res.raw);
    const records = sheetTable(wb.getWorksheet(LEDGER_RECORDS_SHEET)!);
    expect(records.headers).toEqual([
      '序号',
      '会议日期',
      '时间',
      '会议类型',
      '书记讲党课',
      '会议名称',
      '地点',
      '主持人',
      '记录人',
      '应到',
      '实到',
      '请假',
      '缺席',
      '未到人员及原因',
      '议题',
      '决议',
      '状态',
      '审核结果',
      '提交审核时间（北京时间）',
    ]);
    // the noticed meeting not yet held is not in the ledger
    expect(records.rows.map((r) => r['会议名称'])).toEqual(['一季度党员大会', '三月主题党日', '五月主题党日']);
    expect(records.rows[0]).toMatchObject({
      会议类型: '支部党员大会',
      // only a 党课 answers 是/否
      书记讲党课: '',
      主持人: '王书记',
      记录人: '李委员',
      应到: 4,
      实到: 2,
      请假: 1,
      缺席: 1,
      决议: '同意按期换届',
      状态: '已提交审核',
      审核结果: '待审核',
    });
    expect(String(records.rows[0]!['未到人员及原因']).split('；').sort()).toEqual(['台账丁（缺席）', '台账丙（请假：出差）'].sort());
    // 北京时间: the submission happened at 12:00 China time on the test clock
    const submitted = records.rows[0]!['提交审核时间（北京时间）'] as Date;
    expect(submitted.toISOString()).toBe('2026-11-22T12:00:00.000Z');

    const summary = sheetTable(wb.getWorksheet(LEDGER_SUMMARY_SHEET)!);
    expect(summary.headers.slice(0, 3)).toEqual(['会议类型', '1月', '2月']);
    expect(summary.headers.slice(-3)).toEqual(['全年合计', '要求', '完成情况']);
    const theme = summary.rows.find((r) => r['会议类型'] === '主题党日')!;
    expect(theme).toMatchObject({ '3月': 1, '5月': 1, '4月': 0, 全年合计: 2, 要求: '主题党日每月至少1次', 完成情况: '11个月中2个月达标' });
    const assembly = summary.rows.find((r) => r['会议类型'] === '支部党员大会')!;
    expect(assembly).toMatchObject({ 全年合计: 1, 完成情况: '4个季度中1个季度达标' });
    // no 党课 yet: the 书记讲党课 line follows the 党课 line and shows the year not done
    const types = summary.rows.map((r) => r['会议类型']);
    expect(types.indexOf('书记讲党课')).toBe(types.indexOf('党课') + 1);
    expect(summary.rows.find((r) => r['会议类型'] === '党课')).toMatchObject({ 全年合计: 0, 要求: '党课每季度至少1次' });
    expect(summary.rows.find((r) => r['会议类型'] === '书记讲党课')).toMatchObject({
      全年合计: 0,
      要求: '书记讲党课每年至少1次',
      完成情况: '已讲0次，应讲至少1次：未完成',
    });
    expect(summary.rows.some((r) => String(r['会议类型']).startsWith('统计口径'))).toBe(true);
  });

  it('judges the ledger by the subtree’s own numbers from their date, as the compliance calendar does', async () => {
    const set = await streetA.post<{ id: string; version: number }>('/api/compliance/rules', {
      orgId: t.streetA,
      effectiveFrom: '2026-07-01',
      overrides: [
        { requirementId: 'theme-day-monthly', minCount: 2 },
        { requirementId: 'party-lecture-quarterly', minCount: 0 },
      ],
      silentAfterDays: 30,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    try {
      const res = await sec.get<Buffer>(`/api/meetings/ledger?orgId=${t.branchA1a}&year=2026`);
      const summary = sheetTable((await openXlsx(res.raw)).getWorksheet(LEDGER_SUMMARY_SHEET)!);
      const row = (type: string) => summary.rows.find((r) => r['会议类型'] === type)!;
      // March and May met the one a month in force then; from July two a month
      expect(row('主题党日')).toMatchObject({ 要求: '主题党日每月至少1次（1月起），主题党日每月至少2次（7月起）', 完成情况: '11个月中2个月达标' });
      // 党课 not required from the third quarter: the first two quarters are judged
      expect(row('党课')).toMatchObject({ 要求: '党课每季度至少1次（1月起），不作要求（7月起）', 完成情况: '2个季度中0个季度达标' });
      expect(summary.rows.some((r) => String(r['会议类型']).startsWith('各项要求'))).toBe(true);
    } finally {
      expect((await streetA.del(`/api/compliance/rules/${set.body.id}?version=${set.body.version}`)).status).toBe(200);
    }
  });

  it('keeps the ledger in scope: 404 outside the subtree, 400 for an organization that is not a branch', async () => {
    expect((await streetA.get(`/api/meetings/ledger?orgId=${t.branchA1a}&year=2026`)).status).toBe(200);
    expect((await streetB.get<Err>(`/api/meetings/ledger?orgId=${t.branchA1a}&year=2026`)).status).toBe(404);
    const notBranch = await streetA.get<Err>(`/api/meetings/ledger?orgId=${t.communityA1}&year=2026`);
    expect(notBranch.status).toBe(400);
    expect(notBranch.body.error.message).toMatch(/不是党支部/);
    expect((await member.get<Err>(`/api/meetings/ledger?orgId=${t.branchA1a}&year=2026`)).status).toBe(403);
    const empty = await sec.get<Buffer>(`/api/meetings/ledger?orgId=${t.branchA1a}&year=2025`);
    expect(sheetTable((await openXlsx(empty.raw)).getWorksheet(LEDGER_RECORDS_SHEET)!).rows).toEqual([]);
  });

  it('counts meetings held by type and month, and by child organization, in scope', async () => {
    const res = await communityA1.get<MeetingStats>('/api/meetings/stats?year=2026');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.months).toHaveLength(12);
    expect(res.body.total).toBe(3);
    const theme = res.body.byType.find((x) => x.type === 'theme_day')!;
    expect(theme).toMatchObject({ label: '主题党日', total: 2 });
    expect(theme.months[2]).toBe(1);
    expect(theme.months[4]).toBe(1);
    expect(res.body.byChild.map((c) => [c.orgName, c.total])).toEqual([
      ['甲一社区第一党支部', 3],
      ['甲一社区第二党支部', 0],
    ]);
    expect(res.body.byChild[0]!.counts).toMatchObject({ branch_assembly: 1, theme_day: 2 });

    const q1 = await streetA.get<MeetingStats>(`/api/meetings/stats?orgId=${t.communityA1}&year=2026&quarter=1`);
    expect(q1.body.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(q1.body.total).toBe(2);
    const street = await streetA.get<MeetingStats>('/api/meetings/stats?year=2026');
    expect(street.body.byChild.map((c) => [c.orgName, c.total])).toEqual([['中共甲一社区委员会', 3]]);

    expect((await streetB.get<Err>(`/api/meetings/stats?orgId=${t.communityA1}&year=2026`)).status).toBe(404);
    expect((await streetB.get<MeetingStats>('/api/meetings/stats?year=2026')).body.total).toBe(0);
    expect((await member.get<Err>('/api/meetings/stats?year=2026')).status).toBe(403);
    expect((await communityA1.get<Err>('/api/meetings/stats?year=2026&quarter=5')).status).toBe(400);
  });

  it('exports the statistics as .xlsx with Chinese headers', async () => {
    const res = await communityA1.get<Buffer>('/api/meetings/stats/export?year=2026');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('会议统计_2026年'));
    const wb = await openXlsx(res.raw);
    const byType = sheetTable(wb.getWorksheet(STATS_TYPE_SHEET)!);
    expect(byType.headers).toEqual(['会议类型', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '合计']);
    expect(byType.rows.find((r) => r['会议类型'] === '合计')).toMatchObject({ '3月': 2, '5月': 1, 合计: 3 });
    const byChild = sheetTable(wb.getWorksheet(STATS_CHILD_SHEET)!);
    expect(byChild.headers[0]).toBe('党组织');
    expect(byChild.rows[0]).toMatchObject({ 党组织: '甲一社区第一党支部', 主题党日: 2, 合计: 3 });
  });

  it('hands each notice to the message sender: SMS to a masked phone, WeChat placeholder without one, the log in scope', async () => {
    // 4 meetings noticed × 4 members, once each
    const rows = await server.db.rows<{ channel: string; recipient: string; text: string; status: string }>(
      sql`select channel, recipient, text, status from outbound_message order by created_at, id`,
    );
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.channel === 'sms').map((r) => r.recipient)).toContain('139****5670');
    expect(rows.every((r) => r.status === 'logged' && !/\d{11}/.test(r.recipient))).toBe(true);
    expect(rows.filter((r) => r.channel === 'wechat')).toHaveLength(4);
    expect(rows[0]!.text).toMatch(/^【基层党建】甲一社区第一党支部定于2026-03-10 09:00—10:00在社区党群服务中心召开一季度党员大会/);

    const log = await streetA.get<{ items: OutboundMessage[]; total: number }>('/api/messages/outbound?pageSize=5');
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(log.body.total).toBe(16);
    expect(log.body.items).toHaveLength(5);
    expect(log.body.items[0]).toMatchObject({ kindLabel: '会议通知', statusLabel: '已记录（未实际发送）', orgName: '甲一社区第一党支部' });
    expect((await streetA.get<{ total: number }>('/api/messages/outbound?channel=wechat')).body.total).toBe(4);
    expect((await streetB.get<{ total: number }>('/api/messages/outbound')).body.total).toBe(0);
    expect((await communityA1.get<Err>('/api/messages/outbound')).status).toBe(403);
  });
  // runs after the counts above: its 党课 would change them
  it('marks each 党课 in the ledger as given by the secretary or not, and counts 书记讲党课 against once a year', async () => {
    await held({ type: 'party_lecture', title: '书记专题党课', date: '2026-06-18', lectureBySecretary: true });
    await held({ type: 'party_lecture', title: '党员讲党课', date: '2026-09-16' });
    const res = await sec.get<Buffer>(`/api/meetings/ledger?orgId=${t.branchA1a}&year=2026`);
    expect(res.status).toBe(200);
    const wb = await openXlsx(res.raw);
    const records = sheetTable(wb.getWorksheet(LEDGER_RECORDS_SHEET)!);
    expect(records.rows.map((r) => [r['会议名称'], r['书记讲党课']])).toEqual([
      ['一季度党员大会', ''],
      ['三月主题党日', ''],
      ['五月主题党日', ''],
      ['书记专题党课', '是'],
      ['党员讲党课', '否'],
    ]);
    const summary = sheetTable(wb.getWorksheet(LEDGER_SUMMARY_SHEET)!);
    expect(summary.rows.find((r) => r['会议类型'] === '党课')).toMatchObject({ '6月': 1, '9月': 1, 全年合计: 2, 完成情况: '4个季度中2个季度达标' });
    expect(summary.rows.find((r) => r['会议类型'] === '书记讲党课')).toMatchObject({
      '6月': 1,
      '9月': 0,
      全年合计: 1,
      要求: '书记讲党课每年至少1次',
      完成情况: '已讲1次，应讲至少1次：已完成',
    });
  });
  it('counts a range of dates across a year boundary: its months as columns, the cut months only within the dates', async () => {
    await held({ type: 'theme_day', title: '十一月初主题党日', date: '2025-11-05' });
    await held({ type: 'theme_day', title: '十二月主题党日', date: '2025-12-15' });
    const range = 'from=2025-11-15&to=2026-03-15';
    const res = await communityA1.get<MeetingStats>(`/api/meetings/stats?${range}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ year: null, quarter: null, from: '2025-11-15', to: '2026-03-15', periodLabel: '2025年11月15日至2026年3月15日' });
    expect(res.body.months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(res.body.monthLabels).toEqual(['2025年11月', '2025年12月', '2026年1月', '2026年2月', '2026年3月']);
    // 11-05 is before the range and 03-20 after it; 12-15 (a whole month) and 03-10 (a cut one) are in
    expect(res.body.byType.find((x) => x.type === 'theme_day')).toMatchObject({ months: [0, 1, 0, 0, 0], total: 1 });
    expect(res.body.byType.find((x) => x.type === 'branch_assembly')).toMatchObject({ months: [0, 0, 0, 0, 1], total: 1 });
    expect(res.body.total).toBe(2);
    expect(res.body.byChild.map((c) => [c.orgName, c.total])).toEqual([
      ['甲一社区第一党支部', 2],
      ['甲一社区第二党支部', 0],
    ]);
    // the same numbers as the year and quarter where they overlap
    const whole = await communityA1.get<MeetingStats>('/api/meetings/stats?from=2025-10-01&to=2026-03-31');
    const q1 = await communityA1.get<MeetingStats>('/api/meetings/stats?year=2026&quarter=1');
    const y2025 = await communityA1.get<MeetingStats>('/api/meetings/stats?year=2025');
    expect(whole.body.total).toBe(q1.body.total + y2025.body.total);
    expect(q1.body).toMatchObject({ from: '2026-01-01', to: '2026-03-31', periodLabel: '2026年第一季度', monthLabels: ['1月', '2月', '3月'] });

    const file = await communityA1.get<Buffer>(`/api/meetings/stats/export?${range}`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('会议统计_2025-11-15至2026-03-15'));
    const byType = sheetTable((await openXlsx(file.raw)).getWorksheet(STATS_TYPE_SHEET)!);
    expect(byType.headers).toEqual(['会议类型', '2025年11月', '2025年12月', '2026年1月', '2026年2月', '2026年3月', '合计']);
    expect(byType.rows.find((r) => r['会议类型'] === '合计')).toMatchObject({ '2025年12月': 1, '2026年3月': 1, 合计: 2 });
  });

  it('refuses a bad range or a mixed period with a Chinese 400 on both routes, never a 5xx', async () => {
    const cases: [string, RegExp][] = [
      ['from=2026-03-01&to=2026-02-28', /结束日期.*不能早于开始日期/],
      ['from=2024-01-01&to=2026-01-01', /统计范围最多24个月/],
      ['from=2026-01-01', /同时填写开始日期和结束日期/],
      ['to=2026-01-01', /同时填写开始日期和结束日期/],
      ['year=2026&from=2026-01-01&to=2026-03-31', /只能选一种/],
      ['quarter=1&from=2026-01-01&to=2026-03-31', /只能选一种/],
      ['quarter=1', /同时选择年度/],
      ['', /请选择统计年度/],
      ['from=2026-02-30&to=2026-03-31', /\p{Script=Han}/u],
      ['from=20260101&to=2026-03-31', /\p{Script=Han}/u],
    ];
    for (const path of ['/api/meetings/stats', '/api/meetings/stats/export']) {
      for (const [query, message] of cases) {
        const res = await communityA1.get<Err>(`${path}?${query}`);
        expect(res.status, `${path}?${query} → ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION');
        expect(res.body.error.message, query).toMatch(message);
      }
    }
    // 24 months touched is the most: accepted
    expect((await communityA1.get<MeetingStats>('/api/meetings/stats?from=2025-01-31&to=2026-12-01')).body.months).toHaveLength(24);
  });
});
