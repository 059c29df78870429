import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { COBUILD_REASON_ACTIONS, cobuildActionLabel, cobuildSideLabel, type CobuildContact, type CobuildUserAction } from '@jiceng/contracts';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { download } from '../../api/download.ts';
import { messageOf } from '../../api/errors.ts';
import { showError } from '../../shared/feedback.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { AgreementModal } from './AgreementModal.tsx';
import { documentPath, useAgreement, useAgreementAction } from './api.ts';
import { KindTag, StateTag } from './labels.tsx';
import { LogCard, PlanCard } from './RecordCards.tsx';
import { ReasonModal, RenewModal } from './modals.tsx';

/**
 * One agreement: the parties, the term, the content areas, both sides' contacts (masked; 显示完整电话
 * with personal:unmask, audited), the yearly plan, the log of activities, problems and funds, the
 * history, and the steps the server offers the account (`can`), a reason asked where one is required.
 */
export default function AgreementPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [unmask, setUnmask] = useState(false);
  const { data: a, error, isLoading } = useAgreement(id, unmask);
  const step = useAgreementAction(id);
  const [reason, setReason] = useState<CobuildUserAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [renewing, setRenewing] = useState(false);
  const [printing, setPrinting] = useState(false);
  if (isLoading) return <PageLoading />;
  if (!a) return <PageLoadFailed title="无法打开结对共建协议" error={error ?? new Error('结对共建协议不存在')} back="/cobuild" backLabel="返回结对共建" />;

  const act = (action: CobuildUserAction) => (COBUILD_REASON_ACTIONS.includes(action) ? setReason(action) : step.mutate({ action, version: a.version }));
  const print = () => {
    setPrinting(true);
    download(documentPath(a.id), `结对共建协议书（${a.title}）.docx`)
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setPrinting(false));
  };
  const side = (s: 'a' | 'b') => (s === 'a' ? a.orgA.name : a.orgB.name);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{a.title}</span>
            <StateTag a={a} />
            <KindTag kind={a.partnerKind} />
          </Space>
        }
        extra={
          <Space wrap>
            {a.can.actions.map((x) =>
              COBUILD_REASON_ACTIONS.includes(x) ? (
                <Button key={x} danger={x !== 'decline'} onClick={() => act(x)}>
                  {cobuildActionLabel[x]}
                </Button>
              ) : (
                <Popconfirm key={x} title={`确定${cobuildActionLabel[x]}？`} onConfirm={() => act(x)}>
                  <Button type={x === 'confirm' || x === 'submit' ? 'primary' : 'default'} loading={step.isPending}>
                    {cobuildActionLabel[x]}
                  </Button>
                </Popconfirm>
              ),
            )}
            {(a.can.edit || a.can.contacts) && <Button onClick={() => setEditing(true)}>{a.can.edit ? '修改协议' : '修改本方联系人'}</Button>}
            {a.can.renew && <Button onClick={() => setRenewing(true)}>续签</Button>}
            <Button icon={<DownloadOutlined />} loading={printing} onClick={print}>
              协议书
            </Button>
          </Space>
        }
      >
        {a.state === 'pending' && a.can.actions.includes('confirm') && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="对方已起草并提交本协议，请核对共建内容、期限和联系人后确认签订，或说明原因退回修改。"
          />
        )}
        {a.lastReason && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`原因：${a.lastReason}`} />}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="甲方">{a.orgA.name}</Descriptions.Item>
          <Descriptions.Item label="乙方">{a.orgB.name}</Descriptions.Item>
          <Descriptions.Item label="协议期限">
            {a.startOn} 至 {a.endOn}（第 {a.termNo} 期）
          </Descriptions.Item>
          <Descriptions.Item label="起草方">
            {cobuildSideLabel[a.draftingSide]}
            {a.createdByName ? `（${a.createdByName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="签订">{a.signedOn ? `${a.signedOn}，${a.signedByName ?? ''}确认` : '—'}</Descriptions.Item>
          <Descriptions.Item label="共建成效">
            活动 {a.activities} 次、参与 {a.participants} 人次，解决问题 {a.problems} 件，筹集资金 {(a.fundsFen / 100).toLocaleString('zh-CN')} 元
          </Descriptions.Item>
          <Descriptions.Item label="共建内容" span={2}>
            {a.headings.map((h) => (
              <Tag key={h}>{h}</Tag>
            ))}
          </Descriptions.Item>
          {(a.renewedFromId || a.renewedToId) && (
            <Descriptions.Item label="续签" span={2}>
              <Space>
                {a.renewedFromId && <Link to={`/cobuild/${a.renewedFromId}`}>上一期协议</Link>}
                {a.renewedToId && <Link to={`/cobuild/${a.renewedToId}`}>下一期协议</Link>}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card
        title="联系人"
        size="small"
        extra={
          a.can.unmask &&
          !a.unmasked && (
            <Button size="small" icon={<EyeOutlined />} onClick={() => setUnmask(true)} title="查看将记入操作日志">
              显示完整电话
            </Button>
          )
        }
      >
        <Table<CobuildContact>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={a.contacts}
          locale={{ emptyText: '尚未填写联系人' }}
          columns={[
            { title: '所属方', dataIndex: 'side', width: 260, render: (s: 'a' | 'b') => `${cobuildSideLabel[s]}：${side(s)}` },
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '职务', dataIndex: 'post', width: 160 },
            { title: '联系电话', dataIndex: 'phone' },
          ]}
        />
      </Card>

      <PlanCard a={a} />
      <LogCard a={a} />

      <Card title="流转记录" size="small">
        {a.history.length === 0 ? (
          <Typography.Text type="secondary">暂无</Typography.Text>
        ) : (
          <Timeline
            items={a.history.map((h) => ({
              children: (
                <span>
                  {dayjs(h.at).format('YYYY-MM-DD HH:mm')} {h.actorName ?? '系统'} {h.actionLabel}
                  {h.fromState !== h.toState ? `（${h.fromStateLabel} → ${h.toStateLabel}）` : ''}
                  {h.reason ? `：${h.reason}` : ''}
                </span>
              ),
            }))}
          />
        )}
      </Card>

      {reason && <ReasonModal id={a.id} action={reason} version={a.version} onClose={() => setReason(null)} />}
      {editing && <AgreementModal agreement={a} onClose={() => setEditing(false)} />}
      {renewing && <RenewModal a={a} onClose={() => setRenewing(false)} onDone={(next) => navigate(`/cobuild/${next}`)} />}
    </Space>
  );
}
