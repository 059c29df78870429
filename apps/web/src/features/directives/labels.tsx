import { directiveTargetStatusLabel, type DirectiveTargetStatus } from '@jiceng/contracts';
import { Tag } from 'antd';
import { STATUS_COLOR } from './form.ts';

/** 未签收 / 已签收 / 延期申请中 / 逾期 / 已完成 / 未完成 as a coloured tag. */
export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const s = status as DirectiveTargetStatus;
  return (
    <Tag color={STATUS_COLOR[s] ?? 'default'} data-testid={testId}>
      {directiveTargetStatusLabel[s] ?? status}
    </Tag>
  );
}

/** 办理中 (blue) or 已关闭. */
export function StateTag({ state, label }: { state: string; label: string }) {
  return <Tag color={state === 'open' ? 'processing' : 'default'}>{label}</Tag>;
}

/** A time as China reads it: 2026-11-22 12:05. */
export const timeText = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '—');
