import { sql, type SQL } from 'drizzle-orm';
import type { DirectiveKind, DirectiveState, DirectiveTargetState } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';

export interface DirectiveRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  kind: DirectiveKind;
  title: string;
  content: string;
  due_on: string;
  evidence: string | null;
  files_required: boolean;
  state: DirectiveState;
  closed_note: string | null;
  closed_at: string | null;
  closed_by_name: string | null;
  version: number;
  created_by_name: string | null;
  created_at: string;
}

export interface RollupItemRow {
  orgName: string;
  statusLabel: string;
  report: string | null;
  reportedAt: string | null;
}

export interface TargetRow {
  id: string;
  directive_id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  parent_target_id: string | null;
  issuer_org_id: string;
  issuer_org_name: string;
  state: DirectiveTargetState;
  due_on: string;
  acknowledged_at: string | null;
  acknowledged_by_name: string | null;
  report: string | null;
  rollup: RollupItemRow[] | null;
  reported_at: string | null;
  reported_by_name: string | null;
  extension_count: number;
  extension_state: 'requested' | 'granted' | 'refused' | 'withdrawn' | null;
  extension_due_on: string | null;
  extension_reason: string | null;
  extension_requested_on: string | null;
  extension_requested_at: string | null;
  extension_decision_reason: string | null;
  extension_decided_at: string | null;
  extension_decided_by_name: string | null;
  reminded_count: number;
  last_reminded_on: string | null;
  last_reminded_at: string | null;
  version: number;
}

export interface OrgRow {
  id: string;
  name: string;
  type: string;
  domain: string;
  status: string;
  path: string;
}

export interface DirectiveWrite {
  id: string;
  orgId: string;
  kind: DirectiveKind;
  title: string;
  content: string;
  dueOn: string;
  evidence: string | null;
  filesRequired: boolean;
  ruleSet: string;
  createdBy: string;
  createdByName: string;
}

export interface TargetWrite {
  id: string;
  orgId: string;
  parentTargetId: string | null;
  issuerOrgId: string;
  dueOn: string;
}

const directiveSelect = sql`select d.id::text as id, d.org_id::text as org_id, o.name as org_name, o.path::text as org_path, d.kind, d.title, d.content,
  d.due_on::text as due_on, d.evidence, d.files_required, d.state, d.closed_note, d.closed_at::text as closed_at, d.closed_by_name, d.version,
  d.created_by_name, d.created_at::text as created_at
  from directive d join org o on o.region_id = d.region_id and o.id = d.org_id`;

const targetSelect = sql`select t.id::text as id, t.directive_id::text as directive_id, t.org_id::text as org_id, o.name as org_name, o.path::text as org_path,
  t.parent_target_id::text as parent_target_id, t.issuer_org_id::text as issuer_org_id, i.name as issuer_org_name, t.state, t.due_on::text as due_on,
  t.acknowledged_at::text as acknowledged_at, t.acknowledged_by_name, t.report, t.rollup, t.reported_at::text as reported_at, t.reported_by_name,
  t.extension_count, t.extension_state, t.extension_due_on::text as extension_due_on, t.extension_reason, t.extension_requested_on::text as extension_requested_on,
  t.extension_requested_at::text as extension_requested_at, t.extension_decision_reason, t.extension_decided_at::text as extension_decided_at,
  t.extension_decided_by_name, t.reminded_count, t.last_reminded_on::text as last_reminded_on, t.last_reminded_at::text as last_reminded_at, t.version
  from directive_target t join org o on o.region_id = t.region_id and o.id = t.org_id join org i on i.region_id = t.region_id and i.id = t.issuer_org_id`;

const uuids = (ids: readonly string[]) => `{${ids.join(',')}}`;
const OPEN = sql`('sent', 'acknowledged', 'extension')`;

