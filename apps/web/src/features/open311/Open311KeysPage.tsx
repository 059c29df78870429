import { PlusOutlined } from '@ant-design/icons';
import { OPEN311_KEY_NAME_MAX, type Open311Key, type Open311KeyCreated, type Open311KeyInput } from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';

const KEYS = ['service', 'open311-keys'] as const;
const time = (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—');

/** The dialog that makes a key; on success it shows the key once, with a copy button. */
function CreateKeyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Open311KeyInput>();
  const qc = useQueryClient();
  const [created, setCreated] = useState<Open311KeyCreated | null>(null);
  const create = useMutation({
    mutationFn: (body: Open311KeyInput) => api.post<Open311KeyCreated>('/api/service/open311-keys', body),
    onSuccess: (r) => {
      setCreated(r);
      void qc.invalidateQueries({ queryKey: KEYS });
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) showError(messageOf(e));
    },
  });
  const close = () => {
    form.resetFields();
    setCreated(null);
    onClose();
  };

  if (created) {
    return (
      <Modal
        open={open}
        title="密钥已创建"
        onCancel={close}
        footer={
          <Button type="primary" onClick={close}>
            我已复制保存
          </Button>
        }
        maskClosable={false}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="完整密钥只显示这一次，关闭后无法再查看。请立即复制，交给接入单位妥善保管。" />
        <p>
          名称：{created.key.name}；绑定组织：{created.key.orgName}
        </p>
        <Typography.Paragraph copyable={{ text: created.apiKey, tooltips: ['复制密钥', '已复制'] }} code style={{ fontSize: 16 }}>
          {created.apiKey}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {created.key.placeFixed
            ? '该密钥提交的诉求直接登记到所绑定的社区（村）或网格。'
            : '该密钥绑定在街道及以上组织，每条诉求须用 attribute[place_id] 填写所在社区（村）或网格的组织编号。'}
        </Typography.Text>
      </Modal>
    );
  }
  return (
    <Modal
      open={open}
      title="创建开放接口密钥"
      okText="创建"
      cancelText="取消"
      onCancel={close}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="name"
          label="密钥名称（使用方）"
          rules={[
            { required: true, whitespace: true, message: '请填写密钥名称' },
            { min: 2, max: OPEN311_KEY_NAME_MAX, message: `名称为 2 到 ${OPEN311_KEY_NAME_MAX} 个字` },
          ]}
        >
          <Input placeholder="如：区12345热线平台" maxLength={OPEN311_KEY_NAME_MAX} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label="绑定组织"
          extra="绑定社区（村）或网格：诉求直接登记到该处；绑定街道及以上：每条诉求须指明所在社区（村）或网格，且只能在该组织范围内"
          rules={[{ required: true, message: '请选择绑定的组织' }]}
        >
          <OrgSelect aria-label="绑定组织" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 开放接口密钥 (Open311 GeoReport v2): the keys of the own organization and below; create one (shown
 * once) and revoke one (for good). Requests posted with a key enter the 群众诉求 loop as 开放接口.
 */
export default function Open311KeysPage() {
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useQuery({ queryKey: KEYS, queryFn: () => api.get<Open311Key[]>('/api/service/open311-keys') });
  const revoke = useMutation({
    mutationFn: (k: Open311Key) => api.post<Open311Key>(`/api/service/open311-keys/${k.id}/revoke`),
    onSuccess: (k) => {
      showSuccess(`已停用「${k.name}」`);
      void qc.invalidateQueries({ queryKey: KEYS });
    },
    onError: (e) => showError(messageOf(e)),
  });

  return (
    <Card
      title="开放接口密钥"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          创建密钥
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={
          <span>
            其他系统可按 Open311 GeoReport v2 标准接入群众诉求：服务发现 <Typography.Text code>/open311/v2/discovery.xml</Typography.Text>
            ，支持 .xml 与 .json。查询诉求无需密钥；提交诉求须使用此处创建的密钥（api_key）。
          </span>
        }
      />
      <Table<Open311Key>
        rowKey="id"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '尚未创建开放接口密钥' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '密钥', dataIndex: 'prefix', width: 120, render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          {
            title: '绑定组织',
            dataIndex: 'orgName',
            render: (n: string, k) => (
              <Space size={4}>
                <span>{n}</span>
                {!k.placeFixed && <Tag bordered={false}>须指明社区或网格</Tag>}
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'revokedAt',
            width: 150,
            render: (t: string | null) =>
              t ? <Badge status="default" text={`已停用 ${dayjs(t).format('MM-DD HH:mm')}`} /> : <Badge status="success" text="使用中" />,
          },
          { title: '登记诉求', dataIndex: 'requestCount', width: 90, align: 'right' },
          { title: '最近使用', dataIndex: 'lastUsedAt', width: 140, render: time },
          { title: '创建', dataIndex: 'createdAt', width: 200, render: (t: string, k) => `${time(t)} ${k.createdByName ?? ''}` },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_, k) =>
              k.revokedAt ? null : (
                <Popconfirm
                  title={`停用密钥「${k.name}」？`}
                  description="停用后使用该密钥提交诉求将被拒绝，且不能恢复；如需继续接入请重新创建密钥"
                  okText="停用"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => revoke.mutate(k)}
                >
                  <a>停用</a>
                </Popconfirm>
              ),
          },
        ]}
      />
      <CreateKeyModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
