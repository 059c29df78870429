import { auditActionLabel, type AuditEntry } from '@jiceng/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';

const ENTITY_LABEL: Record<string, string> = { org: '组织', account: '账号', org_committee_member: '班子成员', org_term: '届次' };
const actionOptions = Object.entries(auditActionLabel).map(([value, label]) => ({ value, label }));
const entityOptions = Object.entries(ENTITY_LABEL).map(([value, label]) => ({ value, label }));
const PAGE_SIZE = 20;

interface Filter {
  action?: string;
  entity?: string;
  range: [Dayjs, Dayjs] | null;
  page: number;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  return <pre className="jc-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** 操作日志: who did what to which record, when and from where; before/after on expanding a row. */
export default function AuditPage() {
  const [f, setF] = useState<Filter>({ range: null, page: 1 });
  const { data, isFetching } = useQuery({
    queryKey: ['audit', f.action, f.entity, f.range?.[0].format('YYYY-MM-DD'), f.range?.[1].format('YYYY-MM-DD'), f.page],
    queryFn: () =>
      api.get<{ items: AuditEntry[]; total: number }>('/api/audit', {
        action: f.action,
        entity: f.entity,
        from: f.range?.[0].format('YYYY-MM-DD'),
        to: f.range?.[1].format('YYYY-MM-DD'),
        page: f.page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<Filter>) => setF((prev) => ({ ...prev, ...patch, page: patch.page ?? 1 }));

  return (
    <Card title="操作日志">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear showSearch optionFilterProp="label" placeholder="全部操作" style={{ width: 200 }} options={actionOptions} value={f.action} onChange={(action?: string) => set({ action })} />
        <Select allowClear placeholder="全部对象" style={{ width: 160 }} options={entityOptions} value={f.entity} onChange={(entity?: string) => set({ entity })} />
        <DatePicker.RangePicker value={f.range} onChange={(r) => set({ range: r && r[0] && r[1] ? [r[0], r[1]] : null })} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        <Button onClick={() => setF({ range: null, page: 1 })}>重置</Button>
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的操作记录" /> }}
        pagination={{ current: f.page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: (page) => set({ page }), showTotal: (t) => `共 ${t} 条`, showSizeChanger: false }}
        expandable={{
          rowExpandable: (e) => e.before != null || e.after != null,
          expandedRowRender: (e) => (
            <Row gutter={16}>
              <Col span={12}><Typography.Text strong>修改前</Typography.Text><Json value={e.before} /></Col>
              <Col span={12}><Typography.Text strong>修改后</Typography.Text><Json value={e.after} /></Col>
            </Row>
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: '操作人', dataIndex: 'actorName', width: 140, render: (v: string | null) => v ?? <Typography.Text type="secondary">系统</Typography.Text> },
          { title: '操作', dataIndex: 'action', width: 150, render: (a: string) => <Tag color={a.includes('failed') || a.includes('dissolve') ? 'red' : 'blue'}>{auditActionLabel[a] ?? a}</Tag> },
          { title: '对象', dataIndex: 'entity', width: 110, render: (v: string) => ENTITY_LABEL[v] ?? v },
          { title: '记录编号', dataIndex: 'entityId', ellipsis: true, render: (v: string | null) => <Typography.Text type="secondary" copyable={!!v}>{v ?? '—'}</Typography.Text> },
          { title: '来源 IP', dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
