import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestServer, type TestServer } from '../../test/harness.ts';

/** `onePrepared`: a named statement on PostgreSQL (planned once per connection), plain on PGlite. */
describe.each(ENGINES)('prepared statements (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const probe = (n: number) => sql`select ${n}::int * 2 as doubled, ${String(n)}::text as label`;

  it('gives the statement’s row for any values, on every pooled connection, in and out of transactions', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => server.db.onePrepared<{ doubled: number; label: string }>('jc_test_probe', probe(i))),
    );
    expect(answers.map((a) => a?.doubled)).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(answers.map((a) => a?.label)).toEqual(Array.from({ length: 40 }, (_, i) => String(i)));
    const inTx = await server.db.transaction((tx) => tx.onePrepared<{ doubled: number }>('jc_test_probe', probe(21)));
    expect(inTx?.doubled).toBe(42);
    expect(await server.db.onePrepared('jc_test_none', sql`select 1 where false`)).toBeUndefined();
  });

  it.runIf(engine === 'postgres')('is one named statement per connection on PostgreSQL', async () => {
    await server.db.transaction(async (tx) => {
      await tx.onePrepared('jc_test_probe', probe(1));
      await tx.onePrepared('jc_test_probe', probe(2));
      const { rows } = await tx.raw(`select count(*)::int as n from pg_prepared_statements where name = 'jc_test_probe'`);
      expect(rows[0]).toEqual({ n: 1 });
    });
  });
});
