import type { TransferCounts } from '@jiceng/contracts';
import { Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTransferStats } from './api.ts';

const COUNTS: { key: keyof TransferCounts; label: string }[] = [
  { key: 'internalIn', label: '系统内转入' },
  { key: 'internalOut', label: '系统内转出' },
  { key: 'letterIn', label: '介绍信转入' },
  { key: 'letterOut', label: '介绍信转出' },
  { key: 'internalWithin', label: '范围内调整' },
];

/** 统计: completed transfers in and out of the account's scope in a year, month by month, and what is open. */
export function StatsTab() {
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const { data, isFetching } = useTransferStats(year);
  const rows = (data?.months ?? []).map((m, i) => ({ ...m, month: `${i + 1} 月` }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Select value={year} onChange={setYear} style={{ width: 120 }} options={Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }))} />
        <Typography.Text type="secondary">按办结日期统计（系统内转接以接收日期、介绍信转出以回执日期、介绍信转入以登记日期为准）</Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        {COUNTS.map((c) => (
          <Col key={c.key} xs={12} md={8} xl={4}>
            <Card size="small"><Statistic title={c.label} value={data?.totals[c.key] ?? 0} suffix="人" loading={isFetching} /></Card>
          </Col>
        ))}
        <Col xs={12} md={8} xl={4}>
          <Card size="small"><Statistic title="办理中（转入 / 转出）" value={data ? `${data.pendingIn} / ${data.pendingOut}` : '—'} loading={isFetching} /></Card>
        </Col>
      </Row>
      <Table
        rowKey="month"
        size="small"
        loading={isFetching}
        dataSource={rows}
        pagination={false}
        columns={[{ title: '月份', dataIndex: 'month', width: 80 }, ...COUNTS.map((c) => ({ title: c.label, dataIndex: c.key }))]}
      />
    </Space>
  );
}
