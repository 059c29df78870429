import type {
  AppraisalBulkInput,
  AppraisalGradeInput,
  AppraisalGradeItem,
  AppraisalSheet,
  Disposition,
  DispositionListQuery,
  DispositionUpdate,
  MyAppraisal,
} from '@jiceng/contracts';
import { APPRAISAL_RULES_2024, correctionDeadline, type AppraisalRuleSet } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { OrgService } from '../org/index.ts';
import { planGrades, type GradeChange } from './appraisal.plan.ts';
import { assertAppraisingBranch, assertDispositionInScope } from './appraisal.policy.ts';
import { presentDisposition, presentMyAppraisal, presentSheet } from './appraisal.presenter.ts';
import type { AppraisalRepository } from './appraisal.repository.ts';

export interface AppraisalServiceDeps {
  db: Database;
  regionId: string;
  appraisals: AppraisalRepository;
  orgs: Pick<OrgService, 'resolveInScope'>;
  audit: AuditService;
  clock: Clock;
  rules?: AppraisalRuleSet;
}

const brief = (c: GradeChange) => ({ memberId: c.row.member_id, name: c.row.name, from: c.row.grade, to: c.grade });

/** 民主评议党员 per branch and year, and the 组织处置 of members graded 不合格. */
export function createAppraisalService(deps: AppraisalServiceDeps) {
  const { db, regionId, appraisals, orgs, audit, clock, rules = APPRAISAL_RULES_2024 } = deps;

  function checkYear(year: number): void {
    const current = Number(clock.today().slice(0, 4));
    if (year > current) throw invalid(`${year} 年度尚未开始，不能评议；请选择 ${current} 年或以前的年度`);
  }

  /** The branch in the actor's scope (404 outside it) that runs the appraisal. */
  async function branch(tx: Database, actor: Actor, orgId: string) {
    const org = await orgs.resolveInScope(actor, orgId, tx);
    assertAppraisingBranch(org);
    return org;
  }

  const sheetOf = async (tx: Database, org: { id: string; name: string }, year: number) =>
    presentSheet(org, year, await appraisals.sheet(tx, regionId, org.id, year, rules.appraisedStatuses));

  /** Checks the grades as a whole and applies all of them, or none, in one transaction. */
  async function apply(
    actor: Actor,
    orgId: string,
    year: number,
    items: AppraisalGradeItem[],
    overrideReason: string | undefined,
    bulk: boolean,
  ): Promise<AppraisalSheet> {
    checkYear(year);
    return db.transaction(async (tx) => {
      const org = await branch(tx, actor, orgId);
      await appraisals.lockBranch(tx, regionId, org.id);
      const today = clock.today();
      const plan = planGrades(await appraisals.sheet(tx, regionId, org.id, year, rules.appraisedStatuses), org.id, items, overrideReason, today, rules);
      if (plan.problems.length) throw new AppError('VALIDATION', plan.problems.join('；'), { problems: plan.problems });
      const x = plan.excellent;
      if (x.exceeded && !overrideReason?.trim()) {
        throw new AppError(
          'RULE_VIOLATION',
          `优秀等次一般不超过参加评议党员的三分之一：本支部 ${year} 年度参加评议 ${x.appraised} 人，优秀最多 ${x.limit} 名，保存后将有 ${x.after} 名。确需超出的，请填写理由后再保存`,
          { needsOverride: true, excellent: x.after, appraised: x.appraised, limit: x.limit },
        );
      }
      for (const c of plan.changes) {
        const appraisalId = await appraisals.upsert(tx, regionId, {
          id: newId(),
          orgId: org.id,
          year,
          memberId: c.row.member_id,
          grade: c.grade,
          remark: c.remark,
          overrideReason: c.overrideReason,
          gradedBy: actor.id,
          gradedByName: actor.displayName,
        });
        if (!appraisalId) throw conflict(`「${c.row.name}」${year} 年度已由其他党支部评议，请刷新后重试`);
        if (c.dropDispositionId) await appraisals.deleteDisposition(tx, regionId, c.dropDispositionId);
        if (c.startDisposition)
          await appraisals.insertDisposition(tx, regionId, { id: newId(), appraisalId, memberId: c.row.member_id, orgId: org.id, ...c.startDisposition });
      }
      const changes = plan.changes.map((c) => ({ ...brief(c), remark: c.remark, disposition: c.startDisposition, droppedDisposition: c.dropDispositionId }));
      if (bulk) await audit.record(tx, actor, { action: 'appraisal.bulk_grade', entity: 'org', entityId: org.id, orgPath: org.path, after: { year, changes } });
      else
        await audit.record(tx, actor, {
          action: 'appraisal.grade',
          entity: 'member',
          entityId: changes[0]!.memberId,
          orgPath: org.path,
          before: { grade: plan.changes[0]!.row.grade, remark: plan.changes[0]!.row.remark },
          after: { year, orgId: org.id, ...changes[0]! },
        });
      if (x.exceeded) {
        const members = plan.changes.filter((c) => c.grade === 'excellent' && c.row.grade !== 'excellent').map(brief);
        await audit.record(tx, actor, {
          action: 'appraisal.excellent_override',
          entity: 'org',
          entityId: org.id,
          orgPath: org.path,
          after: { year, reason: overrideReason!.trim(), excellent: x.after, appraised: x.appraised, limit: x.limit, members },
        });
      }
      return sheetOf(tx, org, year);
    });
  }

  const service = {
    /** The branch-year sheet: every member appraised, their grade or none, counts and the limit. */
    async sheet(actor: Actor, orgId: string, year: number): Promise<AppraisalSheet> {
      checkYear(year);
      return sheetOf(db, await branch(db, actor, orgId), year);
    },

    async setGrade(actor: Actor, input: AppraisalGradeInput): Promise<AppraisalSheet> {
      const { orgId, year, overrideReason, memberId, grade, remark, disposition } = input;
      return apply(actor, orgId, year, [{ memberId, grade, remark, disposition }], overrideReason, false);
    },

    async setGrades(actor: Actor, input: AppraisalBulkInput): Promise<AppraisalSheet> {
      return apply(actor, input.orgId, input.year, input.grades, input.overrideReason, true);
    },

    /** Dispositions of the branches under `orgId` (default: the actor's scope). */
    async dispositions(actor: Actor, q: DispositionListQuery): Promise<Disposition[]> {
      const scopePath = q.orgId ? (await orgs.resolveInScope(actor, q.orgId)).path : actor.orgPath;
      const today = clock.today();
      return (await appraisals.dispositions(db, regionId, scopePath, q)).map((d) => presentDisposition(d, today));
    },

    /** Moves a 限期改正 deadline (at most a year after the start) or closes a disposition with its result. */
    async updateDisposition(actor: Actor, id: string, u: DispositionUpdate): Promise<Disposition> {
      if (u.deadline === undefined && u.status === undefined && u.result === undefined) throw invalid('请填写要修改的整改期限、处置状态或处置结果');
      return db.transaction(async (tx) => {
        const d = await appraisals.disposition(tx, regionId, id, true);
        assertDispositionInScope(actor, d);
        if (d.status === 'done') throw conflict('该组织处置已完成，不能再修改');
        let deadline = d.deadline;
        if (u.deadline !== undefined) {
          if (d.kind !== 'correction') throw invalid('只有限期改正需要设定整改期限');
          const check = correctionDeadline(d.start_date, u.deadline, rules);
          if (!check.ok) throw invalid(check.reason);
          deadline = check.deadline;
        }
        const result = u.result?.trim() || d.result;
        const done = u.status === 'done';
        if (done && !result) throw invalid('办结组织处置时请填写处置结果');
        const after = { deadline, status: done ? 'done' : d.status, result, completedDate: done ? clock.today() : null };
        await appraisals.updateDisposition(tx, regionId, id, after);
        await audit.record(tx, actor, {
          action: 'appraisal.disposition_update',
          entity: 'appraisal_disposition',
          entityId: id,
          orgPath: d.org_path,
          before: { deadline: d.deadline, status: d.status, result: d.result },
          after,
        });
        return presentDisposition((await appraisals.disposition(tx, regionId, id))!, clock.today());
      });
    },

    /** A 党员 account's own appraisal history. */
    async mine(actor: Actor): Promise<MyAppraisal[]> {
      if (!actor.memberId) throw notFound('本人评议记录（账号尚未关联党员档案，请联系党支部）');
      return (await appraisals.ofMember(db, regionId, actor.memberId)).map(presentMyAppraisal);
    },
  };
  return service;
}
export type AppraisalService = ReturnType<typeof createAppraisalService>;
