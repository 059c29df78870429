import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberImportJob } from '@jiceng/contracts';
import { RUNNER_APP_PREFIX, RUNNER_ID } from '../../platform/runner.ts';
import { newId } from '../../platform/ids.ts';
import { ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';
import { DISCARD_BATCH, pendingImportRepository } from './member.import.pending.ts';
import type { MemberWrite } from './member.repository.ts';

/**
 * A roster import whose process was killed (kill -9) leaves its job row "running" (and members
 * written under it, invisible). An outside run saw it read "running" for about a minute after the
 * restart; now the starting process marks it failed at once and deletes its members, and never
 * touches the jobs of a process that is still there.
 */
describe.each(ENGINES)('imports interrupted by a killed process (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
  });
  afterAll(() => server.close());

  const orphan = async (id: string, runner: string | null) => {
    await server.db.run(sql`insert into member_import_job (region_id, id, account_id, file_name, phase, done, total, runner)
      values (${server.regionId}, ${id}, ${t.admin.me!.id}, '名册.xlsx', 'checking', 120, 3000, ${runner})`);
  };

  it("marks a killed process's job failed at start, so its owner reads failed at once", async () => {
    const id = '01900000-0000-7000-8000-00000000dead';
    await orphan(id, '00000000-0000-4000-8000-000000000000');
    expect(await server.modules.member.importer.recoverOrphaned()).toBe(1);
    const job = await t.admin.get<MemberImportJob>(`/api/members/import/${id}`);
    expect(job.body).toMatchObject({ phase: 'failed', message: expect.stringContaining('未导入任何数据') });
    expect(await server.modules.member.importer.recoverOrphaned()).toBe(0);
  });

  /** `n` members written for job `id`, as an import writes them before its flip. */
  const writeRows = async (id: string, n: number) => {
    const w: MemberWrite = {
      ...{ orgId: t.branchA1a, name: '暂存', gender: 'male', ethnicity: '汉族', birthDate: '1980-01-01', education: 'bachelor', occupation: 'worker' },
      ...{
        idNumberEnc: 'x',
        idNumberHash: 'h',
        idNumberMasked: '32**************11',
        workUnit: null,
        position: null,
        phoneEnc: null,
        phoneHash: null,
        phoneMasked: null,
      },
      ...{ addressEnc: null, addressMasked: null, appliedDate: null, joinedDate: '2001-07-01', confirmedDate: '2002-07-01', status: 'full', categories: [] },
    };
    const rows = Array.from({ length: n }, () => ({ id: newId(), eventId: newId(), w: { ...w, idNumberHash: newId() } }));
    await pendingImportRepository.write(server.db, server.regionId, id, rows, { reason: '导入党员名册', actorId: null, actorName: null });
  };
  const pendingOf = (id: string) => pendingImportRepository.count(server.db, server.regionId, id);
  /** Rows of job `id` in member_row and their history rows, visible or not. */
  const left = async (id: string) =>
    (await server.db.one<{ n: number }>(sql`select (select count(*) from member_row where import_job_id = ${id})
      + (select count(*) from member_status_event e join member_row m on m.region_id = e.region_id and m.id = e.member_id where m.import_job_id = ${id})::int as n`))!
      .n;

  it("deletes a killed import's members and history rows at start, and keeps those of a job still running", async () => {
    const killed = '01900000-0000-7000-8000-00000000dea2';
    const running = '01900000-0000-7000-8000-00000000a112';
    await orphan(killed, '00000000-0000-4000-8000-000000000000');
    await orphan(running, RUNNER_ID);
    await writeRows(killed, DISCARD_BATCH + 7);
    await writeRows(running, 3);
    expect(await server.modules.member.importer.recoverOrphaned()).toBe(1);
    expect([await pendingOf(killed), await pendingOf(running)]).toEqual([0, 3]);
    expect([await left(killed), await left(running)]).toEqual([0, 6]);
    expect((await t.admin.get<MemberImportJob>(`/api/members/import/${killed}`)).body.phase).toBe('failed');
  });

  it('deletes the members of a job given up when its owner reads it after its heartbeat stopped', async () => {
    const id = '01900000-0000-7000-8000-00000000057a';
    await orphan(id, RUNNER_ID);
    await writeRows(id, 4);
    await server.db.run(sql`update member_import_job set updated_at = now() - interval '10 minutes' where region_id = ${server.regionId} and id = ${id}`);
    expect((await t.admin.get<MemberImportJob>(`/api/members/import/${id}`)).body).toMatchObject({
      phase: 'failed',
      message: expect.stringContaining('未导入任何数据'),
    });
    expect(await left(id)).toBe(0);
  });

  it('never shows the members of a job that is not 完成, and never deletes those of one that is', async () => {
    const id = '01900000-0000-7000-8000-0000000000f1';
    await orphan(id, RUNNER_ID);
    const before = (await t.admin.get<{ total: number }>('/api/members')).body.total;
    await writeRows(id, 5);
    expect((await t.admin.get<{ total: number }>('/api/members')).body.total).toBe(before);
    await server.db.run(sql`update member_import_job set phase = 'done' where region_id = ${server.regionId} and id = ${id}`);
    expect((await t.admin.get<{ total: number }>('/api/members')).body.total).toBe(before + 5);
    expect(await pendingImportRepository.discard(server.db, server.regionId, id)).toBe(0);
    expect(await left(id)).toBe(10);
  });

  it('leaves alone the jobs of this process', async () => {
    const id = '01900000-0000-7000-8000-00000000a11e';
    await orphan(id, RUNNER_ID);
    expect(await server.modules.member.importer.recoverOrphaned()).toBe(0);
    expect((await t.admin.get<MemberImportJob>(`/api/members/import/${id}`)).body.phase).toBe('checking');
  });

  it.runIf(engine === 'postgres')('leaves alone the jobs of another process that is still connected (PostgreSQL)', async () => {
    const other = '11111111-1111-4111-8111-111111111111';
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${(await server.db.one<{ d: string }>(sql`select current_database() as d`))!.d}`;
    const peer = new pg.Client({ connectionString: url.toString(), application_name: `${RUNNER_APP_PREFIX}${other}` });
    await peer.connect();
    try {
      await orphan('01900000-0000-7000-8000-0000000000be', other);
      expect(await server.modules.member.importer.recoverOrphaned()).toBe(0);
    } finally {
      await peer.end();
    }
    expect(await server.modules.member.importer.recoverOrphaned()).toBe(1);
  });
});
