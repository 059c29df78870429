import type { KtTaskDetail } from '@jiceng/contracts';
import { Alert, Breadcrumb, Card, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { behindText, percentText } from './form.ts';
import { LagReasons, LeadCell, StatusTag, taskStateText } from './labels.tsx';
import { TaskActions } from './TaskActions.tsx';

const pre = (s: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{s ?? '—'}</span>;

/**
 * The task's header: where it belongs, its status and progress against what the time asks for, its
 * target, deadline and acceptance standard, who leads it, why it is 滞后 (each reason with its
 * rule), and the steps the account may take.
 */
export function TaskHeader({ task: t }: { task: KtTaskDetail }) {
  const overdue = t.deadline < dayjs().format('YYYY-MM-DD') && t.state !== 'accepted' && t.state !== 'completed' && t.state !== 'cancelled';
  return (
    <Card styles={{ body: { paddingTop: 12 } }}>
      <Breadcrumb
        items={[
          { title: <Link to="/keytasks">重点任务计划</Link> },
          { title: <Link to={`/keytasks/plans/${t.planId}`}>{t.planTitle}</Link> },
          { title: `任务 ${t.no}` },
        ]}
        style={{ marginBottom: 8 }}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
        <Space align="baseline" size={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="kt-task-title">
            {t.no}. {t.title}
          </Typography.Title>
          <StatusTag status={t.status} state={t.state} testId="kt-status" />
          <Tag data-testid="kt-state">{taskStateText(t.state)}</Tag>
          <Typography.Text type="secondary">{t.category}</Typography.Text>
        </Space>
        <TaskActions task={t} />
      </div>
      <div style={{ maxWidth: 560, marginTop: 12 }}>
        <Progress
          percent={t.progress}
          status={t.status === 'lagging' ? 'exception' : t.status === 'accepted' || t.status === 'completed' ? 'success' : 'active'}
          format={(p) => percentText(p ?? 0)}
          aria-label={`完成进度 ${percentText(t.progress)}`}
          data-testid="kt-progress"
        />
        <Typography.Text type={t.status === 'lagging' ? 'danger' : 'secondary'}>
          按时间应完成 {percentText(t.expectedProgress)}
          {behindText(t.progress, t.expectedProgress) && `，${behindText(t.progress, t.expectedProgress)}`}
          {t.lastReportedOn && `；最近报告 ${t.lastReportedOn}`}
        </Typography.Text>
      </div>
      {t.lagReasons.length > 0 && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} message="滞后原因" description={<LagReasons reasons={t.lagReasons} />} />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginTop: 12 }}
        styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
        data-testid="kt-facts"
      >
        <Descriptions.Item label="推进目标" span={2}>
          {pre(t.target)}
        </Descriptions.Item>
        {t.description && (
          <Descriptions.Item label="任务内容" span={2}>
            {pre(t.description)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="完成时限">{overdue ? <Typography.Text type="danger">{t.deadline}（已逾期）</Typography.Text> : t.deadline}</Descriptions.Item>
        <Descriptions.Item label="权重">{t.weight}</Descriptions.Item>
        <Descriptions.Item label="验收标准" span={2}>
          {pre(t.acceptanceStandard)}
        </Descriptions.Item>
        <Descriptions.Item label="牵头单位/责任人">
          <LeadCell task={t} />
        </Descriptions.Item>
        <Descriptions.Item label="计划制定单位">{t.planOrgName}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
