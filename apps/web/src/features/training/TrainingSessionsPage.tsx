import { PlusOutlined } from '@ant-design/icons';
import { Permission, type TrainingKind, type TrainingSession, type TrainingSessionQuery } from '@jiceng/contracts';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { useSessions } from './api.ts';
import { kindOptions, kindText } from './labels.tsx';
import { SessionDrawer } from './SessionDrawer.tsx';
import { SessionFormModal } from './SessionFormModal.tsx';
import { TrainingImport } from './TrainingImport.tsx';
import { formatHours, yearOptions } from './trainingForm.ts';

interface Filter {
  year?: number;
  kind?: TrainingKind;
  orgId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * 培训班次: the sessions organized in the account's subtree (this year's first), with filters,
 * 导出, 新建培训 and the 网络培训 import; a title opens its detail and attendance (`?id=`).
 */
export default function TrainingSessionsPage() {
  const me = useMe();
  const canWrite = hasPermission(me, Permission.TRAINING_WRITE);
  const [params, setParams] = useSearchParams();
  const openId = params.get('id');
  const [creating, setCreating] = useState(false);
  const [f, setF] = useState<Filter>({ year: dayjs().year(), page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q: TrainingSessionQuery = { year: f.year, kind: f.kind, orgId: f.orgId, q: f.q?.trim() || undefined, page: f.page, pageSize: f.pageSize };
  const { data, isFetching } = useSessions(q);
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('id', id);
    else next.delete('id');
    setParams(next, { replace: !id });
  };

  return (
    <Card
      title="培训班次"
      extra={
        <Space wrap>
          <Typography.Text type="secondary">党员教育培训的举办和参训登记</Typography.Text>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建培训
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number>
          allowClear
          aria-label="年度"
          placeholder="全部年度"
          style={{ width: 120 }}
          value={f.year}
          onChange={(year) => set({ year })}
          options={yearOptions()}
        />
        <Select<TrainingKind>
          allowClear
          aria-label="培训类型"
          placeholder="全部类型"
          style={{ width: 140 }}
          value={f.kind}
          onChange={(kind) => set({ kind })}
          options={kindOptions}
        />
        <OrgSelect
          allowClear
          aria-label="主办组织"
          placeholder={`${me.orgName}（本级及下级）`}
          style={{ width: 260 }}
          value={f.orgId}
          onChange={(orgId) => set({ orgId })}
        />
        <Input.Search allowClear aria-label="培训名称" placeholder="培训名称" style={{ width: 200 }} maxLength={30} onSearch={(v) => set({ q: v })} />
        <ExportButton path="/api/training/sessions/export" query={q} fallbackName="培训台账.xlsx" />
        {canWrite && <TrainingImport />}
      </Space>
      <Table<TrainingSession>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '暂无培训' }}
        pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (next) => set(next) })}
        columns={[
          {
            title: '培训名称',
            dataIndex: 'title',
            fixed: 'left',
            width: 260,
            render: (t: string, s) => (
              <Space size={4}>
                <Typography.Link onClick={() => open(s.id)}>{t}</Typography.Link>
                {s.imported && <Tag color="blue">导入</Tag>}
              </Space>
            ),
          },
          { title: '类型', dataIndex: 'kind', width: 100, render: kindText },
          { title: '主办组织', dataIndex: 'orgName', ellipsis: true },
          {
            title: '培训日期',
            key: 'dates',
            width: 200,
            render: (_: unknown, s) => (s.startDate === s.endDate ? s.startDate : `${s.startDate} 至 ${s.endDate}`),
          },
          { title: '学时', dataIndex: 'hours', width: 70, align: 'right', render: (h: number) => formatHours(h) },
          { title: '形式', dataIndex: 'online', width: 70, render: (o: boolean) => (o ? '线上' : '线下') },
          { title: '参训人次', dataIndex: 'attendees', width: 90, align: 'right' },
          { title: '缺席', dataIndex: 'absentees', width: 70, align: 'right' },
          {
            title: '操作',
            key: 'ops',
            width: 80,
            render: (_: unknown, s) => (
              <Typography.Link onClick={() => open(s.id)} aria-label={`查看 ${s.title} 详情`}>
                详情
              </Typography.Link>
            ),
          },
        ]}
      />
      {creating && <SessionFormModal onClose={() => setCreating(false)} onSaved={(id) => open(id)} />}
      {openId && <SessionDrawer id={openId} canWrite={canWrite} onClose={() => open(null)} />}
    </Card>
  );
}
