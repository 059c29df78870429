import {
  normalizeIdNumber,
  parseIdNumber,
  Permission,
  type ApplicantDetail,
  type ApplicantInput,
  type ApplicantQuery,
  type ApplicantSummary,
  type DevStepInput,
  type DevStopInput,
} from '@jiceng/contracts';
import {
  DEV_RULES_2014,
  DEV_WORKFLOW,
  devDeadlines,
  devRound,
  devStageAfter,
  devStep,
  devStepRefusal,
  MEMBER_HOME_ORG_TYPES,
  type DevAction,
  type DevPath,
  type DevRole,
  type DevRuleSet,
} from '@jiceng/rules';
import type { AttachmentFile, AttachmentService } from '../../platform/attachments/index.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { maskIdNumber, maskPhone } from '../../platform/crypto/mask.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { applyTransition } from '../../platform/workflow/workflow.ts';
import type { MemberService } from '../member/index.ts';
import type { OrgService } from '../org/index.ts';
import { developmentRepository as repo, type ApplicantRow, type RecordRow } from './development.repository.ts';
import { developmentMemberSide } from './development.member.ts';
import { presentDetail, presentSummary, recordData, toPath } from './development.presenter.ts';

export const DEV_KIND = 'dev_applicant';

export interface DevelopmentDeps {
  db: Database;
  regionId: string;
  audit: AuditService;
  clock: Clock;
  crypto: FieldCrypto;
  members: Pick<MemberService, 'createIn' | 'applyEventIn' | 'guardDuplicates'>;
  orgs: Pick<OrgService, 'resolveInScope'>;
  attachments: AttachmentService;
  rules?: DevRuleSet;
}

/** The actor's part in a step on this applicant: the branch's own secretary, or a committee above it. */
export function devRoleOf(actor: Actor, orgPath: string): DevRole[] {
  if (!pathInScope(actor, orgPath)) return [];
  const out: DevRole[] = [];
  if (actor.permissions.includes(Permission.DEV_RECORD)) out.push('branch');
  if (actor.permissions.includes(Permission.DEV_APPROVE) && actor.orgPath !== orgPath) out.push('superior');
  return out;
}

