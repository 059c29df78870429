import { ALL_PERMISSIONS, isValidAmount, type Role } from '@jiceng/contracts';
import { APPRAISAL_RULES_2024 } from '@jiceng/rules';
import type { Server } from '../src/server.ts';
import { planGrades } from '../src/modules/appraisal/appraisal.plan.ts';
import type { SheetRow } from '../src/modules/appraisal/appraisal.repository.ts';
import { createFloatingModule } from '../src/modules/floating/index.ts';
import { createHardshipModule } from '../src/modules/hardship/index.ts';
import { createMemberModule } from '../src/modules/member/index.ts';
import { createOrgModule } from '../src/modules/org/index.ts';
import { createReportInModule } from '../src/modules/reportin/index.ts';
import { createTransferModule } from '../src/modules/transfer/index.ts';
import type { AuditService } from '../src/platform/audit/audit.service.ts';
import type { Clock } from '../src/platform/clock.ts';
import type { Database } from '../src/platform/db/database.ts';
import type { Actor } from '../src/platform/http/actor.ts';
import { newId } from '../src/platform/ids.ts';
import type { ActivityPlan, AppraisalPlan } from './demo-activity.ts';
import type { OrgPlan } from './org-plan.ts';
import { seedRepository, type SeedAppraisal, type SeedDisposition, type SeedVisit } from './seed.repository.ts';

/** A demo account the records may be filed by (its id is what `created_by` columns reference). */
export interface ActingAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
}

/**
 * Applies the activity plan inside the seed's transaction through the modules' own services (built
 * here on that transaction), so every record passes the checks a user's request would: scope, the
 * workflow's transitions, date order, one open record per member. Nothing is audited (seeding is not
 * a user's action). Services that stamp a step with "today" (starting and accepting a transfer, an
 * arrival by letter) run on a clock set to the step's day; the rest take the plan's dates as input.
 */
