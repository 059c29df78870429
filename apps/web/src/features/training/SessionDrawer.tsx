import { PlusOutlined } from '@ant-design/icons';
import type { Attendance, TrainingSession } from '@jiceng/contracts';
import { Alert, Button, Descriptions, Drawer, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { showSuccess } from '../../shared/feedback.ts';
import { localPagination } from '../../shared/pagination.ts';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { useAttendance, useDeleteSession, useRemoveAttendance, useSession } from './api.ts';
import { AttendanceModal } from './AttendanceModal.tsx';
import { AttendanceTag, kindText } from './labels.tsx';
import { SessionFormModal } from './SessionFormModal.tsx';
import { formatHours } from './trainingForm.ts';

const dates = (s: Pick<TrainingSession, 'startDate' | 'endDate'>) => (s.startDate === s.endDate ? s.startDate : `${s.startDate} 至 ${s.endDate}`);

function AttendanceTable({ session, canWrite }: { session: TrainingSession; canWrite: boolean }) {
  const { data, isPending } = useAttendance(session.id);
  const remove = useRemoveAttendance(session.id);
  const [dialog, setDialog] = useState<{ record?: Attendance } | null>(null);
  const started = session.startDate <= dayjs().format('YYYY-MM-DD');
  const rows = data ?? [];
  const recorded = new Set(rows.map((r) => r.memberId));
  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space size={16} data-testid="training-attendance-counts">
          <span>参训 {session.attendees} 人次</span>
          <span>缺席 {session.absentees} 人</span>
        </Space>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} disabled={!started} onClick={() => setDialog({})}>
            登记参训
          </Button>
        )}
      </Space>
      {canWrite && !started && (
        <Alert showIcon type="info" style={{ marginBottom: 12 }} message={`该培训 ${session.startDate} 开始，开始后才能登记参训情况。`} />
      )}
      <Table<Attendance>
        rowKey="memberId"
        size="small"
        loading={isPending}
        dataSource={rows}
        pagination={rows.length > 20 ? localPagination((n) => `共 ${n} 人`) : false}
        locale={{ emptyText: '还没有登记参训情况' }}
        columns={[
          { title: '姓名', dataIndex: 'memberName', width: 100 },
          { title: '所在党支部', dataIndex: 'orgName', ellipsis: true },
          { title: '参训情况', dataIndex: 'status', width: 100, render: (s: string) => <AttendanceTag status={s} /> },
          { title: '认定学时', dataIndex: 'hours', width: 90, align: 'right', render: (h: number) => formatHours(h) },
          { title: '登记人', dataIndex: 'recordedBy', width: 100, render: (n: string | null) => n ?? '—' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 120,
                  render: (_: unknown, r: Attendance) => (
                    <Space size={4}>
                      <Button size="small" type="link" aria-label={`修改 ${r.memberName} 的参训情况`} onClick={() => setDialog({ record: r })}>
                        修改
                      </Button>
                      <Popconfirm
                        title={`删除「${r.memberName}」的参训记录？`}
                        okText="删除"
                        cancelText="取消"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove.mutateAsync(r.memberId).then(() => showSuccess(`已删除「${r.memberName}」的参训记录`))}
                      >
                        <Button size="small" type="link" danger aria-label={`删除 ${r.memberName} 的参训记录`}>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog && <AttendanceModal session={session} record={dialog.record} recorded={recorded} onClose={() => setDialog(null)} />}
    </>
  );
}

/** One session: what, who organized it, when, how many 学时; its attendance; 修改, 删除 (with the attendance). */
export function SessionDrawer({ id, canWrite, onClose }: { id: string; canWrite: boolean; onClose: () => void }) {
  const { data: s, isPending, isError, error } = useSession(id);
  const del = useDeleteSession();
  const [editing, setEditing] = useState(false);
  return (
    <Drawer
      open
      width={820}
      title="培训详情"
      onClose={onClose}
      extra={
        s &&
        canWrite && (
          <Space>
            <Button onClick={() => setEditing(true)}>修改</Button>
            <Popconfirm
              title="删除该培训？"
              description={s.attendees + s.absentees > 0 ? `连同 ${s.attendees + s.absentees} 条参训记录一起删除，党员的学时随之减少。` : undefined}
              okText="删除"
              cancelText="取消"
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                del.mutateAsync(s.id).then(() => {
                  showSuccess(`已删除培训「${s.title}」`);
                  onClose();
                })
              }
            >
              <Button danger>删除</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {isPending && <PageLoading />}
      {isError && <Alert type="warning" showIcon message={error.message} />}
      {s && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {s.title}
            </Typography.Title>
            <Tag>{kindText(s.kind)}</Tag>
            {s.imported && <Tag color="blue">导入</Tag>}
          </Space>
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="主办组织" span={2}>
              {s.orgName}
            </Descriptions.Item>
            <Descriptions.Item label="培训日期">{dates(s)}</Descriptions.Item>
            <Descriptions.Item label="学时">{formatHours(s.hours)} 学时</Descriptions.Item>
            <Descriptions.Item label="举办形式">{s.online ? '线上' : '线下'}</Descriptions.Item>
            <Descriptions.Item label="培训地点">{s.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={s.online ? '学习平台' : '举办单位'} span={2}>
              {s.provider ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>参训情况</Typography.Title>
          <AttendanceTable session={s} canWrite={canWrite} />
          {editing && <SessionFormModal session={s} onClose={() => setEditing(false)} />}
        </>
      )}
    </Drawer>
  );
}
