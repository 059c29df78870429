import {
  educationLabel,
  genderLabel,
  leaveReasonLabel,
  memberCategoryLabel,
  memberEventLabel,
  memberStatusLabel,
  occupationLabel,
  type Education,
  type Gender,
  type LeaveReason,
  type MemberCategory,
  type MemberEvent,
  type MemberStatus,
  type Occupation,
} from '@jiceng/contracts';
import { Space, Tag } from 'antd';

/** Label look-ups that show an unknown value as it is (the contract may add values later). */
const lookup =
  <K extends string>(labels: Record<K, string>) =>
  (v: string | null | undefined): string =>
    v ? (labels[v as K] ?? v) : '—';

export const genderText = lookup<Gender>(genderLabel);
export const educationText = lookup<Education>(educationLabel);
export const occupationText = lookup<Occupation>(occupationLabel);
export const categoryText = lookup<MemberCategory>(memberCategoryLabel);
export const leaveReasonText = lookup<LeaveReason>(leaveReasonLabel);
/** `register` is the history's first row, written by the server when the record is created. */
export const eventText = (e: string) => (e === 'register' ? '登记' : lookup<MemberEvent>(memberEventLabel)(e));

/** Select options from a label table, in the table's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

const STATUS_COLOR: Record<MemberStatus, string> = { full: 'red', probationary: 'orange', suspended: 'default', left: 'default' };

/** 正式党员 / 预备党员 / 停止党籍 / 已出党（方式）. */
export function MemberStatusTag({ status, leaveReason }: { status: string; leaveReason?: string | null }) {
  const label = memberStatusLabel[status as MemberStatus] ?? status;
  return <Tag color={STATUS_COLOR[status as MemberStatus] ?? 'default'}>{status === 'left' && leaveReason ? `${label}（${leaveReasonText(leaveReason)}）` : label}</Tag>;
}

export function CategoryTags({ categories }: { categories: string[] }) {
  if (categories.length === 0) return <span style={{ color: '#666' }}>—</span>;
  return (
    <Space size={[0, 4]} wrap>
      {categories.map((c) => (
        <Tag key={c} bordered={false} color={c === 'hardship' ? 'volcano' : c === 'floating' ? 'blue' : undefined}>{categoryText(c)}</Tag>
      ))}
    </Space>
  );
}

/** 党龄 as shown: "12 年", or why there is none yet. */
export const partyAgeText = (partyAge: number | null, status: string) => (partyAge === null ? (status === 'probationary' ? '预备期' : '—') : `${partyAge} 年`);
