import { sql } from 'drizzle-orm';
import { type DirectiveDetail } from '@jiceng/contracts';
import { addDays } from '@jiceng/rules';
import { createDirectiveService } from '../src/modules/directive/directive.service.ts';
import { createAttachmentService } from '../src/platform/attachments/index.ts';
import type { Clock } from '../src/platform/clock.ts';
import type { Actor } from '../src/platform/http/actor.ts';
import type { Server } from '../src/server.ts';
import { actorOf } from './demo-actor.ts';
import { DEMO_ORG } from './demo-accounts.ts';

/**
 * 下发任务 of the demo, every step through the module's own service (on a clock set back to the day
 * each step happened, so due dates and 逾期 come out as they would have), dates relative to today:
 * from 孝陵街道 (jiedao) to its communities — one long overdue that only 梅花山社区 (shequ) answered
 * (the others 逾期, reminded today), one 梅花山 passed down to its branches (梅花山社区第一党支部, shuji,
 * reported; the others not yet signed), one where 梅花山 asks for more time (jiedao's decision waits),
 * and a notice closed last month with the unsigned ones 未完成; 梅花山's own notice to its branches
 * (shuji has not signed it); the 组织部's (zuzhibu) task to the streets, signed by jiedao.
 */

/** Runs after the demo's bulk load (the service writes in transactions of its own). */
export async function applyDirectives(server: Server): Promise<void> {
  const today = server.clock.today();
  /** The service as it was `days` ago (0: today), the messages going where they would have. */
  const on = (days: number) => {
    const clock: Clock = {
      now: () => new Date(server.clock.now().getTime() - days * 86_400_000),
      today: () => addDays(today, -days),
    };
    return createDirectiveService({
      db: server.db,
      regionId: server.regionId,
      audit: server.audit,
      clock,
      attachments: createAttachmentService({ regionId: server.regionId, audit: server.audit }),
      recipients: (ids, roles) => server.modules.account.boundTo(ids, roles),
      notify: (n) => server.notifications.sendOnce(n),
    });
  };
  const [zuzhibu, jiedao, shequ, shuji] = (await Promise.all(['zuzhibu', 'jiedao', 'shequ', 'shuji'].map((u) => actorOf(server, u)))) as [
    Actor,
    Actor,
    Actor,
    Actor,
  ];
  // the street's communities (社区党委 and 党总支 alike), chosen one by one
  const communityIds = (
    await server.db.rows<{ id: string }>(sql`select c.id::text as id from org c join org s on s.region_id = c.region_id and s.id = c.parent_id
      where c.region_id = ${server.regionId} and s.id = ${jiedao.orgId} and c.domain = 'community' and c.type in ('committee', 'general_branch')
        and c.status = 'active' order by c.path`)
  ).map((r) => r.id);
  const communities = { orgIds: communityIds };
  const rowOf = (d: DirectiveDetail, orgId: string) => d.targets.find((t) => t.orgId === orgId)!;
  const due = (days: number) => addDays(today, days);

  // long overdue: only 梅花山社区 answered; the others are reminded today
  const info = await on(20).send(jiedao, {
    kind: 'task',
    title: '报送本年度党员信息采集表',
    content: '请各社区党组织核对本辖区党员基本信息，填写党员信息采集表并报街道党工委组织科。',
    dueOn: due(-10),
    evidence: '党员信息采集表（盖章扫描件）',
    recipients: communities,
  });
  let own = rowOf(info, shequ.orgId);
  await on(18).acknowledge(shequ, info.id, own.id, {});
  await on(12).report(shequ, info.id, own.id, { report: '已核对本社区全部党员信息，采集表已报送街道组织科。' });
  const late = (await on(0).get(jiedao, info.id)).targets.filter((t) => t.actions.includes('remind')).map((t) => t.id);
  if (late.length) await on(0).remind(jiedao, info.id, { targetIds: late });

  // passed down: 梅花山 forwards to its branches, the first reports, the others have not signed yet
  const fire = await on(5).send(jiedao, {
    kind: 'task',
    title: '开展冬季消防安全隐患排查',
    content: '对辖区老旧小区、沿街商铺逐栋逐户排查消防通道、电动车充电等隐患，建立问题清单并限期整改。',
    dueOn: due(10),
    evidence: '排查台账、整改清单及现场照片',
    recipients: communities,
  });
  own = rowOf(fire, shequ.orgId);
  await on(4).acknowledge(shequ, fire.id, own.id, {});
  const forwarded = await on(4).forward(shequ, fire.id, own.id, { recipients: { allOfType: 'branch' }, dueOn: due(7) });
  const branch = forwarded.targets.find((t) => t.orgName === DEMO_ORG.branch);
  if (branch) {
    await on(3).acknowledge(shuji, fire.id, branch.id, {});
    await on(1).report(shuji, fire.id, branch.id, { report: '已排查本支部联系的 12 栋居民楼，发现堵塞消防通道 3 处，已督促清理。' });
  }

  // more time asked: jiedao's decision is waiting
  const ledger = await on(3).send(jiedao, {
    kind: 'task',
    title: '整理三会一课台账迎接督查',
    content: '按组织生活督查要求，整理本年度支部党员大会、支委会、党小组会和党课记录，做到要素齐全、签字完整。',
    dueOn: due(2),
    evidence: '台账目录及抽查记录',
    recipients: communities,
  });
  own = rowOf(ledger, shequ.orgId);
  await on(3).acknowledge(shequ, ledger.id, own.id, {});
  await on(0).requestExtension(shequ, ledger.id, own.id, { dueOn: due(9), reason: '下属支部较多，部分会议记录需补签字，申请延期一周。' });

  // a notice closed last month: the unsigned ones are 未完成
  const duty = await on(40).send(jiedao, {
    kind: 'notice',
    title: '关于做好节日期间值班值守工作的通知',
    content: '节日期间各社区党组织须安排专人值班，保持通讯畅通，遇有突发情况及时报告。',
    dueOn: due(-35),
    recipients: communities,
  });
  await on(39).acknowledge(shequ, duty.id, rowOf(duty, shequ.orgId).id, {});
  await on(30).close(jiedao, duty.id, { note: '节日值班工作已结束' });

  // 梅花山's own notice to its branches, not yet signed by shuji
  await on(1).send(shequ, {
    kind: 'notice',
    title: '关于参加社区党员冬训动员会的通知',
    content: '请各支部书记组织党员参加社区党员冬训动员会，会后将参会情况报社区党委。',
    dueOn: due(3),
    recipients: { allOfType: 'branch' },
  });

  // from the 组织部 to the streets: jiedao signed it
  const review = await on(6).send(zuzhibu, {
    kind: 'task',
    title: '报送年度基层党建工作述职评议材料',
    content: '请各街道党工委书记撰写年度抓基层党建工作述职报告，连同问题清单、整改措施一并报区委组织部。',
    dueOn: due(14),
    evidence: '述职报告、问题清单',
    recipients: { allOfType: 'working_committee' },
  });
  const street = review.targets.find((t) => t.orgId === jiedao.orgId);
  if (street) await on(5).acknowledge(jiedao, review.id, street.id, {});
}
