import { StopOutlined } from '@ant-design/icons';
import type { DirectiveDetail } from '@jiceng/contracts';
import { Breadcrumb, Button, Card, Descriptions, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { exportPath, useDirective } from './api.ts';
import { COUNT_ITEMS } from './form.ts';
import { StateTag, timeText } from './labels.tsx';
import { CloseModal } from './modals.tsx';
import { MyTargetCard } from './MyTargetCard.tsx';
import { TargetsTable } from './TargetsTable.tsx';

/** What was sent, by whom, by when and what counts as done; 导出 and, for the sender, 关闭任务. */
function Header({ d }: { d: DirectiveDetail }) {
  const [closing, setClosing] = useState(false);
  return (
    <Card styles={{ body: { paddingTop: 12 } }}>
      <Breadcrumb items={[{ title: <Link to="/directives">任务督办</Link> }, { title: d.title }]} style={{ marginBottom: 8 }} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
        <Space align="baseline" size={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="directive-title">
            {d.title}
          </Typography.Title>
          <Tag>{d.kindLabel}</Tag>
          <StateTag state={d.state} label={d.stateLabel} />
        </Space>
        <Space wrap>
          <ExportButton path={exportPath(d.id)} fallbackName="下发任务办理情况.xlsx" />
          {d.canClose && (
            <Button danger icon={<StopOutlined />} onClick={() => setClosing(true)}>
              关闭任务
            </Button>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label="发起单位">{d.orgName}</Descriptions.Item>
        <Descriptions.Item label="下发人">{d.createdByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="下发时间">{timeText(d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={d.kind === 'notice' ? '签收期限' : '办结期限'}>{d.dueOn}</Descriptions.Item>
        <Descriptions.Item label="内容" span={4}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.content}</Typography.Paragraph>
        </Descriptions.Item>
        {d.evidence && (
          <Descriptions.Item label="完成标准" span={4}>
            {d.evidence}
            {d.filesRequired ? '（须上传佐证材料）' : ''}
          </Descriptions.Item>
        )}
        {d.closedAt && (
          <Descriptions.Item label="关闭" span={4}>
            {timeText(d.closedAt)} {d.closedByName ?? ''}
            {d.closedNote ? `：${d.closedNote}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      {closing && <CloseModal directive={d} onClose={() => setClosing(false)} />}
    </Card>
  );
}

/** The counts of the recipients the account follows (the sender's own, or those it forwarded to). */
function Counts({ d }: { d: DirectiveDetail }) {
  if (d.counts.total === 0) return null;
  return (
    <Card size="small" data-testid="directive-counts">
      <Space size={32} wrap>
        <Statistic title="接收单位" value={d.counts.total} />
        {COUNT_ITEMS.map((c) => (
          <Statistic
            key={c.key}
            title={c.label}
            value={d.counts[c.key]}
            valueStyle={c.key === 'overdue' && d.counts.overdue ? { color: '#cf1322' } : undefined}
          />
        ))}
        <Statistic title="尚未签收" value={d.counts.notAcknowledged} />
      </Space>
    </Card>
  );
}

/**
 * One directive: for the sender (and readers above it) every recipient with its state, 催办,
 * extension decisions, close and export; for a recipient its own row with 签收, 上报完成 with files,
 * 申请延期 and 转发下级, and the rows it forwarded.
 */
export default function DirectivePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const q = useDirective(id);
  if (q.isPending)
    return (
      <Card>
        <PageLoading />
      </Card>
    );
  if (q.isError) return <PageLoadFailed title="无法打开该任务" error={q.error} back="/directives" backLabel="返回任务督办" />;
  const d = q.data;
  const mine = d.mine ? d.targets.find((t) => t.id === d.mine!.targetId) : undefined;
  const others = mine ? d.targets.filter((t) => t.id !== mine.id) : d.targets;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Header d={d} />
      <Counts d={d} />
      {mine && mine.orgId === me.orgId && <MyTargetCard directive={d} target={mine} />}
      {others.length > 0 && <TargetsTable directive={{ ...d, targets: others }} />}
    </Space>
  );
}
