import { PlusOutlined } from '@ant-design/icons';
import { Permission, type RgNeed, type RgNeedQuery, type RgNeedStateId, type RgUrgencyId } from '@jiceng/contracts';
import { Button, Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { NEEDS_EXPORT, useNeeds } from './api.ts';
import { yuanText } from './form.ts';
import { CategorySelect, NEED_STATE_OPTIONS, NeedStateTag, sourceText, URGENCY_OPTIONS, UrgencyTag } from './labels.tsx';
import { NeedFormModal } from './NeedFormModal.tsx';

type Filter = Omit<RgNeedQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

/**
 * 需求清单: the needs of the communities, villages and grids in scope (a 驻区单位 account: those of
 * the communities it reported to), filtered by state, category, urgency, overdue, organization and
 * keyword; 导出 with the same filters; 登记需求 for accounts that record (regional:record).
 */
export default function NeedsPage() {
  const me = useMe();
  const side = hasPermission(me, Permission.REGION_READ);
  const canRecord = hasPermission(me, Permission.REGION_RECORD);
  const [f, setF] = useState<Filter>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const { data, isFetching } = useNeeds(f);
  const [creating, setCreating] = useState(false);
  const filtered = !!(f.state || f.categoryCode || f.urgency || f.overdue || f.orgId || f.q);

  return (
    <Card
      title="需求清单"
      extra={
        canRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记需求
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<RgNeedStateId>
          allowClear
          aria-label="需求状态"
          placeholder="全部状态"
          style={{ width: 130 }}
          value={f.state}
          options={NEED_STATE_OPTIONS}
          onChange={(state) => set({ state })}
        />
        <CategorySelect
          allowClear
          aria-label="需求类别"
          placeholder="全部类别"
          style={{ width: 150 }}
          value={f.categoryCode}
          onChange={(categoryCode) => set({ categoryCode })}
        />
        <Select<RgUrgencyId>
          allowClear
          aria-label="紧急程度"
          placeholder="紧急程度"
          style={{ width: 120 }}
          value={f.urgency}
          options={URGENCY_OPTIONS}
          onChange={(urgency) => set({ urgency })}
        />
        {side && (
          <OrgSelect
            allowClear
            aria-label="组织"
            placeholder={`${me.orgName}（本级及下级）`}
            style={{ width: 240 }}
            value={f.orgId}
            onChange={(orgId) => set({ orgId })}
          />
        )}
        <Input.Search
          allowClear
          aria-label="需求关键字"
          placeholder="需求名称、描述或组织"
          maxLength={30}
          style={{ width: 220 }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
        <Checkbox checked={!!f.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
          只看逾期
        </Checkbox>
        <ExportButton path={NEEDS_EXPORT} query={f} fallbackName="需求清单.xlsx" />
      </Space>
      <ScrollRegion label="需求清单">
        <Table<RgNeed>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 1300 }}
          locale={{ emptyText: filtered ? '没有符合条件的需求' : '还没有登记需求' }}
          pagination={serverPagination({
            page: f.page,
            pageSize: f.pageSize,
            total: data?.total ?? 0,
            onChange: (next) => set(next),
            showTotal: (n) => `共 ${n} 项需求`,
          })}
          data-testid="rg-needs"
          columns={[
            {
              title: '需求名称',
              dataIndex: 'title',
              fixed: 'left',
              width: 220,
              render: (t: string, n) => <Link to={`/regional/needs/${n.id}`}>{t}</Link>,
            },
            { title: '类别', dataIndex: 'categoryName', width: 100 },
            { title: '所属组织', dataIndex: 'orgName', width: 180, ellipsis: true },
            { title: '受益对象', dataIndex: 'beneficiaries', width: 160, ellipsis: true },
            { title: '紧急程度', dataIndex: 'urgency', width: 90, render: (u: string) => <UrgencyTag urgency={u} /> },
            { title: '期望完成', dataIndex: 'wantedBy', width: 110, render: (d: string | null) => d ?? '—' },
            { title: '状态', key: 'state', width: 140, render: (_: unknown, n) => <NeedStateTag state={n.state} overdue={n.overdue} /> },
            { title: '认领单位', dataIndex: 'claimedUnitName', width: 160, ellipsis: true, render: (s: string | null) => s ?? '—' },
            { title: '预计资金', dataIndex: 'estMoneyFen', width: 110, align: 'right', render: (v: number | null) => yuanText(v) },
            { title: '来源', dataIndex: 'source', width: 90, render: (s: string) => sourceText(s) },
            { title: '登记日期', dataIndex: 'recordedOn', width: 110 },
          ]}
        />
      </ScrollRegion>
      {!data?.total && !isFetching && !filtered && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          社区、村和网格登记群众的需求，驻区单位认领或社区对接资源立项。
        </Typography.Paragraph>
      )}
      {creating && <NeedFormModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
