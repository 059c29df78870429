import type {
  AttachmentAdded,
  RgActivityInput,
  RgCompleteInput,
  RgConsentInput,
  RgFeedbackInput,
  RgProject,
  RgProjectDetail,
  RgProjectInput,
  RgProjectQuery,
  RgRateInput,
  RgReasonInput,
} from '@jiceng/contracts';
import type { AttachmentFile } from '../../platform/attachments/index.ts';
import { isoTime } from '../../platform/db/time.ts';
import type { Database } from '../../platform/db/database.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { ReportedUnit } from '../reportin/index.ts';
import { field, orNull, text, type RegionalCore, RG_ACTIVITY_KIND } from './regional.core.ts';
import {
  assertManage,
  assertNeedVisible,
  assertProjectVisible,
  assertRecord,
  canSeeResource,
  isSide,
  isUnit,
  mayManage,
  mayRecord,
  partsOf,
  workflowActor,
} from './regional.policy.ts';
import { presentActivity, presentNeed, presentProject } from './regional.presenter.ts';
import type { ProjectFilter, ProjectReader, ProjectRow } from './regional.projects.repository.ts';

const SYSTEM = 'system';

/** 项目清单: 立项 from a need with resources, the units' consent, activities with photos, completion, ratings. */
export function createProjectService(core: RegionalCore) {
  const { db, regionId, rules, repo, projectRepo, audit, attachments, needStep, projectStep, unitsOf, today } = core;

  async function readerOf(tx: Database, actor: Actor): Promise<ProjectReader> {
    if (isSide(actor)) return { path: actor.orgPath };
    return { unitIds: (await unitsOf(tx, actor)).map((u) => u.id) };
  }
  async function underPath(actor: Actor, orgId: string | undefined): Promise<string | null> {
    if (!orgId) return null;
    const o = await repo.orgPath(db, regionId, orgId);
    if (!o || !isSide(actor) || !pathInScope(actor, o.path)) throw notFound('组织');
    return o.path;
  }

  async function load(tx: Database, actor: Actor, id: string) {
    const units = await unitsOf(tx, actor);
    const p = await projectRepo.project(tx, regionId, id);
    assertProjectVisible(actor, p, units);
    return { p, units };
  }

  /** Loads under the project's row lock (consents and steps of one project run one after another). */
  async function lockAndLoad(tx: Database, actor: Actor, id: string) {
    const units = await unitsOf(tx, actor);
    const first = await projectRepo.project(tx, regionId, id);
    assertProjectVisible(actor, first, units);
    await projectRepo.lockProject(tx, regionId, id);
    return { p: (await projectRepo.project(tx, regionId, id))!, units };
  }

  /** The need's side of a project step, as the system (the project carried it along). */
  async function needFollows(tx: Database, actor: Actor, needId: string, action: 'start' | 'complete' | 'rate' | 'release', reason?: string) {
    await repo.lockNeed(tx, regionId, needId);
    const n = (await repo.need(tx, regionId, needId))!;
    const fields = action === 'release' ? { claimed_unit_id: null, claimed_at: null, claim_note: null } : undefined;
    await needStep(tx, n, action, workflowActor(actor, SYSTEM), { reason: reason ?? null, ...(fields ? { fields } : {}) });
  }

  async function detail(tx: Database, actor: Actor, p: ProjectRow, units: ReportedUnit[]): Promise<RgProjectDetail> {
    const mine = partsOf(p, units);
    const activities = await projectRepo.activities(tx, regionId, p.id);
    const photos = await attachments.listMany(
      tx,
      actor,
      'rg_activity',
      activities.map((a) => a.id),
      { selfAccess: isUnit(actor) },
    );
    const feedback = await projectRepo.feedback(tx, regionId, p.id);
    const need = (await repo.need(tx, regionId, p.need_id))!;
    const count = (v: string) => feedback.filter((f) => f.verdict === v).length;
    const done = ['completed', 'rated'].includes(p.state);
    return {
      ...presentProject(p, today()),
      need: presentNeed(need, today(), rules),
      activityList: activities.map((a) => presentActivity(a, photos.get(a.id) ?? [])),
      feedback: feedback.map((f) => ({ id: f.id, verdict: f.verdict, comment: f.comment, rater: f.rater, createdAt: isoTime(f.created_at) })),
      satisfaction: { satisfied: count('satisfied'), fair: count('fair'), unsatisfied: count('unsatisfied') },
      history: await core.projects.history(tx, p.id),
      can: {
        consent:
          p.state === 'proposed' &&
          (mine.some((x) => x.consent === 'pending') ||
            (mayManage(actor, p.org_path) && p.parts.some((x) => x.consent === 'pending' && x.unit_id !== null && !x.unit_self))),
        activity: p.state === 'active' && (mayRecord(actor, p.org_path) || mine.some((x) => x.consent === 'agreed')),
        complete: p.state === 'active' && mayManage(actor, p.org_path),
        rate: p.state === 'completed' && mayManage(actor, p.org_path),
        withdraw: ['proposed', 'active'].includes(p.state) && mayManage(actor, p.org_path),
        feedback: done && mayRecord(actor, p.org_path),
      },
    };
  }
  const reload = async (tx: Database, actor: Actor, id: string) => {
    const { p, units } = await load(tx, actor, id);
    return detail(tx, actor, p, units);
  };

  /** Starts the project (and its need) once no unit's consent is pending. */
  async function startWhenAgreed(tx: Database, actor: Actor, id: string): Promise<void> {
    const p = (await projectRepo.project(tx, regionId, id))!;
    if (p.state !== 'proposed' || p.parts.some((x) => x.consent !== 'agreed')) return;
    await projectStep(tx, p, 'start', workflowActor(actor, SYSTEM), { data: { units: p.parts.map((x) => x.owner_name) } });
    await needFollows(tx, actor, p.need_id, 'start');
  }

  function checkDates(startDate: string, endDate: string) {
    if (startDate > endDate) throw field('endDate', '结束日期不能早于开始日期');
  }

  /** 立项 inside `tx`: the parts, the need's `propose`, and the start when every unit already agreed. */
  async function createIn(tx: Database, actor: Actor, input: RgProjectInput, o: { imported?: boolean; units?: readonly ReportedUnit[] } = {}): Promise<string> {
    const units = await unitsOf(tx, actor);
    await repo.lockNeed(tx, regionId, input.needId);
    const n = await repo.need(tx, regionId, input.needId);
    assertNeedVisible(actor, n, units);
    assertManage(actor, n.org_path, '立项');
    if (!['open', 'claimed'].includes(n.state))
      throw conflict(`需求当前为「${core.needs.label(n.state)}」，只有待认领或已认领的需求可以立项`, { state: n.state });
    if (await projectRepo.liveProjectOf(tx, regionId, n.id)) throw conflict('该需求已有项目（可能刚刚立项），请刷新后查看');
    const title = text(input.title);
    if (title.length < 2) throw field('title', '请填写项目名称');
    if (!text(input.plan)) throw field('plan', '请填写实施方案');
    checkDates(input.startDate, input.endDate);
    const resources = await projectRepo.resourcesByIds(tx, regionId, input.resourceIds);
    if (resources.length !== input.resourceIds.length) throw field('resourceIds', '所选资源不存在或已删除');
    for (const r of resources) {
      if (!canSeeResource(actor, r, units)) throw field('resourceIds', '所选资源不存在或不在您的管理范围内');
      if (r.state !== 'offered') throw field('resourceIds', `资源「${r.title}」已撤回，不能对接`);
    }
    if (resources.length === 0 && !n.claimed_unit_id && !o.units?.length) throw field('resourceIds', '请至少选择一项资源（或先由驻区单位认领需求）');
    const id = newId();
    await projectRepo.insertProject(tx, regionId, {
      id,
      needId: n.id,
      orgId: n.community_id,
      orgPath: n.community_path,
      title,
      plan: text(input.plan),
      startDate: input.startDate,
      endDate: input.endDate,
      budgetFen: input.budgetFen ?? 0,
      plannedPeople: input.plannedPeople ?? null,
      imported: o.imported ?? false,
      createdBy: actor.id,
    });
    // the claiming unit agreed by claiming; an imported project records consents already given on paper
    const agreedUnit = (unitId: string | null) => o.imported === true || (unitId !== null && unitId === n.claimed_unit_id);
    for (const r of resources)
      await projectRepo.insertPart(tx, regionId, {
        projectId: id,
        resourceId: r.id,
        unitId: r.unit_id,
        memberReportId: r.member_report_id,
        ownerName: r.owner_name,
        // a member's resource is recorded by the community with the member's word
        agreed: r.owner_kind === 'member' || agreedUnit(r.unit_id),
        by: actor.id,
      });
    if (n.claimed_unit_id && !resources.some((r) => r.unit_id === n.claimed_unit_id))
      await projectRepo.insertPart(tx, regionId, {
        projectId: id,
        resourceId: null,
        unitId: n.claimed_unit_id,
        memberReportId: null,
        ownerName: n.claimed_unit_name ?? '认领单位',
        agreed: true,
        by: actor.id,
      });
    for (const u of o.units ?? [])
      if (!resources.some((r) => r.unit_id === u.id) && u.id !== n.claimed_unit_id)
        await projectRepo.insertPart(tx, regionId, {
          projectId: id,
          resourceId: null,
          unitId: u.id,
          memberReportId: null,
          ownerName: u.unitName,
          agreed: true,
          by: actor.id,
        });
    await needStep(tx, n, 'propose', workflowActor(actor), { data: { project: title } });
    await audit.record(tx, actor, {
      action: o.imported ? 'rg_project.import' : 'rg_project.create',
      entity: 'rg_project',
      entityId: id,
      entityName: title,
      orgPath: n.community_path,
      after: { need: n.title, resources: resources.map((r) => r.title), startDate: input.startDate, endDate: input.endDate },
    });
    await startWhenAgreed(tx, actor, id);
    return id;
  }

  /** 完成 with the results inside `tx` (an imported project's results need no activity recorded here). */
  async function completeIn(tx: Database, actor: Actor, id: string, input: RgCompleteInput, o: { imported?: boolean } = {}): Promise<void> {
    const { p } = await lockAndLoad(tx, actor, id);
    assertManage(actor, p.org_path, '完成项目');
    if (!o.imported && p.state === 'active' && p.activities === 0) throw field('results', '请先记录至少一次项目活动，再完成项目');
    await projectStep(tx, p, 'complete', workflowActor(actor), {
      version: input.version,
      fields: {
        results: text(input.results),
        funds_fen: input.fundsFen ?? null,
        problems_solved: input.problemsSolved ?? null,
        completed_on: o.imported && p.end_date < today() ? p.end_date : today(),
      },
      data: { fundsFen: input.fundsFen ?? null, problemsSolved: input.problemsSolved ?? null },
    });
    await needFollows(tx, actor, p.need_id, 'complete');
  }

  return {
    createIn,

    async list(actor: Actor, q: RgProjectQuery): Promise<{ items: RgProject[]; total: number }> {
      const f: ProjectFilter = { ...q, reader: await readerOf(db, actor), underPath: await underPath(actor, q.orgId) };
      const { items, total } = await projectRepo.projects(db, regionId, f);
      return { items: items.map((p) => presentProject(p, today())), total };
    },

    get: (actor: Actor, id: string): Promise<RgProjectDetail> => reload(db, actor, id),

    create: (actor: Actor, input: RgProjectInput): Promise<RgProjectDetail> =>
      db.transaction(async (tx) => reload(tx, actor, await createIn(tx, actor, input))),

    /**
     * A unit agrees (the last agreement starts the project) or declines with a reason (the project is
     * withdrawn, the need back to 待认领). A unit with a 驻区单位 account answers for itself; for one
     * without, the community (regional:manage) records the answer the unit gave on paper (代为确认).
     */
    consent: (actor: Actor, id: string, input: RgConsentInput): Promise<RgProjectDetail> =>
      db.transaction(async (tx) => {
        const { p, units } = await lockAndLoad(tx, actor, id);
        const onPaper = !isUnit(actor);
        if (onPaper && !mayManage(actor, p.org_path)) throw forbidden('项目由参与的驻区单位确认');
        const candidates = onPaper ? p.parts.filter((x) => x.unit_id !== null && !x.unit_self) : partsOf(p, units);
        const pending = candidates.filter((x) => x.consent === 'pending' && (!input.unitId || x.unit_id === input.unitId));
        if (onPaper && p.state === 'proposed' && pending.length === 0 && p.parts.some((x) => x.consent === 'pending'))
          throw forbidden('该单位有自己的驻区单位账号，须由单位本身确认');
        if (p.state !== 'proposed' || pending.length === 0)
          throw conflict(`项目当前为「${core.projects.label(p.state)}」${p.state === 'proposed' ? '，该单位已确认过' : ''}，不能再确认`, { state: p.state });
        const unitId = pending[0]!.unit_id!;
        const reason = orNull(input.reason);
        if (!input.agree && !reason) throw field('reason', '谢绝参与须填写原因');
        await projectRepo.decidePart(tx, regionId, id, unitId, { agree: input.agree, reason, by: actor.id });
        await audit.record(tx, actor, {
          action: 'rg_project.consent',
          entity: 'rg_project',
          entityId: id,
          entityName: p.title,
          orgPath: p.org_path,
          after: { unit: pending[0]!.owner_name, agree: input.agree, reason, onPaper },
        });
        if (input.agree) await startWhenAgreed(tx, actor, id);
        else {
          const why = `${pending[0]!.owner_name}谢绝参与：${reason}`;
          await projectStep(tx, p, 'withdraw', workflowActor(actor, SYSTEM), { reason: why, fields: { withdraw_reason: why } });
          await needFollows(tx, actor, p.need_id, 'release', why);
        }
        return reload(tx, actor, id);
      }),

    /** 实施: an activity by the community side or by a unit that agreed to take part. */
    addActivity: (actor: Actor, id: string, input: RgActivityInput): Promise<RgProjectDetail> =>
      db.transaction(async (tx) => {
        const { p, units } = await lockAndLoad(tx, actor, id);
        const mine = partsOf(p, units).filter((x) => x.consent === 'agreed');
        if (!mayRecord(actor, p.org_path) && mine.length === 0) throw forbidden('只有社区或参与项目的驻区单位可以记录活动');
        if (p.state !== 'active') throw conflict(`项目当前为「${core.projects.label(p.state)}」，只有实施中的项目可以记录活动`, { state: p.state });
        if (input.heldOn < p.start_date || input.heldOn > today()) throw field('heldOn', `活动日期须在项目开始（${p.start_date}）之后、不晚于今天`);
        if (text(input.title).length < 2) throw field('title', '请填写活动名称');
        let unitId: string | null = input.unitId ?? null;
        if (isUnit(actor)) unitId = mine[0]!.unit_id;
        else if (unitId !== null && !p.parts.some((x) => x.unit_id === unitId)) throw field('unitId', '参与单位须为项目中的单位');
        const activityId = newId();
        await projectRepo.insertActivity(tx, regionId, {
          id: activityId,
          projectId: id,
          orgPath: p.org_path,
          heldOn: input.heldOn,
          title: text(input.title),
          description: orNull(input.description),
          participants: input.participants,
          hours: Math.round(input.hours * 10) / 10,
          beneficiaries: input.beneficiaries ?? 0,
          unitId,
          by: actor.id,
        });
        await audit.record(tx, actor, {
          action: 'rg_project.activity',
          entity: 'rg_project',
          entityId: id,
          entityName: p.title,
          orgPath: p.org_path,
          after: { activityId, heldOn: input.heldOn, participants: input.participants, hours: input.hours },
        });
        return reload(tx, actor, id);
      }),

    /** A photo of an activity (while the project runs or until it is rated). */
    addPhoto: (actor: Actor, id: string, activityId: string, file: { fileName: string; data: Buffer }): Promise<AttachmentAdded> =>
      db.transaction(async (tx) => {
        const { p, units } = await load(tx, actor, id);
        const a = await projectRepo.activity(tx, regionId, id, activityId);
        if (!a) throw notFound('活动记录');
        const mine = partsOf(p, units).some((x) => x.consent === 'agreed' && x.unit_id === a.unit_id);
        if (!mayRecord(actor, p.org_path) && !mine) throw forbidden('只有社区或参加活动的单位可以上传照片');
        if (!['active', 'completed'].includes(p.state)) throw conflict(`项目当前为「${core.projects.label(p.state)}」，不能再上传活动照片`);
        return attachments.add(
          tx,
          actor,
          { ownerKind: RG_ACTIVITY_KIND, ownerId: activityId, orgId: p.org_id, fileName: file.fileName, bytes: file.data },
          { selfAccess: isUnit(actor) },
        );
      }),

    async readPhoto(actor: Actor, id: string, activityId: string, fileId: string): Promise<AttachmentFile> {
      await load(db, actor, id);
      if (!(await projectRepo.activity(db, regionId, id, activityId))) throw notFound('附件');
      return attachments.read(db, actor, fileId, { owner: { ownerKind: RG_ACTIVITY_KIND, ownerId: activityId }, selfAccess: isUnit(actor) });
    },

    completeIn,
    complete: (actor: Actor, id: string, input: RgCompleteInput): Promise<RgProjectDetail> =>
      db.transaction(async (tx) => {
        await completeIn(tx, actor, id, input);
        return reload(tx, actor, id);
      }),

    rate: (actor: Actor, id: string, input: RgRateInput): Promise<RgProjectDetail> =>
      db.transaction(async (tx) => {
        const { p } = await lockAndLoad(tx, actor, id);
        assertManage(actor, p.org_path, '评价项目');
        await projectStep(tx, p, 'rate', workflowActor(actor), {
          version: input.version,
          fields: { rating: input.rating, rating_comment: orNull(input.comment), rated_on: today() },
          data: { rating: input.rating },
        });
        await needFollows(tx, actor, p.need_id, 'rate');
        return reload(tx, actor, id);
      }),

    withdraw: (actor: Actor, id: string, input: RgReasonInput): Promise<RgProjectDetail> =>
      db.transaction(async (tx) => {
        const { p } = await lockAndLoad(tx, actor, id);
        assertManage(actor, p.org_path, '撤销项目');
        const reason = orNull(input.reason);
        await projectStep(tx, p, 'withdraw', workflowActor(actor), { reason, version: input.version, fields: { withdraw_reason: reason } });
        await needFollows(tx, actor, p.need_id, 'release', reason ?? undefined);
        return reload(tx, actor, id);
      }),

    /** 群众评价: a beneficiary's verdict, written down by the community, on a completed project. */
    feedback: (actor: Actor, id: string, input: RgFeedbackInput): Promise<RgProjectDetail> =>
      db.transaction(async (tx) => {
        const { p } = await load(tx, actor, id);
        assertRecord(actor, p.org_path, '记录群众评价');
        if (!['completed', 'rated'].includes(p.state)) throw conflict(`项目当前为「${core.projects.label(p.state)}」，完成后才能记录群众评价`);
        await projectRepo.insertFeedback(tx, regionId, {
          id: newId(),
          projectId: id,
          verdict: input.verdict,
          comment: orNull(input.comment),
          rater: orNull(input.rater),
          by: actor.id,
        });
        await audit.record(tx, actor, {
          action: 'rg_project.feedback',
          entity: 'rg_project',
          entityId: id,
          entityName: p.title,
          orgPath: p.org_path,
          after: { verdict: input.verdict },
        });
        return reload(tx, actor, id);
      }),
  };
}
export type ProjectService = ReturnType<typeof createProjectService>;
