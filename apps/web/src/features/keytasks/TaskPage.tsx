import { Col, Row, Space } from 'antd';
import { useParams } from 'react-router-dom';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { useTask } from './api.ts';
import { ClaimsCard } from './ClaimsCard.tsx';
import { ProgressCard } from './ProgressCard.tsx';
import { AcceptanceCard, ChangesCard, DecisionsCard, HistoryCard } from './RecordsCards.tsx';
import { TaskHeader } from './TaskHeader.tsx';
import { MilestonesCard, SubtasksCard } from './TaskParts.tsx';

/**
 * One key task: the header (status, progress, target, deadline, acceptance standard, lag reasons and
 * the steps the account may take), its sub-tasks and time nodes, the claims, the progress reports
 * with their evidence, the 调度会 decisions, changes, acceptance and accountability, and the history.
 */
export default function TaskPage() {
  const { id = '' } = useParams();
  const query = useTask(id);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该任务" error={query.error} back="/keytasks" backLabel="返回重点任务计划" />;
  const t = query.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <TaskHeader task={t} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <SubtasksCard task={t} />
        </Col>
        <Col xs={24} xl={12}>
          <MilestonesCard task={t} />
        </Col>
      </Row>
      <ClaimsCard task={t} />
      <ProgressCard task={t} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <DecisionsCard task={t} />
        </Col>
        <Col xs={24} xl={12}>
          <AcceptanceCard task={t} />
        </Col>
      </Row>
      <ChangesCard task={t} />
      <HistoryCard task={t} />
    </Space>
  );
}
