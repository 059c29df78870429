import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberImportJob } from '@jiceng/contracts';
import type { Actor } from '../../platform/http/actor.ts';
import { buildIdNumber, buildMember, ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';
import { auditCount, memberCount, rosterFile, rosterRow } from './member.import.fixtures.ts';
import { importJobRepository } from './member.import.repository.ts';
import { createMemberImportService } from './member.import.ts';
import { WRITE_BATCH } from './member.import.write.ts';
import { memberRepository, type MemberRepository } from './member.repository.ts';

/** Whole or nothing: a failure in the middle of the write leaves no member, no history and no audit row behind. */
describe.each(ENGINES)('member roster import rollback (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let actor: Actor;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    actor = { ...(await server.systemActor())!, id: t.admin.me!.id, displayName: 'admin' };
  });
  afterAll(() => server.close());

  const count = () => memberCount(t.admin);
  const audits = (action: string) => auditCount(t.admin, action);

  /** Runs an import through an importer built on `members`, and returns the finished job. */
  async function runWith(members: MemberRepository, file: Buffer): Promise<MemberImportJob> {
    const importer = createMemberImportService({ db: server.db, regionId: server.regionId, members, jobs: importJobRepository, audit: server.audit, clock: server.clock, crypto: server.crypto });
    const logged: unknown[] = [];
    const { jobId } = await importer.start(actor, { fileName: '回滚.xlsx', data: file }, (e) => logged.push(e));
    await importer.drain();
    return importer.job(actor, jobId);
  }

  const rows = (n: number) => Array.from({ length: n }, (_, i) => rosterRow(buildIdNumber('1975-05-05'), '甲一社区第一党支部', { name: `回滚${i}` }));

  it('rolls back every batch when a later batch fails', async () => {
    let calls = 0;
    const flaky: MemberRepository = {
      ...memberRepository,
      insertEvents: async (db, regionId, events) => {
        if (++calls === 2) throw new Error('模拟：写入第二批时数据库出错');
        return memberRepository.insertEvents(db, regionId, events);
      },
    };
    const before = [await count(), await audits('member.import')];
    const job = await runWith(flaky, await rosterFile(rows(WRITE_BATCH + 10)));
    expect(job).toMatchObject({ phase: 'failed', created: null, message: expect.stringMatching(/内部错误，未导入任何数据/) as unknown as string });
    expect([await count(), await audits('member.import')]).toEqual(before);
  });

  it('answers a clear conflict when an ID number is registered between the check and the write', async () => {
    const id = buildIdNumber('1976-06-06');
    expect((await t.admin.post('/api/members', buildMember(t.branchA1a, { idNumber: id }))).status).toBe(201);
    // The check does not see the registration (as if it happened a moment later); the unique key does.
    const late: MemberRepository = { ...memberRepository, existingIdHashes: async () => [] };
    const before = await count();
    const job = await runWith(late, await rosterFile([...rows(3), rosterRow(id, '甲一社区第一党支部')]));
    expect(job).toMatchObject({ phase: 'failed', errors: [], message: expect.stringMatching(/刚被登记.*未导入任何数据/) as unknown as string });
    expect(await count()).toBe(before);
  });
});
