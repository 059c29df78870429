import {
  RG_NEED_STATES,
  RG_PROJECT_STATES,
  RG_SOURCE_IDS,
  RG_URGENCY_IDS,
  rgConsentLabel,
  rgNeedStateColor,
  rgNeedStateLabel,
  rgOwnerKindLabel,
  rgProjectStateColor,
  rgProjectStateLabel,
  rgSourceLabel,
  rgUrgencyLabel,
  type RgConsentId,
  type RgNeedStateId,
  type RgOwnerKind,
  type RgProjectStateId,
  type RgSourceId,
  type RgUrgencyId,
  type WorkflowEvent,
} from '@jiceng/contracts';
import { Select, Space, Tag, Timeline, Typography, type SelectProps } from 'antd';
import dayjs from 'dayjs';
import { useCategories } from './api.ts';

/** Label lookups that tolerate values the contract may add later (shown as they are). */
export const needStateText = (s: string) => rgNeedStateLabel[s as RgNeedStateId] ?? s;
export const projectStateText = (s: string) => rgProjectStateLabel[s as RgProjectStateId] ?? s;
export const urgencyText = (u: string) => rgUrgencyLabel[u as RgUrgencyId] ?? u;
export const sourceText = (s: string) => rgSourceLabel[s as RgSourceId] ?? s;
export const ownerKindText = (k: string) => rgOwnerKindLabel[k as RgOwnerKind] ?? k;

export const NEED_STATE_OPTIONS = RG_NEED_STATES.map((value) => ({ value, label: rgNeedStateLabel[value] }));
export const PROJECT_STATE_OPTIONS = RG_PROJECT_STATES.map((value) => ({ value, label: rgProjectStateLabel[value] }));
export const URGENCY_OPTIONS = RG_URGENCY_IDS.map((value) => ({ value, label: rgUrgencyLabel[value] }));
export const SOURCE_OPTIONS = RG_SOURCE_IDS.map((value) => ({ value, label: rgSourceLabel[value] }));
export const OWNER_KIND_OPTIONS = (['unit', 'member'] as const).map((value) => ({ value, label: rgOwnerKindLabel[value] }));
export const RESOURCE_STATE_OPTIONS = [
  { value: 'offered' as const, label: '提供中' },
  { value: 'withdrawn' as const, label: '已撤回' },
];

export const at = (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—');

export function NeedStateTag({ state, overdue, testId }: { state: string; overdue?: boolean; testId?: string }) {
  return (
    <Space size={4} wrap>
      <Tag color={rgNeedStateColor[state as RgNeedStateId] ?? 'default'} data-testid={testId}>
        {needStateText(state)}
      </Tag>
      {overdue && <Tag color="red">逾期</Tag>}
    </Space>
  );
}

export function ProjectStateTag({ state, overdue, testId }: { state: string; overdue?: boolean; testId?: string }) {
  return (
    <Space size={4} wrap>
      <Tag color={rgProjectStateColor[state as RgProjectStateId] ?? 'default'} data-testid={testId}>
        {projectStateText(state)}
      </Tag>
      {overdue && <Tag color="red">已超期</Tag>}
    </Space>
  );
}

const URGENCY_COLOR: Record<RgUrgencyId, string> = { urgent: 'red', soon: 'orange', normal: 'default' };
export function UrgencyTag({ urgency }: { urgency: string }) {
  return <Tag color={URGENCY_COLOR[urgency as RgUrgencyId] ?? 'default'}>{urgencyText(urgency)}</Tag>;
}

const CONSENT_COLOR: Record<RgConsentId, string> = { pending: 'gold', agreed: 'green', declined: 'default' };
export function ConsentTag({ consent }: { consent: string }) {
  return <Tag color={CONSENT_COLOR[consent as RgConsentId] ?? 'default'}>{rgConsentLabel[consent as RgConsentId] ?? consent}</Tag>;
}

export function ResourceStateTag({ state }: { state: string }) {
  return <Tag color={state === 'offered' ? 'green' : 'default'}>{state === 'offered' ? '提供中' : '已撤回'}</Tag>;
}

/** 类别 from the dictionary (`GET /api/regional/categories`): a form offers the active ones only, a filter all. */
export function CategorySelect({ activeOnly, ...props }: SelectProps<string> & { activeOnly?: boolean }) {
  const { data, isFetching } = useCategories();
  const options = (data ?? []).filter((c) => !activeOnly || c.active).map((c) => ({ value: c.code, label: c.active ? c.name : `${c.name}（停用）` }));
  return <Select<string> placeholder="请选择类别" loading={isFetching} options={options} {...props} />;
}

/** 流转记录: each step, its states, who and when, and its reason. */
export function HistoryTimeline({ history, testId }: { history: readonly WorkflowEvent[]; testId: string }) {
  if (history.length === 0) return <Typography.Text type="secondary">暂无流转记录</Typography.Text>;
  return (
    <Timeline
      data-testid={testId}
      items={history.map((e) => ({
        key: e.id,
        children: (
          <>
            <Typography.Text strong>{e.actionLabel}</Typography.Text>
            {e.fromState !== e.toState && `（${e.fromStateLabel} → ${e.toStateLabel}）`} {e.actorName ?? '系统'} {at(e.at)}
            {e.reason && <div>原因：{e.reason}</div>}
          </>
        ),
      }))}
    />
  );
}
