import {
  Permission,
  type Attachment,
  type ResidentActionInput,
  type ResidentRequestInput,
  type ServiceActionInput,
  type ServiceActionResult,
  type ServiceRequest,
  type ServiceRequestDetail,
  type ServiceRequestInput,
  type ServiceRequestQuery,
} from '@jiceng/contracts';
import { clockOf, type ServiceRequestAction } from '@jiceng/rules';
import type { AttachmentOwnerKind } from '@jiceng/contracts';
import type { AttachmentFile } from '../../platform/attachments/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { Resident } from '../../platform/residents/index.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.definition.ts';
import { createServiceCore, type ServiceDeps } from './service.core.ts';
import { createIntake, type Intaker, type IntakeInput } from './service.intake.ts';
import { createServiceNotifier } from './service.notify.ts';
import { actionsFor, holdsOrder, mayRead, serviceRoles } from './service.policy.ts';
import { presentRequest, presentTimeline } from './service.presenter.ts';
import { serviceRepository as repo, type ServiceListFilter, type ServiceRequestRow } from './service.repository.ts';
import { createSteps } from './service.steps.ts';
import { createSweep } from './service.sweep.ts';
import { contractClock } from './service.timing.ts';

const addDay = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`) + 86_400_000).toISOString();
const startOf = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString();

/** The file an upload brought. */
export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/**
 * 群众诉求 (issue 10): intake, the loop's steps, the sweep, reads under scope for accounts and for
 * residents, and the photos. Routes and Open311 call this; SQL lives in the repository.
 */
export function createServiceService(deps: ServiceDeps & { onSweepError?: (e: unknown, id: string) => void }) {
  const core = createServiceCore(deps);
  const { db, regionId, crypto, attachments } = core;
  const notifier = createServiceNotifier(core);
  const intake = createIntake(core);
  const steps = createSteps(core, notifier);
  const sweep = createSweep(core, steps, notifier, deps.onSweepError);

  /** Reading requests needs service:read (the subtree) or service:handle (one's orders). */
  const assertViewer = (actor: Actor) => {
    if (!actor.permissions.includes(Permission.SERVICE_READ) && !actor.permissions.includes(Permission.SERVICE_HANDLE))
      throw forbidden('您没有查看群众诉求的权限');
  };

  const present = (actor: Actor | null, row: ServiceRequestRow): ServiceRequest =>
    presentRequest(row, crypto, core.clock.now(), actor ? actionsFor(serviceRoles(actor, row), row.state) : []);

  async function detail(actor: Actor | null, row: ServiceRequestRow, viewer: Actor): Promise<ServiceRequestDetail> {
    const photos = (kind: AttachmentOwnerKind) =>
      attachments.list(db, { ...viewer, scope: 'self' }, { ownerKind: kind, ownerId: row.id }, { selfAccess: true });
    // one read of the history for the clock and the timeline; the three reads side by side
    const [{ facts, timeline }, requestPhotos, resultPhotos] = await Promise.all([
      core.factsAndTimeline(db, row),
      photos('service_request'),
      photos('service_result'),
    ]);
    return {
      ...present(actor, row),
      clock: contractClock(clockOf(facts, core.now(), core.timing)),
      timeline: presentTimeline(timeline),
      photos: requestPhotos,
      resultPhotos,
    };
  }

  /** A resident acting on H5, as the attachment store and the workflow see them. */
  const residentActor = (r: Resident): Actor => ({
    id: r.id,
    regionId,
    username: `resident:${r.id}`,
    displayName: `群众（${r.phone}）`,
    role: 'member',
    orgId: '',
    orgPath: '',
    orgName: '',
    permissions: [],
    scope: 'self',
    csrfToken: r.csrfToken,
    mustChangePassword: false,
    memberId: null,
    ip: null,
  });

  async function ownRow(r: Resident, id: string, on: Database = db): Promise<ServiceRequestRow> {
    const row = await repo.byId(on, regionId, id);
    if (!row || (row.resident_id !== r.id && !(await repo.isFollower(on, regionId, id, r.id)))) throw notFound('诉求');
    return row;
  }

  async function addPhoto(actor: Actor, row: ServiceRequestRow, kind: AttachmentOwnerKind, file: Upload): Promise<Attachment> {
    return db.transaction(async (tx) => {
      const added = await attachments.add(
        tx,
        { ...actor, scope: 'self' },
        { ownerKind: kind, ownerId: row.id, orgId: row.org_id, ...file },
        { selfAccess: true },
      );
      return added.attachment;
    });
  }

  return {
    core,
    sweep,
    intake,

    // ---- accounts

    async submit(actor: Actor, input: ServiceRequestInput): Promise<ServiceRequestDetail> {
      const source = input.source ?? (actor.role === 'grid_worker' ? 'grid' : 'desk');
      const id = await intake.submit({ kind: 'account', actor }, input, source);
      return this.get(actor, id);
    },

    /** Intake from Open311 or another channel with its own identity (the caller checked it). */
    async submitAs(i: Intaker, input: IntakeInput, source: ServiceRequestRow['source']): Promise<string> {
      return intake.submit(i, input, source);
    },

    async get(actor: Actor, id: string): Promise<ServiceRequestDetail> {
      assertViewer(actor);
      const row = await core.load(db, actor, id);
      return detail(actor, row, actor);
    },

    /** The contact in full, for an account that may unmask personal data (audited). */
    async contact(actor: Actor, id: string): Promise<{ name: string | null; phone: string | null }> {
      assertViewer(actor);
      if (!actor.permissions.includes(Permission.PERSONAL_UNMASK) && !holdsOrderOf(actor, await repo.byId(db, regionId, id)))
        throw forbidden('您没有查看完整联系方式的权限');
      const row = await core.load(db, actor, id);
      await db.transaction((tx) => core.audit.recordUnmask(tx, actor, 'service_request', row.id, row.org_path, ['contactName', 'contactPhone']));
      return {
        name: row.contact_name_enc ? crypto.decrypt(row.contact_name_enc) : null,
        phone: row.contact_phone_enc ? crypto.decrypt(row.contact_phone_enc) : null,
      };
    },

    async list(actor: Actor, q: ServiceRequestQuery): Promise<{ items: ServiceRequest[]; total: number }> {
      assertViewer(actor);
      const f = await filterOf(actor, q);
      const size = q.pageSize ?? 20;
      const { items, total } = await repo.list(db, regionId, f, { limit: size, offset: ((q.page ?? 1) - 1) * size });
      return { total, items: items.map((r) => present(actor, r)) };
    },

    /** A step; answers the request as the account now sees it (null when the step took it out of view). */
    async act(actor: Actor, id: string, input: ServiceActionInput): Promise<ServiceActionResult> {
      await steps.act(actor, id, input);
      const row = await repo.byId(db, regionId, id);
      return { request: row && mayRead(actor, row) ? await detail(actor, row, actor) : null };
    },

    duplicates: (actor: Actor, q: { orgId: string; categoryCode: string; description: string }) =>
      intake.duplicates(actor.scope === 'subtree' ? actor.orgPath : null, q),

    async addPhoto(actor: Actor, id: string, kind: 'service_request' | 'service_result', file: Upload): Promise<Attachment> {
      const row = await core.load(db, actor, id);
      if (kind === 'service_result' && !holdsOrder(actor, row)) throw forbidden('只有承办方可以上传办结照片');
      if (kind === 'service_request' && !serviceRoles(actor, row).length && row.recorded_by !== actor.id) throw forbidden('您不能为该诉求上传照片');
      return addPhoto(actor, row, kind, file);
    },

    async readPhoto(actor: Actor, id: string, photoId: string): Promise<AttachmentFile> {
      assertViewer(actor);
      const row = await core.load(db, actor, id);
      return readOwned({ ...actor, scope: 'self' }, row, photoId);
    },

    // ---- residents (H5)

    async residentSubmit(r: Resident, input: ResidentRequestInput): Promise<ServiceRequestDetail> {
      const id = await intake.submit({ kind: 'resident', resident: r }, input, 'h5');
      return this.residentGet(r, id);
    },

    async residentList(r: Resident): Promise<ServiceRequest[]> {
      return (await repo.ofResident(db, regionId, r.id, 100)).map((row) => ({ ...present(null, row), actions: residentActions(r, row) }));
    },

    async residentGet(r: Resident, id: string): Promise<ServiceRequestDetail> {
      const row = await ownRow(r, id);
      const d = await detail(null, row, residentActor(r));
      return { ...d, actions: residentActions(r, row), timeline: d.timeline.map((e) => ({ ...e, actorId: null })) };
    },

    async residentAct(r: Resident, id: string, input: ResidentActionInput): Promise<ServiceRequestDetail> {
      const done = await db.transaction(async (tx) => {
        await repo.lock(tx, regionId, id);
        const row = await ownRow(r, id, tx);
        if (row.resident_id !== r.id) throw forbidden('只有提交诉求的群众本人可以评价或撤销');
        const who: WorkflowActor = { id: null, displayName: `群众（${r.phone}）`, role: 'resident', ip: null };
        return steps.take(tx, row, { action: input.action, rating: input.rating, comment: input.comment ?? null, reason: input.comment ?? null }, who, null);
      });
      await notifierAfter(done);
      return this.residentGet(r, id);
    },

    async residentPhoto(r: Resident, id: string, file: Upload): Promise<Attachment> {
      const row = await ownRow(r, id);
      if (row.resident_id !== r.id) throw forbidden('只有提交诉求的群众本人可以上传照片');
      if (!['submitted', 'accepted', 'dispatched', 'in_progress', 'awaiting_info'].includes(row.state)) throw invalid('诉求已办结或关闭，不能再上传照片');
      return addPhoto(residentActor(r), row, 'service_request', file);
    },

    async residentReadPhoto(r: Resident, id: string, photoId: string): Promise<AttachmentFile> {
      const row = await ownRow(r, id);
      return readOwned(residentActor(r), row, photoId);
    },

    residentDuplicates: (q: { orgId: string; categoryCode: string; description: string }) => intake.duplicates(null, q),
  };

  async function notifierAfter(d: { row: ServiceRequestRow; action: string; eventId: string; reason: string | null }) {
    await notifier.afterStep(d.row, d.action, d.eventId, d.reason);
  }

  async function readOwned(actor: Actor, row: ServiceRequestRow, photoId: string): Promise<AttachmentFile> {
    for (const ownerKind of ['service_request', 'service_result'] as const) {
      try {
        return await attachments.read(db, actor, photoId, { selfAccess: true, owner: { ownerKind, ownerId: row.id } });
      } catch {
        // not of this kind: try the other
      }
    }
    throw notFound('照片');
  }

  function residentActions(r: Resident, row: ServiceRequestRow): ServiceRequestAction[] {
    if (row.resident_id !== r.id) return [];
    const by: Record<string, ServiceRequestAction[]> = {
      submitted: ['withdraw'],
      accepted: ['withdraw'],
      dispatched: ['withdraw'],
      awaiting_info: ['supply_info'],
      resolved: ['rate'],
    };
    return by[row.state] ?? [];
  }

  function holdsOrderOf(actor: Actor, row: ServiceRequestRow | undefined): boolean {
    return !!row && holdsOrder(actor, row);
  }

  /** Who sees what: service:read sees its subtree (or only its orders with `mine`); a handler only its orders and its own entries. */
  async function filterOf(actor: Actor, q: Omit<ServiceRequestQuery, 'page' | 'pageSize'>): Promise<ServiceListFilter> {
    const reads = actor.permissions.includes(Permission.SERVICE_READ) && actor.scope === 'subtree';
    const mine = q.mine || !reads;
    let orgPath: string | undefined;
    if (q.orgId) {
      const org = await repo.org(db, regionId, q.orgId);
      if (!org || (reads && !pathInScope(actor, org.path))) throw notFound('组织');
      orgPath = org.path;
    }
    const handles = actor.permissions.includes(Permission.SERVICE_HANDLE);
    return {
      scopePath: mine ? null : actor.orgPath,
      assignedTo: mine && handles ? { orgPath: actor.scope === 'subtree' ? actor.orgPath : '__none__', memberId: actor.memberId } : null,
      recordedBy: mine ? actor.id : null,
      state: q.state,
      kind: q.kind,
      categoryCode: q.categoryCode,
      level: q.level,
      orgPath,
      clock: q.clock,
      now: core.now(),
      from: q.from ? startOf(q.from) : undefined,
      to: q.to ? addDay(q.to) : undefined,
      q: q.q?.trim() || undefined,
    };
  }
}
export type ServiceService = ReturnType<typeof createServiceService>;
