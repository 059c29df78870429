import type {
  CommitteeMember,
  CommitteeMemberInput,
  Org,
  OrgInput,
  OrgListQuery,
  OrgSummary,
  OrgType,
  OrgUpdate,
  TermInput,
  TreeCounts,
} from '@jiceng/contracts';
import { mayContain, termEndDate, termYears } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, assertVersion, conflict, invalid, notFound, staleVersion } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId, pathLabel } from '../../platform/ids.ts';
import { assertNotScopeRoot, assertOrgInScope } from './org.policy.ts';
import { presentCommitteeMember, presentOrg, presentOrgSummary, presentTerm } from './org.presenter.ts';
import type { OrgRepository, OrgRow, OrgWrite } from './org.repository.ts';
import { createOrgTermReads } from './org.terms.ts';
import { checkOrgFields, type FieldProblem } from './org.validation.ts';

/** The fields of a committee member the audit log keeps (a fixed list, never the request body). */
const committeeAudit = (m: CommitteeMember) => ({ personName: m.personName, post: m.post, unitName: m.unitName, startDate: m.startDate, endDate: m.endDate });

export interface OrgServiceDeps {
  db: Database;
  regionId: string;
  orgs: OrgRepository;
  audit: AuditService;
  clock: Clock;
}

const toWrite = (i: Omit<OrgInput, 'parentId'>): OrgWrite => ({
  name: i.name.trim(),
  shortName: i.shortName?.trim() || null,
  code: i.code?.trim() || null,
  type: i.type,
  domain: i.domain,
  formationMode: i.formationMode,
  approvalDocNo: i.approvalDocNo?.trim() || null,
  approvalDate: i.approvalDate ?? null,
});

function fail(problems: FieldProblem[]): never {
  throw new AppError('VALIDATION', problems.map((p) => p.message).join('；'), { fields: problems });
}

