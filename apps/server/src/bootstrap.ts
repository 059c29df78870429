import crypto from 'node:crypto';
import type { Server } from './server.ts';
import { seedDemo } from '../seeds/demo.ts';

/**
 * First start on an empty database: the demo district with its demo accounts, or (with `--no-demo`)
 * a root organization and one administrator whose one-time password is printed.
 * Returns lines to print, or none when the database already had data.
 */
export async function bootstrap(server: Server, demo: boolean): Promise<string[]> {
  if ((await server.modules.org.service.count()) > 0) return [];
  if (demo) {
    await seedDemo(server);
    await server.setDemo(true);
    return ['已载入演示数据（演示区），演示账号见 README，密码均为 Demo@2026'];
  }
  const rootId = await server.modules.org.service.createRoot({ name: '中共××区委员会（请修改名称）', type: 'committee', domain: 'agency' });
  const password = crypto.randomBytes(9).toString('base64url');
  await server.modules.account.bootstrap({ username: 'admin', displayName: '系统管理员', role: 'admin', orgId: rootId, password, mustChangePassword: true });
  await server.setDemo(false);
  return [`已创建系统管理员账号：admin，一次性密码：${password}（首次登录后请立即修改）`];
}
