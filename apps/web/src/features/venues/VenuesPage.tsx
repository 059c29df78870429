import { PlusOutlined } from '@ant-design/icons';
import { Permission, venueKindLabel, type Venue, type VenueKindId, type VenueQuery, type VenueStatusId } from '@jiceng/contracts';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ImportButtons } from '../../shared/ImportButtons.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { downloadVenueErrorReport, downloadVenueTemplate, useImportVenues, useVenueCommunities, useVenues } from './api.ts';
import { KIND_OPTIONS, m2, STATUS_OPTIONS, VenueStatusTag } from './labels.tsx';
import { VenueFormModal } from './VenueFormModal.tsx';

interface Filter {
  kind?: VenueKindId;
  orgId?: string;
  status?: VenueStatusId;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * 阵地: the venues of the communities in scope (a 驻区单位: of the communities it reported to, and its
 * own opened venue) with filters by kind, community and status; 登记阵地 and 导入/导出 for those who
 * may; a name opens the venue's page (rooms, hours, 服务清单, bookings, 预约).
 */
export default function VenuesPage() {
  const me = useMe();
  const navigate = useNavigate();
  const manage = hasPermission(me, Permission.REGION_MANAGE);
  const unit = hasPermission(me, Permission.REGION_UNIT);
  const read = hasPermission(me, Permission.REGION_READ);
  const [creating, setCreating] = useState(false);
  const [params] = useSearchParams();
  const [f, setF] = useState<Filter>({ orgId: params.get('orgId') ?? undefined, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q: VenueQuery = { kind: f.kind, orgId: f.orgId, status: f.status, q: f.q?.trim() || undefined, page: f.page, pageSize: f.pageSize };
  const { data, isFetching } = useVenues(q);
  const communities = useVenueCommunities();
  const importer = useImportVenues();

  return (
    <Card
      title="阵地"
      extra={
        <Space wrap>
          <Typography.Text type="secondary">党群服务中心、红色驿站、新时代文明实践站和驻区单位开放的阵地</Typography.Text>
          {(manage || unit) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {manage ? '登记阵地' : '登记本单位开放阵地'}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<VenueKindId>
          allowClear
          aria-label="阵地类型"
          placeholder="全部类型"
          style={{ width: 180 }}
          value={f.kind}
          onChange={(kind) => set({ kind })}
          options={KIND_OPTIONS}
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label="所属社区"
          placeholder="全部社区"
          style={{ width: 240 }}
          value={f.orgId}
          onChange={(orgId) => set({ orgId })}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select<VenueStatusId>
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          style={{ width: 130 }}
          value={f.status}
          onChange={(status) => set({ status })}
          options={STATUS_OPTIONS}
        />
        <Input.Search allowClear aria-label="名称或地址" placeholder="名称或地址" style={{ width: 200 }} maxLength={30} onSearch={(v) => set({ q: v })} />
        {read && <ExportButton path="/api/venues/export" query={q} fallbackName="阵地台账.xlsx" />}
        {manage && (
          <ImportButtons
            what="阵地"
            nothing="没有导入任何阵地"
            uploadLabel="导入阵地台账"
            upload={importer}
            template={downloadVenueTemplate}
            report={downloadVenueErrorReport}
          />
        )}
      </Space>
      <Table<Venue>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '暂无阵地' }}
        pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (next) => set(next) })}
        columns={[
          { title: '阵地名称', dataIndex: 'name', fixed: 'left', width: 220, render: (t: string, v) => <Link to={`/venues/${v.id}`}>{t}</Link> },
          { title: '类型', dataIndex: 'kind', width: 140, render: (k: VenueKindId) => venueKindLabel[k] },
          { title: '所属社区', dataIndex: 'orgName', ellipsis: true },
          { title: '开放单位', dataIndex: 'unitName', width: 160, ellipsis: true, render: (u: string | null) => u ?? '—' },
          { title: '面积', dataIndex: 'areaM2', width: 120, align: 'right', render: m2 },
          { title: '活动室', dataIndex: 'roomCount', width: 80, align: 'right' },
          {
            title: '开放时间',
            dataIndex: 'hoursText',
            width: 260,
            ellipsis: true,
            render: (t: string, v) => (
              <Space size={4}>
                <span title={t}>{t}</span>
                {v.extendedHours && <Tag color="purple">延时</Tag>}
              </Space>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: VenueStatusId) => <VenueStatusTag status={s} /> },
        ]}
      />
      {creating && <VenueFormModal onClose={() => setCreating(false)} onSaved={(id) => navigate(`/venues/${id}`)} />}
    </Card>
  );
}
