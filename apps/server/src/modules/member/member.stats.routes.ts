import { MemberStats, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../../platform/http/app.ts';
import type { MemberStatsService } from './member.stats.ts';

/** The member structure of the account's scope, for the 工作台's charts. */
export function registerMemberStatsRoutes(app: App, stats: MemberStatsService): void {
  app.get(
    '/api/members/stats',
    {
      config: { access: Permission.MEMBER_READ },
      schema: { tags: ['党员'], summary: '党员结构统计（本组织及下级：性别、年龄段、学历，仅汇总数）', response: { 200: MemberStats } },
    },
    (req) => stats.structure(actorOf(req)),
  );
}
