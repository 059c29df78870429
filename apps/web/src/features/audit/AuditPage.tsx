import { AUDIT_ACTOR_SEARCH_MAX, auditActionLabel, auditEntityLabel, type AuditEntity, type AuditEntry } from '@jiceng/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';

const actionOptions = Object.entries(auditActionLabel).map(([value, label]) => ({ value, label }));
const entityOptions = Object.entries(auditEntityLabel).map(([value, label]) => ({ value, label }));
const entityText = (v: string) => auditEntityLabel[v as AuditEntity] ?? v;

interface Filter {
  action?: string;
  entity?: string;
  /** Operator name or username, as typed. */
  actor?: string;
  range: [Dayjs, Dayjs] | null;
  page: number;
  pageSize: number;
}
const EMPTY: Filter = { range: null, page: 1, pageSize: DEFAULT_PAGE_SIZE };

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  return <pre className="jc-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** 操作日志: who did what to which record, when and from where; before/after on expanding a row; 导出 the filtered log. */
export default function AuditPage() {
  const [f, setF] = useState<Filter>(EMPTY);
  const query = {
    action: f.action,
    entity: f.entity,
    actor: f.actor,
    from: f.range?.[0].format('YYYY-MM-DD'),
    to: f.range?.[1].format('YYYY-MM-DD'),
    page: f.page,
    pageSize: f.pageSize,
  };
  const { data, isFetching } = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>('/api/audit', query),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<Filter>) => setF((prev) => ({ ...prev, ...patch, page: patch.page ?? 1 }));

  return (
    <Card title="操作日志" extra={<ExportButton path="/api/audit/export" query={query} fallbackName="操作日志.xlsx" />}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="操作人姓名或用户名"
          maxLength={AUDIT_ACTOR_SEARCH_MAX}
          style={{ width: 200 }}
          onSearch={(v) => set({ actor: v.trim() || undefined })}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部操作"
          aria-label="操作"
          style={{ width: 220 }}
          options={actionOptions}
          value={f.action}
          onChange={(action?: string) => set({ action })}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部对象"
          aria-label="对象"
          style={{ width: 180 }}
          options={entityOptions}
          value={f.entity}
          onChange={(entity?: string) => set({ entity })}
        />
        <DatePicker.RangePicker
          value={f.range}
          onChange={(r) => set({ range: r && r[0] && r[1] ? [r[0], r[1]] : null })}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
        <Button onClick={() => setF({ ...EMPTY, pageSize: f.pageSize })}>重置</Button>
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的操作记录" /> }}
        pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (next) => set(next) })}
        expandable={{
          rowExpandable: (e) => e.before != null || e.after != null,
          expandedRowRender: (e) => (
            <Row gutter={16}>
              <Col span={12}>
                <Typography.Text strong>修改前</Typography.Text>
                <Json value={e.before} />
              </Col>
              <Col span={12}>
                <Typography.Text strong>修改后</Typography.Text>
                <Json value={e.after} />
              </Col>
            </Row>
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          {
            title: '操作人',
            dataIndex: 'actorName',
            width: 160,
            render: (v: string | null, e) =>
              v ? (
                <Space size={4} direction="vertical">
                  <span>{v}</span>
                  {e.actorUsername && e.actorUsername !== v && <Typography.Text type="secondary">{e.actorUsername}</Typography.Text>}
                </Space>
              ) : (
                <Typography.Text type="secondary">{e.actorId ? '—' : '系统'}</Typography.Text>
              ),
          },
          {
            title: '操作',
            dataIndex: 'action',
            width: 190,
            render: (a: string) => (
              <Tag color={a.includes('failed') || a.includes('refused') || a.includes('dissolve') ? 'red' : 'blue'}>{auditActionLabel[a] ?? a}</Tag>
            ),
          },
          { title: '对象类型', dataIndex: 'entity', width: 130, render: entityText },
          {
            title: '对象',
            dataIndex: 'entityName',
            ellipsis: true,
            render: (v: string | null, e) =>
              e.entityId ? (
                <Tooltip title={`记录编号：${e.entityId}`}>
                  <Typography.Text copyable={{ text: e.entityId, tooltips: ['复制记录编号', '已复制'] }}>{v ?? '（名称不可见）'}</Typography.Text>
                </Tooltip>
              ) : (
                (v ?? '—')
              ),
          },
          { title: '来源 IP', dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
