import type { ServiceDuplicate, ServiceRequestInput } from '@jiceng/contracts';
import { anonymityRefusal, duplicateHints, SERVICE_INTAKE_RULES_2026, serviceRequestKindLabel, type ServiceRequestKind } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/time.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { Resident } from '../../platform/residents/index.ts';
import { searchVectorLiteral } from '../../platform/search/chinese-search.ts';
import { workflowRepository } from '../../platform/workflow/workflow.repository.ts';
import { isOpen, SERVICE_KIND, type ServiceCore } from './service.core.ts';
import { serviceRepository as repo, type ServiceRequestRow } from './service.repository.ts';
import { timingOf } from './service.timing.ts';

/** Who brings a request in: an account (desk, grid worker), a resident on H5, or an Open311 client. */
export type Intaker =
  | { kind: 'account'; actor: Actor }
  | { kind: 'resident'; resident: Resident }
  | { kind: 'open311'; keyId: string; keyName: string; scopePath: string };

export type IntakeInput = Omit<ServiceRequestInput, 'source' | 'contactPhone'> & {
  contactPhone?: string | null;
  source?: 'desk' | 'grid' | 'hotline';
};

const who = (i: Intaker) =>
  i.kind === 'account'
    ? { id: i.actor.id, displayName: i.actor.displayName, ip: i.actor.ip }
    : i.kind === 'resident'
      ? { id: null, displayName: `群众（${i.resident.phone}）`, ip: null }
      : { id: null, displayName: `开放接口（${i.keyName}）`, ip: null };

/**
 * Intake (点单): checks the category, the place (a community or village, or a grid under it, in the
 * account's scope) and the contact (only a 建议 may be anonymous), writes the request with its first
 * history row and audit row, and starts the 受理 clock. With `joinRequestId` (the duplicate hint's
 * offer accepted) nothing new is written: the person is added to that open request as a follower,
 * told of every step as its submitter is.
 */
