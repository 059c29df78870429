import { ApartmentOutlined, EditOutlined, FlagOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { RG_REASON_MAX, type RgNeedDetail } from '@jiceng/contracts';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { TextModal } from '../keytasks/TextModal.tsx';
import { useClaimNeed, useCloseNeed, useNeed, useReleaseNeed, useUnits } from './api.ts';
import { yuanText } from './form.ts';
import { at, HistoryTimeline, NeedStateTag, ProjectStateTag, sourceText, UrgencyTag } from './labels.tsx';
import { MatchDrawer } from './MatchDrawer.tsx';
import { NeedFormModal } from './NeedFormModal.tsx';

type Action = 'claim' | 'propose' | 'edit' | 'release' | 'close';

const BUTTONS: { key: Action; label: string; icon: ReactNode; primary?: boolean; danger?: boolean }[] = [
  { key: 'claim', label: '认领', icon: <FlagOutlined />, primary: true },
  { key: 'propose', label: '资源匹配', icon: <ApartmentOutlined />, primary: true },
  { key: 'edit', label: '修改', icon: <EditOutlined /> },
  { key: 'release', label: '退回待认领', icon: <RollbackOutlined /> },
  { key: 'close', label: '关闭', icon: <StopOutlined />, danger: true },
];

/** 认领 by a 驻区单位 account: which of its units (when it reported more than one to this community) and how it will meet the need. */
function ClaimModal({ need, onClose }: { need: RgNeedDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ unitId?: string; note?: string }>();
  const claim = useClaimNeed(need.id);
  const units = (useUnits({}).data ?? []).filter((u) => u.communityId === need.communityId);
  const submit = async () => {
    const v = await form.validateFields();
    claim.mutate(
      { version: need.version, ...(v.unitId ? { unitId: v.unitId } : {}), note: v.note?.trim() || null },
      {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: () => {
          showSuccess(`已认领「${need.title}」，等待社区立项对接`);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={`认领需求：${need.title}`}
      okText="认领"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={claim.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="一项需求只能由一家单位认领；认领后由社区立项对接。" />
      <Form form={form} layout="vertical" name="rg-claim" initialValues={{ unitId: units[0]?.unitId }}>
        {units.length > 1 && (
          <Form.Item name="unitId" label="认领单位">
            <Select options={units.map((u) => ({ value: u.unitId, label: u.unitName }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label="认领说明" extra="如何满足该需求（可不填）">
          <Input.TextArea rows={3} maxLength={RG_REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * One need: its fields, state, the project on it, the history, and the steps the account may take
 * (its `can`): 认领 (a 驻区单位), 资源匹配 and 立项, 修改, 退回待认领 and 关闭 (with a reason).
 */
export default function NeedPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useNeed(id);
  const release = useReleaseNeed(id);
  const close = useCloseNeed(id);
  const [open, setOpen] = useState<Action | null>(null);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该需求" error={query.error} back="/regional/needs" backLabel="返回需求清单" />;
  const n = query.data;
  const shown = BUTTONS.filter((b) => n.can[b.key]);
  const done = () => setOpen(null);
  const count = (v: number | null, unit: string) => (v === null ? '—' : `${v} ${unit}`);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card styles={{ body: { paddingTop: 12 } }}>
        <Breadcrumb items={[{ title: <Link to="/regional/needs">需求清单</Link> }, { title: n.title }]} style={{ marginBottom: 8 }} />
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
          <Space align="baseline" size={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="rg-need-title">
              {n.title}
            </Typography.Title>
            <NeedStateTag state={n.state} overdue={n.overdue} testId="rg-need-state" />
            <UrgencyTag urgency={n.urgency} />
            <Typography.Text type="secondary">
              {n.categoryName} · {n.orgName}
            </Typography.Text>
          </Space>
          <Space wrap data-testid="rg-need-actions">
            {shown.map((b) => (
              <Button key={b.key} type={b.primary ? 'primary' : 'default'} danger={b.danger} icon={b.icon} onClick={() => setOpen(b.key)}>
                {b.label}
              </Button>
            ))}
          </Space>
        </div>
        {n.project && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            message={
              <Space wrap>
                已立项：
                <Link to={`/regional/projects/${n.project.id}`} data-testid="rg-need-project">
                  {n.project.title}
                </Link>
                <ProjectStateTag state={n.project.state} />
              </Space>
            }
          />
        )}
        {n.state === 'closed' && n.closeReason && <Alert type="warning" showIcon style={{ marginTop: 12 }} message={`关闭原因：${n.closeReason}`} />}
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginTop: 12 }}
          styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
          data-testid="rg-need-facts"
        >
          <Descriptions.Item label="需求描述" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{n.description}</span>
          </Descriptions.Item>
          <Descriptions.Item label="所属组织">{n.orgName}</Descriptions.Item>
          <Descriptions.Item label="所在社区">{n.communityName}</Descriptions.Item>
          <Descriptions.Item label="受益对象">{n.beneficiaries}</Descriptions.Item>
          <Descriptions.Item label="受益人数">{count(n.beneficiaryCount, '人')}</Descriptions.Item>
          <Descriptions.Item label="地点">{n.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="期望完成日期">
            {n.wantedBy ? n.overdue ? <Typography.Text type="danger">{n.wantedBy}（已逾期）</Typography.Text> : n.wantedBy : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="预计资金">{yuanText(n.estMoneyFen)}</Descriptions.Item>
          <Descriptions.Item label="预计人力">{count(n.estPeople, '人')}</Descriptions.Item>
          <Descriptions.Item label="需求来源">{sourceText(n.source)}</Descriptions.Item>
          <Descriptions.Item label="登记日期">{n.recordedOn}</Descriptions.Item>
          <Descriptions.Item label="认领单位">{n.claimedUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="认领时间">{at(n.claimedAt)}</Descriptions.Item>
          {n.claimNote && (
            <Descriptions.Item label="认领说明" span={2}>
              {n.claimNote}
            </Descriptions.Item>
          )}
        </Descriptions>
        {n.overdue && n.state === 'open' && !n.wantedBy && (
          <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
            该需求登记后长时间无人认领，请尽快对接资源。
          </Typography.Paragraph>
        )}
      </Card>
      <Card title="流转记录" size="small">
        <HistoryTimeline history={n.history} testId="rg-need-history" />
      </Card>
      {open === 'claim' && <ClaimModal need={n} onClose={done} />}
      {open === 'propose' && <MatchDrawer need={n} onClose={done} />}
      {open === 'edit' && <NeedFormModal need={n} onClose={done} />}
      {open === 'release' && (
        <TextModal
          title={`退回待认领：${n.title}`}
          label="退回原因"
          field="reason"
          okText="退回"
          max={RG_REASON_MAX}
          hint={me.role === 'resident_unit' ? '退回后需求回到待认领，其他单位可以认领。' : '退回后认领单位不再负责该需求，需求回到待认领。'}
          busy={release.isPending}
          run={(reason) => release.mutateAsync({ reason, version: n.version }).then(() => showSuccess('需求已退回待认领'))}
          onClose={done}
        />
      )}
      {open === 'close' && (
        <TextModal
          title={`关闭需求：${n.title}`}
          label="关闭原因"
          field="reason"
          okText="关闭需求"
          danger
          max={RG_REASON_MAX}
          hint="关闭后需求不再认领和对接（如已由其他渠道解决、群众不再需要）。"
          busy={close.isPending}
          run={(reason) => close.mutateAsync({ reason, version: n.version }).then(() => showSuccess('需求已关闭'))}
          onClose={done}
        />
      )}
    </Space>
  );
}