/** 发展党员: applicants on the path of rule set dev-2014, every step a transition of DEV_WORKFLOW. */
export function createDevelopmentService(deps: DevelopmentDeps) {
  const { db, regionId, audit, clock, crypto, members, orgs, attachments } = deps;
  const rules = deps.rules ?? DEV_RULES_2014;
  const memberSide = developmentMemberSide({ regionId, crypto, members });

  async function load(tx: Database, actor: Actor, id: string, lock = false): Promise<ApplicantRow> {
    const row = await repo.byId(tx, regionId, id, lock);
    if (!row || !pathInScope(actor, row.org_path)) throw notFound('发展对象');
    return row;
  }

  /** What every transition of an applicant names: the workflow, its table, the record and its scope. */
  const transitionOf = (row: ApplicantRow) =>
    ({
      def: DEV_WORKFLOW,
      regionId,
      kind: DEV_KIND,
      audit,
      store: { table: 'dev_applicant', touched: 'updated_at' },
      recordId: row.id,
      orgPath: row.org_path,
      currentState: row.state,
      entityName: row.name,
    }) as const;

  async function pathOf(tx: Database, row: ApplicantRow): Promise<{ path: DevPath; records: RecordRow[] }> {
    const records = await repo.records(tx, regionId, [row.id]);
    return { path: toPath(row, records), records };
  }

  async function detail(tx: Database, actor: Actor, row: ApplicantRow): Promise<ApplicantDetail> {
    const { path, records } = await pathOf(tx, row);
    const files = await attachments.listMany(
      tx,
      actor,
      'dev_record',
      records.map((r) => r.id),
    );
    return presentDetail(row, records, path, clock.today(), rules, devRoleOf(actor, row.org_path), files);
  }

  /** A recorded step of the applicant, for its papers: the applicant in scope, the account one who records its steps. */
  async function recordOf(tx: Database, actor: Actor, id: string, recordId: string, write: boolean) {
    const row = await load(tx, actor, id);
    if (write && devRoleOf(actor, row.org_path).length === 0) throw forbidden('您不能上传或删除该发展对象的材料');
    const rec = (await repo.records(tx, regionId, [id])).find((r) => r.id === recordId);
    if (!rec) throw notFound('步骤记录');
    return { row, rec, owner: { ownerKind: 'dev_record' as const, ownerId: rec.id } };
  }

  /** Rewrites the stored deadlines from the rule set (the to-dos and the sweep read them). */
  async function refreshDeadlines(tx: Database, id: string): Promise<void> {
    const row = (await repo.byId(tx, regionId, id))!;
    const { path } = await pathOf(tx, row);
    const ds = devDeadlines(path, clock.today(), rules);
    await repo.replaceDeadlines(
      tx,
      regionId,
      id,
      ds.map((d) => ({ step: d.key, step_no: d.no, label: d.label, rule: d.rule, what: d.what, due_on: d.dueOn, by_whom: d.by })),
    );
  }

  async function branchOf(tx: Database, actor: Actor, orgId: string) {
    const org = await orgs.resolveInScope(actor, orgId, tx);
    if (org.status !== 'active') throw invalid(`「${org.name}」已撤销，不能接收入党申请`);
    if (!MEMBER_HOME_ORG_TYPES.includes(org.type as (typeof MEMBER_HOME_ORG_TYPES)[number])) throw invalid(`入党申请应向党支部提出，「${org.name}」不是党支部`);
    return org;
  }

  async function people(tx: Database, actor: Actor, ids: readonly string[] | undefined) {
    const found = await repo.people(tx, regionId, ids ?? [], actor.orgPath);
    if (found.length !== (ids ?? []).length) throw invalid('所选党员不存在或不在您的管理范围内');
    return (ids ?? []).map((id) => found.find((p) => p.id === id)!);
  }

  const service = {
    rules,

    create: (actor: Actor, input: ApplicantInput): Promise<ApplicantDetail> => db.transaction((tx) => service.createIn(tx, actor, input)),

    /** Registers one application inside an open transaction (the form, and the import's rows all or none). */
    async createIn(tx: Database, actor: Actor, input: ApplicantInput): Promise<ApplicantDetail> {
      const parsed = parseIdNumber(normalizeIdNumber(input.idNumber));
      if (!parsed.ok) throw invalid(parsed.reason, { fields: [{ field: 'idNumber', message: parsed.reason }] });
      const idNumber = normalizeIdNumber(input.idNumber);
      const { birthDate, gender } = parsed.facts;
      const today = clock.today();
      const refusal = devStepRefusal({ birthDate, stage: 'applicant', ended: null, records: [] }, { key: 'apply', date: input.appliedOn, today }, rules);
      if (refusal) throw new AppError('RULE_VIOLATION', refusal.message, { rule: refusal.rule, possibleFrom: refusal.possibleFrom ?? null });
      const org = await branchOf(tx, actor, input.orgId);
      if (!devRoleOf(actor, org.path).includes('branch')) throw forbidden('您不能登记该党支部的入党申请');
      const hash = crypto.lookupHash(idNumber);
      // the other organization is named only inside the account's scope
      const where = (o: { org_name: string; org_path: string }) => (pathInScope(actor, o.org_path) ? `（${o.org_name}）` : '');
      const other = await repo.activeByHash(tx, regionId, hash);
      if (other) throw conflict(`该公民身份号码已有正在进行的发展记录${where(other)}`);
      const member = await repo.memberByHash(tx, regionId, hash);
      if (member) throw conflict(`该公民身份号码已登记为党员${where(member)}，不能再登记入党申请`);
      const id = newId();
      const phone = input.phone?.trim() || null;
      await repo.insert(tx, regionId, {
        id,
        orgId: org.id,
        name: input.name.trim(),
        gender,
        birthDate,
        idNumberEnc: crypto.encrypt(idNumber),
        idNumberHash: hash,
        idNumberMasked: maskIdNumber(idNumber),
        phoneEnc: phone && crypto.encrypt(phone),
        phoneHash: phone && crypto.lookupHash(phone),
        phoneMasked: phone && maskPhone(phone),
        ethnicity: input.ethnicity,
        education: input.education,
        occupation: input.occupation,
        workUnit: input.workUnit?.trim() || null,
        appliedOn: input.appliedOn,
        ruleSet: rules.id,
      });
      await repo.insertRecord(tx, regionId, {
        id: newId(),
        applicantId: id,
        step: 'apply',
        stepNo: 1,
        date: input.appliedOn,
        round: 1,
        periodic: false,
        outcome: null,
        extendMonths: null,
        data: {},
        reason: null,
        note: null,
        actorId: actor.id,
        actorName: actor.displayName,
      });
      await audit.record(tx, actor, {
        action: 'development.create',
        entity: DEV_KIND,
        entityId: id,
        entityName: input.name,
        orgPath: org.path,
        after: { appliedOn: input.appliedOn },
      });
      await refreshDeadlines(tx, id);
      return detail(tx, actor, (await repo.byId(tx, regionId, id))!);
    },

    async get(actor: Actor, id: string): Promise<ApplicantDetail> {
      return detail(db, actor, await load(db, actor, id));
    },

    async list(actor: Actor, q: ApplicantQuery): Promise<{ items: ApplicantSummary[]; total: number }> {
      const scope = q.orgId ? (await orgs.resolveInScope(actor, q.orgId)).path : actor.orgPath;
      const today = clock.today();
      const { rows, total } = await repo.list(
        db,
        regionId,
        { scopePath: scope, stage: q.stage, state: q.state, overdueOn: q.overdue ? today : undefined, q: q.q?.trim() || undefined },
        q.page ?? 1,
        q.pageSize ?? 20,
      );
      const records = await repo.records(
        db,
        regionId,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) =>
          presentSummary(
            r,
            records.filter((x) => x.applicant_id === r.id),
            today,
            rules,
          ),
        ),
        total,
      };
    },

    /** Records one step: the rule set's checks, then the workflow transition it is, in one transaction. */
    /** Inside `guardDuplicates`: the approval registers the member, and a refused duplicate ID number is audited though the step rolls back. */
    recordStep: (actor: Actor, id: string, input: DevStepInput): Promise<ApplicantDetail> =>
      members.guardDuplicates(actor, () => db.transaction((tx) => service.recordStepIn(tx, actor, id, input))),

    /** `recordStep` inside an open transaction. */
    async recordStepIn(tx: Database, actor: Actor, id: string, input: DevStepInput): Promise<ApplicantDetail> {
      const step = devStep(input.key, rules);
      if (!step || step.key === 'apply') throw invalid('没有这一步骤');
      const row = await load(tx, actor, id, true);
      const roles = devRoleOf(actor, row.org_path);
      if (!roles.includes(step.by))
        throw forbidden(step.by === 'superior' ? `「${step.label}」由上级党委办理，党支部不能办理` : `「${step.label}」由党支部办理`);
      const { path } = await pathOf(tx, row);
      const named = step.inputs.includes('contacts') || step.inputs.includes('introducers') ? await people(tx, actor, input.memberIds) : [];
      const person = named.map((p) => ({ name: p.name, status: p.status as never, disciplineUntil: p.discipline_until }));
      const today = clock.today();
      const attempt = {
        key: step.key,
        date: input.date,
        today,
        reason: input.reason,
        talker: input.talker ? { name: input.talker.name, post: input.talker.post ?? null } : undefined,
        contacts: step.inputs.includes('contacts') ? person : undefined,
        introducers: step.inputs.includes('introducers') ? person : undefined,
        vote: input.vote,
        reviewResult: input.reviewResult,
        training: input.training,
        publicity: input.publicity,
        outcome:
          step.key === 'full_approval' ? (path.records.find((r) => r.key === 'full_meeting' && r.round === devRound(path))?.outcome as never) : input.outcome,
        extendMonths: input.extendMonths,
      };
      const refusal = devStepRefusal(path, attempt, rules);
      if (refusal) throw new AppError('RULE_VIOLATION', refusal.message, { rule: refusal.rule, possibleFrom: refusal.possibleFrom ?? null });
      const after = devStageAfter(path, attempt, rules);
      const action: DevAction =
        after.ended === 'stopped'
          ? 'stop'
          : after.ended === 'cancelled'
            ? 'cancel'
            : after.stage !== path.stage
              ? ({ activist: 'activist', candidate: 'candidate', probationary: 'approve', full: 'confirm' } as const)[after.stage as 'activist']!
              : 'record';
      const round = devRound(path);
      const meeting = path.records.find((r) => r.key === 'full_meeting' && r.round === round);
      const outcome = step.key === 'full_approval' ? (meeting?.outcome ?? null) : (input.outcome ?? input.reviewResult ?? null);
      const extendMonths = step.key === 'full_approval' ? (meeting?.extendMonths ?? null) : outcome === 'extend' ? (input.extendMonths ?? null) : null;
      const data = recordData(input, named, step.by === 'superior' ? actor.orgName : null);
      await applyTransition(tx, {
        ...transitionOf(row),
        action,
        actor: { id: actor.id, displayName: actor.displayName, role: step.by, ip: actor.ip },
        reason: action === 'stop' ? `政治审查不合格：${input.note ?? input.reason ?? '不能发展'}` : (input.reason ?? null),
        version: input.version,
        data: { step: step.key, no: step.no, label: step.label, date: input.date },
        after: async (t) => {
          await repo.insertRecord(t, regionId, {
            id: newId(),
            applicantId: id,
            step: step.key,
            stepNo: step.no,
            date: input.date,
            round: step.perRound ? round : 1,
            periodic: !!step.periodic,
            outcome,
            extendMonths,
            data,
            reason: input.reason ?? null,
            note: input.note ?? null,
            actorId: actor.id,
            actorName: actor.displayName,
          });
          if (action === 'stop') await repo.setEnd(t, regionId, id, { stage: row.stage, reason: '政治审查不合格', on: input.date });
          else if (action === 'cancel') await repo.setEnd(t, regionId, id, { stage: row.stage, reason: '支部大会决议取消预备党员资格', on: input.date });
          else if (action !== 'record') await repo.setEnd(t, regionId, id, { stage: after.stage, reason: null, on: null });
          await memberSide(t, actor, row, step.key, path, outcome, extendMonths, input.date);
        },
      });
      await refreshDeadlines(tx, id);
      return detail(tx, actor, (await repo.byId(tx, regionId, id))!);
    },

    /** 终止培养 by the branch's decision (moved away, withdrew, no longer fit), with the reason. */
    async stop(actor: Actor, id: string, input: DevStopInput): Promise<ApplicantDetail> {
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        const roles = devRoleOf(actor, row.org_path);
        if (roles.length === 0) throw forbidden('您不能办理该发展对象');
        if (input.date > clock.today()) throw invalid('决定日期不能晚于今天');
        await applyTransition(tx, {
          ...transitionOf(row),
          action: 'stop',
          actor: { id: actor.id, displayName: actor.displayName, role: roles[0], ip: actor.ip },
          reason: input.reason,
          version: input.version,
          after: (t) => repo.setEnd(t, regionId, id, { stage: row.stage, reason: input.reason.trim(), on: input.date }).then(() => undefined),
        });
        await refreshDeadlines(tx, id);
        return detail(tx, actor, (await repo.byId(tx, regionId, id))!);
      });
    },

    refreshDeadlines,

    /** A paper of one recorded step (a scan of the 申请书, the 思想汇报, the 政审 material …). */
    addFile: (actor: Actor, id: string, recordId: string, file: { fileName: string; data: Buffer }) =>
      db.transaction(async (tx) => {
        const { row, owner } = await recordOf(tx, actor, id, recordId, true);
        return attachments.add(tx, actor, { ...owner, orgId: row.org_id, fileName: file.fileName, bytes: file.data });
      }),

    async readFile(actor: Actor, id: string, recordId: string, fileId: string): Promise<AttachmentFile> {
      const { owner } = await recordOf(db, actor, id, recordId, false);
      return attachments.read(db, actor, fileId, { owner });
    },

    removeFile: (actor: Actor, id: string, recordId: string, fileId: string): Promise<ApplicantDetail> =>
      db.transaction(async (tx) => {
        const { row, owner } = await recordOf(tx, actor, id, recordId, true);
        await attachments.remove(tx, actor, fileId, { owner });
        return detail(tx, actor, row);
      }),
  };

  return service;
}

export type DevelopmentService = ReturnType<typeof createDevelopmentService>;
