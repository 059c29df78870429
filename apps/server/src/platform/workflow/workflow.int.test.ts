import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { race } from '../../test/contention.ts';
import { ENGINES, startTestServer, type Response, type TestServer } from '../../test/harness.ts';
import { answerForDbError } from '../db/db-errors.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { WorkflowActor } from './workflow.definition.ts';
import { createWorkflow, type Workflow, type WorkflowCallbacks } from './workflow.ts';
import { PROBE_WORKFLOW, type ProbeAction } from './workflow.test-def.ts';

type Action = ProbeAction;
const street: WorkflowActor = { id: newId(), displayName: '街道审核员', role: 'street', ip: '127.0.0.1' };
const secretary: WorkflowActor = { id: newId(), displayName: '支部书记', role: 'secretary', ip: '127.0.0.1' };
const ORG_PATH = 'r1.s1.b1';

/** The answer the HTTP layer would give for a settled call (AppError, database refusal, or 500). */
async function answer(p: Promise<unknown>): Promise<Response<{ error?: { code: string; message: string } }>> {
  const res = (status: number, body: { error?: { code: string; message: string } }) => ({ status, body, headers: {}, raw: Buffer.alloc(0) });
  try {
    await p;
    return res(200, {});
  } catch (e) {
    const known = e instanceof AppError ? e : answerForDbError(e);
    return known ? res(known.status, { error: { code: known.code, message: known.message } }) : res(500, { error: { code: 'INTERNAL', message: String(e) } });
  }
}

/**
 * The platform workflow on a test-only table, on each engine: the legal path writes history and
 * audit rows that agree; refusals (409 naming the state, 400, 403) write nothing; concurrent
 * transitions have exactly one winner; a failure after the state change rolls everything back.
 */
