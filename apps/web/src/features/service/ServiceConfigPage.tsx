import { PlusOutlined } from '@ant-design/icons';
import { SERVICE_COMPLEXITY_IDS, serviceComplexityName, type ServiceCategory, type ServiceCategoryInput, type ServiceDispatchRule } from '@jiceng/contracts';
import { Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useAllServiceCategories, useDeleteDispatchRule, useDispatchRules, useSaveDispatchRule, useSaveServiceCategory } from './api.ts';
import { AssigneePicker, assigneeInput, type AssigneeDraft } from './AssigneePicker.tsx';

/** 事项类别与派单规则: the region's category dictionary (kept by the district) and the dispatch rules of the account's subtree. */
export default function ServiceConfigPage() {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <CategoriesCard />
      <RulesCard />
    </Space>
  );
}

function CategoriesCard() {
  const { data, isFetching } = useAllServiceCategories();
  const [editing, setEditing] = useState<ServiceCategory | 'new' | null>(null);
  return (
    <Card
      title="事项类别"
      extra={
        <Space wrap>
          <Typography.Text type="secondary">全区统一字典，由区级账号维护</Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增类别
          </Button>
        </Space>
      }
    >
      <Table<ServiceCategory>
        rowKey="code"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: '暂无事项类别' }}
        columns={[
          { title: '类别代码', dataIndex: 'code', width: 160 },
          { title: '类别名称', dataIndex: 'name' },
          { title: '默认办理类别', dataIndex: 'complexityLabel', width: 120 },
          { title: '排序', dataIndex: 'sort', width: 80, align: 'right' },
          { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          {
            title: '操作',
            key: 'ops',
            width: 80,
            render: (_: unknown, c) => (
              <Typography.Link onClick={() => setEditing(c)} aria-label={`修改类别 ${c.name}`}>
                修改
              </Typography.Link>
            ),
          },
        ]}
      />
      {editing && <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function CategoryModal({ category, onClose }: { category: ServiceCategory | null; onClose: () => void }) {
  const [form] = Form.useForm<ServiceCategoryInput>();
  const save = useSaveServiceCategory();
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      { ...v, name: v.name.trim() },
      {
        onSuccess: () => {
          showSuccess('事项类别已保存');
          onClose();
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open
      title={category ? '修改事项类别' : '新增事项类别'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          category
            ? { code: category.code, name: category.name, complexity: category.complexity, sort: category.sort, active: category.active }
            : { complexity: 'general', sort: 500, active: true }
        }
      >
        <Form.Item
          name="code"
          label="类别代码"
          rules={[
            { required: true, message: '请填写类别代码' },
            { pattern: /^[a-z][a-z0-9_]{1,29}$/, message: '小写字母开头，2–30位字母、数字或下划线' },
          ]}
        >
          <Input disabled={!!category} maxLength={30} placeholder="如：road_repair" />
        </Form.Item>
        <Form.Item name="name" label="类别名称" rules={[{ required: true, whitespace: true, min: 2, message: '请填写类别名称（2–20个字）' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="complexity" label="默认办理类别" extra="决定受理后的默认办理时限，受理时可调整">
          <Select options={SERVICE_COMPLEXITY_IDS.map((c) => ({ value: c, label: serviceComplexityName[c] }))} />
        </Form.Item>
        <Form.Item name="sort" label="排序" extra="数字小的排在前面">
          <InputNumber min={0} max={9999} precision={0} />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RulesCard() {
  const { data, isFetching } = useDispatchRules();
  const remove = useDeleteDispatchRule();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title="派单规则"
      extra={
        <Space wrap>
          <Typography.Text type="secondary">按地点和类别指定承办对象，越具体的规则越优先</Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增规则
          </Button>
        </Space>
      }
    >
      <Table<ServiceDispatchRule>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: '暂无派单规则（派单时默认派给诉求所在网格）' }}
        columns={[
          { title: '地点', dataIndex: 'orgName', ellipsis: true },
          { title: '事项类别', dataIndex: 'categoryName', width: 160, render: (n: string | null) => n ?? '全部' },
          {
            title: '承办对象',
            key: 'assignee',
            render: (_: unknown, r) => (
              <Space size={4}>
                <Tag>{r.assignee.typeLabel}</Tag>
                {r.assignee.name}
              </Space>
            ),
          },
          { title: '备注', dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '—' },
          {
            title: '操作',
            key: 'ops',
            width: 80,
            render: (_: unknown, r) => (
              <Popconfirm
                title="删除这条派单规则？"
                okText="删除"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync(r.id).then(() => showSuccess('派单规则已删除'))}
              >
                <Typography.Link type="danger" aria-label={`删除规则 ${r.orgName} ${r.categoryName ?? '全部'}`}>
                  删除
                </Typography.Link>
              </Popconfirm>
            ),
          },
        ]}
      />
      {adding && <RuleModal onClose={() => setAdding(false)} />}
    </Card>
  );
}

function RuleModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ orgId: string; categoryCode?: string; note?: string }>();
  const categories = useAllServiceCategories();
  const save = useSaveDispatchRule();
  const [assignee, setAssignee] = useState<AssigneeDraft>({ mode: 'grid' });
  const submit = async () => {
    const v = await form.validateFields();
    const a = assigneeInput(assignee);
    if (!a) {
      showError('请选择承办对象');
      return;
    }
    save.mutate(
      { orgId: v.orgId, assignee: a, ...(v.categoryCode ? { categoryCode: v.categoryCode } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      {
        onSuccess: () => {
          showSuccess('派单规则已保存');
          onClose();
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open
      width={600}
      title="新增派单规则"
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label="适用地点" rules={[{ required: true, message: '请选择适用的街道、社区或网格' }]} extra="含其下所有组织">
          <OrgSelect placeholder="街道、社区或网格（输入名称搜索）" />
        </Form.Item>
        <Form.Item name="categoryCode" label="事项类别" extra="不选即适用于所有类别；同一地点和类别只保留一条规则">
          <Select allowClear placeholder="全部类别" options={(categories.data ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item label="承办对象" required>
          <AssigneePicker value={assignee} onChange={setAssignee} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
