import { genderLabel, memberStatusLabel, transferKindLabel, type Gender, type MemberStatus, type Transfer, type TransferKind } from '@jiceng/contracts';
import { Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const COLOR: Record<string, string> = { pending: 'processing', accepted: 'success', received: 'success', returned: 'warning', cancelled: 'default' };

/** The status as words (待接收, 待回执, 已作废 …) in a coloured tag; an overdue letter in red. */
export function TransferStatusTag({ t }: { t: Pick<Transfer, 'status' | 'statusText' | 'overdue' | 'daysOverdue'> }) {
  if (t.overdue) return <Tag color="error">{`${t.statusText}（逾期 ${t.daysOverdue} 天）`}</Tag>;
  return <Tag color={COLOR[t.status] ?? 'default'}>{t.statusText}</Tag>;
}

export const kindText = (k: string) => transferKindLabel[k as TransferKind] ?? k;
export const genderText = (g: string) => genderLabel[g as Gender] ?? g;
export const memberStatusText = (s: string) => memberStatusLabel[s as MemberStatus] ?? s;

/** DatePicker: no day after today (dates of record that already happened). */
export const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
