import {
  attendanceStatusLabel,
  TRAINING_KINDS,
  TRAINING_ROLES,
  trainingKindLabel,
  trainingRoleLabel,
  type AttendanceStatus,
  type TrainingKind,
  type TrainingRole,
} from '@jiceng/contracts';
import { Tag } from 'antd';
import { formatHours } from './trainingForm.ts';

/** Label lookups that tolerate values the contract may add later (shown as they are). */
export const kindText = (k: string) => trainingKindLabel[k as TrainingKind] ?? k;
export const roleText = (r: string) => trainingRoleLabel[r as TrainingRole] ?? r;
export const statusText = (s: string) => attendanceStatusLabel[s as AttendanceStatus] ?? s;

export const kindOptions = TRAINING_KINDS.map((value) => ({ value, label: trainingKindLabel[value] }));
export const roleOptions = TRAINING_ROLES.map((value) => ({ value, label: trainingRoleLabel[value] }));
export const statusOptions = (['attended', 'partial', 'absent'] as const).map((value) => ({ value, label: attendanceStatusLabel[value] }));

const STATUS_COLOR: Record<AttendanceStatus, string> = { attended: 'green', partial: 'orange', absent: 'default' };

/** 全程参加 / 部分参加 / 缺席 as a coloured tag. */
export function AttendanceTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLOR[status as AttendanceStatus] ?? 'default'}>{statusText(status)}</Tag>;
}

/** 达标 / 未达标（差 N 学时）. */
export function MetTag({ met, shortfall }: { met: boolean; shortfall: number }) {
  return met ? <Tag color="green">达标</Tag> : <Tag color="red">未达标（差 {formatHours(shortfall)} 学时）</Tag>;
}
