import { CheckCircleOutlined, CheckOutlined, CloseOutlined, FormOutlined, MessageOutlined, StarOutlined, StopOutlined } from '@ant-design/icons';
import { Permission, RG_REASON_MAX, rgVerdictLabel, type RgActivity, type RgProjectDetail, type RgVerdictId } from '@jiceng/contracts';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, List, Popconfirm, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { TextModal } from '../keytasks/TextModal.tsx';
import { useConsent, useProject, useUnits, useWithdrawProject } from './api.ts';
import { hoursText, yuanText } from './form.ts';
import { at, ConsentTag, HistoryTimeline, NeedStateTag, ProjectStateTag, UrgencyTag } from './labels.tsx';
import { ProjectActivities } from './ProjectActivities.tsx';
import { ActivityModal, CompleteModal, FeedbackModal, RateModal } from './ProjectModals.tsx';

type Part = RgProjectDetail['parts'][number];
type Feedback = RgProjectDetail['feedback'][number];
type Step = 'decline' | 'activity' | 'complete' | 'rate' | 'feedback' | 'withdraw';

const BUTTONS: { key: Step; can: keyof RgProjectDetail['can']; label: string; icon: ReactNode; primary?: boolean; danger?: boolean }[] = [
  { key: 'decline', can: 'consent', label: '谢绝', icon: <CloseOutlined /> },
  { key: 'activity', can: 'activity', label: '记录活动', icon: <FormOutlined />, primary: true },
  { key: 'complete', can: 'complete', label: '完成项目', icon: <CheckCircleOutlined /> },
  { key: 'rate', can: 'rate', label: '评价', icon: <StarOutlined />, primary: true },
  { key: 'feedback', can: 'feedback', label: '记录群众评价', icon: <MessageOutlined /> },
  { key: 'withdraw', can: 'withdraw', label: '撤销', icon: <StopOutlined />, danger: true },
];

/** 同意参与: the account's unit agrees; the last agreement starts the project. */
function AgreeButton({ project: p }: { project: RgProjectDetail }) {
  const consent = useConsent(p.id);
  return (
    <Popconfirm
      title={`同意参与「${p.title}」？`}
      description="所有参与单位同意后项目开始实施。"
      okText="同意参与"
      cancelText="取消"
      onConfirm={() =>
        consent.mutateAsync({ agree: true }).then(
          (d) => showSuccess(d.state === 'active' ? '已同意参与，项目开始实施' : '已同意参与，等待其他单位确认'),
          () => undefined,
        )
      }
    >
      <Button type="primary" icon={<CheckOutlined />} loading={consent.isPending && consent.variables?.agree === true}>
        同意参与
      </Button>
    </Popconfirm>
  );
}

function Facts({ p }: { p: RgProjectDetail }) {
  const done = p.state === 'completed' || p.state === 'rated';
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      style={{ marginTop: 12 }}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      data-testid="rg-project-facts"
    >
      <Descriptions.Item label="实施方案" span={2}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{p.plan}</span>
      </Descriptions.Item>
      <Descriptions.Item label="起止日期">
        {p.startDate} 至 {p.overdue ? <Typography.Text type="danger">{p.endDate}（已超期）</Typography.Text> : p.endDate}
      </Descriptions.Item>
      <Descriptions.Item label="社区">{p.orgName}</Descriptions.Item>
      <Descriptions.Item label="预算">{yuanText(p.budgetFen)}</Descriptions.Item>
      <Descriptions.Item label="计划投入人力">{p.plannedPeople === null ? '—' : `${p.plannedPeople} 人`}</Descriptions.Item>
      <Descriptions.Item label="活动次数">{p.activities}</Descriptions.Item>
      <Descriptions.Item label="服务时长">{hoursText(p.hours)}</Descriptions.Item>
      {done && (
        <>
          <Descriptions.Item label="项目成效" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{p.results ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="投入资金">{yuanText(p.fundsFen)}</Descriptions.Item>
          <Descriptions.Item label="解决实际问题">{p.problemsSolved === null ? '—' : `${p.problemsSolved} 件`}</Descriptions.Item>
          <Descriptions.Item label="完成日期">{p.completedOn ?? '—'}</Descriptions.Item>
        </>
      )}
      {p.rating !== null && (
        <>
          <Descriptions.Item label="社区评价">
            <Space>
              <span aria-hidden style={{ color: '#a35200', letterSpacing: 2 }}>
                {'★'.repeat(p.rating)}
                {'☆'.repeat(5 - p.rating)}
              </span>
              <span data-testid="rg-project-rating">{p.rating} 星</span>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="评价日期">{p.ratedOn ?? '—'}</Descriptions.Item>
          {p.ratingComment && (
            <Descriptions.Item label="评价意见" span={2}>
              {p.ratingComment}
            </Descriptions.Item>
          )}
        </>
      )}
    </Descriptions>
  );
}

