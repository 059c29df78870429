import type { CobuildAgreementDetail, CobuildAgreementInput } from '@jiceng/contracts';
import { buildOrg, login, PASSWORD, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

/** An agency branch under the district committee (side 甲方 of the tests' agreements) and its account. */
export async function agencySide(
  server: TestServer,
  t: SeededTree,
  name = '区发改委机关党支部',
  username = 'agency',
): Promise<{ orgId: string; client: Client }> {
  const res = await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.rootId, { name, type: 'branch', domain: 'agency' }));
  if (res.status !== 201) throw new Error(`agency org: ${res.status} ${JSON.stringify(res.body)}`);
  await server.modules.account.bootstrap({
    username,
    displayName: `${name}管理员`,
    role: 'department',
    orgId: res.body.id,
    password: PASSWORD,
    mustChangePassword: false,
  });
  return { orgId: res.body.id, client: await login(server, username) };
}

export const CONTACTS: CobuildAgreementInput['contacts'] = [
  { side: 'a', name: '王明', post: '支部书记', phone: '13912340001' },
  { side: 'b', name: '李红', post: '社区党委书记', phone: '13912340002' },
];

/** A draft between `orgAId` and `orgBId`, by `c`. */
export async function draft(c: Client, orgAId: string, orgBId: string, over: Partial<CobuildAgreementInput> = {}): Promise<CobuildAgreementDetail> {
  const res = await c.post<CobuildAgreementDetail>('/api/cobuild/agreements', {
    orgAId,
    orgBId,
    startOn: '2026-01-01',
    endOn: '2027-12-31',
    contacts: CONTACTS,
    ...over,
  });
  if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Takes a step and expects it to succeed. */
export async function act(c: Client, id: string, action: string, reason?: string): Promise<CobuildAgreementDetail> {
  const res = await c.post<CobuildAgreementDetail>(`/api/cobuild/agreements/${id}/actions`, { action, ...(reason ? { reason } : {}) });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A draft sent by `drafter` and confirmed by `other`: in force. */
export async function inForce(drafter: Client, other: Client, orgAId: string, orgBId: string, over: Partial<CobuildAgreementInput> = {}) {
  const d = await draft(drafter, orgAId, orgBId, over);
  await act(drafter, d.id, 'submit');
  return act(other, d.id, 'confirm');
}