describe.each(ENGINES)('platform workflow (%s)', (engine) => {
  let server: TestServer;
  let wf: Workflow<string, Action>;
  let minutes = true;

  beforeAll(async () => {
    server = await startTestServer(engine);
    await server.db.script(`create table workflow_probe (
      region_id text not null, id uuid not null, state text not null, version int not null default 1, note text, updated_at timestamptz,
      primary key (region_id, id))`);
    wf = createWorkflow(PROBE_WORKFLOW, {
      regionId: server.regionId,
      kind: 'probe',
      audit: server.audit,
      store: { table: 'workflow_probe', touched: 'updated_at' },
      guards: { hasMinutes: () => (minutes ? null : '请先上传会议记录再归档') },
    });
  });
  afterAll(() => server.close());

  const create = async (state = 'draft') => {
    const id = newId();
    await server.db.run(sql`insert into workflow_probe (region_id, id, state) values (${server.regionId}, ${id}, ${state})`);
    return id;
  };
  const probe = (id: string) =>
    server.db.one<{ state: string; version: number; note: string | null }>(sql`select state, version, note from workflow_probe where id = ${id}`);
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;
  const events = (id: string) => count(sql`select count(*)::int as n from workflow_event where record_id = ${id}`);
  const audits = (id: string) => count(sql`select count(*)::int as n from audit_log where entity = 'probe' and entity_id = ${id}`);

  /** What a module's service does: one transaction, read the record, apply the action to the state it read. */
  const act = (
    id: string,
    action: Action,
    actor: WorkflowActor = street,
    extra: {
      reason?: string;
      version?: number;
      w?: Workflow<string, Action>;
      fail?: boolean;
      fields?: Record<string, unknown>;
      data?: Record<string, unknown>;
    } = {},
  ) =>
    server.db.transaction(async (tx) => {
      const row = await tx.one<{ state: string }>(sql`select state from workflow_probe where region_id = ${server.regionId} and id = ${id}`);
      const t = await (extra.w ?? wf).apply(tx, {
        recordId: id,
        orgPath: ORG_PATH,
        action,
        actor,
        reason: extra.reason,
        currentState: row!.state,
        version: extra.version,
        fields: extra.fields,
        data: extra.data,
      });
      if (extra.fail) throw new Error('后续步骤失败');
      return t;
    });

  it('the legal path: each step changes the state, bumps the version and writes one history row and one audit row that agree', async () => {
    const id = await create();
    await act(id, 'submit', secretary);
    await act(id, 'return', street, { reason: '  材料不全，请补充  ' });
    await act(id, 'submit', secretary);
    await act(id, 'approve', street, { fields: { note: '同意' }, data: { opinion: '材料齐全' } });
    const last = await act(id, 'archive');
    expect(last).toMatchObject({ from: 'approved', to: 'archived', version: 6, reason: null });
    expect(await probe(id)).toMatchObject({ state: 'archived', version: 6, note: '同意' });

    const hist = await wf.history(server.db, id);
    expect(hist.map((e) => [e.action, e.fromState, e.toState, e.actorName, e.reason])).toEqual([
      ['submit', 'draft', 'submitted', '支部书记', null],
      ['return', 'submitted', 'returned', '街道审核员', '材料不全，请补充'],
      ['submit', 'returned', 'submitted', '支部书记', null],
      ['approve', 'submitted', 'approved', '街道审核员', null],
      ['archive', 'approved', 'archived', '街道审核员', null],
    ]);
    expect(hist[1]).toMatchObject({ actionLabel: '退回', fromStateLabel: '待审核', toStateLabel: '已退回', actorId: street.id });
    expect(hist.at(-1)!.at).toBe(last.at);

    const log = await server.db.rows<{
      action: string;
      actor_id: string;
      before: { state: string };
      after: { state: string; reason?: string };
      at: string;
      org_path: string;
    }>(
      sql`select action, actor_id::text as actor_id, before, after, at::text as at, org_path::text as org_path from audit_log where entity = 'probe' and entity_id = ${id} order by at, id`,
    );
    const rows = await server.db.rows<{ at: string }>(sql`select at::text as at from workflow_event where record_id = ${id} order by at, id`);
    expect(log.map((l) => [l.action, l.before.state, l.after.state, l.after.reason ?? null])).toEqual(
      hist.map((e) => [`probe.${e.action}`, e.fromState, e.toState, e.reason]),
    );
    expect(log.map((l) => l.at)).toEqual(rows.map((r) => r.at));
    expect(log.map((l) => l.actor_id)).toEqual(hist.map((e) => e.actorId));
    expect(new Set(log.map((l) => l.org_path))).toEqual(new Set([ORG_PATH]));
    expect(log[3]!.after).toEqual({ state: 'approved', opinion: '材料齐全' });
    expect(log[1]!.after).toEqual({ state: 'returned', reason: '材料不全，请补充' });
    const data = await server.db.rows<{ data: unknown }>(sql`select data from workflow_event where record_id = ${id} order by at, id`);
    expect(data.map((d) => d.data)).toEqual([null, null, null, { opinion: '材料齐全' }, null]);
  });

  it('refusals write nothing: an illegal transition is a 409 naming the state, a missing reason 400, a role 403, a guard 403', async () => {
    const id = await create();
    const illegal = await answer(act(id, 'archive'));
    expect(illegal.status).toBe(409);
    expect(illegal.body.error).toEqual({ code: 'CONFLICT', message: '测试事项当前为「草稿」，不能办理「归档」' });

    await act(id, 'submit');
    const noReason = await answer(act(id, 'return', street, { reason: '   ' }));
    expect([noReason.status, noReason.body.error?.message]).toEqual([400, '办理「退回」须填写原因']);
    const role = await answer(act(id, 'approve', secretary));
    expect([role.status, role.body.error?.code, role.body.error?.message]).toEqual([403, 'FORBIDDEN', '「审核通过」只能由街道办理']);

    await act(id, 'approve');
    minutes = false;
    const guarded = await answer(act(id, 'archive')).finally(() => (minutes = true));
    expect([guarded.status, guarded.body.error?.message]).toEqual([403, '请先上传会议记录再归档']);

    expect(await probe(id)).toMatchObject({ state: 'approved', version: 3 });
    expect([await events(id), await audits(id)]).toEqual([2, 2]);
  });

  it('a stale version is a 409 STALE_VERSION and changes nothing; the current one passes', async () => {
    const id = await create();
    const stale = await answer(act(id, 'submit', street, { version: 7 }));
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'STALE_VERSION']);
    expect([await events(id), await audits(id)]).toEqual([0, 0]);
    expect(await act(id, 'submit', street, { version: 1 })).toMatchObject({ version: 2 });
  });

  it('20 concurrent identical transitions: exactly one succeeds, 19 Chinese 409 naming the state, one history row, one audit row', async () => {
    const id = await create();
    const { refused } = await race(20, () => answer(act(id, 'submit')), { successes: 1, refusals: ['CONFLICT'] });
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.body.error?.message).toMatch(/「待审核」/);
    expect(await probe(id)).toMatchObject({ state: 'submitted', version: 2 });
    expect([await events(id), await audits(id)]).toEqual([1, 1]);
  });

  it('two different transitions from the same state at once (approve and return ×6 records): exactly one wins each, history and audit agree', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => create('submitted')));
    const fires = ids.flatMap((id) => [() => act(id, 'approve'), () => act(id, 'return', street, { reason: '请补充材料' })]);
    const out = await race(fires.length, (i) => answer(fires[i]!()), { successes: ids.length, refusals: ['CONFLICT'] });
    expect(out.refused).toHaveLength(ids.length);
    for (const id of ids) {
      const row = (await probe(id))!;
      expect(['approved', 'returned']).toContain(row.state);
      expect(row.version).toBe(2);
      const hist = await wf.history(server.db, id);
      expect(hist.map((e) => e.toState)).toEqual([row.state]);
      const log = await server.db.rows<{ action: string }>(sql`select action from audit_log where entity = 'probe' and entity_id = ${id}`);
      expect(log.map((l) => l.action)).toEqual([`probe.${hist[0]!.action}`]);
    }
  });

  it('a failure after the state change rolls back the state, the history row and the audit row', async () => {
    const id = await create();
    // the module's own step inside the transition fails …
    const failing = server.db.transaction((tx) =>
      wf.apply(tx, {
        recordId: id,
        orgPath: ORG_PATH,
        action: 'submit',
        actor: street,
        currentState: 'draft',
        after: async () => {
          throw new AppError('RULE_VIOLATION', '后续校验未通过');
        },
      }),
    );
    expect((await answer(failing)).status).toBe(409);
    // … or the caller fails after the transition returned
    expect((await answer(act(id, 'submit', street, { fail: true }))).status).toBe(500);
    expect(await probe(id)).toMatchObject({ state: 'draft', version: 1 });
    expect([await events(id), await audits(id)]).toEqual([0, 0]);
  });

  it("a module's own conditional update (callbacks) and extra fields: same answers, same winner rule", async () => {
    const store: WorkflowCallbacks = {
      update: async (tx, c) =>
        (await tx.run(sql`update workflow_probe set state = ${c.to}, note = ${'经回调修改'}, version = version + 1
          where region_id = ${c.regionId} and id = ${c.recordId} and state = ${c.from}`)) === 1,
      current: (tx, regionId, recordId) => tx.one(sql`select state from workflow_probe where region_id = ${regionId} and id = ${recordId}`),
    };
    const cb = createWorkflow(PROBE_WORKFLOW, { regionId: server.regionId, kind: 'probe', audit: server.audit, store, guards: { hasMinutes: () => null } });
    const id = await create();
    const { ok } = await race(8, () => answer(act(id, 'submit', street, { w: cb })), { successes: 1 });
    expect(ok).toHaveLength(1);
    expect(await probe(id)).toMatchObject({ state: 'submitted', note: '经回调修改' });
    expect([await events(id), await audits(id)]).toEqual([1, 1]);
    const gone = await answer(
      server.db.transaction((tx) => cb.apply(tx, { recordId: newId(), orgPath: ORG_PATH, action: 'submit', actor: street, currentState: 'draft' })),
    );
    expect([gone.status, gone.body.error?.message]).toEqual([404, '测试事项不存在或不在您的管理范围内']);
  });

  it('reads events in a scope by time, and keeps the history append-only', async () => {
    const id = await create();
    await act(id, 'submit');
    const inScope = await wf.eventsInScope(server.db, 'r1.s1');
    expect(inScope.some((e) => e.toState === 'submitted')).toBe(true);
    expect(await wf.eventsInScope(server.db, 'r1.s2')).toEqual([]);
    expect(await wf.eventsInScope(server.db, 'r1', { from: '2999-01-01T00:00:00Z' })).toEqual([]);
    const err = await server.db.run(sql`update workflow_event set reason = 'x' where record_id = ${id}`).catch((e: unknown) => e);
    expect(String((err as Error).message ?? err) + String((err as { cause?: Error }).cause?.message ?? '')).toMatch(/append-only/);
  });

  it('refuses to run outside a transaction', async () => {
    await expect(wf.apply(server.db, { recordId: newId(), orgPath: ORG_PATH, action: 'submit', actor: street, currentState: 'draft' })).rejects.toThrow(
      /inside the transaction/,
    );
  });
});
