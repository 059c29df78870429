import { ALL_PERMISSIONS } from '@jiceng/contracts';
import { registerAuditRoutes } from './platform/audit/audit.routes.ts';
import { createChangeCompactor } from './platform/cache/change-marks.ts';
import { createAuditService } from './platform/audit/audit.service.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { createFieldCrypto, type FieldCrypto } from './platform/crypto/field-crypto.ts';
import type { Database } from './platform/db/database.ts';
import type { Actor } from './platform/http/actor.ts';
import { createHttpApp, type App } from './platform/http/app.ts';
import { cronEvery, type ScheduledJob } from './platform/jobs/jobs.ts';
import { settingsRepository } from './platform/settings.repository.ts';
import { createMessageSenders, createMessagesService, registerMessageRoutes } from './platform/messages/index.ts';
import { createNotificationService } from './platform/todo/notification.service.ts';
import { createTodoRegistry } from './platform/todo/todo.registry.ts';
import { registerTodoRoutes } from './platform/todo/todo.routes.ts';
import { createAccountModule } from './modules/account/index.ts';
import { createMemberModule } from './modules/member/index.ts';
import { createTransferModule } from './modules/transfer/index.ts';
import { createFloatingModule } from './modules/floating/index.ts';
import { createAppraisalModule } from './modules/appraisal/index.ts';
import { createOrgSetupModule } from './modules/orgsetup/index.ts';
import { createComplianceModule } from './modules/compliance/index.ts';
import { refreshPlannerStatistics } from './platform/db/maintenance.ts';
import { createReportInModule } from './modules/reportin/index.ts';
import { createHardshipModule } from './modules/hardship/index.ts';
import { createDevelopmentModule } from './modules/development/index.ts';
import { createDirectiveModule } from './modules/directive/index.ts';
import { createKeyTaskModule } from './modules/keytask/index.ts';
import { createDuesModule } from './modules/dues/index.ts';
import { createTrainingModule } from './modules/training/index.ts';
import { meetingLectureCounts } from './modules/meeting/meeting.lectures.ts';
import { createMeetingModule } from './modules/meeting/index.ts';
import { createOrgModule } from './modules/org/index.ts';
import { meetingReminderJob, meetingReminderSweep } from './modules/meeting/meeting.reminders.ts';
import { termAlarmJob, termAlarmSweep } from './modules/org/org.jobs.ts';
import { termTodoSource, todoChildren } from './modules/org/org.todo.ts';
import { createResidentService, registerResidentRoutes } from './platform/residents/index.ts';
import { createServiceModule } from './modules/service/index.ts';
import { createAttachmentService } from './platform/attachments/index.ts';
import { createWishModule } from './modules/wish/index.ts';
import { createRegionalModule } from './modules/regional/index.ts';
import { createCobuildModule } from './modules/cobuild/index.ts';
import { createVenueModule } from './modules/venue/index.ts';
import { createRegionMeetModule } from './modules/regionmeet/index.ts';

export interface ServerDeps {
  config: Config;
  db: Database;
  fieldKey: string;
  clock?: Clock;
}

/**
 * Composition root: repositories → services → HTTP routes and jobs. Used by `main.ts`, the seeds and
 * every integration test, so they all run the same wiring.
 */