function NeedCard({ p }: { p: RgProjectDetail }) {
  const n = p.need;
  return (
    <Card title="对接需求" size="small" data-testid="rg-project-need">
      <Space wrap size={8}>
        <Link to={`/regional/needs/${n.id}`}>{n.title}</Link>
        <NeedStateTag state={n.state} />
        <UrgencyTag urgency={n.urgency} />
      </Space>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label="类别">{n.categoryName}</Descriptions.Item>
        <Descriptions.Item label="所属组织">{n.orgName}</Descriptions.Item>
        <Descriptions.Item label="受益对象">
          {n.beneficiaries}
          {n.beneficiaryCount !== null && `（${n.beneficiaryCount} 人）`}
        </Descriptions.Item>
        <Descriptions.Item label="期望完成">{n.wantedBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="需求描述">
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ marginBottom: 0 }}>
            {n.description}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function PartsCard({ p }: { p: RgProjectDetail }) {
  return (
    <Card title="参与单位和资源" size="small">
      <Table<Part>
        rowKey={(x) => `${x.unitId ?? ''}-${x.resourceId ?? ''}-${x.ownerName}`}
        size="small"
        dataSource={p.parts}
        pagination={false}
        locale={{ emptyText: '没有参与方' }}
        data-testid="rg-project-parts"
        columns={[
          { title: '参与方', dataIndex: 'ownerName' },
          { title: '资源', dataIndex: 'resourceTitle', render: (s: string | null) => s ?? '认领单位' },
          { title: '单位意见', dataIndex: 'consent', width: 100, render: (c: string) => <ConsentTag consent={c} /> },
          { title: '确认时间', dataIndex: 'decidedAt', width: 150, render: (t: string | null) => at(t) },
          { title: '谢绝原因', dataIndex: 'declineReason', render: (s: string | null) => s ?? '—' },
        ]}
      />
    </Card>
  );
}

function FeedbackCard({ p }: { p: RgProjectDetail }) {
  const s = p.satisfaction;
  return (
    <Card title="群众评价" size="small">
      <Row gutter={16} data-testid="rg-satisfaction">
        <Col span={8}>
          <Statistic title="满意" value={s.satisfied} />
        </Col>
        <Col span={8}>
          <Statistic title="基本满意" value={s.fair} />
        </Col>
        <Col span={8}>
          <Statistic title="不满意" value={s.unsatisfied} valueStyle={s.unsatisfied ? { color: '#cf1322' } : undefined} />
        </Col>
      </Row>
      <List<Feedback>
        size="small"
        dataSource={p.feedback}
        locale={{ emptyText: '还没有群众评价（项目完成后由社区记录）' }}
        renderItem={(f) => (
          <List.Item key={f.id}>
            <Space wrap size={8}>
              <Typography.Text strong>{rgVerdictLabel[f.verdict as RgVerdictId] ?? f.verdict}</Typography.Text>
              {f.comment && <span>{f.comment}</span>}
              <Typography.Text type="secondary">
                {f.rater ?? '群众'} · {at(f.createdAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * One project: the need it meets, its plan, dates, budget, the units and resources in it with their
 * consent, the activities with photos, results and ratings, the beneficiaries' verdicts and the
 * history; the steps the account may take now (its `can`): 同意参与 / 谢绝 (a unit), 记录活动,
 * 完成项目, 评价, 记录群众评价, 撤销.
 */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const ownUnit = me.role === 'resident_unit';
  const query = useProject(id);
  const consent = useConsent(id);
  const withdraw = useWithdrawProject(id);
  const myUnits = useUnits({}, ownUnit).data ?? [];
  const [open, setOpen] = useState<Step | null>(null);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该项目" error={query.error} back="/regional/projects" backLabel="返回项目清单" />;
  const p = query.data;
  const close = () => setOpen(null);
  const shown = BUTTONS.filter((b) => p.can[b.can]);
  const photosOpen = p.state === 'active' || p.state === 'completed';
  const mayUpload = (a: RgActivity) =>
    photosOpen &&
    (ownUnit
      ? a.unitId !== null && myUnits.some((u) => u.unitId === a.unitId) && p.parts.some((x) => x.unitId === a.unitId && x.consent === 'agreed')
      : hasPermission(me, Permission.REGION_RECORD));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card styles={{ body: { paddingTop: 12 } }}>
        <Breadcrumb items={[{ title: <Link to="/regional/projects">项目清单</Link> }, { title: p.title }]} style={{ marginBottom: 8 }} />
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
          <Space align="baseline" size={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="rg-project-title">
              {p.title}
            </Typography.Title>
            <ProjectStateTag state={p.state} overdue={p.overdue} testId="rg-project-state" />
            <Typography.Text type="secondary">
              {p.categoryName} · {p.orgName}
            </Typography.Text>
          </Space>
          <Space wrap data-testid="rg-project-actions">
            {p.can.consent && <AgreeButton project={p} />}
            {shown.map((b) => (
              <Button key={b.key} type={b.primary ? 'primary' : 'default'} danger={b.danger} icon={b.icon} onClick={() => setOpen(b.key)}>
                {b.label}
              </Button>
            ))}
          </Space>
        </div>
        {p.can.consent && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            message="社区邀请本单位参与该项目，请确认是否参与；谢绝须说明原因，项目将撤销、需求回到待认领。"
          />
        )}
        {p.state === 'withdrawn' && p.withdrawReason && <Alert type="warning" showIcon style={{ marginTop: 12 }} message={`撤销原因：${p.withdrawReason}`} />}
        <Facts p={p} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <NeedCard p={p} />
        </Col>
        <Col xs={24} xl={14}>
          <PartsCard p={p} />
        </Col>
      </Row>
      <ProjectActivities project={p} mayUpload={mayUpload} />
      <FeedbackCard p={p} />
      <Card title="流转记录" size="small">
        <HistoryTimeline history={p.history} testId="rg-project-history" />
      </Card>
      {open === 'activity' && <ActivityModal project={p} ownUnit={ownUnit} onClose={close} />}
      {open === 'complete' && <CompleteModal project={p} onClose={close} />}
      {open === 'rate' && <RateModal project={p} onClose={close} />}
      {open === 'feedback' && <FeedbackModal project={p} onClose={close} />}
      {open === 'decline' && (
        <TextModal
          title={`谢绝参与：${p.title}`}
          label="谢绝原因"
          field="reason"
          okText="谢绝"
          danger
          max={RG_REASON_MAX}
          hint="谢绝后项目撤销，需求回到待认领，社区可另行对接。"
          busy={consent.isPending}
          run={(reason) => consent.mutateAsync({ agree: false, reason }).then(() => showSuccess('已谢绝参与'))}
          onClose={close}
        />
      )}
      {open === 'withdraw' && (
        <TextModal
          title={`撤销项目：${p.title}`}
          label="撤销原因"
          field="reason"
          okText="撤销项目"
          danger
          max={RG_REASON_MAX}
          hint="撤销后需求回到待认领，已记录的活动保留。"
          busy={withdraw.isPending}
          run={(reason) => withdraw.mutateAsync({ reason, version: p.version }).then(() => showSuccess('项目已撤销'))}
          onClose={close}
        />
      )}
    </Space>
  );
}
