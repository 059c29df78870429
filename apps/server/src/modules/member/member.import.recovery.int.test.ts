import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberImportJob } from '@jiceng/contracts';
import { RUNNER_APP_PREFIX, RUNNER_ID } from '../../platform/runner.ts';
import { ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';

/**
 * A roster import whose process was killed (kill -9) leaves its job row "running". An outside run
 * saw it read "running" for about a minute after the restart; now the starting process marks it
 * failed at once, and never the jobs of a process that is still there.
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
