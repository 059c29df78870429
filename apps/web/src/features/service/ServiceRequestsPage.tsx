import { PlusOutlined } from '@ant-design/icons';
import {
  MOBILE_PATTERN,
  Permission,
  SERVICE_DESCRIPTION_MAX,
  SERVICE_KIND_IDS,
  SERVICE_PLACE_MAX,
  SERVICE_STATE_IDS,
  serviceKindName,
  serviceStateName,
  type ServiceRequest,
  type ServiceRequestInput,
  type ServiceRequestQuery,
  type ServiceStateId,
} from '@jiceng/contracts';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, List, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import {
  EXPORT_PATH,
  placesInScope,
  useServiceCategories,
  useServiceDuplicates,
  useServicePlaces,
  useServiceRequests,
  useSubmitServiceRequest,
} from './api.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { ClockTag, SERVICE_LEVEL_OPTIONS, StateTag, time } from './labels.tsx';
import { ServiceRequestDrawer } from './ServiceRequestDrawer.tsx';

type Filter = Omit<ServiceRequestQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

/** `?open=<id>` opens a request's drawer (the to-dos and the board link there). */
export function useOpenRequest() {
  const [params, setParams] = useSearchParams();
  const openId = params.get('open');
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('open', id);
    else next.delete('open');
    setParams(next, { replace: !id });
  };
  return { openId, open };
}

/**
 * 诉求办理: the requests of the account's scope (a grid worker's or 党员's: those dispatched to them)
 * with filters, the time-limit tag of each, 导出, and 登记诉求 for the desk; a code opens the drawer.
 */
export default function ServiceRequestsPage() {
  const me = useMe();
  const canRegister = hasPermission(me, Permission.SERVICE_HANDLE);
  const canExport = hasPermission(me, Permission.SERVICE_READ);
  const { openId, open } = useOpenRequest();
  const categories = useServiceCategories();
  const [creating, setCreating] = useState(false);
  const [f, setF] = useState<Filter>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q: ServiceRequestQuery = { ...f, q: f.q?.trim() || undefined, mine: f.mine || undefined };
  const { data, isFetching } = useServiceRequests(q);

  return (
    <Card
      title="诉求办理"
      extra={
        <Space wrap>
          <Typography.Text type="secondary">点单 → 派单 → 接单 → 评单</Typography.Text>
          {canRegister && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记诉求
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<ServiceStateId>
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          style={{ width: 130 }}
          value={f.state}
          onChange={(state) => set({ state })}
          options={SERVICE_STATE_IDS.map((s) => ({ value: s, label: serviceStateName[s] }))}
        />
        <Select
          allowClear
          aria-label="诉求类型"
          placeholder="诉求类型"
          style={{ width: 110 }}
          value={f.kind}
          onChange={(kind: Filter['kind']) => set({ kind })}
          options={SERVICE_KIND_IDS.map((k) => ({ value: k, label: serviceKindName[k] }))}
        />
        <Select
          allowClear
          aria-label="事项类别"
          placeholder="事项类别"
          style={{ width: 150 }}
          value={f.categoryCode}
          onChange={(categoryCode: string | undefined) => set({ categoryCode })}
          options={(categories.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
        />
        <Select
          allowClear
          aria-label="办理层级"
          placeholder="办理层级"
          style={{ width: 160 }}
          value={f.level}
          onChange={(level: Filter['level']) => set({ level })}
          options={SERVICE_LEVEL_OPTIONS.map((o) => ({ ...o }))}
        />
        <Select
          allowClear
          aria-label="时限"
          placeholder="时限"
          style={{ width: 110 }}
          value={f.clock}
          onChange={(clock: Filter['clock']) => set({ clock })}
          options={[
            { value: 'overdue', label: '已超时' },
            { value: 'soon', label: '即将到期' },
          ]}
        />
        <DatePicker.RangePicker
          aria-label="提交日期"
          placeholder={['提交日期起', '提交日期止']}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            set({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
          }
        />
        <Input.Search allowClear aria-label="编号或描述" placeholder="编号或描述关键字" style={{ width: 200 }} maxLength={30} onSearch={(v) => set({ q: v })} />
        <Checkbox checked={!!f.mine} onChange={(e) => set({ mine: e.target.checked || undefined })}>
          只看派给我的
        </Checkbox>
        {canExport && <ExportButton path={EXPORT_PATH} query={q} fallbackName="群众诉求台账.xlsx" />}
      </Space>
      <ScrollRegion label="诉求列表（可左右滚动）">
        <Table<ServiceRequest>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 1400 }}
          locale={{ emptyText: '暂无诉求' }}
          pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (next) => set(next) })}
          columns={[
            {
              title: '编号',
              dataIndex: 'code',
              fixed: 'left',
              width: 150,
              render: (c: string, r) => (
                <Typography.Link onClick={() => open(r.id)} aria-label={`查看诉求 ${c}`}>
                  {c}
                </Typography.Link>
              ),
            },
            { title: '提交时间', dataIndex: 'submittedAt', width: 140, render: time },
            { title: '类型', dataIndex: 'kindLabel', width: 70 },
            { title: '类别', dataIndex: 'categoryName', width: 110, ellipsis: true },
            { title: '描述', dataIndex: 'description', ellipsis: true },
            {
              title: '社区/网格',
              key: 'place',
              width: 200,
              ellipsis: true,
              render: (_: unknown, r) => [r.communityName, r.gridName].filter(Boolean).join(' / '),
            },
            { title: '状态', key: 'state', width: 100, render: (_: unknown, r) => <StateTag state={r.state} label={r.stateLabel} /> },
            { title: '层级', dataIndex: 'levelLabel', width: 110 },
            { title: '承办方', key: 'assignee', width: 180, ellipsis: true, render: (_: unknown, r) => r.assignee?.name ?? '—' },
            { title: '时限', key: 'clock', width: 170, render: (_: unknown, r) => <ClockTag clock={r.clock} /> },
          ]}
        />
      </ScrollRegion>
      {creating && <IntakeModal onClose={() => setCreating(false)} onSaved={(id) => open(id)} />}
      {openId && <ServiceRequestDrawer id={openId} onClose={() => open(null)} />}
    </Card>
  );
}

