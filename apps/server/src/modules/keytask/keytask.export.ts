import { ktDecisionLabel, ktStatusLabel, ktTaskStateLabel, type KtReviewDetail, type KtReviewItem, type KtTaskSummary } from '@jiceng/contracts';
import type { Clock } from '../../platform/clock.ts';
import { renderDocx, type DocBlock } from '../../platform/documents/docx.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { KeyTaskReviews } from './keytask.review.ts';
import type { KeyTaskService } from './keytask.service.ts';

const status = (s: Pick<KtTaskSummary, 'status' | 'state'>) => (s.status ? ktStatusLabel[s.status] : ktTaskStateLabel[s.state]);

const TASK_COLUMNS: ExportColumn<KtTaskSummary>[] = [
  { key: 'no', header: '序号', width: 6, value: (t) => t.no },
  { key: 'category', header: '任务类别', width: 12, value: (t) => t.category },
  { key: 'title', header: '任务名称', width: 30, value: (t) => t.title },
  { key: 'target', header: '推进目标', width: 40, value: (t) => t.target },
  { key: 'deadline', header: '完成时限', width: 12, numFmt: 'yyyy-mm-dd', value: (t) => excelDate(t.deadline) },
  { key: 'standard', header: '验收标准', width: 36, value: (t) => t.acceptanceStandard },
  { key: 'weight', header: '权重', width: 6, value: (t) => t.weight },
  { key: 'lead', header: '牵头单位', width: 22, value: (t) => (t.lead ? t.lead.unitName : '') },
  { key: 'owner', header: '责任人', width: 10, value: (t) => t.lead?.ownerName ?? '' },
  { key: 'post', header: '岗位', width: 14, value: (t) => t.lead?.post ?? '' },
  { key: 'support', header: '配合单位', width: 24, value: (t) => t.supporters.map((s) => s.unitName).join('、') },
  { key: 'progress', header: '完成进度（%）', width: 10, value: (t) => t.progress },
  { key: 'expected', header: '时间进度（%）', width: 10, value: (t) => t.expectedProgress },
  { key: 'status', header: '状态', width: 8, value: status },
  { key: 'lag', header: '滞后原因', width: 50, value: (t) => t.lagReasons.map((r) => r.message).join('；') },
];

const ITEM_COLUMNS: ExportColumn<KtReviewItem>[] = [
  { key: 'no', header: '序号', width: 6, value: (i) => i.no },
  { key: 'title', header: '任务名称', width: 30, value: (i) => i.title },
  { key: 'lead', header: '牵头单位（责任人）', width: 24, value: (i) => i.leadName ?? '未落实' },
  { key: 'target', header: '推进目标', width: 36, value: (i) => i.target },
  { key: 'deadline', header: '完成时限', width: 12, numFmt: 'yyyy-mm-dd', value: (i) => excelDate(i.deadline) },
  { key: 'progress', header: '完成进度（%）', width: 10, value: (i) => i.progress },
  { key: 'expected', header: '时间进度（%）', width: 10, value: (i) => i.expectedProgress },
  { key: 'status', header: '状态', width: 8, value: (i) => (i.status ? ktStatusLabel[i.status] : '') },
  { key: 'lag', header: '滞后原因', width: 40, value: (i) => i.lagReasons.map((r) => r.message).join('；') },
  { key: 'milestones', header: '逾期节点', width: 30, value: (i) => i.overdueMilestones.join('；') },
  { key: 'risks', header: '问题与风险', width: 30, value: (i) => i.risks ?? '' },
  { key: 'needs', header: '需作决定', width: 8, value: (i) => (i.needsDecision ? '是' : '') },
  { key: 'decision', header: '会议决定', width: 40, value: (i) => (i.decision ? `【${ktDecisionLabel[i.decision.kind]}】${i.decision.text}` : '') },
];

const itemRow = (i: KtReviewItem) => [
  String(i.no),
  i.title,
  i.leadName ?? '未落实',
  `${i.progress}% / ${i.expectedProgress}%`,
  i.status ? ktStatusLabel[i.status] : '',
  [...i.lagReasons.map((r) => r.message), ...(i.risks ? [`问题：${i.risks}`] : [])].join('\n'),
];

