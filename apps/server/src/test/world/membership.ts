import type { Client } from '../harness.ts';
import { pad, YEAR, type WorldContext } from './context.ts';

/** Transfers in every state, letters included. */
export async function worldTransfers(w: WorldContext): Promise<void> {
  const { t, add, person, post, streetB, secA1a } = w;
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
}

/** Floating members in every step; lost contact, one found again. */
export async function worldFloating(w: WorldContext): Promise<void> {
  const { t, add, person, people, post, streetB, secA1a } = w;
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
}
