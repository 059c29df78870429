import { cobuildPartnerKindLabel, cobuildSideLabel, type CobuildAgreement, type CobuildExportQuery } from '@jiceng/contracts';
import { fenToYuan } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import { renderDocx, type DocBlock } from '../../platform/documents/docx.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { excelDate } from '../../platform/xlsx/cells.ts';
import { allPages, exportFileName, type ExportColumn } from '../../platform/xlsx/export.ts';
import { addTableSheet, newWorkbook, toBuffer } from '../../platform/xlsx/workbook.ts';
import type { CobuildService } from './cobuild.service.ts';

export const COBUILD_LEDGER_SHEET = '结对共建台账';

const yuan = (fen: number) => Number(fenToYuan(fen));

const COLUMNS: ExportColumn<CobuildAgreement>[] = [
  { key: 'title', header: '协议名称', width: 36, value: (r) => r.title },
  { key: 'orgA', header: '甲方党组织', width: 26, value: (r) => r.orgA.name },
  { key: 'orgB', header: '乙方党组织', width: 26, value: (r) => r.orgB.name },
  { key: 'kind', header: '乙方类别', width: 8, value: (r) => cobuildPartnerKindLabel[r.partnerKind] },
  { key: 'term', header: '期数', width: 6, value: (r) => r.termNo },
  { key: 'startOn', header: '开始日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.startOn) },
  { key: 'endOn', header: '结束日期', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => excelDate(r.endOn) },
  { key: 'state', header: '状态', width: 10, value: (r) => (r.expiring ? `${r.stateLabel}（即将到期）` : r.stateLabel) },
  { key: 'headings', header: '共建内容', width: 40, value: (r) => r.headings.join('、') },
  { key: 'activities', header: '共建活动（次）', width: 10, value: (r) => r.activities },
  { key: 'participants', header: '参与人次', width: 10, value: (r) => r.participants },
  { key: 'problems', header: '解决问题（件）', width: 10, value: (r) => r.problems },
  { key: 'funds', header: '筹集资金（元）', width: 14, numFmt: '#,##0.00', value: (r) => yuan(r.fundsFen) },
  { key: 'commitments', header: '承诺事项', width: 8, value: (r) => r.commitments.total },
  { key: 'done', header: '已完成', width: 8, value: (r) => r.commitments.done },
  { key: 'overdue', header: '逾期未完成', width: 10, value: (r) => r.commitments.overdue },
];
const SUMMED = ['activities', 'participants', 'problems', 'funds', 'commitments', 'done', 'overdue'];

/** Chinese numerals for the agreement's articles (一、二、… up to 十). */
const NUMERAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The agreements' ledger (.xlsx, the list's filters and scope, a 合计 row) and one agreement's 协议书 (.docx). */
export function createCobuildExport(deps: { service: CobuildService; clock: Clock }) {
  const { service, clock } = deps;
  return {
    async ledger(actor: Actor, q: CobuildExportQuery): Promise<{ fileName: string; data: Buffer }> {
      const whose = (await service.scopeOf(actor, q.orgId)).name;
      const wb = newWorkbook();
      const ws = addTableSheet(wb, COBUILD_LEDGER_SHEET, COLUMNS, { filter: true });
      const sums = Object.fromEntries(SUMMED.map((k) => [k, 0]));
      let n = 0;
      for await (const r of allPages((page, pageSize) => service.list(actor, { ...q, page, pageSize }))) {
        const values = Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(r)]));
        for (const k of SUMMED) sums[k]! += Number(values[k]);
        ws.addRow(values);
        n++;
      }
      const total = ws.addRow({ title: `合计（${n} 份协议）`, ...sums });
      total.font = { bold: true };
      return { fileName: exportFileName('结对共建台账', whose, clock.today()), data: await toBuffer(wb) };
    },

    /** 结对共建协议书: parties, term, the content areas with the plan's commitments, contacts (masked), signatures. */
    async document(actor: Actor, id: string): Promise<{ fileName: string; data: Buffer }> {
      const d = await service.get(actor, id);
      const side = (s: 'a' | 'b') => (s === 'a' ? d.orgA.name : d.orgB.name);
      const articles: DocBlock[] = d.headings.flatMap((h, i) => {
        const items = d.plan.filter((c) => c.heading === h);
        return [
          { kind: 'paragraph' as const, text: `${NUMERAL[i] ?? i + 1}、${h}`, bold: true },
          items.length
            ? { kind: 'table' as const, headers: ['承诺事项', '责任方', '完成时限'], rows: items.map((c) => [c.content, side(c.side), c.dueOn]) }
            : { kind: 'paragraph' as const, text: '（双方围绕本项内容共同商定年度计划，逐项落实。）', indent: true },
        ];
      });
      const data = await renderDocx({
        title: d.title,
        parts: [
          {
            title: '结对共建协议书',
            subtitle: d.title,
            blocks: [
              {
                kind: 'fields',
                columns: 4,
                rows: [
                  ['甲方', d.orgA.name],
                  ['乙方', d.orgB.name],
                  ['协议期限', `${d.startOn} 至 ${d.endOn}`],
                  ['乙方类别', cobuildPartnerKindLabel[d.partnerKind]],
                ],
              },
              {
                kind: 'paragraph',
                text: `为深化区域化党建，推动资源共享、优势互补、共建共赢，经甲乙双方协商，自愿结成共建对子，围绕${d.headings.join('、')}等内容开展结对共建，签订本协议。`,
                indent: true,
              },
              ...articles,
              { kind: 'paragraph', text: '联系人', bold: true },
              {
                kind: 'table',
                headers: ['所属方', '姓名', '职务', '联系电话'],
                rows: d.contacts.map((c) => [`${cobuildSideLabel[c.side]}（${side(c.side)}）`, c.name, c.post, c.phone]),
              },
              {
                kind: 'paragraph',
                text: '双方定期沟通共建情况，如实记录共建活动、解决的问题和筹集的资金；协议期满前一个月共同总结，需要继续共建的办理续签。本协议一式两份，双方各执一份，自双方确认之日起生效。',
                indent: true,
              },
              { kind: 'signature', lines: [`甲方：${d.orgA.name}（盖章）`, '年    月    日'] },
              { kind: 'signature', lines: [`乙方：${d.orgB.name}（盖章）`, d.signedOn ?? '年    月    日'] },
            ],
          },
        ],
      });
      return { fileName: `结对共建协议书（${d.title}）.docx`.replace(/[\\/:*?"<>|]/g, ''), data };
    },
  };
}
export type CobuildExport = ReturnType<typeof createCobuildExport>;
