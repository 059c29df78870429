import { Permission, type RgUnitSummary } from '@jiceng/contracts';
import { Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { localPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useUnits } from './api.ts';
import { hoursText } from './form.ts';

/**
 * 驻区单位台账: the units reported (双报到) to the communities in scope — what each offers, claimed
 * and took part in — each opening its yearly ledger. A 驻区单位 account sees its own unit(s).
 */
export default function UnitsPage() {
  const me = useMe();
  const side = hasPermission(me, Permission.REGION_READ);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const { data, isFetching } = useUnits({ orgId, q });
  return (
    <Card title="驻区单位台账" extra={<Typography.Text type="secondary">到社区报到的驻区单位提供资源、认领需求、参与项目的情况</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        {side && (
          <OrgSelect
            allowClear
            aria-label="组织"
            placeholder={`${me.orgName}（本级及下级）`}
            style={{ width: 240 }}
            value={orgId}
            onChange={(v) => setOrgId(v)}
          />
        )}
        <Input.Search
          allowClear
          aria-label="单位名称"
          placeholder="单位名称"
          maxLength={30}
          style={{ width: 200 }}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
      </Space>
      <ScrollRegion label="驻区单位台账">
        <Table<RgUnitSummary>
          rowKey="unitId"
          size="middle"
          loading={isFetching}
          dataSource={data}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '没有到社区报到的驻区单位' }}
          pagination={localPagination((n) => `共 ${n} 个单位`)}
          data-testid="rg-units"
          columns={[
            {
              title: '单位名称',
              dataIndex: 'unitName',
              fixed: 'left',
              width: 220,
              render: (s: string, u) => <Link to={`/regional/units/${u.unitId}`}>{s}</Link>,
            },
            { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
            { title: '报到社区', dataIndex: 'communityName', width: 180, ellipsis: true },
            { title: '提供资源', dataIndex: 'resources', width: 90, align: 'right' },
            { title: '认领需求', dataIndex: 'claims', width: 90, align: 'right' },
            { title: '参与项目', dataIndex: 'projects', width: 90, align: 'right' },
            { title: '活动次数', dataIndex: 'activities', width: 90, align: 'right' },
            { title: '服务时长', dataIndex: 'hours', width: 110, align: 'right', render: (h: number) => hoursText(h) },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
