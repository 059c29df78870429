import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberImportJob, TodoPage } from '@jiceng/contracts';
import type { Actor } from '../../platform/http/actor.ts';
import { buildIdNumber, buildOrg, ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';
import { memberCount, rosterFile, rosterRow } from './member.import.fixtures.ts';
import { pendingImportRepository, type PendingImportRepository } from './member.import.pending.ts';
import { importJobRepository } from './member.import.repository.ts';
import { createMemberImportService } from './member.import.ts';
import { WRITE_BATCH } from './member.import.write.ts';
import { memberRepository } from './member.repository.ts';

/**
 * An import's members are written in place before the job is 完成 (ADR 0008): nobody sees them
 * until the flip, everybody sees all of them right after it, and what is computed from members
 * (the to-do read model) counts them.
 */
describe.each(ENGINES)('member roster import visibility (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let actor: Actor;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    actor = { ...(await server.systemActor())!, id: t.admin.me!.id, displayName: 'admin' };
  });
  afterAll(() => server.close());

  /** Imports `file` through repositories that call `between` after each batch is written. */
  async function importWatching(file: Buffer, between: () => Promise<void>): Promise<MemberImportJob> {
    const watching: PendingImportRepository = {
      ...pendingImportRepository,
      write: async (db, regionId, jobId, batch, event) => {
        await pendingImportRepository.write(db, regionId, jobId, batch, event);
        await between();
      },
    };
    const importer = createMemberImportService({
      ...{ db: server.db, regionId: server.regionId, members: memberRepository, jobs: importJobRepository, pending: watching },
      ...{ audit: server.audit, clock: server.clock, crypto: server.crypto },
    });
    const { jobId } = await importer.start(actor, { fileName: '可见性.xlsx', data: file }, () => undefined);
    await importer.drain();
    return importer.job(actor, jobId);
  }

  it('shows none of the members while the job writes, and all of them at its 完成', async () => {
    const before = await memberCount(t.admin);
    const rows = Array.from({ length: WRITE_BATCH + 3 }, (_, i) => rosterRow(buildIdNumber('1981-01-01'), '甲一社区第一党支部', { name: `可见${i}` }));
    const seen: number[] = [];
    const job = await importWatching(await rosterFile(rows), async () => {
      seen.push(await memberCount(t.admin));
      // a look-up by one of the file's names finds nobody yet
      seen.push((await t.admin.get<{ total: number }>(`/api/members?name=${encodeURIComponent('可见1')}`)).body.total);
    });
    expect(job).toMatchObject({ phase: 'done', created: WRITE_BATCH + 3 });
    expect(seen).toEqual([before, 0, before, 0]);
    expect(await memberCount(t.admin)).toBe(before + WRITE_BATCH + 3);
  });

  it('counts the imported members in the to-dos even when they were read while the rows were invisible', async () => {
    const res = await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.communityA1, { name: '甲一社区第九党支部' }));
    expect(res.status).toBe(201);
    const branchId = res.body.id;
    const oversize = async () =>
      (await t.admin.get<TodoPage>(`/api/todos?source=org.setup&pageSize=200`)).body.items.filter((x) => x.orgId === branchId && /人数过多/.test(x.title));
    const rows = Array.from({ length: 51 }, (_, i) => rosterRow(buildIdNumber('1982-02-02'), '甲一社区第九党支部', { name: `九支${i}` }));
    // the read model is brought up to date after the batch, while the rows are still invisible
    const job = await importWatching(await rosterFile(rows), async () => {
      expect(await oversize()).toEqual([]);
    });
    expect(job.phase).toBe('done');
    expect(await oversize()).toHaveLength(1);
  });
});
