import { sql } from 'drizzle-orm';
import { creditCodeCheckChar, idNumberCheckChar, rolePermissions, ROLES, roleScope, type MemberInput, type Role } from '@jiceng/contracts';
import { importRoster, rosterFile, rosterRow } from '../modules/member/member.import.fixtures.ts';
import { buildMember, login, PASSWORD, seedTree, type Client, type SeededTree, type TestServer } from './harness.ts';
import { upload } from './xlsx.ts';
import { qrPng } from '../platform/signin/index.ts';

/**
 * A small district with a person in every module that returns people, built through HTTP as the
 * users would: members in several branches and states, a transfer in each state (letters included),
 * floating and lost-contact members, hardship with a cadre and visits, report-ins, appraisal with a
 * disposition, member tabs and a photo, committee and terms, a failed import, notifications, and an
 * account of every role that may not unmask personal data. `buildWorld` returns the ids of every
 * record by kind (`fillParams` turns a route's `:param`s into them) and the people's full ID numbers
 * and birth dates (what a masked answer must never show).
 */

/** Kinds of record a route parameter can name. */
export const RECORD_KINDS = [
  'org',
  'member',
  'memberDetail',
  'account',
  'transfer',
  'floating',
  'lostContact',
  'contactAttempt',
  'hardship',
  'hardshipCadre',
  'hardshipVisit',
  'memberReport',
  'unitReport',
  'disposition',
  'importJob',
  'committeeMember',
  'term',
  'notification',
  'meeting',
  'meetingPart',
  'trainingSession',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A person of the world: their member record and what only an unmasked read may show. */
export interface WorldPerson {
  /** What the world made of them (`transferAccepted`, `floatVerified` …). */
  key: string;
  memberId: string;
  name: string;
  /** Full, normalized 身份证号. */
  idNumber: string;
  /** YYYY-MM-DD; every person's year differs, and no other date of the world is before 2000. */
  birthDate: string;
  /** The branch the record was registered in. */
  orgId: string;
}

/** An account the world created (active, password already changed where it had to be). */
export interface WorldAccount {
  username: string;
  password: string;
  role: Role;
  orgId: string;
  /** The member record a 党员 account is bound to. */
  memberId: string | null;
}

export interface World {
  tree: SeededTree;
  ids: Record<RecordKind, string[]>;
  people: WorldPerson[];
  /** One account per role lacking personal:unmask at each level it makes sense, plus the seeded ones of those roles. */
  accounts: WorldAccount[];
  /** Years with data (appraisal, transfers, statistics). */
  years: number[];
}

/** An id no record has (the unknown-kind fallback's last resort: the route answers 404). */
export const ZERO_ID = '00000000-0000-4000-8000-000000000000';
const WORLD_PASSWORD = 'World@2026pw';
const YEAR = 2026;

/**
 * People in the order they are made; the index picks the birth date. Birth years are 1961, 1962 …
 * (distinct, so no two people share a date in any written form), months and days spread out.
 */
const PLAN = [
  ['self', 'A1a'],
  ['plain', 'A1a'],
  ['probationary', 'A1a'],
  ['suspended', 'A1a'],
  ['left', 'A1a'],
  ['discipline', 'A1a'],
  ['hardshipOpen', 'A1a'],
  ['hardshipClosed', 'A1a'],
  ['cadre', 'A1a'],
  ['lost', 'A1a'],
  ['found', 'A1a'],
  ['floatPendingArrival', 'A1a'],
  ['floatPendingVerify', 'A1a'],
  ['floatVerified', 'A1a'],
  ['floatReturned', 'A1a'],
  ['reportIn', 'A1a'],
  ['reportCancelled', 'A1a'],
  ['transferPending', 'A1a'],
  ['transferAccepted', 'A1a'],
  ['transferReturned', 'A1a'],
  ['transferCancelled', 'B1a'],
  ['letterPending', 'A1a'],
  ['letterOverdue', 'A1a'],
  ['letterReceived', 'A1a'],
  ['letterCancelled', 'A1a'],
  ['siblingA1b1', 'A1b'],
  ['siblingA1b2', 'A1b'],
  ['streetB1', 'B1a'],
  ['streetB2', 'B1a'],
  ['importRefused', 'B1a'],
  ['letterIn', 'B1a'],
] as const;
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻';
const GIVEN = ['建国', '秀英', '志强', '桂兰', '海涛', '玉梅', '文博', '春燕'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Person i's birth date: year 1961 + i, never a date any other record of the world carries. */
export const worldBirthDate = (i: number) => `${1961 + i}-${pad(((i * 5) % 12) + 1)}-${pad(((i * 11) % 28) + 1)}`;

/** A valid ID number born on `birth` with a sequence of its own (320102 region, odd = male). */
function idNumberFor(birth: string, i: number, male: boolean): string {
  const seq = (i * 2 + (male ? 1 : 0) + 100) % 1000;
  const first17 = `320102${birth.replaceAll('-', '')}${pad(seq, 3)}`;
  return first17 + idNumberCheckChar(first17);
}

const expectOk = <T>(what: string, res: { status: number; body: T }, status = [200, 201]): T => {
  if (!status.includes(res.status)) throw new Error(`world: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** Builds the world on a freshly started test server (it seeds the tree itself). */
export async function buildWorld(server: TestServer): Promise<World> {
  const t = await seedTree(server);
  const ids = Object.fromEntries(RECORD_KINDS.map((k) => [k, [] as string[]])) as Record<RecordKind, string[]>;
  const add = (kind: RecordKind, id: string) => void (ids[kind].includes(id) || ids[kind].push(id));
  const [streetA, streetB, secA1a, communityA1] = await Promise.all([
    login(server, 'streetA'),
    login(server, 'streetB'),
    login(server, 'secA1a'),
    login(server, 'communityA1'),
  ]);
  const branchOf = { A1a: t.branchA1a, A1b: t.branchA1b, B1a: t.branchB1a } as const;
  const people: WorldPerson[] = [];
  const person = (key: string) => people.find((p) => p.key === key)!;
  const post = async <T = { id: string }>(c: Client, what: string, url: string, body: unknown = {}) => expectOk<T>(what, await c.post<T>(url, body));

  // ---- members, in the order of PLAN ----
  const inputFor = (i: number, key: string, orgId: string): MemberInput => {
    const birthDate = worldBirthDate(i);
    const year = Number(birthDate.slice(0, 4));
    // every date of the record is in 2000 or later, so none can be mistaken for a birth date
    const applied = Math.max(2000, year + 20);
    const over: Partial<MemberInput> =
      key === 'probationary'
        ? { status: 'probationary', appliedDate: `${YEAR - 1}-01-10`, joinedDate: `${YEAR}-03-01` }
        : { appliedDate: `${applied}-03-01`, joinedDate: `${applied + 1}-07-01` };
    return buildMember(orgId, {
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
      idNumber: idNumberFor(birthDate, i, i % 2 === 0),
      phone: `1380000${pad(i, 4)}`,
      address: `南京市玄武区孝陵卫街道中山门大街${i + 1}号`,
      ...over,
    });
  };
  for (const [i, [key, branch]] of PLAN.entries()) {
    const input = inputFor(i, key, branchOf[branch]);
    let memberId: string;
    if (key === 'letterIn') {
      const tr = await post<{ id: string; memberId: string }>(streetB, 'incoming letter', '/api/transfers/incoming-letters', {
        letterNo: '（2026）组转字第 7 号',
        fromOrgName: '中共外省某县委组织部',
        letterDate: `${YEAR}-11-10`,
        duesPaidTo: `${YEAR}-10`,
        member: input,
      });
      add('transfer', tr.id);
      memberId = tr.memberId;
    } else {
      memberId = (await post(t.admin, `member ${key}`, '/api/members', input)).id;
    }
    add('member', memberId);
    people.push({ key, memberId, name: input.name, idNumber: input.idNumber, birthDate: worldBirthDate(i), orgId: input.orgId });
  }

  // ---- lifecycle, tabs, photo ----
  await post(secA1a, 'suspend', `/api/members/${person('suspended').memberId}/events`, { event: 'suspend', date: `${YEAR}-03-01`, reason: '失联超过六个月' });
  await post(secA1a, 'leave', `/api/members/${person('left').memberId}/events`, {
    event: 'leave',
    date: `${YEAR}-06-01`,
    reason: '病故',
    leaveReason: 'deceased',
  });
  await post(secA1a, 'discipline', `/api/members/${person('discipline').memberId}/events`, {
    event: 'discipline_start',
    date: `${YEAR}-02-01`,
    reason: '违反组织纪律',
    until: `${YEAR + 1}-02-01`,
  });
  const plain = person('plain').memberId;
  const details = [
    { kind: 'post', data: { title: '支部组织委员', unit: '甲一社区第一党支部' }, startDate: '2020-01-01' },
    { kind: 'reward', data: { type: 'reward', name: '优秀共产党员', authority: '中共测试区委员会' }, startDate: '2021-07-01' },
    { kind: 'abroad', data: { destination: '新加坡', purpose: '学术交流', approvedBy: '区委组织部' }, startDate: '2019-05-01', endDate: '2019-05-10' },
    { kind: 'family', data: { relation: '配偶', name: '林某某', workUnit: '某小学教师', politicalStatus: '群众' } },
  ];
  for (const d of details) add('memberDetail', (await post(secA1a, `detail ${d.kind}`, `/api/members/${plain}/details`, d)).id);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
  expectOk('photo', await upload(secA1a, `/api/members/${plain}/photo`, png, 'photo.png', 'PUT'));

  // ---- transfers in every state ----
  const start = (c: Client, key: string, toOrgId: string) =>
    post(c, `transfer ${key}`, '/api/transfers', { memberId: person(key).memberId, toOrgId, reason: '居住地变更' });
  const pending = await start(secA1a, 'transferPending', t.branchB1a);
  const accepted = await start(secA1a, 'transferAccepted', t.branchB1a);
  await post(streetB, 'accept', `/api/transfers/${accepted.id}/accept`);
  const returned = await start(secA1a, 'transferReturned', t.branchB1a);
  await post(streetB, 'return', `/api/transfers/${returned.id}/return`, { reason: '党费缴纳情况不清，请核实' });
  const cancelled = await start(streetB, 'transferCancelled', t.branchA1a);
  await post(streetB, 'cancel', `/api/transfers/${cancelled.id}/cancel`, { reason: '本人暂不转出' });
  const issue = (key: string, over: Record<string, unknown> = {}) =>
    post(secA1a, `letter ${key}`, '/api/transfers/letters', {
      memberId: person(key).memberId,
      toOrgName: '中共某市某区委员会组织部',
      duesPaidTo: `${YEAR}-10`,
      reason: '工作调动',
      ...over,
    });
  const letterPending = await issue('letterPending');
  const letterOverdue = await issue('letterOverdue', { issueDate: `${YEAR}-06-01`, duesPaidTo: `${YEAR}-05` });
  const letterReceived = await issue('letterReceived', { issueDate: `${YEAR}-11-01` });
  await post(secA1a, 'receipt', `/api/transfers/${letterReceived.id}/receipt`, { receivedDate: `${YEAR}-11-20`, note: '接收方已盖章' });
  const letterCancelled = await issue('letterCancelled');
  await post(secA1a, 'void letter', `/api/transfers/${letterCancelled.id}/cancel`, { reason: '介绍信填写有误' });
  for (const x of [pending, accepted, returned, cancelled, letterPending, letterOverdue, letterReceived, letterCancelled]) add('transfer', x.id);

  // ---- floating members in every step, lost contact ----
  const floating = (key: string) =>
    post(secA1a, `floating ${key}`, '/api/floating', {
      memberId: person(key).memberId,
      destinationPlace: '江苏省苏州市工业园区某科技公司',
      destinationOrgId: t.branchB1a,
      reason: 'work',
      contactPhone: `1360000${pad(people.indexOf(person(key)), 4)}`,
      leftDate: `${YEAR}-09-01`,
      expectedReturnDate: `${YEAR + 1}-06-30`,
      certNo: '流证2026001',
      certIssuedDate: `${YEAR}-08-25`,
      certValidUntil: `${YEAR + 1}-08-24`,
    });
  const fl = {
    pendingArrival: await floating('floatPendingArrival'),
    pendingVerify: await floating('floatPendingVerify'),
    verified: await floating('floatVerified'),
    returned: await floating('floatReturned'),
  };
  for (const f of [fl.pendingVerify, fl.verified])
    await post(streetB, 'arrival', `/api/floating/${f.id}/arrival`, { date: `${YEAR}-09-05`, contactPerson: '孙书记', note: '编入第一党小组' });
  await post(secA1a, 'verify', `/api/floating/${fl.verified.id}/verify`, { date: `${YEAR}-09-08`, note: '电话核实无误' });
  await post(secA1a, 'floating return', `/api/floating/${fl.returned.id}/return`, { date: `${YEAR}-11-01`, note: '已返回' });
  for (const f of Object.values(fl)) add('floating', f.id);
  for (const key of ['lost', 'found']) {
    const r = await post(secA1a, `lost ${key}`, '/api/lost-contact', {
      memberId: person(key).memberId,
      lastContactDate: `${YEAR}-01-01`,
      measures: '电话、上门均未联系上',
    });
    add('lostContact', r.id);
    await post(secA1a, 'attempt', `/api/lost-contact/${r.id}/attempts`, {
      date: `${YEAR}-03-08`,
      method: 'relatives',
      result: '其母亲称已外出务工，无联系方式',
    });
    if (key === 'found') await post(secA1a, 'found', `/api/lost-contact/${r.id}/found`, { date: `${YEAR}-11-20`, note: '本人主动联系支部' });
  }

  // ---- hardship: a cadre who is a member, visits, a closed record ----
  const cadre = await post(secA1a, 'cadre', '/api/hardship/cadres', { name: person('cadre').name, phone: '13700000001', memberId: person('cadre').memberId });
  add('hardshipCadre', cadre.id);
  add('hardshipCadre', (await post(streetA, 'cadre 2', '/api/hardship/cadres', { name: '街道帮扶干部', phone: '13700000002' })).id);
  const open = await post(secA1a, 'hardship', '/api/hardship', {
    memberId: person('hardshipOpen').memberId,
    type: 'illness',
    detail: '患慢性病，长期服药，家庭收入低',
    startDate: `${YEAR}-01-10`,
    cadreId: cadre.id,
  });
  add(
    'hardshipVisit',
    (
      await post(secA1a, 'visit', `/api/hardship/${open.id}/visits`, {
        visitDate: `${YEAR}-02-10`,
        visitor: '社区书记',
        content: '送去慰问品并了解病情',
        amount: '500',
      })
    ).id,
  );
  const closed = await post(secA1a, 'hardship 2', '/api/hardship', {
    memberId: person('hardshipClosed').memberId,
    type: 'living',
    detail: '房屋漏雨，生活困难',
    startDate: `${YEAR}-01-12`,
  });
  await post(secA1a, 'close hardship', `/api/hardship/${closed.id}/close`, { closedDate: `${YEAR}-11-01`, reason: '房屋已修缮，已脱困' });
  add('hardship', open.id);
  add('hardship', closed.id);

  // ---- committee, terms (an expired one raises the term alarm and its notifications) ----
  add(
    'committeeMember',
    (await post(secA1a, 'committee', `/api/orgs/${t.branchA1a}/committee`, { personName: person('plain').name, post: 'secretary', startDate: '2021-01-01' }))
      .id,
  );
  add('term', (await post(streetA, 'term', `/api/orgs/${t.branchA1a}/terms`, { termNo: 1, startDate: '2021-01-01' })).id);
  await server.sweepTerms();

  // ---- meetings: noticed, approved (a vote, an amendment), submitted, cancelled ----
  const supA = await login(server, 'supA');
  const meetingPlan = (title: string, date: string) =>
    post(secA1a, `meeting ${title}`, '/api/meetings', {
      orgId: t.branchA1a,
      type: 'branch_assembly',
      title,
      topics: '学习讨论',
      date,
      startTime: '09:00',
      endTime: '10:00',
      guests: ['社区书记'],
    });
  const heldMeeting = async (title: string) => {
    const m = await meetingPlan(title, `${YEAR}-11-20`);
    await post(secA1a, 'notify', `/api/meetings/${m.id}/notify`);
    const v = (await post<{ version: number }>(secA1a, 'hold', `/api/meetings/${m.id}/hold`)).version;
    expectOk(
      'record',
      await secA1a.put(`/api/meetings/${m.id}/record`, { hostName: '王书记', recorderName: '李委员', speakersPoints: '大家谈了学习体会', version: v }),
    );
    const vote = await post<{ votes: { id: string }[] }>(secA1a, 'vote', `/api/meetings/${m.id}/votes`, {
      motion: '表决事项',
      kind: 'resolution',
      method: 'show_of_hands',
      yes: 0,
      no: 0,
      abstain: 0,
    });
    add('meetingPart', vote.votes[0]!.id);
    const photo = expectOk<{ attachment: { id: string } }>(
      'meeting photo',
      await upload(secA1a, `/api/meetings/${m.id}/attachments`, await qrPng(title, 64), '会议照片.png', 'POST'),
    );
    add('meetingPart', photo.attachment.id);
    await post(secA1a, 'submit', `/api/meetings/${m.id}/submit`);
    add('meeting', m.id);
    return m.id;
  };
  const noticedMeeting = await meetingPlan('支部党员大会（已通知）', `${YEAR}-11-30`);
  await post(secA1a, 'notify', `/api/meetings/${noticedMeeting.id}/notify`);
  add('meeting', noticedMeeting.id);
  const approvedMeeting = await heldMeeting('支部党员大会（已审核）');
  const marks = { attendance: 'met', topics: 'met', minutes: 'met', votes: 'met', signatures: 'met', attachments: 'met' };
  await post(supA, 'approve', `/api/meetings/${approvedMeeting}/approve`, { marks });
  await post(secA1a, 'amend', `/api/meetings/${approvedMeeting}/amendments`, { field: 'decisions', after: '补记决议', reason: '漏记决议' });
  await heldMeeting('支部党员大会（待审核）');
  const cancelledMeeting = await meetingPlan('支部党员大会（已取消）', `${YEAR}-12-01`);
  await post(secA1a, 'cancel', `/api/meetings/${cancelledMeeting.id}/cancel`, { reason: '与上级会议冲突' });
  add('meeting', cancelledMeeting.id);

  // ---- training: a session with attendance (one member partly there) ----
  const training = await post(secA1a, 'training', '/api/training/sessions', {
    kind: 'rotation',
    title: '党员集中轮训',
    startDate: `${YEAR}-03-01`,
    endDate: `${YEAR}-03-02`,
    hours: 16,
  });
  add('trainingSession', training.id);
  await post(secA1a, 'attendance', `/api/training/sessions/${training.id}/attendance`, {
    records: [
      { memberId: person('plain').memberId, status: 'attended' },
      { memberId: person('self').memberId, status: 'partial', hours: 8 },
    ],
  });

  // ---- appraisal with a disposition ----
  for (const [key, g, extra] of [
    ['self', 'qualified', {}],
    ['hardshipOpen', 'excellent', {}],
    ['reportIn', 'basically_qualified', {}],
    ['plain', 'unqualified', { disposition: { kind: 'correction' } }],
  ] as const) {
    expectOk(`grade ${key}`, await secA1a.put('/api/appraisals/grade', { orgId: t.branchA1a, year: YEAR, memberId: person(key).memberId, grade: g, ...extra }));
  }
  for (const d of expectOk<{ id: string }[]>('dispositions', await secA1a.get('/api/appraisals/dispositions'))) add('disposition', d.id);

  // ---- accounts: every role that may not unmask, at each level that makes sense for it ----
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

  // ---- report-ins by the branch side, one cancelled; a unit filed by the community ----
  const report = (key: string) =>
    post(secA1a, `report-in ${key}`, '/api/report-ins/members', {
      memberId: person(key).memberId,
      communityId: t.communityB1,
      reportDate: `${YEAR}-10-01`,
      intentions: '法律咨询、义务家教',
    });
  add('memberReport', (await report('reportIn')).id);
  const gone = await report('reportCancelled');
  await post(secA1a, 'cancel report-in', `/api/report-ins/members/${gone.id}/cancel`, { date: `${YEAR}-11-01`, reason: '已搬家' });
  add('memberReport', gone.id);
  add(
    'unitReport',
    (
      await post(communityA1, 'unit report 2', '/api/report-ins/units', {
        communityId: t.communityA1,
        unitName: '某区第一中学',
        creditCode: creditCode('12320102MB0000001'),
        contactName: '刘老师',
        phone: '13512340001',
        reportDate: `${YEAR}-09-02`,
      })
    ).id,
  );

  // ---- a failed import (a number held in another street), and what the jobs left ----
  const refused = person('importRefused');
  const job = await importRoster(
    secA1a,
    await rosterFile([rosterRow(refused.idNumber, '甲一社区第一党支部', { appliedDate: '2008-03-01', joinedDate: '2009-07-01' })]),
  );
  add('importJob', job.id);

  for (const o of [t.rootId, t.streetA, t.streetB, t.communityA1, t.branchA1a, t.branchA1b, t.communityB1, t.branchB1a]) add('org', o);
  for (const r of await server.db.rows<{ id: string }>(sql`select id from notification order by id`)) add('notification', r.id);
  for (const r of await server.db.rows<{ id: string }>(sql`select id from lost_contact_attempt order by id`)) add('contactAttempt', r.id);
  return { tree: t, ids, people, accounts, years: [YEAR - 1, YEAR] };
}

const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17)!;

/**
 * Which kind of record a route parameter names, from the path segment before it; two segments
 * where one is ambiguous (`/report-ins/members/:id` is a report, `/members/:id` a member).
 */
const KIND_BY_PATH: [RegExp, RecordKind][] = [
  [/\/report-ins\/members$/, 'memberReport'],
  [/\/report-ins\/units$/, 'unitReport'],
  [/\/appraisals\/dispositions$/, 'disposition'],
  [/\/members\/import$/, 'importJob'],
  [/\/lost-contact\/[^/]+\/attempts$/, 'contactAttempt'],
  [/\/hardship\/cadres$/, 'hardshipCadre'],
  [/\/hardship\/[^/]+\/visits$/, 'hardshipVisit'],
  [/\/training\/sessions$/, 'trainingSession'],
  [/\/training\/sessions\/[^/]+\/attendance$/, 'member'],
  [/\/meetings\/[^/]+\/(votes|attachments)$/, 'meetingPart'],
  [/\/meetings$/, 'meeting'],
  [/\/(members|me\/member)$/, 'member'],
  [/\/details$/, 'memberDetail'],
  [/\/(orgs|org-setup\/orgs)$/, 'org'],
  [/\/committee$/, 'committeeMember'],
  [/\/terms$/, 'term'],
  [/\/accounts$/, 'account'],
  [/\/transfers$/, 'transfer'],
  [/\/floating$/, 'floating'],
  [/\/lost-contact$/, 'lostContact'],
  [/\/hardship$/, 'hardship'],
  [/\/notifications$/, 'notification'],
];

/** The kind a `:param` at this point of a route names, or null when the path is unknown. */
export function paramKind(pathBeforeParam: string): RecordKind | null {
  return KIND_BY_PATH.find(([re]) => re.test(pathBeforeParam))?.[1] ?? null;
}

/**
 * Concrete urls for a registered route url such as `/api/members/:id/events`: every `:param` is
 * replaced by each id of the kind its preceding path names (all combinations when there are
 * several). A parameter of an unknown kind gets every id of the world of any kind, then ZERO_ID,
 * so a route added later is still called with real records. A url without parameters is itself.
 */
export function fillParams(url: string, world: World): string[] {
  const parts = url.split('/');
  let urls = [''];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    let values = [part];
    if (part.startsWith(':')) {
      const kind = paramKind(parts.slice(0, i).join('/'));
      values = kind ? world.ids[kind] : [...new Set(Object.values(world.ids).flat()), ZERO_ID];
      if (values.length === 0) values = [ZERO_ID];
    }
    urls = urls.flatMap((u) => values.map((v) => `${u}/${v}`));
  }
  return urls;
}
