import type { KtPlanSummary, KtReviewDetail, KtTaskDetail } from '@jiceng/contracts';
import { pdfBytes } from '../../platform/attachments/attachment.fixtures.ts';
import { upload } from '../xlsx.ts';
import { expectOk, YEAR, type WorldContext } from './context.ts';

/**
 * 重点任务: the district's plan with two tasks on the board — one led by 街道A with a progress report
 * and its evidence, one led by 社区A1 completed and failed at acceptance (with the acceptance's file)
 * — and a 调度会 held with a decision, so every key-task route answers with data.
 */
export async function worldKeyTasks(w: WorldContext): Promise<void> {
  const { add, t, streetA, communityA1 } = w;
  const admin = t.admin;
  const plan = expectOk('kt plan', await admin.post<KtPlanSummary>('/api/keytasks/plans', { orgId: t.rootId, year: YEAR, title: `${YEAR}年度党建重点任务` }));
  add('ktPlan', plan.id);
  const task = async (title: string) =>
    expectOk(
      'kt task',
      await admin.post<KtTaskDetail>(`/api/keytasks/plans/${plan.id}/tasks`, {
        category: '组织建设',
        title,
        target: '年底前完成',
        deadline: `${YEAR}-12-31`,
        acceptanceStandard: '台账齐全',
        weight: 1,
        milestones: [{ title: '形成方案', dueOn: `${YEAR}-12-01` }],
      }),
    );
  const [a, b] = [await task('党群服务阵地提质'), await task('红色物业全覆盖')];
  for (const x of [a, b]) add('ktTask', x.id);
  expectOk('kt publish', await admin.post(`/api/keytasks/plans/${plan.id}/publish`, {}));
  const lead = async (c: typeof streetA, id: string, ownerName: string) => {
    const d = expectOk(
      'kt claim',
      await c.post<KtTaskDetail>(`/api/keytasks/tasks/${id}/claims`, { role: 'lead', ownerName, post: '党建办主任', duty: '牵头推进' }),
    );
    add('ktClaim', d.claims[0]!.id);
    expectOk('kt confirm', await admin.post(`/api/keytasks/tasks/${id}/claims/${d.claims[0]!.id}/decide`, { confirm: true }));
  };
  await lead(streetA, a.id, '王敏');
  await lead(communityA1, b.id, '赵红');
  const p = expectOk(
    'kt progress',
    await streetA.post<KtTaskDetail>(`/api/keytasks/tasks/${a.id}/progress`, {
      reportedOn: `${YEAR}-11-20`,
      percent: 40,
      narrative: '完成选址',
      risks: '资金缺口',
    }),
  );
  const progressId = p.progressReports[0]!.id;
  add('ktProgress', progressId);
  const pf = expectOk(
    'kt file',
    await upload<{ attachment: { id: string } }>(streetA, `/api/keytasks/tasks/${a.id}/progress/${progressId}/attachments`, pdfBytes(), '选址.pdf'),
  );
  add('ktFile', pf.attachment.id);
  expectOk('kt progress b', await communityA1.post(`/api/keytasks/tasks/${b.id}/progress`, { reportedOn: `${YEAR}-11-20`, percent: 100, narrative: '全覆盖' }));
  expectOk('kt complete', await communityA1.post(`/api/keytasks/tasks/${b.id}/complete`, { note: '完成' }));
  const acc = expectOk(
    'kt accept',
    await admin.post<KtTaskDetail>(`/api/keytasks/tasks/${b.id}/accept`, { score: 70, opinion: '台账不全', acceptedOn: `${YEAR}-11-21` }),
  );
  add('ktAcceptance', acc.acceptances[0]!.id);
  const af = expectOk(
    'kt acceptance file',
    await upload<{ attachment: { id: string } }>(
      admin,
      `/api/keytasks/tasks/${b.id}/acceptances/${acc.acceptances[0]!.id}/attachments`,
      pdfBytes(),
      '验收表.pdf',
    ),
  );
  add('ktFile', af.attachment.id);
  const r = expectOk(
    'kt review',
    await admin.post<KtReviewDetail>('/api/keytasks/reviews', { planId: plan.id, heldOn: `${YEAR}-11-21`, title: '第四季度调度会' }),
  );
  add('ktReview', r.id);
  for (const i of r.items) expectOk('kt decide', await admin.put(`/api/keytasks/reviews/${r.id}/items/${i.taskId}`, { kind: 'support', text: '协调解决资金' }));
  expectOk('kt hold', await admin.post(`/api/keytasks/reviews/${r.id}/hold`, { attendees: '各街道', minutes: '逐项调度' }));
}
