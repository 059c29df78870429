import type { ServiceRequest, ServiceStateId } from '@jiceng/contracts';
import { Badge, Card, Empty, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useGrids, useServiceRequestLists } from './api.ts';
import { ClockTag, StateTag } from './labels.tsx';
import { ServiceRequestDrawer } from './ServiceRequestDrawer.tsx';
import { useOpenRequest } from './ServiceRequestsPage.tsx';

/** The open states on the board: 已受理 (the unassigned wait to be dispatched) and the orders out with an assignee. */
const BOARD_STATES: ServiceStateId[] = ['accepted', 'dispatched', 'in_progress', 'awaiting_info'];
const BOARD_PAGE = 200;
/** With more grids than this, the empty ones hide unless asked for. */
const MANY_GRIDS = 12;

interface Column {
  key: string;
  title: string;
  items: ServiceRequest[];
}

function useBoardRequests() {
  const lists = useServiceRequestLists(
    BOARD_STATES.map((state) => ({ state, page: 1, pageSize: BOARD_PAGE })),
    60_000,
  );
  return {
    items: lists.flatMap((l) => l.data?.items ?? []),
    loading: lists.some((l) => l.isLoading),
    truncated: lists.some((l) => (l.data?.total ?? 0) > BOARD_PAGE),
  };
}

/**
 * 派单看板: the account's open orders by grid, with a column 待派单 for the accepted ones nobody holds
 * and one for orders with a 党员, a team or a department; a card opens the request's drawer.
 */
export default function DispatchBoardPage() {
  const { openId, open } = useOpenRequest();
  const grids = useGrids();
  const board = useBoardRequests();
  const [showEmpty, setShowEmpty] = useState(false);

  const byOrder = (a: ServiceRequest, b: ServiceRequest) => (a.clock?.minutesLeft ?? Infinity) - (b.clock?.minutesLeft ?? Infinity);
  const pending = board.items.filter((r) => r.state === 'accepted' && !r.assignee);
  const held = board.items.filter((r) => r.assignee);
  const gridColumns: Column[] = (grids.data ?? []).map((g) => ({
    key: g.id,
    title: g.name,
    items: held.filter((r) => r.assignee?.type === 'grid' && r.assignee.orgId === g.id),
  }));
  const gridIds = new Set(gridColumns.map((c) => c.key));
  const others = held.filter((r) => !(r.assignee?.type === 'grid' && gridIds.has(r.assignee.orgId)));
  const many = gridColumns.length > MANY_GRIDS;
  const columns: Column[] = [
    { key: 'pending', title: '待派单', items: pending },
    ...gridColumns.filter((c) => !many || showEmpty || c.items.length > 0),
    ...(others.length ? [{ key: 'others', title: '党员、志愿服务队、职能部门', items: others }] : []),
  ];

  return (
    <Card
      title="派单看板"
      loading={board.loading || grids.isLoading}
      extra={
        <Space wrap>
          <Typography.Text type="secondary">
            在办 {held.length} 件，待派单 {pending.length} 件{board.truncated ? '（每种状态最多显示 200 件）' : ''}
          </Typography.Text>
          {many && (
            <Space size={4}>
              <Switch size="small" checked={showEmpty} onChange={setShowEmpty} aria-label="显示无诉求的网格" />
              <span>显示无诉求的网格</span>
            </Space>
          )}
        </Space>
      }
    >
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8, alignItems: 'flex-start' }}>
        {columns.map((c) => (
          <section
            key={c.key}
            aria-label={`${c.title}（${c.items.length}件）`}
            data-testid="board-column"
            style={{ flex: '0 0 260px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }}
          >
            <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text strong ellipsis={{ tooltip: c.title }} style={{ maxWidth: 200 }}>
                {c.title}
              </Typography.Text>
              <Badge count={c.items.length} showZero color={c.key === 'pending' ? '#fa8c16' : '#1677ff'} />
            </Space>
            {c.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无诉求" />
            ) : (
              <Space direction="vertical" size={8} style={{ width: '100%' }}>
                {[...c.items].sort(byOrder).map((r) => (
                  <Card
                    key={r.id}
                    size="small"
                    hoverable
                    role="button"
                    tabIndex={0}
                    aria-label={`诉求 ${r.code}`}
                    onClick={() => open(r.id)}
                    onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && open(r.id)}
                  >
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <Space size={4} wrap>
                        <Typography.Text strong>{r.code}</Typography.Text>
                        <StateTag state={r.state} label={r.stateLabel} />
                      </Space>
                      <Typography.Text type="secondary">
                        {r.categoryName} · {r.gridName ?? r.communityName}
                      </Typography.Text>
                      <Typography.Text ellipsis={{ tooltip: r.description }}>{r.description}</Typography.Text>
                      {c.key === 'others' && r.assignee && <Typography.Text type="secondary">承办：{r.assignee.name}</Typography.Text>}
                      <ClockTag clock={r.clock} />
                    </Space>
                  </Card>
                ))}
              </Space>
            )}
          </section>
        ))}
      </div>
      {openId && <ServiceRequestDrawer id={openId} onClose={() => open(null)} />}
    </Card>
  );
}
