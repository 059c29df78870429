import { PlusOutlined } from '@ant-design/icons';
import { Permission, type Meeting, type MeetingListQuery } from '@jiceng/contracts';
import { Button, Card, DatePicker, Input, Select, Space, Switch, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { useMeetings } from './api.ts';
import { MeetingStateTag, placeText, stateOptions, typeOptions, type MeetingStateId, type MeetingTypeId } from './labels.tsx';
import { PlanFormModal } from './PlanFormModal.tsx';

interface Filter {
  type?: MeetingTypeId;
  state?: MeetingStateId;
  orgId?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
  q?: string;
  overdue: boolean;
  page: number;
  pageSize: number;
}

/** 三会一课: the meetings of the account's scope with their filters, 导出 and 计划会议; a title opens the meeting. */
export default function MeetingsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const canWrite = hasPermission(me, Permission.MEETING_WRITE);
  const [planning, setPlanning] = useState(false);
  const [f, setF] = useState<Filter>({ overdue: false, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q: MeetingListQuery = {
    type: f.type,
    state: f.state,
    orgId: f.orgId,
    from: f.from?.format('YYYY-MM-DD'),
    to: f.to?.format('YYYY-MM-DD'),
    q: f.q?.trim() || undefined,
    overdue: f.overdue || undefined,
    page: f.page,
    pageSize: f.pageSize,
  };
  const { data, isFetching } = useMeetings(q);

  return (
    <Card
      title="三会一课"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
            计划会议
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部类型"
          aria-label="会议类型"
          style={{ width: 150 }}
          value={f.type}
          onChange={(type?: MeetingTypeId) => set({ type })}
          options={typeOptions}
        />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          style={{ width: 140 }}
          value={f.state}
          onChange={(state?: MeetingStateId) => set({ state })}
          options={stateOptions}
        />
        <OrgSelect allowClear aria-label="党组织" placeholder="全部党组织" style={{ width: 220 }} value={f.orgId} onChange={(orgId) => set({ orgId })} />
        <DatePicker aria-label="开始日期" placeholder="开始日期" value={f.from} onChange={(from) => set({ from })} />
        <DatePicker aria-label="结束日期" placeholder="结束日期" value={f.to} onChange={(to) => set({ to })} />
        <Input.Search allowClear aria-label="会议名称" placeholder="会议名称" style={{ width: 180 }} onSearch={(v) => set({ q: v })} />
        <Space>
          <Switch checked={f.overdue} onChange={(overdue) => set({ overdue })} aria-label="只看逾期" />
          <Typography.Text>只看逾期</Typography.Text>
        </Space>
        <ExportButton path="/api/meetings/export" query={q} fallbackName="三会一课台账.xlsx" />
      </Space>
      <Table<Meeting>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '暂无会议' }}
        pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (next) => set(next) })}
        onRow={(m) => ({ onDoubleClick: () => navigate(`/meetings/${m.id}`) })}
        columns={[
          { title: '会议名称', dataIndex: 'title', fixed: 'left', width: 220, render: (t: string, m) => <Link to={`/meetings/${m.id}`}>{t}</Link> },
          { title: '类型', dataIndex: 'typeLabel', width: 120 },
          { title: '党组织', dataIndex: 'orgName', ellipsis: true },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '时间', key: 'time', width: 110, render: (_: unknown, m) => `${m.startTime}—${m.endTime}` },
          { title: '地点', key: 'place', ellipsis: true, render: (_: unknown, m) => placeText(m) },
          {
            title: '应到/实到',
            key: 'counts',
            width: 100,
            render: (_: unknown, m) => (m.counts.expected ? `${m.counts.expected} / ${m.counts.present}` : '—'),
          },
          { title: '状态', key: 'state', width: 170, render: (_: unknown, m) => <MeetingStateTag m={m} /> },
        ]}
      />
      {planning && <PlanFormModal onClose={() => setPlanning(false)} onPlanned={(id) => navigate(`/meetings/${id}`)} />}
    </Card>
  );
}
