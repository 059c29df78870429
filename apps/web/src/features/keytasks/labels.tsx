import {
  ktAccountabilityLabel,
  ktClaimRoleLabel,
  ktClaimStateLabel,
  ktDecisionLabel,
  ktPlanStateLabel,
  ktReviewStateLabel,
  ktStatusColor,
  ktStatusLabel,
  ktTaskStateLabel,
  type KtAccountabilityLevel,
  type KtClaimRole,
  type KtClaimState,
  type KtDecisionKind,
  type KtPlanState,
  type KtReviewState,
  type KtStatus,
  type KtTaskState,
  type KtTaskSummary,
} from '@jiceng/contracts';
import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { percentText } from './form.ts';

/** Label lookups that tolerate values the contract may add later (shown as they are). */
export const taskStateText = (s: string) => ktTaskStateLabel[s as KtTaskState] ?? s;
export const claimRoleText = (r: string) => ktClaimRoleLabel[r as KtClaimRole] ?? r;
export const decisionText = (k: string) => ktDecisionLabel[k as KtDecisionKind] ?? k;
export const accountabilityText = (l: string) => ktAccountabilityLabel[l as KtAccountabilityLevel] ?? l;

export const DECISION_OPTIONS = Object.entries(ktDecisionLabel).map(([value, label]) => ({ value: value as KtDecisionKind, label }));
export const ACCOUNTABILITY_OPTIONS = Object.entries(ktAccountabilityLabel).map(([value, label]) => ({ value: value as KtAccountabilityLevel, label }));
export const STATUS_OPTIONS = Object.entries(ktStatusLabel).map(([value, label]) => ({ value: value as KtStatus, label }));

/**
 * 进展状态 (computed: 未启动 / 推进中 / 滞后 / 已完成 / 已验收) by ktStatusColor; a draft or cancelled
 * task has none and shows its stored state instead.
 */
export function StatusTag({ status, state, testId }: { status: string | null; state?: string; testId?: string }) {
  if (!status || state === 'cancelled' || state === 'draft')
    return state ? (
      <Tag color="default" data-testid={testId}>
        {taskStateText(state)}
      </Tag>
    ) : (
      <>—</>
    );
  return (
    <Tag color={ktStatusColor[status as KtStatus] ?? 'default'} data-testid={testId}>
      {ktStatusLabel[status as KtStatus] ?? status}
    </Tag>
  );
}

export function PlanStateTag({ state }: { state: string }) {
  const color = state === 'published' ? 'processing' : state === 'archived' ? 'default' : 'warning';
  return <Tag color={color}>{ktPlanStateLabel[state as KtPlanState] ?? state}</Tag>;
}

export function ClaimStateTag({ state }: { state: string }) {
  const color = state === 'confirmed' ? 'success' : state === 'pending' ? 'processing' : 'default';
  return <Tag color={color}>{ktClaimStateLabel[state as KtClaimState] ?? state}</Tag>;
}

export function ReviewStateTag({ state }: { state: string }) {
  return <Tag color={state === 'held' ? 'success' : 'processing'}>{ktReviewStateLabel[state as KtReviewState] ?? state}</Tag>;
}

/** 完成进度 as a bar; behind what the time asks for, the bar is red and the tooltip says by how much. */
export function ProgressCell({ progress, expected, status, width = 140 }: { progress: number; expected?: number; status?: string | null; width?: number }) {
  const lagging = status === 'lagging';
  const bar = (
    <div style={{ width }}>
      <Progress
        percent={progress}
        size="small"
        status={status === 'accepted' || status === 'completed' ? 'success' : lagging ? 'exception' : 'normal'}
        format={(p) => percentText(p ?? 0)}
        aria-label={`完成进度 ${percentText(progress)}`}
      />
    </div>
  );
  if (expected === undefined) return bar;
  return <Tooltip title={`按时间应完成 ${percentText(expected)}`}>{bar}</Tooltip>;
}

/** 牵头单位/责任人 of a task, with its 配合 units; 待认领 while nobody leads it. */
export function LeadCell({ task: t }: { task: Pick<KtTaskSummary, 'lead' | 'supporters' | 'pendingClaims' | 'state'> }) {
  if (!t.lead)
    return (
      <Space size={4} wrap>
        <Typography.Text type="secondary">{t.state === 'draft' ? '未发布' : '待认领'}</Typography.Text>
        {t.pendingClaims > 0 && <Tag color="processing">{t.pendingClaims} 个认领待确认</Tag>}
      </Space>
    );
  return (
    <div>
      <div>{t.lead.unitName === t.lead.orgName ? t.lead.orgName : `${t.lead.orgName} ${t.lead.unitName}`}</div>
      <Typography.Text type="secondary">
        {t.lead.ownerName}（{t.lead.post}）
      </Typography.Text>
      {t.supporters.length > 0 && <div>配合：{t.supporters.map((s) => s.unitName || s.orgName).join('、')}</div>}
    </div>
  );
}

/** Why a task is 滞后, each reason with the rule that says so. */
export function LagReasons({ reasons }: { reasons: { rule: string; message: string }[] }) {
  if (!reasons.length) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="kt-lag-reasons">
      {reasons.map((r) => (
        <li key={`${r.rule}-${r.message}`}>
          <Typography.Text type="danger">{r.message}</Typography.Text> <Typography.Text type="secondary">（规则 {r.rule}）</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
