import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, login, seedTree, startTestServer, type TestServer } from '../../test/harness.ts';

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

/** PGlite answers `onePrepared` from memory until anything writes (ADR 0016). */
describe('remembered answers on PGlite', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    await server.db.run(sql`create table jc_test_epoch (k int primary key, v text)`);
    await server.db.run(sql`insert into jc_test_epoch values (1, 'a')`);
  });
  afterAll(() => server.close());

  const read = () => server.db.onePrepared<{ v: string }>('jc_test_epoch_read', sql`select v from jc_test_epoch where k = ${1}`);

  it('sees every write at once: a statement, a transaction, a script and raw SQL', async () => {
    expect((await read())?.v).toBe('a');
    await server.db.run(sql`update jc_test_epoch set v = 'b' where k = 1`);
    expect((await read())?.v).toBe('b');
    await server.db.transaction((tx) => tx.run(sql`update jc_test_epoch set v = 'c' where k = 1`));
    expect((await read())?.v).toBe('c');
    await server.db.script(`update jc_test_epoch set v = 'd' where k = 1`);
    expect((await read())?.v).toBe('d');
    await server.db.raw(`update jc_test_epoch set v = $1 where k = 1`, ['e']);
    expect((await read())?.v).toBe('e');
    await server.db.one(sql`with u as (update jc_test_epoch set v = 'f' where k = 1 returning v) select v from u`);
    expect((await read())?.v).toBe('f');
  });

  it('is kept across plain reads and answers without asking the engine', async () => {
    await server.db.run(sql`update jc_test_epoch set v = 'g' where k = 1`);
    expect((await read())?.v).toBe('g');
    await server.db.rows(sql`select * from jc_test_epoch`);
    // Changed behind the module's back (the engine's own client): a remembered answer shows it is
    // not asked again. Nothing in the application can do this.
    const hidden = (server.db as unknown as { orm: { $client: { query(t: string): Promise<unknown> } } }).orm.$client;
    await hidden.query(`update jc_test_epoch set v = 'hidden' where k = 1`);
    expect((await read())?.v).toBe('g');
    await server.db.run(sql`select pg_advisory_unlock_all()`);
    expect((await read())?.v).toBe('hidden');
  });

  it('does not keep an answer read while a transaction was committing', async () => {
    await server.db.run(sql`update jc_test_epoch set v = 'h' where k = 1`);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = server.db.transaction(async (t) => {
      await t.run(sql`update jc_test_epoch set v = 'i' where k = 1`);
      await held;
    });
    const during = read();
    release();
    await tx;
    await during;
    expect((await read())?.v).toBe('i');
  });

  it('ends a session at once on logout and on disabling the account', async () => {
    const t = await seedTree(server);
    const street = await login(server, 'streetA');
    expect((await street.get('/api/auth/me')).status).toBe(200);
    expect((await street.get('/api/auth/me')).status).toBe(200);
    expect((await street.post('/api/auth/logout', {})).status).toBeLessThan(300);
    expect((await street.get('/api/auth/me')).status).toBe(401);

    const secretary = await login(server, 'secA1a');
    expect((await secretary.get('/api/auth/me')).status).toBe(200);
    await server.db.run(sql`update account set disabled = true where username = 'secA1a'`);
    expect((await secretary.get('/api/auth/me')).status).toBe(401);
    expect(t.rootId).toBeTruthy();
  });
});
