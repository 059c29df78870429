import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestServer, type TestServer } from '../../test/harness.ts';
import { answerForDbError, isUniqueViolation } from './db-errors.ts';

/** What the platform's transaction does when PostgreSQL refuses a statement under contention. */
describe.each(ENGINES)('transactions under contention (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
    await server.db.script(`create table race_probe (id int primary key, n int not null default 0); insert into race_probe values (1, 0), (2, 0);`);
  });
  afterAll(() => server.close());

  it.runIf(engine === 'postgres')('runs a transaction again when it lost a deadlock, so both racers commit', async () => {
    let attempts = 0;
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothLocked = new Promise<void>((r) => (release = r));
    const lockBoth = (first: number, second: number) =>
      server.db.transaction(async (tx) => {
        attempts++;
        await tx.run(sql`update race_probe set n = n + 1 where id = ${first}`);
        // the first attempts meet here holding one row each, then each asks for the other's: a deadlock
        if (++arrived === 2) release();
        if (arrived <= 2) await bothLocked;
        await tx.run(sql`update race_probe set n = n + 1 where id = ${second}`);
      });
    await Promise.all([lockBoth(1, 2), lockBoth(2, 1)]);
    expect(attempts).toBe(3);
    const rows = await server.db.rows<{ n: number }>(sql`select n from race_probe order by id`);
    expect(rows.map((r) => r.n)).toEqual([2, 2]);
  });

  it('answers a unique violation as a Chinese 409, whichever driver reported it', async () => {
    const err = await server.db.run(sql`insert into race_probe (id) values (1)`).catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    const answer = answerForDbError(err);
    expect(answer?.status).toBe(409);
    expect(answer?.message).toMatch(/重复/);
  });

  it('answers data the database cannot take as a 400, not a 500', async () => {
    const err = await server.db.run(sql`select ${'2026-02-30'}::date`).catch((e: unknown) => e);
    expect(answerForDbError(err)?.status).toBe(400);
    expect(answerForDbError(new Error('boom'))).toBeNull();
  });
});