export async function applyActivity(
  server: Server,
  tx: Database,
  plan: OrgPlan,
  a: ActivityPlan,
  memberIds: string[],
  accounts: ActingAccount[],
): Promise<void> {
  const { regionId, crypto } = server;
  const today = server.clock.today();
  let day = today;
  const clock: Clock = { today: () => day, now: () => new Date(`${day}T04:00:00Z`) };
  const on = <T>(d: string, work: () => Promise<T>) => {
    day = d;
    return work().finally(() => (day = today));
  };
  const audit: AuditService = { ...server.audit, record: async () => undefined, recordUnmask: async () => undefined };
  const deps = { db: tx, regionId, audit, clock, crypto };
  const org = createOrgModule(deps);
  const member = createMemberModule({ ...deps, orgs: org.service });
  const transfer = createTransferModule({ ...deps, members: member.service });
  const floating = createFloatingModule({ ...deps, members: member.service });
  const reportIn = createReportInModule({ ...deps, members: member.service });
  const hardship = createHardshipModule({ ...deps, members: member.service, orgs: org.service });

  const byId = new Map(plan.orgs.map((o) => [o.id, o]));
  const admin = accounts.find((x) => x.role === 'admin')!;
  const secretaryOf = new Map(plan.members.filter((m) => m.post === 'secretary' && m.endDate === null).map((m) => [m.orgId, m.personName]));
  /** The organization's own people acting for it: its demo account, or its secretary through the administrator's account. */
  const actorFor = (orgId: string, account = accounts.find((x) => x.orgId === orgId && x.role !== 'member' && x.role !== 'resident_unit')): Actor => {
    const o = byId.get(orgId)!;
    const by = account ?? admin;
    return {
      id: by.id,
      regionId,
      username: by.username,
      displayName: account?.displayName ?? secretaryOf.get(orgId) ?? `${o.shortName ?? o.name}经办人`,
      role: account?.role ?? 'secretary',
      orgId,
      orgPath: o.path,
      orgName: o.name,
      permissions: ALL_PERMISSIONS,
      scope: by.role === 'resident_unit' ? 'self' : 'subtree',
      csrfToken: '',
      mustChangePassword: false,
      memberId: null,
      ip: null,
    };
  };
  const mid = (i: number) => memberIds[i]!;
  const branchOf = async (i: number) => (await member.service.byIdUnscoped(tx, mid(i)))!.org_id;

  // 民主评议 first: last year's grades were given where the members were then
  await insertAppraisals(tx, regionId, a.appraisals, memberIds, today, admin.id, (orgId) => secretaryOf.get(orgId) ?? '党支部');

  for (const t of a.transfers) {
    const from = await branchOf(t.member);
    const started = await on(t.startedOn, () => transfer.service.start(actorFor(from), { memberId: mid(t.member), toOrgId: t.toOrgId, reason: t.reason }));
    const o = t.outcome;
    if (o.status === 'accepted') await on(o.on, () => transfer.service.accept(actorFor(t.toOrgId), started.id));
    if (o.status === 'returned') await on(o.on, () => transfer.service.returnBack(actorFor(t.toOrgId), started.id, { reason: o.reason! }));
    if (o.status === 'cancelled') await on(o.on, () => transfer.service.cancel(actorFor(from), started.id, { reason: o.reason ?? null }));
  }
  // letters numbered in the order they were issued
  for (const l of [...a.letters].sort((x, y) => x.issueDate.localeCompare(y.issueDate))) {
    const from = await branchOf(l.member);
    const issued = await on(l.issueDate, () =>
      transfer.letters.issue(actorFor(from), {
        memberId: mid(l.member),
        toOrgName: l.toOrgName,
        issueDate: l.issueDate,
        validUntil: l.validUntil,
        duesPaidTo: l.duesPaidTo,
        reason: l.reason,
      }),
    );
    const o = l.outcome;
    if (o.status === 'received') await transfer.letters.registerReceipt(actorFor(from), issued.id, { receivedDate: o.on, note: o.note });
    if (o.status === 'cancelled') await on(o.on, () => transfer.service.cancel(actorFor(from), issued.id, { reason: o.note }));
  }
  for (const x of a.arrivals) {
    const { letterNo, fromOrgName, letterDate, duesPaidTo, member: input } = x;
    await on(x.registeredOn, () => transfer.letters.registerIncoming(actorFor(input.orgId), { letterNo, fromOrgName, letterDate, duesPaidTo, member: input }));
  }

  for (const f of a.floating) {
    const home = await branchOf(f.member);
    const created = await floating.service.create(actorFor(home), {
      memberId: mid(f.member),
      destinationPlace: f.destinationPlace,
      destinationOrgId: f.destinationOrgId,
      reason: f.reason,
      contactPhone: f.contactPhone,
      leftDate: f.leftDate,
      expectedReturnDate: f.expectedReturnDate,
      certNo: f.cert?.no ?? null,
      certIssuedDate: f.cert?.issued ?? null,
      certValidUntil: f.cert?.validUntil ?? null,
    });
    if (f.arrival)
      await floating.service.registerArrival(actorFor(f.destinationOrgId ?? home), created.id, {
        date: f.arrival.date,
        contactPerson: f.arrival.contactPerson,
        note: null,
      });
    if (f.verified) await floating.service.verify(actorFor(home), created.id, { date: f.verified, note: null });
    if (f.returned) await floating.service.close(actorFor(home), created.id, { date: f.returned, note: '已返回居住地，恢复参加党支部组织生活' });
  }

  for (const l of a.lost) {
    const actor = actorFor(await branchOf(l.member));
    const created = await floating.lostContact.create(actor, { memberId: mid(l.member), lastContactDate: l.lastContactDate, measures: l.measures });
    for (const t of l.attempts) await floating.lostContact.addAttempt(actor, created.id, t);
    if (l.suspendedOn)
      await member.service.applyEvent(actor, mid(l.member), { event: 'suspend', date: l.suspendedOn, reason: '失联满六个月，经支委会研究决定停止其党籍' });
    if (l.foundOn) await floating.lostContact.found(actor, created.id, { date: l.foundOn, note: '本人主动与党支部取得联系，已恢复参加组织生活' });
  }

  // Visits are many (a few per record): checked here as addVisit checks them, then written in one statement.
  const visits: SeedVisit[] = [];
  const cadreIds: string[] = [];
  for (const c of a.cadres)
    cadreIds.push(
      (await hardship.service.createCadre(actorFor(c.orgId), { name: c.name, phone: c.phone, memberId: c.member === null ? null : mid(c.member) })).id,
    );
  for (const h of a.hardships) {
    const actor = actorFor(byId.get(await branchOf(h.member))!.parentId!);
    const created = await hardship.service.create(actor, {
      memberId: mid(h.member),
      type: h.type,
      detail: h.detail,
      startDate: h.startDate,
      cadreId: h.cadre === null ? null : cadreIds[h.cadre]!,
    });
    for (const v of h.visits) {
      if (!isValidAmount(v.amount) || v.date < h.startDate || v.date > today || (h.closed && v.date > h.closed.date))
        throw new Error(`demo hardship visit ${v.date} of member ${h.member} is invalid`);
      visits.push({
        id: newId(),
        hardshipId: created.id,
        visitDate: v.date,
        visitor: v.visitor,
        content: v.content,
        amount: v.amount,
        recordedBy: actor.displayName,
      });
    }
    if (h.closed) await hardship.service.close(actor, created.id, { closedDate: h.closed.date, reason: h.closed.reason });
  }

  await seedRepository.insertVisits(tx, regionId, visits);

  for (const r of a.memberReports) {
    const actor = actorFor(await branchOf(r.member));
    const filed = await reportIn.service.reportMember(actor, {
      memberId: mid(r.member),
      communityId: r.communityId,
      reportDate: r.reportDate,
      intentions: r.intentions,
    });
    if (r.cancelled) await reportIn.service.cancelMember(actor, filed.id, r.cancelled);
  }
  const unitAccount = accounts.find((x) => x.role === 'resident_unit');
  for (const u of a.unitReports) {
    const actor = u.byUnitAccount && unitAccount ? actorFor(u.communityId, unitAccount) : actorFor(u.communityId);
    const filed = await reportIn.service.reportUnit(actor, {
      communityId: u.communityId,
      unitName: u.unitName,
      creditCode: u.creditCode,
      contactName: u.contactName,
      phone: u.phone,
      resources: u.resources,
      reportDate: u.reportDate,
    });
    if (u.cancelled) await reportIn.service.cancelUnit(actor, filed.id, u.cancelled);
  }
}

