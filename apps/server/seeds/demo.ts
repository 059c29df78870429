import type { Server } from '../src/server.ts';

/** Placeholder replaced by the demo district generator. */
export async function seedDemo(server: Server): Promise<void> {
  const rootId = await server.modules.org.service.createRoot({ name: '中共演示区委员会', type: 'committee', domain: 'agency' });
  await server.modules.account.bootstrap({ username: 'admin', displayName: '系统管理员', role: 'admin', orgId: rootId, password: 'Demo@2026', mustChangePassword: false });
}
