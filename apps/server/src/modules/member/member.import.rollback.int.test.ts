import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberImportJob } from '@jiceng/contracts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { buildIdNumber, buildMember, ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';
import { auditCount, memberCount, rosterFile, rosterRow } from './member.import.fixtures.ts';
import { importJobRepository } from './member.import.repository.ts';
import { importStageRepository, type ImportStageRepository } from './member.import.stage.ts';
import { createMemberImportService } from './member.import.ts';
import { WRITE_BATCH } from './member.import.write.ts';
import { memberRepository, type MemberRepository } from './member.repository.ts';

/**
 * Whole or nothing: a failure anywhere in the write (while staging, or in the final move) leaves no
 * member, no history row, no audit row and no staged row behind.
 */
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

  /** Runs an import through an importer built on these repositories (and audit), and returns the finished job. */
  async function runWith(
    members: MemberRepository,
    file: Buffer,
    stage: ImportStageRepository = importStageRepository,
    audit: AuditService = server.audit,
  ): Promise<MemberImportJob> {
    const importer = createMemberImportService({
      db: server.db,
      regionId: server.regionId,
      members,
      jobs: importJobRepository,
      stage,
      audit,
      clock: server.clock,
      crypto: server.crypto,
    });
    const logged: unknown[] = [];
    const { jobId } = await importer.start(actor, { fileName: '回滚.xlsx', data: file }, (e) => logged.push(e));
    await importer.drain();
    return importer.job(actor, jobId);
  }

  const rows = (n: number) => Array.from({ length: n }, (_, i) => rosterRow(buildIdNumber('1975-05-05'), '甲一社区第一党支部', { name: `回滚${i}` }));

  const events = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from member_status_event`))!.n;
  /** Everything an import writes: members, history rows, its audit rows, and rows still staged. */
  const written = async () => [await count(), await events(), await audits('member.import'), await importStageRepository.count(server.db, server.regionId)];

  it('rolls back every batch when a later batch fails', async () => {
    let calls = 0;
    const flaky: ImportStageRepository = {
      ...importStageRepository,
      stage: async (db, regionId, jobId, from, batch) => {
        if (++calls === 2) throw new Error('模拟：写入第二批时数据库出错');
        return importStageRepository.stage(db, regionId, jobId, from, batch);
      },
    };
    const before = await written();
    const job = await runWith(memberRepository, await rosterFile(rows(WRITE_BATCH + 10)), flaky);
    expect(job).toMatchObject({ phase: 'failed', created: null, message: expect.stringMatching(/内部错误，未导入任何数据/) as unknown as string });
    expect(calls).toBe(2);
    expect(await written()).toEqual(before);
  });

  it('rolls back the final move when it fails after every row was staged, and deletes the staged rows', async () => {
    let stagedBeforeMove = -1;
    const watched: ImportStageRepository = {
      ...importStageRepository,
      move: async (tx, regionId, jobId, event) => {
        stagedBeforeMove = await importStageRepository.count(tx, regionId, jobId);
        return importStageRepository.move(tx, regionId, jobId, event);
      },
    };
    // the last write of the final transaction (the import's audit row) fails: members and history rows were already moved
    const failingAudit: AuditService = {
      ...server.audit,
      record: async (tx, who, e) => {
        if (e.action === 'member.import') throw new Error('模拟：写审计日志时数据库出错');
        return server.audit.record(tx, who, e);
      },
    };
    const before = await written();
    const job = await runWith(memberRepository, await rosterFile(rows(WRITE_BATCH + 10)), watched, failingAudit);
    expect(job).toMatchObject({ phase: 'failed', created: null, message: expect.stringMatching(/内部错误，未导入任何数据/) as unknown as string });
    expect(stagedBeforeMove).toBe(WRITE_BATCH + 10);
    expect(await written()).toEqual(before);
  });

  it('refuses the whole file when one of its ID numbers is registered while the rows are being staged', async () => {
    const file = rows(WRITE_BATCH + 10);
    let calls = 0;
    const racing: ImportStageRepository = {
      ...importStageRepository,
      stage: async (db, regionId, jobId, from, batch) => {
        // between two staging statements, someone registers the file's first person through the form
        if (++calls === 2) expect((await t.admin.post('/api/members', buildMember(t.branchA1a, { idNumber: String(file[0]!.idNumber) }))).status).toBe(201);
        return importStageRepository.stage(db, regionId, jobId, from, batch);
      },
    };
    const [members, history, imports] = await written();
    const job = await runWith(memberRepository, await rosterFile(file), racing);
    expect(job).toMatchObject({ phase: 'failed', errors: [], message: expect.stringMatching(/刚被登记.*未导入任何数据/) as unknown as string });
    // only the registration made meanwhile: one member, its history row, nothing staged left
    expect(await written()).toEqual([members! + 1, history! + 1, imports, 0]);
  });

  it('answers a clear conflict when an ID number is registered between the check and the write', async () => {
    const id = buildIdNumber('1976-06-06');
    expect((await t.admin.post('/api/members', buildMember(t.branchA1a, { idNumber: id }))).status).toBe(201);
    // The check does not see the registration (as if it happened a moment later); the unique key does.
    const late: MemberRepository = { ...memberRepository, existingIdHashes: async () => [] };
    const before = await written();
    const job = await runWith(late, await rosterFile([...rows(3), rosterRow(id, '甲一社区第一党支部')]));
    expect(job).toMatchObject({ phase: 'failed', errors: [], message: expect.stringMatching(/刚被登记.*未导入任何数据/) as unknown as string });
    expect(await written()).toEqual(before);
  });
});
