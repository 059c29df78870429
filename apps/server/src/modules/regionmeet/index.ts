import { describeUniqueConstraints } from '../../platform/db/db-errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { ScheduledJob } from '../../platform/jobs/jobs.ts';
import { createRegionMeetCore, type NeedCreator, type RegionMeetDeps } from './regionmeet.core.ts';
import { createRegionMeetExport } from './regionmeet.export.ts';
import { reportAssembleJob, reportAssembleSweep } from './regionmeet.job.ts';
import { createMeetingService } from './regionmeet.meetings.ts';
import { createMeetingParts } from './regionmeet.parts.ts';
import { createRatingService } from './regionmeet.ratings.ts';
import { registerReportRoutes } from './regionmeet.report.routes.ts';
import { createReportService } from './regionmeet.reports.ts';
import { rootPath } from './regionmeet.repository.ts';
import { registerMeetingRoutes } from './regionmeet.routes.ts';
import { regionMeetTodoSources } from './regionmeet.todos.ts';

export type { NeedCreator };

/**
 * 大党委 joint meetings, 双报告 and 双向评价 (issue 14, ADR 0028): a community's joint meetings with
 * their agenda from 三张清单, attendance by unit, decisions (a need created through `needs`, the
 * regional module's service) and follow-ups, printable; each year's report of every standing unit
 * and member, assembled from the records by a January job or on demand and confirmed or corrected by
 * its subject; the two-way ratings and the ledger per unit and year.
 */
export function createRegionMeetModule(deps: RegionMeetDeps) {
  describeUniqueConstraints({
    rm_rating_pair_key: '本年度已经评价过（可能刚被他人提交），请刷新后查看；如需修改，请在原评价上修改',
    rm_agenda_item_ref_key: '同一需求或项目在议程中只能列一次',
  });
  const core = createRegionMeetCore(deps);
  const meetings = createMeetingService(core);
  const parts = createMeetingParts(core, meetings);
  const reports = createReportService(core);
  const ratings = createRatingService(core, reports);
  const exporter = createRegionMeetExport({ meetings, ratings, clock: deps.clock });
  const sweep = reportAssembleSweep({
    clock: deps.clock,
    rules: core.rules,
    rootPath: () => rootPath(deps.db, deps.regionId),
    assembleUnder: reports.assembleUnder,
  });
  return {
    meetings: { ...meetings, ...parts },
    reports,
    ratings,
    rules: core.rules,
    /** 联席会议 follow-ups and minutes, reports awaiting confirmation, ratings owed, for the registry. */
    todoSources: regionMeetTodoSources(core.rules),
    /** The yearly assembly itself (tests run it by hand), and as the job `regionmeet-reports`. */
    reportSweep: sweep,
    reportJob: (cron: string): ScheduledJob => reportAssembleJob(sweep, cron),
    register(app: App) {
      registerMeetingRoutes(app, meetings, parts, exporter);
      registerReportRoutes(app, reports, ratings, exporter);
    },
  };
}
export type RegionMeetModule = ReturnType<typeof createRegionMeetModule>;