interface IntakeValues {
  kind: ServiceRequestInput['kind'];
  categoryCode: string;
  description: string;
  orgId: string;
  place?: string;
  contactName?: string;
  contactPhone?: string;
  source: NonNullable<ServiceRequestInput['source']>;
  anonymous?: boolean;
}

const SOURCES = [
  { value: 'desk', label: '窗口登记' },
  { value: 'hotline', label: '热线转办' },
  { value: 'grid', label: '网格员代录' },
] as const;

/** 登记诉求: a resident's request taken at the desk, on the phone or by a grid worker; the duplicate hint offers 并入 an open one. */
function IntakeModal({ onClose, onSaved }: { onClose: () => void; onSaved: (id: string) => void }) {
  const me = useMe();
  const [form] = Form.useForm<IntakeValues>();
  const submit = useSubmitServiceRequest();
  const categories = useServiceCategories();
  const places = useServicePlaces();
  const [joinId, setJoinId] = useState<string | null>(null);
  const orgId = Form.useWatch('orgId', form);
  const categoryCode = Form.useWatch('categoryCode', form);
  const kind = Form.useWatch('kind', form);
  const description = useDebounced((Form.useWatch('description', form) ?? '').trim(), 500);
  const dupQuery = orgId && categoryCode && description.length >= 5 ? { orgId, categoryCode, description } : null;
  const dups = useServiceDuplicates(dupQuery);
  const shownDups = dupQuery ? (dups.data ?? []) : [];
  const joined = shownDups.find((d) => d.id === joinId) ?? null;

  const tree = placesInScope(places.data ?? [], me).map((p) => ({
    value: p.id,
    title: p.name,
    children: p.grids.map((g) => ({ value: g.id, title: g.name })),
  }));

  const save = async () => {
    const v = await form.validateFields();
    const anonymous = v.kind === 'suggestion' && !!v.anonymous;
    const input: ServiceRequestInput = {
      kind: v.kind,
      categoryCode: v.categoryCode,
      description: v.description.trim(),
      orgId: v.orgId,
      source: v.source,
      ...(v.place?.trim() ? { place: v.place.trim() } : {}),
      ...(anonymous ? { anonymous: true } : {}),
      ...(!anonymous && v.contactName?.trim() ? { contactName: v.contactName.trim() } : {}),
      ...(!anonymous && v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
      ...(joined ? { joinRequestId: joined.id } : {}),
    };
    submit.mutate(input, {
      onSuccess: (r) => {
        showSuccess(joined ? `已并入诉求 ${r.code}` : `诉求已登记，编号 ${r.code}`);
        onClose();
        onSaved(r.id);
      },
      onError: (e) => applyFieldErrors(form, e),
    });
  };

  return (
    <Modal
      open
      width={640}
      title="登记诉求"
      okText={joined ? '并入该诉求' : '登记'}
      cancelText="取消"
      onOk={save}
      confirmLoading={submit.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'help', source: 'desk' }}>
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="kind" label="诉求类型" rules={[{ required: true, message: '请选择诉求类型' }]} style={{ width: 140 }}>
            <Select options={SERVICE_KIND_IDS.map((k) => ({ value: k, label: serviceKindName[k] }))} />
          </Form.Item>
          <Form.Item name="categoryCode" label="事项类别" rules={[{ required: true, message: '请选择事项类别' }]} style={{ width: 200 }}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={categories.isLoading}
              placeholder="选择事项类别"
              options={(categories.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="source" label="来源" style={{ width: 140 }}>
            <Select options={SOURCES.map((s) => ({ ...s }))} />
          </Form.Item>
        </Space>
        <Form.Item name="orgId" label="所在社区/网格" rules={[{ required: true, message: '请选择诉求所在的社区或网格' }]} extra="选到网格可按网格派单">
          <TreeSelect
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll={tree.length <= 3}
            loading={places.isLoading}
            placeholder="选择社区（村）或其下的网格"
            treeData={tree}
          />
        </Form.Item>
        <Form.Item name="place" label="具体位置">
          <Input maxLength={SERVICE_PLACE_MAX} placeholder="小区、楼栋、门牌等" />
        </Form.Item>
        <Form.Item
          name="description"
          label="诉求描述"
          rules={[
            { required: true, whitespace: true, message: '请填写诉求描述' },
            { min: 5, message: '诉求描述至少5个字' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={SERVICE_DESCRIPTION_MAX} showCount placeholder="群众反映的问题、诉求的事项" />
        </Form.Item>
        {shownDups.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="发现相似的在办诉求，可选择并入（同时关注办理进度），不必重复登记"
            description={
              <List
                size="small"
                dataSource={shownDups}
                renderItem={(d) => (
                  <List.Item
                    actions={[
                      d.id === joinId ? (
                        <Button key="undo" size="small" onClick={() => setJoinId(null)}>
                          取消并入
                        </Button>
                      ) : (
                        <Button key="join" size="small" type="primary" ghost onClick={() => setJoinId(d.id)}>
                          并入该诉求
                        </Button>
                      ),
                    ]}
                  >
                    <Space direction="vertical" size={0}>
                      <Space size={4}>
                        <Typography.Text strong>{d.code}</Typography.Text>
                        <Tag>{d.stateLabel}</Tag>
                        <Typography.Text type="secondary">
                          {time(d.submittedAt)} · 相似度 {Math.round(d.similarity * 100)}%
                        </Typography.Text>
                        {d.id === joinId && <Tag color="blue">将并入</Tag>}
                      </Space>
                      <Typography.Text ellipsis style={{ maxWidth: 420 }}>
                        {d.description}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            }
          />
        )}
        {kind === 'suggestion' && (
          <Form.Item name="anonymous" valuePropName="checked">
            <Checkbox>匿名建议（不留联系方式，不能并入已有诉求）</Checkbox>
          </Form.Item>
        )}
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="contactName" label="联系人" style={{ width: 200 }}>
            <Input maxLength={20} placeholder="群众称呼" />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label="联系电话"
            style={{ width: 240 }}
            rules={[{ pattern: new RegExp(MOBILE_PATTERN), message: '请填写正确的11位手机号码' }]}
            extra="用于答复和回访，列表中脱敏显示"
          >
            <Input maxLength={11} placeholder="11位手机号码" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
