import { login, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

/** The 组织部 account of the seeded tree's root (the district committee), which holds the district's plans. */
export async function loginDepartment(server: TestServer, t: SeededTree): Promise<Client> {
  await server.modules.account.bootstrap({
    username: 'dept',
    displayName: '组织部',
    role: 'department',
    orgId: t.rootId,
    password: 'Test@2026pw',
    mustChangePassword: false,
  });
  return login(server, 'dept', 'Test@2026pw');
}
