import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { present } from '../crypto/mask.ts';
import { ENGINES, login, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';

describe.each(ENGINES)('personal data: encrypted, masked, unmasked reads audited (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
  });
  afterAll(() => server.close());

  it('encrypts with the deployment key and finds by keyed hash', () => {
    const stored = server.crypto.encrypt('320102199001011234');
    expect(stored).not.toContain('1990');
    expect(server.crypto.decrypt(stored)).toBe('320102199001011234');
    expect(server.crypto.lookupHash('320102199001011234')).toBe(server.crypto.lookupHash(' 320102199001011234 '));
  });

  it('writes each unmasked read to the audit log, visible in scope only', async () => {
    const streetA = await login(server, 'streetA');
    const actor = (await server.systemActor())!;
    const value = present('320102199001011234', 'idNumber', true);
    expect(present('320102199001011234', 'idNumber', false)).toBe('32**************34');
    expect(value).toBe('320102199001011234');
    const orgPath = (await server.modules.org.service.resolveInScope(actor, t.branchA1a)).path;
    await server.audit.recordUnmask(server.db, { ...actor, displayName: '测试管理员', ip: '127.0.0.1' }, 'member', 'm-1', orgPath, ['idNumber']);
    const res = await streetA.get<{ items: { action: string; entityId: string; after: { fields: string[] }; actorName: string }[] }>(
      '/api/audit?action=personal.unmask',
    );
    expect(res.body.items[0]).toMatchObject({ entityId: 'm-1', after: { fields: ['idNumber'] }, actorName: '测试管理员' });
    const streetB = await login(server, 'streetB');
    expect((await streetB.get<{ total: number }>('/api/audit?action=personal.unmask')).body.total).toBe(0);
  });
});
