import type { DirectiveDetail } from '@jiceng/contracts';
import { pdfBytes } from '../../platform/attachments/attachment.fixtures.ts';
import { upload } from '../xlsx.ts';
import { expectOk, YEAR, type WorldContext } from './context.ts';

/**
 * 下发任务: streetA's task to its communities, signed by 社区A1 and forwarded to its branches, signed
 * by 支部A1a with an evidence file; and a notice to the same communities, so the list, the directive,
 * each recipient, the export and the evidence file answer with data.
 */
export async function worldDirectives(w: WorldContext): Promise<void> {
  const { add, post, streetA, communityA1, secA1a, t } = w;
  const send = (title: string, kind: 'task' | 'notice') =>
    post<DirectiveDetail>(streetA, 'directive', '/api/directives', {
      kind,
      title,
      content: '按通知要求落实',
      dueOn: `${YEAR}-12-20`,
      evidence: '工作台账',
      recipients: { allOfType: 'committee', domain: 'community' },
    });
  const task = await send('开展冬季安全排查', 'task');
  const notice = await send('关于元旦值班安排的通知', 'notice');
  for (const d of [task, notice]) add('directive', d.id);
  const own = task.targets.find((x) => x.orgId === t.communityA1)!;
  const at = (targetId: string, step: string) => `/api/directives/${task.id}/targets/${targetId}${step}`;
  await post(communityA1, 'directive acknowledge', at(own.id, '/acknowledge'));
  const forwarded = await post<DirectiveDetail>(communityA1, 'directive forward', at(own.id, '/forward'), { recipients: { allOfType: 'branch' } });
  for (const x of forwarded.targets) add('directiveTarget', x.id);
  add('directiveTarget', notice.targets[0]!.id);
  const branch = forwarded.targets.find((x) => x.orgId === t.branchA1a)!;
  await post(secA1a, 'directive acknowledge', at(branch.id, '/acknowledge'));
  const file = expectOk('directive file', await upload<{ attachment: { id: string } }>(secA1a, at(branch.id, '/attachments'), pdfBytes(), '排查台账.pdf'));
  add('directiveFile', file.attachment.id);
}