/**
 * Each branch-year checked as a whole by the appraisal module's own planner (members on the sheet,
 * a disposition for every 不合格 with a lawful deadline, 优秀 within one third), then written in bulk.
 */
async function insertAppraisals(
  tx: Database,
  regionId: string,
  plans: AppraisalPlan[],
  memberIds: string[],
  today: string,
  adminId: string,
  graderOf: (orgId: string) => string,
): Promise<void> {
  const grades: SeedAppraisal[] = [];
  const dispositions: SeedDisposition[] = [];
  for (const p of plans) {
    const rows: SheetRow[] = p.grades.map((g) => ({
      member_id: memberIds[g.member]!,
      name: String(g.member),
      gender: 'male',
      member_status: 'full',
      appraisal_id: null,
      appraisal_org_id: null,
      appraisal_org_name: null,
      grade: null,
      remark: null,
      override_reason: null,
      graded_by_name: null,
      graded_at: null,
      disposition_id: null,
      disposition_kind: null,
      disposition_start: null,
      disposition_deadline: null,
      disposition_status: null,
    }));
    const items = p.grades.map((g) => ({
      memberId: memberIds[g.member]!,
      grade: g.grade,
      ...(g.disposition ? { disposition: { kind: g.disposition.kind, startDate: g.disposition.startDate, deadline: g.disposition.deadline } } : {}),
    }));
    const checked = planGrades(rows, p.orgId, items, undefined, today, APPRAISAL_RULES_2024);
    if (checked.problems.length || checked.excellent.exceeded)
      throw new Error(`demo appraisal ${p.orgId} ${p.year}: ${checked.problems.join('；') || '优秀超过三分之一'}`);
    for (const c of checked.changes) {
      const id = newId();
      grades.push({ id, orgId: p.orgId, year: p.year, memberId: c.row.member_id, grade: c.grade, gradedBy: adminId, gradedByName: graderOf(p.orgId) });
      const planned = p.grades.find((g) => memberIds[g.member] === c.row.member_id)!.disposition;
      if (c.startDisposition)
        dispositions.push({ id: newId(), appraisalId: id, memberId: c.row.member_id, orgId: p.orgId, ...c.startDisposition, done: planned?.done ?? null });
    }
  }
  await seedRepository.insertAppraisals(tx, regionId, grades, dispositions);
}
