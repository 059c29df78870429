import {
  rgConsentLabel,
  rgNeedStateLabel,
  rgOwnerKindLabel,
  rgProjectStateLabel,
  rgSourceLabel,
  rgUrgencyLabel,
  type RgNeed,
  type RgNeedQuery,
  type RgProject,
  type RgProjectQuery,
  type RgResource,
  type RgResourceQuery,
} from '@jiceng/contracts';
import { fenToYuan } from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { allPages, exportFileName, exportWorkbook, type ExportColumn } from '../../platform/xlsx/export.ts';
import type { NeedService } from './regional.needs.ts';
import type { ProjectService } from './regional.projects.ts';
import type { ResourceService } from './regional.resources.ts';

const yuan = (fen: number | null) => (fen === null ? '' : Number(fenToYuan(fen)));

const NEED_COLUMNS: ExportColumn<RgNeed>[] = [
  { key: 'community', header: '社区（村）', width: 24, value: (r) => r.communityName },
  { key: 'org', header: '登记组织', width: 24, value: (r) => r.orgName },
  { key: 'category', header: '类别', width: 10, value: (r) => r.categoryName },
  { key: 'title', header: '需求名称', width: 26, value: (r) => r.title },
  { key: 'description', header: '需求描述', width: 36, value: (r) => r.description },
  { key: 'beneficiaries', header: '受益对象', width: 16, value: (r) => r.beneficiaries },
  { key: 'count', header: '受益人数', width: 8, value: (r) => r.beneficiaryCount ?? '' },
  { key: 'urgency', header: '紧急程度', width: 8, value: (r) => rgUrgencyLabel[r.urgency] },
  { key: 'wantedBy', header: '期望完成', width: 12, value: (r) => r.wantedBy ?? '' },
  { key: 'money', header: '预计资金（元）', width: 12, value: (r) => yuan(r.estMoneyFen) },
  { key: 'people', header: '预计人力', width: 8, value: (r) => r.estPeople ?? '' },
  { key: 'source', header: '来源', width: 10, value: (r) => rgSourceLabel[r.source] },
  { key: 'state', header: '状态', width: 8, value: (r) => rgNeedStateLabel[r.state] },
  { key: 'unit', header: '认领单位', width: 20, value: (r) => r.claimedUnitName ?? '' },
  { key: 'overdue', header: '逾期', width: 6, value: (r) => (r.overdue ? '是' : '') },
  { key: 'closeReason', header: '关闭原因', width: 20, value: (r) => r.closeReason ?? '' },
  { key: 'recordedOn', header: '登记日期', width: 12, value: (r) => r.recordedOn },
];

const RESOURCE_COLUMNS: ExportColumn<RgResource>[] = [
  { key: 'owner', header: '提供方', width: 24, value: (r) => r.ownerName },
  { key: 'kind', header: '提供方类型', width: 10, value: (r) => rgOwnerKindLabel[r.ownerKind] },
  { key: 'community', header: '报到社区', width: 24, value: (r) => r.communityName },
  { key: 'category', header: '类别', width: 10, value: (r) => r.categoryName },
  { key: 'title', header: '资源名称', width: 26, value: (r) => r.title },
  { key: 'description', header: '资源描述', width: 36, value: (r) => r.description },
  { key: 'people', header: '可提供人力', width: 10, value: (r) => r.capacityPeople ?? '' },
  { key: 'hours', header: '每月时长（小时）', width: 12, value: (r) => r.capacityHoursMonth ?? '' },
  { key: 'money', header: '可提供资金（元）', width: 12, value: (r) => yuan(r.capacityMoneyFen) },
  { key: 'venue', header: '场地及开放时间', width: 24, value: (r) => r.venue ?? '' },
  { key: 'from', header: '提供期开始', width: 12, value: (r) => r.availableFrom ?? '' },
  { key: 'to', header: '提供期结束', width: 12, value: (r) => r.availableTo ?? '' },
  { key: 'offered', header: '面向社区', width: 30, value: (r) => r.offeredTo.map((o) => o.name).join('、') },
  { key: 'contact', header: '联系人', width: 10, value: (r) => r.contactName },
  { key: 'phone', header: '联系电话', width: 14, value: (r) => r.phone },
  { key: 'state', header: '状态', width: 8, value: (r) => (r.state === 'offered' ? '提供中' : '已撤回') },
];

const PROJECT_COLUMNS: ExportColumn<RgProject>[] = [
  { key: 'org', header: '社区（村）', width: 24, value: (r) => r.orgName },
  { key: 'category', header: '类别', width: 10, value: (r) => r.categoryName },
  { key: 'need', header: '需求名称', width: 24, value: (r) => r.needTitle },
  { key: 'title', header: '项目名称', width: 26, value: (r) => r.title },
  { key: 'plan', header: '实施方案', width: 36, value: (r) => r.plan },
  { key: 'start', header: '开始日期', width: 12, value: (r) => r.startDate },
  { key: 'end', header: '结束日期', width: 12, value: (r) => r.endDate },
  { key: 'budget', header: '预算（元）', width: 12, value: (r) => yuan(r.budgetFen) },
  { key: 'units', header: '参与单位', width: 30, value: (r) => r.parts.map((x) => `${x.ownerName}（${rgConsentLabel[x.consent]}）`).join('、') },
  { key: 'state', header: '状态', width: 10, value: (r) => rgProjectStateLabel[r.state] },
  { key: 'activities', header: '活动次数', width: 8, value: (r) => r.activities },
  { key: 'hours', header: '服务时长（小时）', width: 12, value: (r) => r.hours },
  { key: 'results', header: '项目成效', width: 30, value: (r) => r.results ?? '' },
  { key: 'funds', header: '投入资金（元）', width: 12, value: (r) => yuan(r.fundsFen) },
  { key: 'problems', header: '解决问题（件）', width: 10, value: (r) => r.problemsSolved ?? '' },
  { key: 'completed', header: '完成日期', width: 12, value: (r) => r.completedOn ?? '' },
  { key: 'rating', header: '社区评价（星）', width: 10, value: (r) => r.rating ?? '' },
  { key: 'overdue', header: '逾期', width: 6, value: (r) => (r.overdue ? '是' : '') },
];

/** The three lists as .xlsx, with the lists' own filters and scope (phones masked). */
export function createRegionalExport(deps: { needs: NeedService; resources: ResourceService; projects: ProjectService; clock: Clock }) {
  const { needs, resources, projects, clock } = deps;
  const file = (what: string, actor: Actor) => exportFileName(what, actor.orgName, clock.today());
  return {
    needs: async (actor: Actor, q: RgNeedQuery) => ({
      fileName: file('需求清单', actor),
      data: await exportWorkbook(
        '需求清单',
        NEED_COLUMNS,
        allPages((page, pageSize) => needs.list(actor, { ...q, page, pageSize })),
      ),
    }),
    resources: async (actor: Actor, q: RgResourceQuery) => ({
      fileName: file('资源清单', actor),
      data: await exportWorkbook(
        '资源清单',
        RESOURCE_COLUMNS,
        allPages((page, pageSize) => resources.list(actor, { ...q, page, pageSize })),
      ),
    }),
    projects: async (actor: Actor, q: RgProjectQuery) => ({
      fileName: file('项目清单', actor),
      data: await exportWorkbook(
        '项目清单',
        PROJECT_COLUMNS,
        allPages((page, pageSize) => projects.list(actor, { ...q, page, pageSize })),
      ),
    }),
  };
}
export type RegionalExport = ReturnType<typeof createRegionalExport>;
