import { cobuildStateLabel, type CobuildStats } from '@jiceng/contracts';
import { Card, Col, Row, Select, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/RequireAuth.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useCobuildStats, yuan } from './api.ts';
import { HeadingChart, KindChart, MonthChart } from './CobuildCharts.tsx';

type KindRow = CobuildStats['byKind'][number];

/**
 * 结对共建统计: for the account's scope (or an organization in it) the agreements by partner kind
 * (村、社区、企业) and state, the organizations paired, and the log's totals — activities, problems
 * solved, funds — by content area and month, of one year or all; charts with the tables beside.
 */
export default function CobuildStatsPage() {
  const me = useMe();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const { data: s, isFetching } = useCobuildStats({ orgId, year });
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() - i);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`结对共建统计${s ? `：${s.scopeName}` : ''}`} extra={<Link to="/cobuild">返回协议列表</Link>} loading={!s && isFetching}>
        <Space wrap style={{ marginBottom: 16 }}>
          <OrgSelect allowClear aria-label="组织" placeholder={`${me.orgName}（本级及下级）`} style={{ width: 260 }} value={orgId} onChange={setOrgId} />
          <Select<number>
            allowClear
            aria-label="年度"
            placeholder="全部年度（台账）"
            style={{ width: 160 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          />
        </Space>
        {s && (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}>
              <Statistic title="协议（份）" value={s.totals.total} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="生效中" value={s.totals.active} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="即将到期" value={s.totals.expiring} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="共建活动（次）" value={s.totals.activities} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="解决问题（件）" value={s.totals.problems} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title="筹集资金（元）" value={yuan(s.totals.fundsFen)} />
            </Col>
          </Row>
        )}
      </Card>
      {s && (
        <>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title="按乙方类别和状态" size="small">
                <KindChart stats={s} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="结对情况" size="small">
                <Table<KindRow>
                  rowKey="kind"
                  size="small"
                  pagination={false}
                  dataSource={s.byKind}
                  columns={[
                    { title: '乙方类别', dataIndex: 'label' },
                    { title: '结对组织', dataIndex: 'partners', align: 'right' },
                    { title: '协议', dataIndex: 'total', align: 'right' },
                    ...(['active', 'pending', 'draft', 'expired', 'terminated'] as const).map((st) => ({
                      title: cobuildStateLabel[st],
                      dataIndex: st,
                      align: 'right' as const,
                    })),
                  ]}
                  summary={() => (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>合计（甲方 {s.totals.orgsA} 个）</Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        {s.byKind.reduce((n, k) => n + k.partners, 0)}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">
                        {s.totals.total}
                      </Table.Summary.Cell>
                      {(['active', 'pending', 'draft', 'expired', 'terminated'] as const).map((st, i) => (
                        <Table.Summary.Cell key={st} index={3 + i} align="right">
                          {s.totals[st]}
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  )}
                />
                <p style={{ marginTop: 12, color: '#595959' }}>
                  参与人次 {s.totals.participants}，逾期未完成的承诺 {s.totals.overdueCommitments} 项。
                </p>
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title="按共建内容" size="small">
                <HeadingChart stats={s} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="按月" size="small">
                <MonthChart stats={s} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
