import { EditOutlined } from '@ant-design/icons';
import {
  RM_AGENDA_MAX,
  RM_ATTENDANCE_STATUSES,
  rmAgendaKindLabel,
  rmAttendanceLabel,
  type RmAgendaKind,
  type RmAttendanceStatus,
  type RmMeetingDetail,
} from '@jiceng/contracts';
import { Button, Card, Checkbox, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { useCandidates, useMeetingSteps } from './api.ts';

type Item = { kind: RmAgendaKind; refId: string | null; title: string; note: string | null };

/** 议程: pick the community's open needs and live projects, add free items, in order. */
function AgendaModal({ m, onClose }: { m: RmMeetingDetail; onClose: () => void }) {
  const candidates = useCandidates(m.id, true).data?.items ?? [];
  const steps = useMeetingSteps(m.id);
  const [items, setItems] = useState<Item[]>(m.agenda.map((a) => ({ kind: a.kind, refId: a.refId, title: a.title, note: a.note })));
  const [free, setFree] = useState('');
  const picked = new Set(items.map((i) => i.refId).filter(Boolean));
  const toggle = (c: (typeof candidates)[number], on: boolean) =>
    setItems(on ? [...items, { kind: c.kind, refId: c.id, title: c.title, note: null }] : items.filter((i) => i.refId !== c.id));
  const save = () =>
    steps.agenda.mutate(
      { items: items.map((i) => ({ kind: i.kind, refId: i.refId, title: i.kind === 'free' ? i.title : null, note: i.note })), version: m.version },
      {
        onError: (e) => showError(messageOf(e)),
        onSuccess: () => {
          showSuccess('议程已保存');
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      width={720}
      title="设置会议议程"
      okText="保存"
      cancelText="取消"
      onOk={save}
      confirmLoading={steps.agenda.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Title level={5}>本社区待认领、已认领的需求和待确认、实施中的项目</Typography.Title>
      {candidates.length === 0 && <Typography.Text type="secondary">暂无可列入议程的需求或项目</Typography.Text>}
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        {candidates.map((c) => (
          <Checkbox key={c.id} checked={picked.has(c.id)} onChange={(e) => toggle(c, e.target.checked)}>
            <Tag>{rmAgendaKindLabel[c.kind]}</Tag>
            {c.title}{' '}
            <Typography.Text type="secondary">
              （{c.stateLabel}，{c.detail}）
            </Typography.Text>
          </Checkbox>
        ))}
      </Space>
      <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
        <Input aria-label="其他议题" placeholder="其他议题（如通报、部署事项）" value={free} maxLength={60} onChange={(e) => setFree(e.target.value)} />
        <Button
          disabled={free.trim().length < 2 || items.length >= RM_AGENDA_MAX}
          onClick={() => {
            setItems([...items, { kind: 'free', refId: null, title: free.trim(), note: null }]);
            setFree('');
          }}
        >
          添加
        </Button>
      </Space.Compact>
      <Table<Item>
        rowKey={(i) => i.refId ?? i.title}
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          { title: '序号', width: 60, render: (_, __, k) => k + 1 },
          { title: '类型', width: 90, render: (_, i) => rmAgendaKindLabel[i.kind] },
          { title: '议题', dataIndex: 'title' },
          {
            title: '',
            width: 80,
            render: (_, i) => (
              <Button type="link" onClick={() => setItems(items.filter((x) => x !== i))}>
                移除
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}

export function AgendaCard({ m }: { m: RmMeetingDetail }) {
  const [open, setOpen] = useState(false);
  return (
    <Card
      size="small"
      title="会议议程"
      extra={
        m.can.agenda && (
          <Button icon={<EditOutlined />} onClick={() => setOpen(true)}>
            设置议程
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.agenda}
        locale={{ emptyText: '尚未设置议程' }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '类型', width: 90, render: (_, a) => rmAgendaKindLabel[a.kind] },
          { title: '议题', dataIndex: 'title' },
          { title: '当前状态', width: 110, render: (_, a) => a.refStateLabel ?? '—' },
          { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ]}
      />
      {open && <AgendaModal m={m} onClose={() => setOpen(false)} />}
    </Card>
  );
}

type Row = { unitId: string; unitName: string; partTime: string[]; status: RmAttendanceStatus | null; attendee: string | null; note: string | null };

/** 出席情况 by member unit: the table edits in place once the meeting is held. */
export function AttendanceCard({ m }: { m: RmMeetingDetail }) {
  const steps = useMeetingSteps(m.id);
  const [rows, setRows] = useState<Row[] | null>(null);
  const shown = rows ?? m.attendance;
  const patch = (unitId: string, p: Partial<Row>) => setRows(shown.map((r) => (r.unitId === unitId ? { ...r, ...p } : r)));
  const save = () =>
    steps.attendance.mutate(
      {
        rows: shown
          .filter((r) => r.status)
          .map((r) => ({ unitId: r.unitId, status: r.status!, attendee: r.attendee?.trim() || null, note: r.note?.trim() || null })),
        version: m.version,
      },
      {
        onError: (e) => showError(messageOf(e)),
        onSuccess: () => {
          setRows(null);
          showSuccess('出席情况已保存');
        },
      },
    );
  const editing = m.can.attendance;
  return (
    <Card
      size="small"
      title={`成员单位出席情况（出席 ${m.present} / 已登记 ${m.recorded} / 成员单位 ${m.attendance.length}）`}
      extra={
        editing &&
        rows && (
          <Button type="primary" loading={steps.attendance.isPending} onClick={save}>
            保存出席情况
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Table<Row>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={shown}
        locale={{ emptyText: '本社区暂无报到的驻区单位' }}
        columns={[
          { title: '成员单位', dataIndex: 'unitName' },
          { title: '兼职委员', render: (_, r) => r.partTime.join('、') || '—' },
          {
            title: '出席情况',
            width: 130,
            render: (_, r) =>
              editing ? (
                <Select
                  aria-label={`${r.unitName}出席情况`}
                  style={{ width: 110 }}
                  value={r.status ?? undefined}
                  placeholder="未登记"
                  onChange={(status) => patch(r.unitId, { status })}
                  options={RM_ATTENDANCE_STATUSES.map((s) => ({ value: s, label: rmAttendanceLabel[s] }))}
                />
              ) : r.status ? (
                rmAttendanceLabel[r.status]
              ) : (
                '未登记'
              ),
          },
          {
            title: '参会人员',
            render: (_, r) =>
              editing && r.status === 'present' ? (
                <Input
                  aria-label={`${r.unitName}参会人员`}
                  maxLength={40}
                  value={r.attendee ?? ''}
                  onChange={(e) => patch(r.unitId, { attendee: e.target.value })}
                />
              ) : (
                (r.attendee ?? '')
              ),
          },
          {
            title: '备注',
            render: (_, r) =>
              editing ? (
                <Input aria-label={`${r.unitName}备注`} maxLength={200} value={r.note ?? ''} onChange={(e) => patch(r.unitId, { note: e.target.value })} />
              ) : (
                (r.note ?? '')
              ),
          },
        ]}
      />
    </Card>
  );
}
