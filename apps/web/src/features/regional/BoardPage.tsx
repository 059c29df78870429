import { Permission, type RgBoard } from '@jiceng/contracts';
import { Badge, Card, Col, Empty, List, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useBoard } from './api.ts';
import { NeedStateTag, UrgencyTag } from './labels.tsx';

type Community = RgBoard['communities'][number];

function CommunityCard({ c }: { c: Community }) {
  return (
    <Card
      size="small"
      title={
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{c.communityName}</Typography.Text>
          {c.streetName && <Typography.Text type="secondary">{c.streetName}</Typography.Text>}
        </Space>
      }
      extra={
        <Space size={12}>
          <span>
            待认领 <Typography.Text strong>{c.open}</Typography.Text>
          </span>
          <span>
            紧急 <Typography.Text type={c.urgent ? 'danger' : undefined}>{c.urgent}</Typography.Text>
          </span>
          <span>
            逾期 <Typography.Text type={c.overdue ? 'danger' : undefined}>{c.overdue}</Typography.Text>
          </span>
        </Space>
      }
      data-testid="rg-board-community"
    >
      <List
        size="small"
        dataSource={c.needs}
        locale={{ emptyText: '暂无待认领的需求' }}
        renderItem={(n) => (
          <List.Item key={n.id}>
            <Space wrap size={6}>
              <Link to={`/regional/needs/${n.id}`}>{n.title}</Link>
              <UrgencyTag urgency={n.urgency} />
              <NeedStateTag state={n.state} overdue={n.overdue} />
              <Typography.Text type="secondary">
                {n.categoryName}
                {n.wantedBy ? ` · ${n.wantedBy} 前` : ''}
                {n.claimedUnitName ? ` · ${n.claimedUnitName}认领` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * 需求看板: per community (its street, how many needs wait for a claim, are urgent or overdue) the
 * needs still open or claimed, each linking to its page; the community side may narrow it to one
 * organization of its scope.
 */
export default function BoardPage() {
  const me = useMe();
  const side = hasPermission(me, Permission.REGION_READ);
  const [orgId, setOrgId] = useState<string | undefined>();
  const { data, isFetching } = useBoard(orgId);
  const communities = data?.communities ?? [];
  const total = communities.reduce((s, c) => s + c.open, 0);
  return (
    <Card
      title="需求看板"
      extra={
        <Space wrap>
          {data && (
            <Badge count={`待认领 ${total} 项`} showZero color={total ? '#c4161c' : '#595959'} style={{ fontWeight: 'normal' }} data-testid="rg-board-total" />
          )}
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
        </Space>
      }
    >
      {isFetching && !data && <Spin />}
      {data && communities.length === 0 && <Empty description="没有待认领或已认领待立项的需求" />}
      <Row gutter={[16, 16]} data-testid="rg-board">
        {communities.map((c) => (
          <Col xs={24} lg={12} xxl={8} key={c.communityId}>
            <CommunityCard c={c} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
