import type { MemberInput } from '@jiceng/contracts';
import { buildMember } from '../harness.ts';
import { upload } from '../xlsx.ts';
import { idNumberCheckChar } from '@jiceng/contracts';
import { expectOk, pad, YEAR, type WorldContext } from './context.ts';

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

/** Person i's birth date: year 1961 + i, never a date any other record of the world carries. */
export const worldBirthDate = (i: number) => `${1961 + i}-${pad(((i * 5) % 12) + 1)}-${pad(((i * 11) % 28) + 1)}`;

/** A valid ID number born on `birth` with a sequence of its own (320102 region, odd = male). */
function idNumberFor(birth: string, i: number, male: boolean): string {
  const seq = (i * 2 + (male ? 1 : 0) + 100) % 1000;
  const first17 = `320102${birth.replaceAll('-', '')}${pad(seq, 3)}`;
  return first17 + idNumberCheckChar(first17);
}

/** The people of PLAN, in its order: each a member record of their branch (the incoming letter's through the transfer). */
export async function worldMembers(w: WorldContext): Promise<void> {
  const { t, add, people, post, streetB } = w;
  const branchOf = { A1a: t.branchA1a, A1b: t.branchA1b, B1a: t.branchB1a } as const;
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
}

/** Lifecycle events (suspended, left, under discipline), member tabs and a photo. */
export async function worldLifecycle(w: WorldContext): Promise<void> {
  const { add, person, post, secA1a } = w;
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
}
