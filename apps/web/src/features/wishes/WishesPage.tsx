import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  attachmentKinds,
  Permission,
  WISH_BENEFICIARY_MAX,
  WISH_DESCRIPTION_MAX,
  WISH_REASON_ACTIONS,
  WISH_REASON_MAX,
  WISH_STATE_IDS,
  WISH_TITLE_MAX,
  wishActionLabel,
  wishStateColor,
  wishStateLabel,
  type Wish,
  type WishActionId,
  type WishCommunityAction,
  type WishDetail,
  type WishQuery,
  type WishStateId,
  wishYuan,
} from '@jiceng/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Image,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { photoUrl, useCreateWish, useUploadWishPhoto, useWish, useWishAction, useWishes, yuanToFen } from './api.ts';

interface Filter {
  state?: WishStateId;
  orgId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const time = (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—');
const stateTag = (w: Pick<Wish, 'state' | 'overdue'>) => (
  <Space size={4}>
    <Tag color={wishStateColor[w.state]}>{wishStateLabel[w.state]}</Tag>
    {w.overdue && <Tag color="red">逾期未完成</Tag>}
  </Space>
);
const COMMUNITY_ACTIONS: readonly WishActionId[] = ['publish', 'reject', 'confirm', 'return', 'cancel'];

/**
 * 微心愿: the wishes of the communities in the account's scope (a resident's awaiting review first
 * in the to-dos), with filters and 导出; 发布心愿 puts the community's own on the wall at once; a
 * title opens the detail drawer (`?wishId=`, where the to-dos link) with the timeline, the photos
 * and the steps the server offers (a reason asked where one is required).
 */
export default function WishesPage() {
  const me = useMe();
  const canAct = hasPermission(me, Permission.SERVICE_DISPATCH);
  const [params, setParams] = useSearchParams();
  const openId = params.get('wishId');
  const [creating, setCreating] = useState(false);
  const [f, setF] = useState<Filter>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q: WishQuery = { state: f.state, orgId: f.orgId, q: f.q?.trim() || undefined, page: f.page, pageSize: f.pageSize };
  const { data, isFetching } = useWishes(q);
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('wishId', id);
    else next.delete('wishId');
    setParams(next, { replace: !id });
  };

  return (
    <Card
      title="微心愿"
      extra={
        <Space wrap>
          <Typography.Text type="secondary">社区发布、党员认领，完成后由社区确认</Typography.Text>
          {canAct && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              发布心愿
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<WishStateId>
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          style={{ width: 160 }}
          value={f.state}
          onChange={(state) => set({ state })}
          options={WISH_STATE_IDS.map((s) => ({ value: s, label: wishStateLabel[s] }))}
        />
        <OrgSelect
          allowClear
          aria-label="组织"
          placeholder={`${me.orgName}（本级及下级）`}
          style={{ width: 260 }}
          value={f.orgId}
          onChange={(orgId) => set({ orgId })}
        />
        <Input.Search
          allowClear
          aria-label="心愿内容或对象"
          placeholder="心愿内容或对象"
          style={{ width: 200 }}
          maxLength={30}
          onSearch={(v) => set({ q: v })}
        />
        <ExportButton path="/api/wishes/export" query={q} fallbackName="微心愿台账.xlsx" />
      </Space>
      <Table<Wish>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '暂无微心愿' }}
        pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (next) => set(next) })}
        columns={[
          {
            title: '心愿内容',
            dataIndex: 'title',
            fixed: 'left',
            width: 220,
            render: (t: string, w) => <Typography.Link onClick={() => open(w.id)}>{t}</Typography.Link>,
          },
          { title: '为谁实现', dataIndex: 'beneficiary', width: 160, ellipsis: true },
          { title: '价值（元）', dataIndex: 'valueFen', width: 100, align: 'right', render: (v: number) => wishYuan(v) },
          { title: '所属社区', dataIndex: 'orgName', ellipsis: true },
          { title: '发布方', dataIndex: 'posterKind', width: 80, render: (k: Wish['posterKind']) => (k === 'resident' ? '群众' : '社区') },
          { title: '状态', key: 'state', width: 190, render: (_: unknown, w) => stateTag(w) },
          { title: '认领党员', dataIndex: 'claimerName', width: 100, render: (n: string | null) => n ?? '—' },
          { title: '发布时间', dataIndex: 'createdAt', width: 150, render: time },
          {
            title: '操作',
            key: 'ops',
            width: 80,
            render: (_: unknown, w) => (
              <Typography.Link onClick={() => open(w.id)} aria-label={`查看 ${w.title} 详情`}>
                详情
              </Typography.Link>
            ),
          },
        ]}
      />
      {creating && <WishFormModal onClose={() => setCreating(false)} onSaved={(id) => open(id)} />}
      {openId && <WishDrawer id={openId} onClose={() => open(null)} />}
    </Card>
  );
}