/** `directive` and `directive_target`, and the organizations a send may name. */
export const directiveRepository = {
  async insert(tx: Database, regionId: string, w: DirectiveWrite): Promise<void> {
    await tx.run(sql`insert into directive (region_id, id, org_id, kind, title, content, due_on, evidence, files_required, rule_set, created_by, created_by_name)
      values (${regionId}, ${w.id}, ${w.orgId}, ${w.kind}, ${w.title}, ${w.content}, ${w.dueOn}, ${w.evidence}, ${w.filesRequired}, ${w.ruleSet},
        ${w.createdBy}, ${w.createdByName})`);
  },

  async insertTargets(tx: Database, regionId: string, directiveId: string, rows: readonly TargetWrite[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map(
      (r) => sql`(${regionId}, ${r.id}::uuid, ${directiveId}::uuid, ${r.orgId}::uuid, ${r.parentTargetId}::uuid, ${r.issuerOrgId}::uuid, ${r.dueOn}::date)`,
    );
    await tx.run(
      sql`insert into directive_target (region_id, id, directive_id, org_id, parent_target_id, issuer_org_id, due_on) values ${sql.join(values, sql`, `)}`,
    );
  },

  /** `share`: a recipient's step (many at once, never during the close); `update`: the close. */
  byId: (db: Database, regionId: string, id: string, lock: 'share' | 'update' | null = null) =>
    db.one<DirectiveRow>(
      sql`${directiveSelect} where d.region_id = ${regionId} and d.id = ${id} ${lock === 'update' ? sql`for update of d` : lock === 'share' ? sql`for share of d` : sql``}`,
    ),

  /** Every recipient of a directive, in tree order (an organization's path puts its forwarded ones after it). */
  targets: (db: Database, regionId: string, directiveId: string) =>
    db.rows<TargetRow>(sql`${targetSelect} where t.region_id = ${regionId} and t.directive_id = ${directiveId} order by o.path`),

  /** The recipients of several directives whose organization lies under `scopePath` (null: all), for the list's counts. */
  targetsOf: (db: Database, regionId: string, directiveIds: readonly string[], scopePath: string | null) =>
    directiveIds.length === 0
      ? Promise.resolve([] as TargetRow[])
      : db.rows<TargetRow>(sql`${targetSelect} where t.region_id = ${regionId} and t.directive_id = any(${uuids(directiveIds)}::uuid[])
          ${scopePath ? sql`and o.path <@ ${scopePath}::ltree` : sql``} order by o.path`),

  target: (db: Database, regionId: string, directiveId: string, targetId: string) =>
    db.one<TargetRow>(sql`${targetSelect} where t.region_id = ${regionId} and t.directive_id = ${directiveId} and t.id = ${targetId}`),

  async list(
    db: Database,
    regionId: string,
    f: { box: 'sent' | 'received'; scopePath: string; orgId: string; state?: DirectiveState; q?: string },
    page: number,
    pageSize: number,
  ): Promise<{ rows: DirectiveRow[]; total: number }> {
    const w: SQL[] = [sql`d.region_id = ${regionId}`];
    if (f.box === 'sent') w.push(sql`o.path <@ ${f.scopePath}::ltree`);
    else w.push(sql`exists (select 1 from directive_target x where x.region_id = d.region_id and x.directive_id = d.id and x.org_id = ${f.orgId})`);
    if (f.state) w.push(sql`d.state = ${f.state}`);
    if (f.q) w.push(sql`strpos(d.title, ${f.q}) > 0`);
    const where = sql.join(w, sql` and `);
    const total = (await db.one<{ n: number }>(
      sql`select count(*)::int as n from directive d join org o on o.region_id = d.region_id and o.id = d.org_id where ${where}`,
    ))!.n;
    const rows = await db.rows<DirectiveRow>(
      sql`${directiveSelect} where ${where} order by d.state = 'closed', d.created_at desc, d.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return { rows, total };
  },

  /** Organizations by id, with what the recipient rule checks. */
  orgsByIds: (db: Database, regionId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as OrgRow[])
      : db.rows<OrgRow>(sql`select id::text as id, name, type, domain, status, path::text as path from org
          where region_id = ${regionId} and id = any(${uuids(ids)}::uuid[])`),

  /** Active organizations strictly below `path`, of a type and domain when given, named like `q`, in tree order; at most `limit`. */
  orgsBelow: (
    db: Database,
    regionId: string,
    path: string,
    f: { type?: string; domain?: string; q?: string; excludedTypes: readonly string[]; limit: number },
  ) =>
    db.rows<OrgRow>(sql`select id::text as id, name, type, domain, status, path::text as path from org
      where region_id = ${regionId} and path <@ ${path}::ltree and path <> ${path}::ltree and status = 'active'
        ${f.excludedTypes.length ? sql`and type <> all(${`{${f.excludedTypes.join(',')}}`}::text[])` : sql``}
        ${f.type ? sql`and type = ${f.type}` : sql``} ${f.domain ? sql`and domain = ${f.domain}` : sql``}
        ${f.q ? sql`and strpos(name, ${f.q}) > 0` : sql``}
      order by path limit ${f.limit}`),

  /** The recipient's step fields beyond its state (set in the transition's transaction). */
  setAcknowledged: (tx: Database, regionId: string, id: string, at: string, by: string) =>
    tx.run(sql`update directive_target set acknowledged_at = ${at}::timestamptz, acknowledged_by_name = ${by} where region_id = ${regionId} and id = ${id}`),

  setReport: (tx: Database, regionId: string, id: string, r: { report: string; rollup: RollupItemRow[] | null; at: string; by: string }) =>
    tx.run(sql`update directive_target set report = ${r.report}, rollup = ${r.rollup ? JSON.stringify(r.rollup) : null}::jsonb,
      reported_at = ${r.at}::timestamptz, reported_by_name = ${r.by},
      extension_state = case when extension_state = 'requested' then 'withdrawn' else extension_state end
      where region_id = ${regionId} and id = ${id}`),

  setExtensionRequest: (tx: Database, regionId: string, id: string, r: { dueOn: string; reason: string; on: string; at: string }) =>
    tx.run(sql`update directive_target set extension_state = 'requested', extension_due_on = ${r.dueOn}::date, extension_reason = ${r.reason},
      extension_requested_on = ${r.on}::date, extension_requested_at = ${r.at}::timestamptz, extension_count = extension_count + 1,
      extension_decision_reason = null, extension_decided_at = null, extension_decided_by_name = null
      where region_id = ${regionId} and id = ${id}`),

  setDecision: (tx: Database, regionId: string, id: string, d: { grant: boolean; reason: string | null; at: string; by: string }) =>
    tx.run(sql`update directive_target set extension_state = ${d.grant ? 'granted' : 'refused'},
      due_on = case when ${d.grant}::boolean then extension_due_on else due_on end,
      extension_decision_reason = ${d.reason}, extension_decided_at = ${d.at}::timestamptz, extension_decided_by_name = ${d.by}
      where region_id = ${regionId} and id = ${id}`),

  setClosed: (tx: Database, regionId: string, id: string, c: { note: string | null; at: string; by: string }) =>
    tx.run(
      sql`update directive set closed_note = ${c.note}, closed_at = ${c.at}::timestamptz, closed_by_name = ${c.by} where region_id = ${regionId} and id = ${id}`,
    ),

  /** A forward changed the recipient without a state change: its version moves (pages showing it reload). */
  touch: (tx: Database, regionId: string, id: string) =>
    tx.run(sql`update directive_target set version = version + 1, updated_at = now() where region_id = ${regionId} and id = ${id}`),

  /**
   * 催办: counts each open recipient not reminded within `intervalDays` (the conditional update decides
   * between two at once) and answers those it counted.
   */
  markReminded: (tx: Database, regionId: string, ids: readonly string[], today: string, intervalDays: number, at: string) =>
    ids.length === 0
      ? Promise.resolve([] as { id: string }[])
      : tx.rows<{ id: string }>(sql`update directive_target set reminded_count = reminded_count + 1, last_reminded_on = ${today}::date,
          last_reminded_at = ${at}::timestamptz
          where region_id = ${regionId} and id = any(${uuids(ids)}::uuid[]) and state in ${OPEN}
            and (last_reminded_on is null or last_reminded_on + ${intervalDays}::int <= ${today}::date)
          returning id::text as id`),

  /** Open recipients of open directives due within `leadDays` or past due, for the reminder sweep. */
  dueForReminder: (db: Database, regionId: string, today: string, leadDays: number) =>
    db.rows<{
      id: string;
      directive_id: string;
      title: string;
      kind: DirectiveKind;
      org_id: string;
      org_name: string;
      due_on: string;
      state: DirectiveTargetState;
    }>(sql`
      select t.id::text as id, t.directive_id::text as directive_id, d.title, d.kind, t.org_id::text as org_id, o.name as org_name, t.due_on::text as due_on, t.state
      from directive_target t join directive d on d.region_id = t.region_id and d.id = t.directive_id
      join org o on o.region_id = t.region_id and o.id = t.org_id
      where t.region_id = ${regionId} and d.state = 'open' and t.state in ${OPEN} and t.due_on <= (${today}::date + ${leadDays}::int)
      order by t.due_on, t.id`),
};
