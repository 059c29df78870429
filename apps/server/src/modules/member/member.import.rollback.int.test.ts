import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberImportJob } from '@jiceng/contracts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { buildIdNumber, buildMember, ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';
import { auditCount, memberCount, rosterFile, rosterRow } from './member.import.fixtures.ts';
import { importJobRepository } from './member.import.repository.ts';
import { pendingImportRepository, type PendingImportRepository } from './member.import.pending.ts';
import { createMemberImportService } from './member.import.ts';
import { WRITE_BATCH } from './member.import.write.ts';
import { memberRepository, type MemberRepository } from './member.repository.ts';

/**
 * Whole or nothing: a failure anywhere in the write (in a batch, or in the flip) leaves no member,
 * no history row, no audit row and no invisible member behind.
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
    pending: PendingImportRepository = pendingImportRepository,
    audit: AuditService = server.audit,
  ): Promise<MemberImportJob> {
    const importer = createMemberImportService({
      db: server.db,
      regionId: server.regionId,
      members,
      jobs: importJobRepository,
      pending,
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
  /** Everything an import writes: members, history rows, its audit rows, and members of imports not 完成 (member_row). */
  const written = async () => [await count(), await events(), await audits('member.import'), await pendingImportRepository.count(server.db, server.regionId)];

  it('rolls back every batch when a later batch fails', async () => {
    let calls = 0;
    const flaky: PendingImportRepository = {
      ...pendingImportRepository,
      write: async (db, regionId, jobId, batch, event) => {
        if (++calls === 2) throw new Error('模拟：写入第二批时数据库出错');
        return pendingImportRepository.write(db, regionId, jobId, batch, event);
      },
    };
    const before = await written();
    const job = await runWith(memberRepository, await rosterFile(rows(WRITE_BATCH + 10)), flaky);
    expect(job).toMatchObject({ phase: 'failed', created: null, message: expect.stringMatching(/内部错误，未导入任何数据/) as unknown as string });
    expect(calls).toBe(2);
    expect(await written()).toEqual(before);
  });

  it('rolls back the flip when it fails after every row was written, and deletes the rows', async () => {
    let pendingBeforeFlip = -1;
    const watched: PendingImportRepository = {
      ...pendingImportRepository,
      prepareFlip: async (tx, regionId, jobId) => {
        pendingBeforeFlip = await pendingImportRepository.count(tx, regionId, jobId);
        return pendingImportRepository.prepareFlip(tx, regionId, jobId);
      },
    };
    // the import's audit row in the flip fails: every member and history row was already written
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
    expect(pendingBeforeFlip).toBe(WRITE_BATCH + 10);
    expect(await written()).toEqual(before);
  });

  it('refuses the whole file when one of its ID numbers is registered while the rows are being written', async () => {
    const file = rows(WRITE_BATCH + 10);
    let calls = 0;
    const racing: PendingImportRepository = {
      ...pendingImportRepository,
      write: async (db, regionId, jobId, batch, event) => {
        // before the first batch, someone registers a person of the second batch through the form
        if (++calls === 1)
          expect((await t.admin.post('/api/members', buildMember(t.branchA1a, { idNumber: String(file[WRITE_BATCH + 1]!.idNumber) }))).status).toBe(201);
        return pendingImportRepository.write(db, regionId, jobId, batch, event);
      },
    };
    const [members, history, imports] = await written();
    const job = await runWith(memberRepository, await rosterFile(file), racing);
    expect(job).toMatchObject({ phase: 'failed', errors: [], message: expect.stringMatching(/刚被登记.*未导入任何数据/) as unknown as string });
    // only the registration made meanwhile: one member, its history row, none of the file's left
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
