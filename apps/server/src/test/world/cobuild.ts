import type { CobuildAgreementDetail } from '@jiceng/contracts';
import { buildOrg } from '../harness.ts';
import { expectOk, YEAR, type WorldContext } from './context.ts';

const CONTACTS = [
  { side: 'a', name: '王明', post: '支部书记', phone: '13912340001' },
  { side: 'b', name: '李红', post: '社区党委书记', phone: '025-84561234' },
];

/**
 * 结对共建: an agency branch under the district paired with 社区A1 (in force, with a commitment, an
 * activity, a problem solved and funds), with 社区B1 (waiting for its confirmation), and 街道A's own
 * draft with 社区A1 — so the list, each agreement, its plan and log entries, the 协议书, the ledger
 * and the figures answer with data on both sides of the tree.
 */
export async function worldCobuild(w: WorldContext): Promise<void> {
  const { add, post, t, communityA1, streetA } = w;
  const agency = expectOk(
    'cobuild agency org',
    await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.rootId, { name: '区机关工委第一党支部', type: 'branch', domain: 'agency' })),
  );
  const base = '/api/cobuild/agreements';
  const draft = (c: typeof streetA, what: string, orgAId: string, orgBId: string) =>
    post<CobuildAgreementDetail>(c, what, base, { orgAId, orgBId, startOn: `${YEAR}-01-01`, endOn: `${YEAR + 1}-12-31`, contacts: CONTACTS });

  const main = await draft(t.admin, 'cobuild draft', agency.id, t.communityA1);
  await post(t.admin, 'cobuild submit', `${base}/${main.id}/actions`, { action: 'submit' });
  await post(communityA1, 'cobuild confirm', `${base}/${main.id}/actions`, { action: 'confirm' });
  const planned = await post<CobuildAgreementDetail>(t.admin, 'cobuild commitment', `${base}/${main.id}/commitments`, {
    heading: '基础设施联建',
    content: '协调资金硬化社区道路',
    dueOn: `${YEAR}-10-31`,
    side: 'a',
  });
  add('cobuildCommitment', planned.plan[0]!.id);
  await post(communityA1, 'cobuild activity', `${base}/${main.id}/activities`, {
    heldOn: `${YEAR}-11-01`,
    title: '联合主题党日',
    heading: '党建工作联创',
    participants: 40,
  });
  await post(communityA1, 'cobuild problem', `${base}/${main.id}/problems`, { solvedOn: `${YEAR}-11-02`, count: 1, description: '解决道路硬化问题' });
  const full = await post<CobuildAgreementDetail>(t.admin, 'cobuild fund', `${base}/${main.id}/funds`, {
    raisedOn: `${YEAR}-11-03`,
    amountFen: 2_000_000,
    source: '机关工委专项经费',
    purpose: '道路硬化',
  });
  for (const e of full.log) add('cobuildEntry', e.id);

  const waiting = await draft(t.admin, 'cobuild draft B1', agency.id, t.communityB1);
  await post(t.admin, 'cobuild submit B1', `${base}/${waiting.id}/actions`, { action: 'submit' });
  const own = await draft(streetA, 'cobuild street draft', t.streetA, t.communityA1);
  for (const a of [main, waiting, own]) add('cobuildAgreement', a.id);
}
