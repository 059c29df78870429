import { UploadOutlined } from '@ant-design/icons';
import {
  attachmentKinds,
  REASON_MAX,
  SATISFACTION_IDS,
  SERVICE_COMPLEXITY_IDS,
  SERVICE_RESULT_MAX,
  satisfactionName,
  serviceComplexityName,
  type Attachment,
  type ServiceActionInput,
  type ServiceRequestDetail,
} from '@jiceng/contracts';
import { Alert, Button, Descriptions, Drawer, Form, Image, Input, Modal, Radio, Select, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { fetchContact, photoUrl, useServiceAction, useServiceRequest, useUploadServicePhoto, type ServicePhotoKind } from './api.ts';
import { AssigneePicker, assigneeInput, type AssigneeDraft } from './AssigneePicker.tsx';
import { ClockTag, dueText, SERVICE_ACTION_LABEL, SERVICE_ACTION_ORDER, StateTag, time } from './labels.tsx';

/** Steps that ask for a reason before they go (the workflow refuses them without one). */
const REASON_REQUIRED = new Set(['reject', 'return', 'reassign', 'request_info', 'extend', 'escalate']);
/** Steps taken with one click. */
const DIRECT = new Set(['take']);
const PRIMARY = new Set(['accept', 'dispatch', 'take', 'resolve']);
const DANGER = new Set(['reject', 'return']);

const REASON_HINT: Record<string, string> = {
  reject: '不予受理的理由（会告知群众）',
  return: '退单理由（如：不属于本网格、超出职责范围）',
  reassign: '改派理由',
  request_info: '需要群众补充的材料或说明',
  extend: '延期理由（须在时限届满前申请）',
  escalate: '提级理由（如：需街道协调多部门）',
  urge: '催办说明（选填）',
  supply_info: '补充的内容（选填）',
};

interface ActionValues {
  reason?: string;
  complexity?: (typeof SERVICE_COMPLEXITY_IDS)[number];
  result?: string;
  rating?: (typeof SATISFACTION_IDS)[number];
  comment?: string;
}

/**
 * One request: the header with its state, level and the clock (due time beside it), the request
 * with the contact masked (查看完整 asks the server, which records the read), photos, the result,
 * the rating, the timeline, and the steps the server offers this account (`actions`), each asking
 * what it needs.
 */
export function ServiceRequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { data: r, error } = useServiceRequest(id);
  const act = useServiceAction(id);
  const [asking, setAsking] = useState<string | null>(null);

  const run = (input: ServiceActionInput, done?: () => void) =>
    act.mutate(input, {
      onSuccess: (res) => {
        showSuccess(`已${SERVICE_ACTION_LABEL[input.action] ?? input.action}`);
        done?.();
        if (!res.request) {
          showSuccess('该诉求已不在您的办理范围内');
          onClose();
        }
      },
    });

  const actions = SERVICE_ACTION_ORDER.filter((a) => r?.actions.includes(a));
  return (
    <Drawer open width={720} title={r ? `诉求 ${r.code}` : '诉求详情'} onClose={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon message="诉求不存在或不在您的管理范围内" />}
      {r && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap size={8} align="center">
            <StateTag state={r.state} label={r.stateLabel} />
            <Tag>{r.levelLabel}</Tag>
            <ClockTag clock={r.clock} big />
            {r.clock && (
              <Typography.Text type="secondary" data-testid="service-due">
                {dueText(r.clock)}
                {r.clock.extensions > 0 ? `（已延期 ${r.clock.extensions} 次）` : ''}
              </Typography.Text>
            )}
            {r.autoClosed && <Tag>超时未评价自动关闭</Tag>}
          </Space>
          {actions.length > 0 && (
            <Space wrap aria-label="办理操作">
              {actions.map((a) => (
                <Button
                  key={a}
                  type={PRIMARY.has(a) ? 'primary' : 'default'}
                  danger={DANGER.has(a)}
                  loading={act.isPending && act.variables?.action === a}
                  onClick={() => (DIRECT.has(a) ? run({ action: a as ServiceActionInput['action'], version: r.version }) : setAsking(a))}
                >
                  {SERVICE_ACTION_LABEL[a] ?? a}
                </Button>
              ))}
            </Space>
          )}
          {r.mergedIntoCode && <Alert type="info" showIcon message={`已合并至诉求 ${r.mergedIntoCode}`} />}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="诉求类型">{r.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="事项类别">
              {r.categoryName}（{r.complexityLabel}）
            </Descriptions.Item>
            <Descriptions.Item label="诉求描述" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.description}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="社区/网格">{[r.communityName, r.gridName].filter(Boolean).join(' / ')}</Descriptions.Item>
            <Descriptions.Item label="具体位置">{r.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="联系人" span={2}>
              <Contact r={r} />
            </Descriptions.Item>
            <Descriptions.Item label="来源">{r.sourceLabel}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{time(r.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label="承办方">{r.assignee ? `${r.assignee.name}（${r.assignee.typeLabel}）` : '—'}</Descriptions.Item>
            <Descriptions.Item label="受理时间">{time(r.acceptedAt)}</Descriptions.Item>
            <Descriptions.Item label="接单时间">{time(r.takenAt)}</Descriptions.Item>
            <Descriptions.Item label="办结时间">{time(r.resolvedAt)}</Descriptions.Item>
            <Descriptions.Item label="退单/重办">
              退单 {r.returnCount} 次，重办 {r.reopenCount} 次
            </Descriptions.Item>
            <Descriptions.Item label="关注群众">{r.followerCount} 人</Descriptions.Item>
          </Descriptions>
          <Photos r={r} kind="service_request" title="诉求照片" photos={r.photos} canUpload={r.actions.length > 0 && r.state !== 'closed'} />
          <div>
            <Typography.Title level={5}>办理结果</Typography.Title>
            {r.result ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.result}</Typography.Paragraph>
            ) : (
              <Typography.Paragraph type="secondary">尚未办结</Typography.Paragraph>
            )}
            <Photos r={r} kind="service_result" title="办结照片" photos={r.resultPhotos} canUpload={r.actions.includes('resolve')} compact />
            <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
              <Descriptions.Item label="群众评价">
                {r.ratingLabel ?? '—'}
                {r.ratingComment ? `：${r.ratingComment}` : ''}
              </Descriptions.Item>
            </Descriptions>
          </div>
          <div>
            <Typography.Title level={5}>办理过程</Typography.Title>
            {r.timeline.length === 0 ? (
              <Typography.Paragraph type="secondary">暂无记录</Typography.Paragraph>
            ) : (
              <Timeline
                data-testid="service-timeline"
                items={r.timeline.map((e) => ({
                  key: e.id,
                  color: e.action === 'reject' || e.action === 'return' || e.action === 'escalate' ? 'red' : 'blue',
                  children: (
                    <>
                      <Typography.Text strong>{e.actionLabel}</Typography.Text>
                      {e.fromState !== e.toState && (
                        <Typography.Text type="secondary">
                          （{e.fromStateLabel} → {e.toStateLabel}）
                        </Typography.Text>
                      )}{' '}
                      {e.actorName ?? '系统'} {time(e.at)}
                      {e.reason && <div>理由：{e.reason}</div>}
                    </>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      )}
      {r && asking && (
        <ActionModal r={r} action={asking} pending={act.isPending} onRun={(input) => run(input, () => setAsking(null))} onClose={() => setAsking(null)} />
      )}
    </Drawer>
  );
}

/** The contact as masked; 查看完整 asks the server for it (the read is audited). */
function Contact({ r }: { r: ServiceRequestDetail }) {
  const [full, setFull] = useState<{ name: string | null; phone: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  if (r.anonymous) return <>匿名</>;
  const shown = full ?? { name: r.contactName, phone: r.contactPhone };
  if (!shown.name && !shown.phone) return <>—</>;
  return (
    <Space wrap>
      <span data-testid="service-contact">
        {shown.name ?? ''} {shown.phone ?? ''}
      </span>
      {!full && (
        <Button
          size="small"
          type="link"
          loading={busy}
          onClick={() => {
            setBusy(true);
            fetchContact(r.id)
              .then(setFull)
              .catch((e: unknown) => showError(messageOf(e)))
              .finally(() => setBusy(false));
          }}
        >
          查看完整
        </Button>
      )}
    </Space>
  );
}

function Photos({
  r,
  kind,
  title,
  photos,
  canUpload,
  compact,
}: {
  r: ServiceRequestDetail;
  kind: ServicePhotoKind;
  title: string;
  photos: Attachment[];
  canUpload: boolean;
  compact?: boolean;
}) {
  const upload = useUploadServicePhoto(r.id);
  const rule = attachmentKinds[kind];
  return (
    <div>
      {!compact && <Typography.Title level={5}>{title}</Typography.Title>}
      {photos.length === 0 && !compact && <Typography.Paragraph type="secondary">暂无照片</Typography.Paragraph>}
      <Image.PreviewGroup>
        <Space wrap>
          {photos.map((p) => (
            <Image key={p.id} src={photoUrl(r.id, p.id)} alt={`${title}：${p.fileName}`} width={96} height={96} style={{ objectFit: 'cover' }} />
          ))}
        </Space>
      </Image.PreviewGroup>
      {canUpload && photos.length < rule.maxFiles && (
        <div style={{ marginTop: 8 }}>
          <PhotoUpload
            label={`上传${title}`}
            loading={upload.isPending}
            onFile={(file) => upload.mutate({ file, kind }, { onSuccess: () => showSuccess(`${file.name} 已上传`) })}
          />
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            JPG、PNG、WebP，不超过 {rule.imageMaxBytes / 1_048_576} MB，最多 {rule.maxFiles} 张
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

function PhotoUpload({ label, loading, onFile }: { label: string; loading: boolean; onFile: (f: File) => void }) {
  return (
    <Upload
      accept=".jpg,.jpeg,.png,.webp"
      showUploadList={false}
      multiple
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={loading}>
        {label}
      </Button>
    </Upload>
  );
}

/** The dialog of one step: what it needs (reason, assignee, result, rating) and the server's answer. */
function ActionModal({
  r,
  action,
  pending,
  onRun,
  onClose,
}: {
  r: ServiceRequestDetail;
  action: string;
  pending: boolean;
  onRun: (input: ServiceActionInput) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ActionValues>();
  const [assignee, setAssignee] = useState<AssigneeDraft>({ mode: action === 'dispatch' ? 'rule' : 'grid' });
  const upload = useUploadServicePhoto(r.id);
  const label = SERVICE_ACTION_LABEL[action] ?? action;
  const picksAssignee = action === 'dispatch' || action === 'reassign';
  const reasonRequired = REASON_REQUIRED.has(action);
  const showReason =
    reasonRequired || action === 'urge' || action === 'supply_info' || action === 'follow_up' || (action === 'dispatch' && assignee.mode !== 'rule');

  const submit = async () => {
    const v = await form.validateFields();
    const input: ServiceActionInput = { action: action as ServiceActionInput['action'], version: r.version };
    const reason = v.reason?.trim();
    if (reason) input.reason = reason;
    if (picksAssignee) {
      const a = assigneeInput(assignee);
      if (a === null) {
        showError('请选择承办对象');
        return;
      }
      if (a) input.assignee = a;
    }
    if (action === 'accept' && v.complexity && v.complexity !== r.complexity) input.complexity = v.complexity;
    if (action === 'resolve') input.result = v.result?.trim();
    if (action === 'follow_up' || action === 'rate') {
      if (v.rating) input.rating = v.rating;
      const comment = v.comment?.trim();
      if (comment) input.comment = comment;
    }
    onRun(input);
  };

  return (
    <Modal open title={`${label}：${r.code}`} okText={label} cancelText="取消" onOk={submit} confirmLoading={pending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ complexity: r.complexity }}>
        {action === 'accept' && (
          <Form.Item name="complexity" label="办理类别" extra="按事项类别默认；紧急、复杂的事项可在受理时调整（影响办理时限）">
            <Select options={SERVICE_COMPLEXITY_IDS.map((c) => ({ value: c, label: serviceComplexityName[c] }))} />
          </Form.Item>
        )}
        {picksAssignee && (
          <Form.Item label="承办对象" required>
            <AssigneePicker value={assignee} onChange={setAssignee} allowRule={action === 'dispatch'} />
          </Form.Item>
        )}
        {action === 'resolve' && (
          <>
            <Form.Item name="result" label="办理结果" rules={[{ required: true, whitespace: true, min: 2, message: '请填写办理结果（至少2个字）' }]}>
              <Input.TextArea rows={4} maxLength={SERVICE_RESULT_MAX} showCount placeholder="如何办理、结果如何，会告知群众" />
            </Form.Item>
            <Form.Item label="办结照片" extra={`已上传 ${r.resultPhotos.length} 张`}>
              <PhotoUpload
                label="上传办结照片"
                loading={upload.isPending}
                onFile={(file) => upload.mutate({ file, kind: 'service_result' }, { onSuccess: () => showSuccess(`${file.name} 已上传`) })}
              />
            </Form.Item>
          </>
        )}
        {(action === 'follow_up' || action === 'rate') && (
          <Form.Item name="rating" label="群众评价" rules={action === 'rate' ? [{ required: true, message: '请选择评价' }] : []} extra="不满意将转为重办">
            <Radio.Group options={SATISFACTION_IDS.map((s) => ({ value: s, label: satisfactionName[s] }))} />
          </Form.Item>
        )}
        {(action === 'follow_up' || action === 'rate') && (
          <Form.Item name="comment" label="评价意见">
            <Input.TextArea rows={2} maxLength={REASON_MAX} placeholder="群众的原话（选填）" />
          </Form.Item>
        )}
        {showReason && (
          <Form.Item
            name="reason"
            label={action === 'follow_up' ? '回访记录' : action === 'dispatch' ? '人工指定理由' : '理由'}
            extra={action === 'dispatch' ? '与派单规则指定的承办对象不同时须说明理由' : undefined}
            rules={[...(reasonRequired ? [{ required: true, whitespace: true, message: '请填写理由' }] : []), { min: 2, message: '至少2个字' }]}
          >
            <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder={REASON_HINT[action] ?? (action === 'follow_up' ? '回访情况（选填）' : '')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
