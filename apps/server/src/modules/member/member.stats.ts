import { educationLabel, genderLabel, MEMBER_AGE_BANDS, type MemberStatBucket, type MemberStats } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { memberStatsRepository } from './member.stats.repository.ts';

/**
 * The 工作台's member structure (性别, 年龄, 学历) of the actor's subtree: counts only, every
 * dictionary value listed. An account that sees only its own record has no structure to see.
 */
export function createMemberStatsService(deps: { db: Database; regionId: string; clock: Clock; stats: typeof memberStatsRepository }) {
  const { db, regionId, clock, stats } = deps;
  return {
    async structure(actor: Actor): Promise<MemberStats> {
      if (actor.scope === 'self') throw forbidden('本账号只能查看本人信息，没有党员结构统计');
      const rows = await stats.counts(db, regionId, actor.orgPath, clock.today());
      const of = (dim: string, labels: readonly (readonly [string, string])[]): MemberStatBucket[] =>
        labels.map(([key, label]) => ({ key, label, count: rows.find((r) => r.dim === dim && r.key === key)?.n ?? 0 }));
      const byGender = of('gender', Object.entries(genderLabel));
      return {
        total: byGender.reduce((a, b) => a + b.count, 0),
        byGender,
        byAge: of(
          'age',
          MEMBER_AGE_BANDS.map((b) => [b.key, b.label] as const),
        ),
        byEducation: of('education', Object.entries(educationLabel)),
      };
    },
  };
}
export type MemberStatsService = ReturnType<typeof createMemberStatsService>;