interface WishFormValues {
  orgId?: string;
  title: string;
  description: string;
  beneficiary: string;
  yuan: number;
}

/** 发布心愿: the community's own wish, on the wall at once. */
function WishFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (id: string) => void }) {
  const me = useMe();
  const [form] = Form.useForm<WishFormValues>();
  const create = useCreateWish();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        ...(v.orgId ? { orgId: v.orgId } : {}),
        title: v.title.trim(),
        description: v.description.trim(),
        beneficiary: v.beneficiary.trim(),
        valueFen: yuanToFen(v.yuan),
      },
      {
        onSuccess: (w) => {
          showSuccess('心愿已发布到心愿墙');
          onClose();
          onSaved(w.id);
        },
        onError: (e) => applyFieldErrors(form, e, { valueFen: 'yuan' }),
      },
    );
  };
  return (
    <Modal open title="发布微心愿" okText="发布" cancelText="取消" onOk={submit} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label="所属社区" extra={`不选即为本组织（${me.orgName}）；街道及以上请选择社区（村）`}>
          <OrgSelect allowClear placeholder="输入社区名称搜索" />
        </Form.Item>
        <Form.Item name="title" label="心愿内容" rules={[{ required: true, whitespace: true, message: '请填写心愿内容' }]}>
          <Input maxLength={WISH_TITLE_MAX} showCount placeholder="如：一个新书包" />
        </Form.Item>
        <Form.Item
          name="beneficiary"
          label="为谁实现"
          rules={[{ required: true, whitespace: true, message: '请填写为谁实现' }]}
          extra="会在心愿墙上公开，请描述对象，不写姓名和电话"
        >
          <Input maxLength={WISH_BENEFICIARY_MAX} placeholder="如：困难家庭的孩子" />
        </Form.Item>
        <Form.Item name="description" label="心愿说明" rules={[{ required: true, whitespace: true, message: '请填写心愿说明' }]}>
          <Input.TextArea rows={3} maxLength={WISH_DESCRIPTION_MAX} showCount />
        </Form.Item>
        <Form.Item
          name="yuan"
          label="心愿价值（元）"
          rules={[{ required: true, message: '请填写心愿价值' }]}
          extra="微心愿是几百元以内的小心愿，上限按本地规则（默认 500 元）"
        >
          <InputNumber min={0.01} max={100_000} precision={2} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One wish: its fields, the steps offered, photos and the timeline. */
function WishDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { data: w, error } = useWish(id);
  const act = useWishAction(id);
  const upload = useUploadWishPhoto(id);
  const [asking, setAsking] = useState<WishCommunityAction | null>(null);
  const [reason, setReason] = useState('');
  const run = (action: WishCommunityAction, r?: string) =>
    act.mutate(
      { action, version: w?.version, ...(r ? { reason: r } : {}) },
      {
        onSuccess: () => {
          showSuccess(`已${wishActionLabel[action]}`);
          setAsking(null);
          setReason('');
        },
      },
    );
  const actions = (w?.actions ?? []).filter((a): a is WishCommunityAction => COMMUNITY_ACTIONS.includes(a));
  return (
    <Drawer open width={640} title={w ? w.title : '微心愿'} onClose={onClose}>
      {error && <Alert type="error" showIcon message="微心愿不存在或不在您的管理范围内" />}
      {w && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            {stateTag(w)}
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'publish' || a === 'confirm' ? 'primary' : 'default'}
                danger={a === 'reject' || a === 'cancel'}
                loading={act.isPending && act.variables?.action === a}
                onClick={() => (WISH_REASON_ACTIONS.includes(a) ? setAsking(a) : run(a))}
              >
                {wishActionLabel[a]}
              </Button>
            ))}
          </Space>
          {w.lastReason && w.state !== 'confirmed' && <Alert type="info" showIcon message={`原因：${w.lastReason}`} />}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="所属社区">{w.orgName}</Descriptions.Item>
            <Descriptions.Item label="为谁实现">{w.beneficiary}</Descriptions.Item>
            <Descriptions.Item label="心愿说明">{w.description}</Descriptions.Item>
            <Descriptions.Item label="心愿价值">{wishYuan(w.valueFen)} 元</Descriptions.Item>
            <Descriptions.Item label="发布方">
              {w.posterKind === 'resident' ? '群众' : '社区'} {w.posterName ?? ''} {w.contactPhone ? `（${w.contactPhone}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="认领党员">{w.claimerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="认领时间">{time(w.claimedAt)}</Descriptions.Item>
            <Descriptions.Item label="完成时间">{time(w.fulfilledAt)}</Descriptions.Item>
            <Descriptions.Item label="完成情况">{w.fulfilNote ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="确认时间">{time(w.confirmedAt)}</Descriptions.Item>
          </Descriptions>
          <Photos w={w} uploading={upload.isPending} onUpload={(file) => upload.mutate(file, { onSuccess: () => showSuccess(`${file.name} 已上传`) })} />
          <div>
            <Typography.Title level={5}>流转记录</Typography.Title>
            {w.history.length === 0 ? (
              <Typography.Paragraph type="secondary">暂无流转记录</Typography.Paragraph>
            ) : (
              <Timeline
                items={w.history.map((e) => ({
                  key: e.id,
                  children: (
                    <>
                      <Typography.Text strong>{e.actionLabel}</Typography.Text>（{e.fromStateLabel} → {e.toStateLabel}） {e.actorName ?? '系统'} {time(e.at)}
                      {e.reason && <div>原因：{e.reason}</div>}
                    </>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      )}
      <Modal
        open={!!asking}
        title={asking ? wishActionLabel[asking] : ''}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim(), loading: act.isPending }}
        onOk={() => asking && run(asking, reason.trim())}
        onCancel={() => {
          setAsking(null);
          setReason('');
        }}
      >
        <Typography.Paragraph>请填写原因（会记入流转记录{asking === 'reject' ? '，并告知提交心愿的群众' : ''}）：</Typography.Paragraph>
        <Input.TextArea aria-label="原因" rows={3} maxLength={WISH_REASON_MAX} showCount value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Drawer>
  );
}

function Photos({ w, uploading, onUpload }: { w: WishDetail; uploading: boolean; onUpload: (file: File) => void }) {
  const rule = attachmentKinds.wish;
  const canUpload = w.state === 'claimed' || w.state === 'fulfilled';
  return (
    <div>
      <Typography.Title level={5}>完成照片</Typography.Title>
      {w.photos.length === 0 && <Typography.Paragraph type="secondary">暂无照片（党员完成心愿时上传）</Typography.Paragraph>}
      <Image.PreviewGroup>
        <Space wrap>
          {w.photos.map((p) => (
            <Image key={p.id} src={photoUrl(w.id, p.id)} alt={p.fileName} height={100} style={{ objectFit: 'cover' }} />
          ))}
        </Space>
      </Image.PreviewGroup>
      {canUpload && (
        <div style={{ marginTop: 8 }}>
          <Upload
            accept=".jpg,.jpeg,.png,.webp"
            showUploadList={false}
            beforeUpload={(file) => {
              onUpload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              代为上传照片
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            JPG、PNG、WebP，不超过 {rule.imageMaxBytes / 1_048_576} MB，最多 {rule.maxFiles} 张
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