/** The organization tree: browse, search, create, edit, move, dissolve, committee, terms. */
export function createOrgService(deps: OrgServiceDeps) {
  const { db, regionId, orgs, audit, clock } = deps;

  async function load(tx: Database, actor: Actor, id: string): Promise<OrgRow> {
    const row = await orgs.byId(tx, regionId, id);
    assertOrgInScope(actor, row);
    return row;
  }

  async function detail(tx: Database, row: OrgRow): Promise<Org> {
    const [units, ancestors, counts] = await Promise.all([
      orgs.units(tx, regionId, row.id),
      orgs.ancestors(tx, regionId, row.path),
      orgs.childCountsByType(tx, regionId, row.id),
    ]);
    return presentOrg(row, clock.today(), { units, ancestors, childCountsByType: Object.fromEntries(counts.map((c) => [c.type, c.n])) });
  }

  async function checkUniqueness(tx: Database, w: OrgWrite, units: OrgInput['units'], parentId: string | null, exceptId: string | null): Promise<void> {
    const problems: FieldProblem[] = [];
    if (parentId && (await orgs.siblingNamed(tx, regionId, parentId, w.name, exceptId)))
      problems.push({ field: 'name', message: `上级组织下已有同名组织「${w.name}」` });
    if (w.code && (await orgs.codeTaken(tx, regionId, w.code, exceptId))) problems.push({ field: 'code', message: `组织代码「${w.code}」已被使用` });
    const codes = units.map((u) => u.creditCode?.trim()).filter((c): c is string => !!c);
    for (const o of await orgs.creditCodeOwners(tx, regionId, codes, exceptId)) {
      problems.push({ field: 'units', message: `统一社会信用代码「${o.credit_code}」已登记在「${o.org_name}」` });
    }
    if (problems.length) throw new AppError('CONFLICT', problems.map((p) => p.message).join('；'), { fields: problems });
  }

  const service = {
    /** The top of the actor's tree: its own organization (its children come from `org.tree.ts`). */
    async treeTop(actor: Actor): Promise<OrgSummary[]> {
      return [presentOrgSummary(await load(db, actor, actor.orgId), clock.today())];
    },

    async list(actor: Actor, q: OrgListQuery): Promise<{ items: OrgSummary[]; total: number }> {
      const { items, total } = await orgs.search(db, regionId, actor.orgPath, q);
      const today = clock.today();
      return { items: items.map((r) => presentOrgSummary(r, today)), total };
    },

    async get(actor: Actor, id: string): Promise<Org> {
      return detail(db, await load(db, actor, id));
    },

    /** The region's root organization (for system jobs and first start), if any. */
    root: () => orgs.root(db, regionId),

    count: () => orgs.count(db, regionId),

    /** Creates the region's root organization (first start, demo seed): no actor, no scope. */
    async createRoot(w: { name: string; type: OrgInput['type']; domain: OrgInput['domain'] }): Promise<string> {
      return db.transaction(async (tx) => {
        if (await orgs.root(tx, regionId)) throw conflict('本行政区已有根组织');
        const id = newId();
        await orgs.insert(tx, regionId, id, null, pathLabel(id), {
          ...w,
          shortName: null,
          code: null,
          formationMode: 'single',
          approvalDocNo: null,
          approvalDate: null,
        });
        await audit.record(tx, null, { action: 'org.create', entity: 'org', entityId: id, orgPath: pathLabel(id), after: w });
        return id;
      });
    },

    /**
     * Resolves an organization inside the actor's scope (for other modules); 404 outside it. Inside
     * a transaction pass it as `tx`: the embedded engine has one connection, so a query outside the
     * open transaction would wait for it forever.
     */
    async resolveInScope(actor: Actor, id: string, tx: Database = db): Promise<{ id: string; path: string; name: string; type: string; status: string }> {
      const r = await load(tx, actor, id);
      return { id: r.id, path: r.path, name: r.name, type: r.type, status: r.status };
    },

    /** Checks and creates one organization inside an open transaction (shared with the import). */
    async createIn(tx: Database, actor: Actor, input: OrgInput): Promise<OrgRow> {
      if (!input.parentId) throw invalid('请选择上级组织（隶属关系）');
      // the parent may not move or be dissolved while its new child takes its path
      await orgs.lockForChild(tx, regionId, input.parentId);
      const parent = await orgs.byId(tx, regionId, input.parentId);
      if (!parent) throw notFound('上级组织');
      assertOrgInScope(actor, parent);
      if (parent.status !== 'active') throw invalid(`上级组织「${parent.name}」已撤销，不能在其下设立组织`);
      const problems = checkOrgFields(input, parent.type as OrgType, clock.today());
      if (problems.length) fail(problems);
      const w = toWrite(input);
      await checkUniqueness(tx, w, input.units, parent.id, null);
      const id = newId();
      await orgs.insert(tx, regionId, id, parent, pathLabel(id), w);
      await orgs.replaceUnits(tx, regionId, id, input.units);
      const row = (await orgs.byId(tx, regionId, id))!;
      await audit.record(tx, actor, {
        action: 'org.create',
        entity: 'org',
        entityId: id,
        orgPath: row.path,
        after: { ...w, parentId: parent.id, units: input.units },
      });
      return row;
    },

    async create(actor: Actor, input: OrgInput): Promise<Org> {
      return db.transaction(async (tx) => detail(tx, await service.createIn(tx, actor, input)));
    },

    /** Saves a form edit made from version `expected`; STALE_VERSION when someone saved in between. */
    async update(actor: Actor, id: string, input: OrgUpdate, expected: number | null): Promise<Org> {
      const { version: _sent, ...patch } = input;
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, id);
        assertVersion(row.version, expected, '该组织');
        if (row.status !== 'active') throw invalid('已撤销的组织不能修改');
        const units = (await orgs.units(tx, regionId, id)).map((u) => ({
          name: u.name,
          creditCode: u.credit_code,
          category: u.category as OrgInput['domain'],
        }));
        const before = {
          name: row.name,
          shortName: row.short_name,
          code: row.code,
          type: row.type,
          domain: row.domain,
          formationMode: row.formation_mode,
          approvalDocNo: row.approval_doc_no,
          approvalDate: row.approval_date,
          units,
        };
        const merged = { ...before, ...patch } as Omit<OrgInput, 'parentId'>;
        const parent = row.parent_id ? await orgs.byId(tx, regionId, row.parent_id) : undefined;
        const problems = checkOrgFields(merged, (parent?.type as OrgType | undefined) ?? null, clock.today());
        if (merged.type !== row.type) {
          for (const c of await orgs.childCountsByType(tx, regionId, id)) {
            if (!mayContain(merged.type, c.type as OrgType))
              problems.push({ field: 'type', message: '改变组织类别后，现有下级组织将不符合隶属关系，请先调整下级组织' });
          }
        }
        if (problems.length) fail(problems);
        const w = toWrite(merged);
        await checkUniqueness(tx, w, merged.units, row.parent_id, id);
        if ((await orgs.update(tx, regionId, id, w, expected)) === 0) throw staleVersion('该组织');
        if (patch.units) await orgs.replaceUnits(tx, regionId, id, patch.units);
        await audit.record(tx, actor, { action: 'org.update', entity: 'org', entityId: id, orgPath: row.path, before, after: { ...w, units: merged.units } });
        return detail(tx, (await orgs.byId(tx, regionId, id))!);
      });
    },

    /** Moves a subtree under a new parent; both ends must be in scope; paths rewritten in one transaction. */
    async move(actor: Actor, id: string, newParentId: string): Promise<Org> {
      return db.transaction(async (tx) => {
        // Lock the moved organization and its new parent first, then read both: what was read before
        // the lock may have been moved by a concurrent change (and a cycle check on stale paths lets
        // two opposite moves make each other's parent).
        await orgs.lockRows(tx, regionId, [id, newParentId]);
        const row = await load(tx, actor, id);
        assertNotScopeRoot(actor, id, '调整');
        const parent = await orgs.byId(tx, regionId, newParentId);
        assertOrgInScope(actor, parent);
        if (parent.path === row.path || parent.path.startsWith(row.path + '.')) throw invalid('不能把组织移到其自身或其下级组织之下');
        if (parent.status !== 'active') throw invalid(`上级组织「${parent.name}」已撤销`);
        if (!mayContain(parent.type as OrgType, row.type as OrgType))
          fail(checkOrgFields({ ...toInputShape(row), units: [] }, parent.type as OrgType, clock.today()));
        if (parent.id === row.parent_id) throw invalid('新的上级组织与原上级组织相同');
        const locked = await orgs.lockSubtree(tx, regionId, row.path);
        const updated = await orgs.moveSubtree(tx, regionId, id, row.path, parent);
        if (updated === 0 || updated !== locked) throw conflict('组织结构刚被他人调整，请刷新后重试');
        const moved = (await orgs.byId(tx, regionId, id))!;
        await audit.record(tx, actor, {
          action: 'org.move',
          entity: 'org',
          entityId: id,
          orgPath: moved.path,
          before: { parentId: row.parent_id, path: row.path },
          after: { parentId: parent.id, path: moved.path },
        });
        return detail(tx, moved);
      });
    },

    /** Marks an organization 已撤销; refused while it has active sub-organizations. */
    async dissolve(actor: Actor, id: string): Promise<Org> {
      return db.transaction(async (tx) => {
        await orgs.lockRows(tx, regionId, [id]);
        const row = await load(tx, actor, id);
        assertNotScopeRoot(actor, id, '撤销');
        if (row.status !== 'active') throw conflict('该组织已撤销');
        await orgs.lockSubtree(tx, regionId, row.path);
        const children = (await orgs.children(tx, regionId, id, false)).length;
        if (children > 0) throw conflict(`该组织还有 ${children} 个下级组织，请先撤销或调整下级组织`);
        await orgs.dissolve(tx, regionId, id);
        await audit.record(tx, actor, {
          action: 'org.dissolve',
          entity: 'org',
          entityId: id,
          orgPath: row.path,
          before: { status: 'active' },
          after: { status: 'dissolved' },
        });
        return detail(tx, (await orgs.byId(tx, regionId, id))!);
      });
    },

    /** Active organizations of the subtree counted by type. */
    async counts(actor: Actor, id: string): Promise<TreeCounts> {
      const row = await load(db, actor, id);
      const rows = await orgs.subtreeCountsByType(db, regionId, row.path);
      return { rootId: id, total: rows.reduce((s, r) => s + r.n, 0), byType: Object.fromEntries(rows.map((r) => [r.type, r.n])) };
    },

    async committee(actor: Actor, id: string) {
      await load(db, actor, id);
      return (await orgs.committee(db, regionId, id)).map(presentCommitteeMember);
    },

    async addCommitteeMember(actor: Actor, orgId: string, input: CommitteeMemberInput) {
      checkDates(input.startDate, input.endDate ?? null);
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, orgId);
        if (row.type === 'group') throw invalid('党小组不设委员会，请在组长信息中维护');
        const id = newId();
        await orgs.insertCommitteeMember(tx, regionId, id, orgId, input);
        const added = presentCommitteeMember((await orgs.committeeMember(tx, regionId, orgId, id))!);
        await audit.record(tx, actor, {
          action: 'org.committee_add',
          entity: 'org_committee_member',
          entityId: id,
          orgPath: row.path,
          after: committeeAudit(added),
        });
        return added;
      });
    },

    async updateCommitteeMember(actor: Actor, orgId: string, memberId: string, input: CommitteeMemberInput, expected: number | null) {
      checkDates(input.startDate, input.endDate ?? null);
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, orgId);
        const before = await orgs.committeeMember(tx, regionId, orgId, memberId);
        if (!before) throw notFound('班子成员');
        assertVersion(before.version, expected, '该班子成员记录');
        if ((await orgs.updateCommitteeMember(tx, regionId, memberId, input, expected)) === 0) throw staleVersion('该班子成员记录');
        const updated = presentCommitteeMember((await orgs.committeeMember(tx, regionId, orgId, memberId))!);
        await audit.record(tx, actor, {
          action: 'org.committee_update',
          entity: 'org_committee_member',
          entityId: memberId,
          orgPath: row.path,
          before: committeeAudit(presentCommitteeMember(before)),
          after: committeeAudit(updated),
        });
        return updated;
      });
    },

    async removeCommitteeMember(actor: Actor, orgId: string, memberId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await load(tx, actor, orgId);
        const before = await orgs.committeeMember(tx, regionId, orgId, memberId);
        if (!before) throw notFound('班子成员');
        await orgs.deleteCommitteeMember(tx, regionId, memberId);
        await audit.record(tx, actor, { action: 'org.committee_remove', entity: 'org_committee_member', entityId: memberId, orgPath: row.path, before });
      });
    },

    async terms(actor: Actor, id: string) {
      await load(db, actor, id);
      return (await orgs.terms(db, regionId, id)).map(presentTerm);
    },

    /** Records a new term (届); its end defaults to start + the rule set's length for this organization. */
    async addTerm(actor: Actor, orgId: string, input: TermInput) {
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, orgId);
        const years = termYears(row.type as OrgType, row.domain as OrgInput['domain']);
        if (years === null) throw invalid('该类组织不实行任期制，无需录入届次');
        const endDate = input.endDate ?? termEndDate(input.startDate, years);
        checkDates(input.startDate, endDate);
        if (endDate <= input.startDate) throw invalid('届满日期应晚于换届日期');
        const latest = (await orgs.terms(tx, regionId, orgId))[0];
        if (latest && input.termNo <= latest.term_no) throw conflict(`第 ${input.termNo} 届已存在或早于当前第 ${latest.term_no} 届`);
        if (latest && input.startDate < latest.start_date) throw invalid('新一届的换届日期不能早于上一届');
        const id = newId();
        const t = { id, orgId, termNo: input.termNo, startDate: input.startDate, endDate, termYears: years };
        await orgs.insertTerm(tx, regionId, t);
        await audit.record(tx, actor, { action: 'org.term_add', entity: 'org_term', entityId: id, orgPath: row.path, after: t });
        return presentTerm({ id, org_id: orgId, term_no: t.termNo, start_date: t.startDate, end_date: endDate, term_years: years });
      });
    },

    ...createOrgTermReads(deps),
  };
  return service;
}
export type OrgService = ReturnType<typeof createOrgService>;

function toInputShape(r: OrgRow): Omit<OrgInput, 'parentId' | 'units'> {
  return {
    name: r.name,
    type: r.type as OrgInput['type'],
    domain: r.domain as OrgInput['domain'],
    formationMode: r.formation_mode as OrgInput['formationMode'],
  };
}

function checkDates(start: string, end: string | null): void {
  if (Number.isNaN(Date.parse(start))) throw invalid('开始日期不是有效日期');
  if (end && Number.isNaN(Date.parse(end))) throw invalid('结束日期不是有效日期');
  if (end && end < start) throw invalid('结束日期不能早于开始日期');
}
