import { DownOutlined } from '@ant-design/icons';
import { memberEventLabel, type Member, type MemberEvent, type MemberStatusEvent } from '@jiceng/contracts';
import { Button, Dropdown, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMemberHistory } from './api.ts';
import { eventText, leaveReasonText, MemberStatusTag } from './labels.tsx';
import { MemberEventModal } from './MemberEventModal.tsx';

/**
 * Events offered in the menu for each status. Only a convenience for the menu: the server applies
 * the lifecycle rules and answers a Chinese refusal, which the modal shows as it is.
 */
const OFFERED: Record<string, MemberEvent[]> = {
  probationary: ['confirm', 'extend_probation', 'cancel_probation', 'suspend', 'leave'],
  full: ['discipline_start', 'discipline_end', 'suspend', 'leave'],
  suspended: ['restore', 'leave'],
  left: [],
};

/** What an event's detail adds: 出党方式, 延长月数, 察看期满. */
function detailText(e: MemberStatusEvent): string {
  const d = (e.detail ?? {}) as { leaveReason?: string | null; months?: number | null; until?: string | null };
  const parts: string[] = [];
  if (d.leaveReason) parts.push(`出党方式：${leaveReasonText(d.leaveReason)}`);
  if (d.months) parts.push(`延长 ${d.months} 个月`);
  if (d.until) parts.push(`察看期至 ${d.until}`);
  return parts.join('；');
}

/** 状态变动: the dated, reasoned history and the menu of lifecycle events. */
export function MemberStatusTab({ member, canWrite }: { member: Member; canWrite: boolean }) {
  const history = useMemberHistory(member.id);
  const [event, setEvent] = useState<MemberEvent | null>(null);
  const offered = OFFERED[member.status] ?? [];

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {member.probationEndDate && `预备期至 ${member.probationEndDate}${member.probationExtendedMonths ? `（已延长 ${member.probationExtendedMonths} 个月）` : ''}。`}
          {member.disciplineUntil && `留党察看期至 ${member.disciplineUntil}。`}
        </Typography.Text>
        {canWrite && offered.length > 0 && (
          <Dropdown trigger={['click']} menu={{ items: offered.map((e) => ({ key: e, label: memberEventLabel[e], danger: e === 'leave' || e === 'cancel_probation' })), onClick: ({ key }) => setEvent(key as MemberEvent) }}>
            <Button type="primary">
              <Space>办理状态变动<DownOutlined /></Space>
            </Button>
          </Dropdown>
        )}
      </div>
      <Table<MemberStatusEvent>
        rowKey="id"
        size="small"
        loading={history.isPending}
        dataSource={history.data}
        pagination={false}
        locale={{ emptyText: '暂无状态变动记录' }}
        columns={[
          { title: '决定日期', dataIndex: 'date', width: 110 },
          { title: '变动类型', dataIndex: 'event', width: 140, render: eventText },
          {
            title: '变动前 → 变动后',
            key: 'change',
            width: 240,
            render: (_: unknown, e) => (e.fromStatus === e.toStatus ? <MemberStatusTag status={e.toStatus} /> : <Space size={4}><MemberStatusTag status={e.fromStatus} />→<MemberStatusTag status={e.toStatus} /></Space>),
          },
          { title: '原因', dataIndex: 'reason', render: (r: string, e) => <>{r}{detailText(e) && <div style={{ color: '#888' }}>{detailText(e)}</div>}</> },
          { title: '经办人', dataIndex: 'actorName', width: 100, render: (n: string | null) => n ?? '—' },
          { title: '办理时间', dataIndex: 'createdAt', width: 150, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      {event && <MemberEventModal member={member} event={event} onClose={() => setEvent(null)} />}
    </>
  );
}