export function createIntake(core: ServiceCore) {
  const { db, regionId, crypto, audit } = core;

  async function placeOf(i: Intaker, orgId: string) {
    const place = await repo.place(db, regionId, orgId);
    const scope = i.kind === 'account' ? i.actor.orgPath : i.kind === 'open311' ? i.scopePath : null;
    if (!place || (scope && !pathInScope({ orgPath: scope }, place.path))) throw notFound('诉求所在地');
    if (!place.community_id || !place.community_path) throw invalid('请选择诉求所在的社区（村）或其下的网格');
    return { ...place, community_id: place.community_id, community_path: place.community_path };
  }

  /** Rule service-intake-2026 residentPerDay: a 429 in Chinese once a resident's 24 hours are full. */
  async function withinDailyLimit(tx: Database, residentId: string, now: string): Promise<void> {
    const limit = SERVICE_INTAKE_RULES_2026.residentPerDay;
    const since = new Date(Date.parse(now) - 86_400_000).toISOString();
    if ((await repo.residentSubmittedSince(tx, regionId, residentId, since)) >= limit)
      throw new AppError('TOO_MANY_ATTEMPTS', `您在24小时内已提交${limit}条诉求，请稍后再提交；紧急情况请直接拨打110或12345热线`, { retryAfterSeconds: 3600 });
  }

  function contactOf(i: Intaker, input: IntakeInput): { name: string | null; phone: string | null; residentId: string | null } {
    if (input.anonymous) return { name: null, phone: null, residentId: i.kind === 'resident' ? i.resident.id : null };
    if (i.kind === 'resident') return { name: input.contactName ?? i.resident.name, phone: crypto.decrypt(i.resident.phoneEnc), residentId: i.resident.id };
    if (i.kind === 'account' && !input.contactPhone) throw invalid('请填写群众的联系电话，以便答复（匿名建议除外）');
    return { name: input.contactName ?? null, phone: input.contactPhone ?? null, residentId: null };
  }

  async function join(i: Intaker, targetId: string, contact: { phone: string | null; residentId: string | null }, communityId: string): Promise<string> {
    if (!contact.phone && !contact.residentId) throw invalid('匿名提交不能并入已有诉求');
    return db.transaction(async (tx) => {
      if (!(await repo.lock(tx, regionId, targetId))) throw notFound('要并入的诉求');
      const target = (await repo.byId(tx, regionId, targetId))!;
      if (target.community_id !== communityId) throw notFound('要并入的诉求');
      if (!isOpen(target.state) || target.merged_into)
        throw conflict(`诉求 ${target.code} 已${target.state === 'closed' ? '关闭' : '结束'}，不能再并入，请单独提交`);
      const added = await repo.addFollower(tx, regionId, {
        id: newId(),
        requestId: target.id,
        residentId: contact.residentId,
        phoneEnc: contact.phone ? crypto.encrypt(contact.phone) : null,
        phoneHash: contact.phone ? crypto.lookupHash(contact.phone) : null,
        fromRequestId: null,
      });
      if (added) {
        await audit.record(tx, who(i), {
          action: 'service_request.join',
          entity: SERVICE_KIND,
          entityId: target.id,
          orgPath: target.org_path,
          after: { followers: target.follower_count + 1 },
        });
      }
      return target.id;
    });
  }

  return {
    /** Returns the id of the request written, or of the one joined. */
    async submit(i: Intaker, input: IntakeInput, source: ServiceRequestRow['source']): Promise<string> {
      const category = await repo.category(db, regionId, input.categoryCode);
      if (!category || !category.active) throw invalid('事项类别不存在或已停用，请重新选择');
      const place = await placeOf(i, input.orgId);
      const refusal = anonymityRefusal(input.kind as ServiceRequestKind, !!input.anonymous);
      if (refusal) throw invalid(refusal);
      const contact = contactOf(i, input);
      if (input.joinRequestId) return join(i, input.joinRequestId, contact, place.community_id);

      const id = newId();
      const now = core.now();
      const orgPath = place.grid_path ?? place.community_path;
      const complexity = input.complexity ?? category.complexity;
      const t = timingOf(
        {
          kind: input.kind,
          complexity: complexity as 'general',
          category: input.categoryCode,
          events: [{ at: now, action: 'submit', to: 'submitted', level: 'community' }],
        },
        now,
        core.timing,
      );
      await db.transaction(async (tx) => {
        if (i.kind === 'resident') await withinDailyLimit(tx, i.resident.id, now);
        const { code } = await repo.insert(tx, regionId, {
          id,
          kind: input.kind,
          categoryCode: input.categoryCode,
          complexity,
          description: input.description,
          search: searchVectorLiteral([input.description, input.place]),
          communityId: place.community_id,
          gridId: place.grid_id,
          orgId: place.grid_id ?? place.community_id,
          orgPath,
          place: input.place ?? null,
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          anonymous: !!input.anonymous,
          contactNameEnc: contact.name ? crypto.encrypt(contact.name) : null,
          contactPhoneEnc: contact.phone ? crypto.encrypt(contact.phone) : null,
          contactPhoneHash: contact.phone ? crypto.lookupHash(contact.phone) : null,
          residentId: contact.residentId,
          source,
          open311KeyId: i.kind === 'open311' ? i.keyId : null,
          recordedBy: i.kind === 'account' ? i.actor.id : null,
          submittedAt: now,
          stage: t.stage ?? 'accept',
          clockRule: t.clockRule,
          dueAt: t.dueAt,
          sweepAfter: t.sweepAfter,
        });
        const actor = who(i);
        await workflowRepository.insert(tx, regionId, {
          kind: SERVICE_KIND,
          recordId: id,
          orgPath,
          from: 'submitted',
          to: 'submitted',
          action: 'submit',
          actorId: actor.id,
          actorName: actor.displayName,
          reason: null,
          data: { level: 'community', source },
          at: now,
        });
        await audit.record(tx, actor, {
          action: 'service_request.submit',
          entity: SERVICE_KIND,
          entityId: id,
          entityName: `${code} ${input.description.slice(0, 20)}`,
          orgPath,
          after: { code, kind: serviceRequestKindLabel[input.kind as ServiceRequestKind], category: category.name, source },
        });
      });
      return id;
    },

    /** The duplicate hint (rule service-intake-2026): open requests of the same place and category, similar in wording. */
    async duplicates(scopePath: string | null, q: { orgId: string; categoryCode: string; description: string }): Promise<ServiceDuplicate[]> {
      const place = await repo.place(db, regionId, q.orgId);
      if (!place?.community_id || (scopePath && !pathInScope({ orgPath: scopePath }, place.path))) return [];
      const since = new Date(core.clock.now().getTime() - SERVICE_INTAKE_RULES_2026.duplicateDays * 86_400_000).toISOString();
      const rows = await repo.candidates(db, regionId, place.grid_id ?? place.community_id, q.categoryCode, since);
      return duplicateHints(q.description, rows).map((r) => ({
        id: r.id,
        code: r.code,
        description: r.description,
        stateLabel: core.workflow.label(r.state),
        submittedAt: isoTime(r.submitted_at),
        similarity: r.similarity,
      }));
    },
  };
}
export type Intake = ReturnType<typeof createIntake>;