const decisionText = (i: KtReviewItem) => {
  const d = i.decision!;
  const extra = d.newTarget ? `\n新的推进目标：${d.newTarget}` : d.newDeadline ? `\n新的完成时限：${d.newDeadline}` : '';
  return `【${ktDecisionLabel[d.kind]}】${d.text}${extra}${d.dueOn ? `\n落实时限：${d.dueOn}` : ''}`;
};

/** The plan's task ledger (.xlsx), and the 调度会's briefing (.docx, .xlsx) and minutes (.docx). */
export function createKeyTaskExport(deps: { service: KeyTaskService; reviews: KeyTaskReviews; clock: Clock }) {
  const { service, reviews, clock } = deps;

  const header = (r: KtReviewDetail): DocBlock => ({
    kind: 'fields',
    columns: 4,
    rows: [
      ['会议名称', r.title],
      ['会议日期', r.heldOn],
      ['计划', r.planTitle],
      ['主持人', r.host ?? ''],
      ['地点', r.place ?? ''],
      ['召集单位', r.orgName],
    ],
  });

  return {
    async plan(actor: Actor, planId: string) {
      const plan = await service.getPlan(actor, planId);
      const rows = allPages((page, pageSize) => service.listTasks(actor, { planId, page, pageSize }));
      return {
        fileName: exportFileName(`重点任务清单（${plan.title}）`, plan.orgName, clock.today()),
        data: await exportWorkbook('重点任务清单', TASK_COLUMNS, rows),
      };
    },

    async briefingXlsx(actor: Actor, id: string) {
      const r = await reviews.detail(actor, id);
      return { fileName: exportFileName(`调度会材料（${r.title}）`, r.orgName, r.heldOn), data: await exportWorkbook('调度会材料', ITEM_COLUMNS, r.items) };
    },

    async briefingDocx(actor: Actor, id: string) {
      const r = await reviews.detail(actor, id);
      const lagging = r.items.filter((i) => i.status === 'lagging');
      const summary = `本次调度${r.items.length}项任务，其中滞后${lagging.length}项、已完成或已验收${r.items.filter((i) => i.status === 'completed' || i.status === 'accepted').length}项。滞后任务须逐项作出决定。`;
      const data = await renderDocx({
        title: `${r.title}会议材料`,
        parts: [
          {
            title: `${r.title}`,
            subtitle: '重点任务推进情况',
            blocks: [
              header(r),
              { kind: 'paragraph', text: summary, indent: true },
              { kind: 'table', headers: ['序号', '任务', '牵头单位', '进度/时间', '状态', '滞后原因与问题'], rows: r.items.map(itemRow) },
              ...(lagging.length
                ? [
                    { kind: 'paragraph' as const, text: '需作决定的任务', bold: true },
                    {
                      kind: 'table' as const,
                      headers: ['序号', '任务', '逾期节点', '拟议决定'],
                      rows: lagging.map((i) => [String(i.no), i.title, i.overdueMilestones.join('\n'), i.decision ? decisionText(i) : '']),
                    },
                  ]
                : []),
            ],
          },
        ],
      });
      return { fileName: `调度会材料（${r.title}）.docx`, data };
    },

    async minutesDocx(actor: Actor, id: string) {
      const r = await reviews.detail(actor, id);
      const decided = r.items.filter((i) => i.decision);
      const data = await renderDocx({
        title: `${r.title}会议纪要`,
        parts: [
          {
            title: `${r.title}会议纪要`,
            blocks: [
              header(r),
              { kind: 'fields', rows: [['参会人员', r.attendees ?? '']] },
              { kind: 'paragraph', text: r.minutes ?? (r.state === 'draft' ? '（会议尚未召开）' : ''), indent: true },
              { kind: 'paragraph', text: '会议决定事项', bold: true },
              {
                kind: 'table',
                headers: ['序号', '任务', '牵头单位', '决定'],
                rows: decided.map((i) => [String(i.no), i.title, i.leadName ?? '未落实', decisionText(i)]),
              },
              { kind: 'signature', lines: [`${r.orgName}`, r.heldOn] },
            ],
          },
        ],
      });
      return { fileName: `调度会纪要（${r.title}）.docx`, data };
    },
  };
}
export type KeyTaskExport = ReturnType<typeof createKeyTaskExport>;
