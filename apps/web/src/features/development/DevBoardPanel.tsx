import { devStageLabel, type DevBoard, type DevStage } from '@jiceng/contracts';
import { Button, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { localPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { PIPELINE_STAGES } from './form.ts';

type ChildRow = DevBoard['children'][number];
type StuckRow = DevBoard['stuck'][number];

/**
 * The top of 发展党员: how many are at each stage in the subtree, the same by direct child with the
 * passed limits, and who is stuck (a passed limit, or a rule that does not allow the next step yet).
 * A stage card or a child's name filters the list below.
 */
export function DevBoardPanel({
  board,
  loading,
  onStage,
  onOrg,
}: {
  board: DevBoard | undefined;
  loading: boolean;
  onStage: (stage: DevStage) => void;
  onOrg: (orgId: string) => void;
}) {
  const stages = PIPELINE_STAGES.map((stage) => ({
    stage,
    label: board?.stages.find((s) => s.stage === stage)?.label ?? devStageLabel[stage],
    count: board?.stages.find((s) => s.stage === stage)?.count,
  }));
  return (
    <Card title="发展党员工作" extra={board && <Typography.Text type="secondary">{board.orgName}（本级及下级）</Typography.Text>} data-testid="dev-board">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stages.map((s) => (
          <Col xs={12} md={6} key={s.stage}>
            <Card size="small" data-testid={`dev-board-${s.stage}`}>
              <Statistic title={s.label} value={s.count ?? '—'} suffix={s.count === undefined ? undefined : '人'} loading={!board && loading} />
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onStage(s.stage)}>
                查看{s.label}名单
              </Button>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Typography.Title level={5}>下级党组织</Typography.Title>
          <ScrollRegion label="下级党组织发展党员情况">
            <Table<ChildRow>
              rowKey="orgId"
              size="small"
              loading={loading}
              dataSource={board?.children}
              pagination={board && board.children.length > 10 ? localPagination() : false}
              scroll={{ x: 560 }}
              locale={{ emptyText: '没有下级党组织' }}
              columns={[
                {
                  title: '党组织',
                  key: 'org',
                  render: (_: unknown, r) => (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                      onClick={() => onOrg(r.orgId)}
                    >
                      {r.orgName}
                    </Button>
                  ),
                },
                ...PIPELINE_STAGES.map((stage) => ({
                  title: devStageLabel[stage],
                  key: stage,
                  align: 'right' as const,
                  width: 96,
                  render: (_: unknown, r: ChildRow) => r.counts[stage] ?? 0,
                })),
                {
                  title: '逾期',
                  dataIndex: 'overdue',
                  align: 'right' as const,
                  width: 64,
                  render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
                },
              ]}
            />
          </ScrollRegion>
        </Col>
        <Col xs={24} xl={13}>
          <Typography.Title level={5}>需要关注</Typography.Title>
          <ScrollRegion label="需要关注的发展对象">
            <Table<StuckRow>
              rowKey="id"
              size="small"
              loading={loading}
              dataSource={board?.stuck}
              pagination={board && board.stuck.length > 10 ? localPagination((n) => `共 ${n} 人`) : false}
              scroll={{ x: 640 }}
              locale={{ emptyText: '没有逾期或停滞的发展对象' }}
              data-testid="dev-stuck"
              columns={[
                { title: '姓名', dataIndex: 'name', width: 90, render: (name: string, r) => <Link to={`/development/${r.id}`}>{name}</Link> },
                { title: '党组织', dataIndex: 'orgName', width: 150, ellipsis: true },
                { title: '阶段', dataIndex: 'stageLabel', width: 110 },
                { title: '原因', dataIndex: 'reason', render: (s: string, r) => (r.overdue ? <Typography.Text type="danger">{s}</Typography.Text> : s) },
                {
                  title: '期限',
                  dataIndex: 'dueOn',
                  width: 150,
                  render: (d: string | null, r) =>
                    d ? (
                      <>
                        <Typography.Text type={r.overdue ? 'danger' : undefined}>{d}</Typography.Text> {r.overdue && <Tag color="error">已逾期</Tag>}
                      </>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </ScrollRegion>
        </Col>
      </Row>
    </Card>
  );
}
