import { type VenueAreaRow } from '@jiceng/contracts';
import { Alert, Card, Progress, Space, Switch, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useVenueArea } from './api.ts';
import { m2 } from './labels.tsx';

/**
 * 阵地面积预警: every community in scope against the rule set's area (one district: ≥ 1,000 m² per
 * community, the open venues of resident units counted), the ones below first; a community with
 * venues registered and below the rule is also a 待办 on the 工作台. `?orgId=` narrows to a street
 * or community (where the to-do links).
 */
export default function VenueAreaPage() {
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const belowOnly = params.get('below') === '1';
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const { data, isFetching } = useVenueArea({ ...(orgId ? { orgId } : {}), ...(belowOnly ? { belowOnly: true } : {}) });

  return (
    <Card title="阵地面积预警">
      {data && <Alert type="info" showIcon message={data.rule} style={{ marginBottom: 16 }} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgSelect
          allowClear
          aria-label="街道或社区"
          placeholder="本级及下级全部社区"
          style={{ width: 280 }}
          value={orgId}
          onChange={(v) => set('orgId', v ?? undefined)}
        />
        <Space size={4}>
          <Switch size="small" checked={belowOnly} onChange={(v) => set('below', v ? '1' : undefined)} aria-label="只看未达标的" />
          <Typography.Text>只看未达标的</Typography.Text>
        </Space>
      </Space>
      <Table<VenueAreaRow>
        rowKey="orgId"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '范围内没有社区（村）' }}
        scroll={{ x: 900 }}
        columns={[
          { title: '社区（村）', dataIndex: 'orgName', render: (n: string, r) => <Link to={`/venues?orgId=${r.orgId}`}>{n}</Link> },
          { title: '所属街道', dataIndex: 'streetName', width: 180, render: (s: string | null) => s ?? '—' },
          { title: '阵地数', key: 'venues', width: 110, align: 'right', render: (_: unknown, r) => `${r.countedVenues} / ${r.venues}` },
          { title: '计入面积', dataIndex: 'countedAreaM2', width: 130, align: 'right', render: m2 },
          { title: '其中单位开放', dataIndex: 'unitAreaM2', width: 130, align: 'right', render: m2 },
          {
            title: '达标情况',
            key: 'rate',
            width: 200,
            render: (_: unknown, r) => (
              <Progress
                size="small"
                aria-label="阵地面积达标率"
                percent={Math.min(100, Math.round((r.countedAreaM2 / r.requiredAreaM2) * 100))}
                status={r.below ? 'exception' : 'success'}
                format={(p) => `${p}%`}
              />
            ),
          },
          {
            title: '预警',
            key: 'warn',
            width: 200,
            render: (_: unknown, r) =>
              r.venues === 0 ? <Tag>未登记阵地</Tag> : r.below ? <Tag color="gold">还差 {m2(r.shortfallM2)}</Tag> : <Tag color="green">达标</Tag>,
          },
        ]}
      />
    </Card>
  );
}
