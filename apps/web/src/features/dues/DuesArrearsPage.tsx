import type { DuesArrearsRow } from '@jiceng/contracts';
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/RequireAuth.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { localPagination } from '../../shared/pagination.ts';
import { useDuesArrears } from './ledgerApi.ts';
import { yuanText } from './ledgerForm.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const minOptions = [1, 2, 3, 6, 12].map((n) => ({ value: n, label: n === 1 ? '欠交 1 个月及以上' : `连续欠交 ${n} 个月及以上` }));

/**
 * 欠交党费: the scope's members with unpaid past months — how many in a row (and how many of those
 * without a 正当理由), how many in the last two years, what they owe and since when — with the
 * 自行脱党 warning (six months in a row without a reason). `?orgId=&minMonths=` in the URL (the 党费
 * to-dos link here).
 */
export default function DuesArrearsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const rawOrg = params.get('orgId');
  const rawMin = Number(params.get('minMonths'));
  const orgId = rawOrg && UUID.test(rawOrg) ? rawOrg : undefined;
  const minMonths = Number.isInteger(rawMin) && rawMin >= 1 && rawMin <= 24 ? rawMin : 1;
  const set = (patch: { orgId?: string; minMonths?: number }) => {
    const next = { orgId, minMonths: minMonths === 1 ? undefined : minMonths, ...patch };
    if (next.minMonths === 1) next.minMonths = undefined;
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as Record<string, string>, { replace: true });
  };
  const { data = [], isFetching } = useDuesArrears({ orgId, minMonths });
  const lapsing = data.filter((r) => r.lapseWarning).length;
  const owe = data.reduce((sum, r) => sum + r.oweFen, 0);

  return (
    <Card title="欠交党费" extra={<Typography.Text type="secondary">本级及下级党组织未按月交纳党费的党员</Typography.Text>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgSelect
          allowClear
          aria-label="党组织"
          placeholder={`${me.orgName}（本级及下级）`}
          style={{ width: 280 }}
          value={orgId}
          onChange={(id) => set({ orgId: id })}
        />
        <Select<number>
          aria-label="连续欠交月数"
          style={{ width: 200 }}
          value={minMonths}
          onChange={(n) => set({ minMonths: n })}
          options={
            minOptions.some((o) => o.value === minMonths) ? minOptions : [...minOptions, { value: minMonths, label: `连续欠交 ${minMonths} 个月及以上` }]
          }
        />
        <Typography.Text data-testid="dues-arrears-count">
          共 {data.length} 人，欠交 {yuanText(owe)}
        </Typography.Text>
      </Space>
      {lapsing > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${lapsing} 名党员已连续 6 个月及以上无正当理由未交纳党费`}
          description="党员连续六个月不交纳党费且没有正当理由的，按自行脱党处理：党支部应先谈话提醒、了解原因，有正当理由的请在党员的党费交纳记录中登记未交原因。"
        />
      )}
      <Table<DuesArrearsRow>
        rowKey="memberId"
        size="middle"
        loading={isFetching}
        dataSource={data}
        scroll={{ x: 1000 }}
        pagination={localPagination((n) => `共 ${n} 人`)}
        locale={{ emptyText: '没有欠交党费的党员' }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'memberName',
            fixed: 'left',
            width: 100,
            render: (name: string, r) => <Link to={`/members/${r.memberId}?tab=dues`}>{name}</Link>,
          },
          { title: '所在党支部', dataIndex: 'orgName', ellipsis: true },
          { title: '连续欠交', dataIndex: 'consecutive', width: 100, align: 'right', render: (n: number) => `${n} 个月` },
          { title: '其中无正当理由', dataIndex: 'consecutiveWithoutReason', width: 130, align: 'right', render: (n: number) => `${n} 个月` },
          { title: '近两年欠交', dataIndex: 'unpaidMonths', width: 110, align: 'right', render: (n: number) => `${n} 个月` },
          {
            title: '欠交金额',
            dataIndex: 'oweFen',
            width: 120,
            align: 'right',
            render: (f: number) => <Typography.Text type="danger">{yuanText(f)}</Typography.Text>,
          },
          { title: '最早欠交月份', dataIndex: 'since', width: 120, render: (m: string | null) => m ?? '—' },
          {
            title: '提醒',
            key: 'warn',
            width: 140,
            render: (_: unknown, r) => (r.lapseWarning ? <Tag color="red">自行脱党预警</Tag> : <Tag color="orange">欠交提醒</Tag>),
          },
        ]}
      />
    </Card>
  );
}