export async function createServer({ config, db, fieldKey, clock = systemClock }: ServerDeps) {
  const regionId = config.regionId;
  const audit = createAuditService(db, regionId);
  const crypto: FieldCrypto = createFieldCrypto(fieldKey);
  const isDemo = async () => (await settingsRepository.get<boolean>(db, regionId, 'demo')) === true;
  const org = createOrgModule({ db, regionId, audit, clock });
  const member = createMemberModule({ db, regionId, audit, clock, crypto, orgs: org.service });
  const account = createAccountModule({
    db,
    regionId,
    audit,
    orgs: org.service,
    members: member.service,
    clock,
    loginLockout: config.loginLockout,
    sessionTtlMinutes: config.sessionTtlMinutes,
    secureCookie: config.cookieSecure,
    isDemo,
  });
  const notifications = createNotificationService(db, regionId);
  // SMS/WeChat (ADR 0019): MESSAGE_SENDER=log only records; `app` is read when a message is sent, after it exists
  const messages = createMessagesService({
    db,
    regionId,
    senders: createMessageSenders(config.messageSender, { db, regionId, crypto, log: (o, m) => app.log.info(o, m) }),
    onError: (err, meta) => app.log.error({ err, kind: meta.kind }, 'outbound message failed'),
  });
  // residents (群众) on H5: phone and one-time code (ADR 0021)
  const residents = createResidentService({ db, regionId, clock, crypto, messages });
  const todos = createTodoRegistry({
    db,
    regionId,
    clock,
    orgs: { resolveInScope: (actor, id) => org.service.resolveInScope(actor, id), children: todoChildren(db, regionId) },
  });
  todos.add(termTodoSource());
  // 党费 (issue 11) before the transfers: a letter carries 党费缴至 from the ledger
  const dues = createDuesModule({ db, regionId, audit, clock, crypto, members: member.service, orgs: org.service });
  for (const source of dues.todoSources) todos.add(source);
  const development = createDevelopmentModule({ db, regionId, audit, clock, crypto, members: member.service, orgs: org.service });
  for (const source of development.todoSources) todos.add(source);
  const keytask = createKeyTaskModule({ db, regionId, audit, clock, orgs: org.service });
  for (const source of keytask.todoSources) todos.add(source);
  // 下发任务与督办 (issue 13): its messages go to the recipients' accounts through the notifications sender
  const directive = createDirectiveModule({
    db,
    regionId,
    audit,
    clock,
    recipients: (ids, roles) => account.boundTo(ids, roles),
    notify: (n) => notifications.sendOnce(n),
  });
  for (const source of directive.todoSources) todos.add(source);
  const transfer = createTransferModule({ db, regionId, audit, clock, crypto, members: member.service, duesPaidTo: (tx, id) => dues.ledger.paidTo(tx, id) });
  todos.add(transfer.todoSource);
  const floating = createFloatingModule({ db, regionId, audit, clock, crypto, members: member.service });
  for (const source of floating.todoSources) todos.add(source);
  const appraisal = createAppraisalModule({ db, regionId, audit, clock, orgs: org.service });
  todos.add(appraisal.todoSource);
  const orgSetup = createOrgSetupModule({ db, regionId, clock, orgs: org.service });
  todos.add(orgSetup.todoSource);
  const reportIn = createReportInModule({ db, regionId, audit, clock, crypto, members: member.service });
  const hardship = createHardshipModule({ db, regionId, audit, clock, crypto, members: member.service, orgs: org.service });
  todos.add(hardship.todoSource);
  const meeting = createMeetingModule({ db, regionId, audit, clock, fieldKey, notifications, messages });
  for (const source of meeting.todoSources) todos.add(source);
  const training = createTrainingModule({ db, regionId, audit, clock, crypto, orgs: org.service, lectures: meetingLectureCounts });
  todos.add(training.todoSource);
  const compliance = createComplianceModule({ db, regionId, clock, audit, orgs: org.service });
  todos.add(compliance.todoSource);
  // 群众诉求 (issue 10): the loop, its clock sweep and the residents' side
  const service = createServiceModule({
    db,
    regionId,
    audit,
    clock,
    crypto,
    notifications,
    messages,
    attachments: createAttachmentService({ regionId, audit }),
    onSweepError: (err, id) => app.log.error({ err, id }, 'service sweep failed on a request'),
  });
  for (const source of service.todoSources) todos.add(source);
  await service.init();
  const wish = createWishModule({ db, regionId, audit, clock, crypto });
  for (const source of wish.todoSources) todos.add(source);
  // 区域化党建 三张清单 (issue 14): needs, resources, projects and matching
  const regional = createRegionalModule({ db, regionId, audit, clock, crypto });
  for (const source of regional.todoSources) todos.add(source);
  await regional.init();
  // 结对共建 agreements (issue 14): both sides' accounts hear of an agreement's coming end
  const cobuild = createCobuildModule({
    db,
    regionId,
    audit,
    clock,
    crypto,
    recipients: (ids, roles) => account.boundTo(ids, roles),
    notify: (n) => notifications.sendOnce(n),
  });
  for (const source of cobuild.todoSources) todos.add(source);
  // 阵地 (issue 14): venues, room bookings, the community area warning
  const venue = createVenueModule({ db, regionId, audit, clock, crypto });
  for (const source of venue.todoSources) todos.add(source);
  // 大党委 joint meetings, 双报告 and 双向评价 (issue 14): a decision's need is recorded through 三张清单's service
  const regionmeet = createRegionMeetModule({
    db,
    regionId,
    audit,
    clock,
    needs: { createIn: (tx, actor, input) => regional.needs.createIn(tx, actor, input) },
  });
  for (const source of regionmeet.todoSources) todos.add(source);

  /** An actor scoped to the whole region, for system sweeps. */
  const systemActor = async (): Promise<Actor | null> => {
    const root = await org.service.root();
    if (!root) return null;
    return {
      id: '00000000-0000-0000-0000-000000000000',
      regionId,
      username: 'system',
      displayName: '系统',
      role: 'admin',
      orgId: root.id,
      orgPath: root.path,
      orgName: root.name,
      permissions: ALL_PERMISSIONS,
      scope: 'subtree',
      csrfToken: '',
      mustChangePassword: false,
      memberId: null,
      ip: null,
    };
  };
  const sweepTerms = termAlarmSweep({
    orgs: org.service,
    systemActor,
    recipients: (ids) => account.boundTo(ids, ['admin', 'department', 'street', 'community', 'secretary']),
    notify: (n) => notifications.sendOnce(n),
  });
  const sweepMeetings = meetingReminderSweep({
    db,
    regionId,
    clock,
    recipients: (ids, roles) => account.boundTo(ids, roles),
    notify: (n) => notifications.sendOnce(n),
  });
  const sweepDevelopment = development.reminderSweep({ recipients: (ids, roles) => account.boundTo(ids, roles), notify: (n) => notifications.sendOnce(n) });
  const sweepRegional = regional.sweep({ recipients: (ids, roles) => account.boundTo(ids, roles), notify: (n) => notifications.sendOnce(n) });
  const sweepKeyTasks = keytask.sweep({ recipients: (ids, roles) => account.boundTo(ids, roles), notify: (n) => notifications.sendOnce(n) });
  const jobs: ScheduledJob[] = [
    termAlarmJob(sweepTerms, cronEvery(config.sweepIntervalSeconds)),
    meetingReminderJob(sweepMeetings, cronEvery(config.sweepIntervalSeconds)),
    compliance.refreshJob(cronEvery(config.sweepIntervalSeconds)),
    service.sweepJob(config.sweepIntervalSeconds),
    // at start and 00:07 China time (16:07 UTC): this month's rows (idempotent; members added since get theirs), the arrears at the month's turn
    dues.ledgerJob('7 16 * * *'),
    development.reminderJob(sweepDevelopment, cronEvery(config.sweepIntervalSeconds)),
    directive.reminderJob(cronEvery(config.sweepIntervalSeconds)),
    keytask.sweepJob(sweepKeyTasks, cronEvery(config.sweepIntervalSeconds)),
    regional.sweepJob(sweepRegional, cronEvery(config.sweepIntervalSeconds)),
    cobuild.sweepJob(cronEvery(config.sweepIntervalSeconds)),
    // at start and 00:37 China time (16:37 UTC): in January, last year's 双报告 (idempotent)
    regionmeet.reportJob('37 16 * * *'),
    // the embedded engine's planner statistics (it runs no autovacuum), at night
    { name: 'planner-statistics', cron: '23 3 * * *', run: () => refreshPlannerStatistics(db) },
    {
      name: 'session-cleanup',
      cron: '17 * * * *',
      run: async () => {
        await account.deleteExpiredSessions();
        await account.deleteStaleThrottles();
        await residents.deleteExpired();
      },
    },
  ];

  const app: App = await createHttpApp({
    logLevel: config.logLevel,
    resolveSession: async (token, ip) => {
      const actor = await account.auth.resolveSession(token, ip);
      changes.observe(actor?.seen);
      return actor;
    },
    resolveResident: (token) => residents.resolve(token),
    webDist: config.webDist,
    trustProxy: config.trustProxy,
    apiDocs: config.apiDocs,
  });
  // Called from resolveSession above, so only once requests arrive; a failure is tried again later.
  const changes = createChangeCompactor(db, regionId, (e) => app.log.error({ err: e }, 'change marks compaction failed'));
  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['系统'], summary: '健康检查' } }, async () => ({ status: 'ok', engine: db.engine }));
  account.register(app);
  org.register(app);
  member.register(app);
  transfer.register(app);
  floating.register(app);
  appraisal.register(app);
  orgSetup.register(app);
  reportIn.register(app);
  hardship.register(app);
  dues.register(app);
  development.register(app);
  directive.register(app);
  keytask.register(app);
  meeting.register(app);
  training.register(app);
  compliance.register(app);
  service.register(app);
  wish.register(app);
  regional.register(app);
  cobuild.register(app);
  venue.register(app);
  regionmeet.register(app);
  registerResidentRoutes(app, residents, { secureCookie: config.cookieSecure });
  registerAuditRoutes(app, audit);
  registerTodoRoutes(app, todos, notifications);
  registerMessageRoutes(app, messages);

  return {
    app,
    db,
    regionId,
    clock,
    crypto,
    audit,
    modules: { org, account, member, meeting, service, dues, development, directive, keytask, regional, venue, cobuild, regionmeet },
    todos,
    notifications,
    messages,
    residents,
    jobs,
    sweepTerms,
    sweepMeetings,
    sweepDevelopment,
    sweepDirectives: directive.reminderSweep,
    sweepKeyTasks,
    systemActor,
    setDemo: (v: boolean) => settingsRepository.set(db, regionId, 'demo', v),
    isDemo,
  };
}
export type Server = Awaited<ReturnType<typeof createServer>>;
