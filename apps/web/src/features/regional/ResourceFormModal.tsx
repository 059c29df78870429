import { PERSON_NAME_MAX, Permission, PHONE_PATTERN, RG_SHORT_MAX, RG_TEXT_MAX, RG_TITLE_MAX, type RgOwnerKind, type RgResource } from '@jiceng/contracts';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { chosen } from '../keytasks/form.ts';
import { useCommunities } from '../reportin/api.ts';
import { useCreateResource, useMemberReports, useUnits, useUpdateResource } from './api.ts';
import { resourceValues, toResourceInput, type ResourceFormValues } from './form.ts';
import { CategorySelect, OWNER_KIND_OPTIONS, ownerKindText } from './labels.tsx';

const required = (message: string) => [{ required: true, whitespace: true, message }];
const PHONE = new RegExp(PHONE_PATTERN);
const ALIASES = { capacityMoneyFen: 'capacityMoneyYuan' };

/** 面向的其他社区: communities anywhere in the district, by name (`GET /api/report-ins/communities`). */
function CommunitiesSelect(props: { value?: string[]; onChange?: (ids: string[]) => void; id?: string; preset: { id: string; name: string }[] }) {
  const [typed, setTyped] = useState('');
  const found = useCommunities(useDebounced(typed));
  const options = (found.data ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.parentName ? `（${c.parentName}）` : ''}` }));
  for (const p of props.preset) if (!options.some((o) => o.value === p.id)) options.push({ value: p.id, label: p.name });
  return (
    <Select
      id={props.id}
      mode="multiple"
      allowClear
      value={props.value}
      onChange={props.onChange}
      onSearch={setTyped}
      filterOption={false}
      loading={found.isFetching}
      placeholder="输入社区（村）名称搜索，可多选"
      notFoundContent={found.isFetching ? '正在搜索…' : '没有匹配的社区（村）党组织'}
      options={options}
    />
  );
}

/** The in-service member (双报到) who offers a resource, by name. */
function MemberReportSelect(props: { value?: string | null; onChange?: (id: string | null) => void; id?: string }) {
  const [typed, setTyped] = useState('');
  const found = useMemberReports(useDebounced(typed), true);
  const options = (found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.memberName}（${m.homeOrgName}，报到${m.communityName}）` }));
  return (
    <Select
      id={props.id}
      showSearch
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v ?? null)}
      onSearch={setTyped}
      filterOption={false}
      loading={found.isFetching}
      placeholder="输入党员姓名搜索"
      notFoundContent={found.isFetching ? '正在搜索…' : '没有已到本社区报到的在职党员'}
      options={options}
    />
  );
}

/**
 * 登记资源 or 修改 (`resource`, with its version): a 驻区单位 account registers its own unit's; the
 * community side names the unit (驻区单位台账) or an in-service member's report. 类别, 名称, 描述,
 * 可提供人力 / 每月时长 / 资金（元）, 场地及开放时间, 提供期, 联系人和电话, 面向的其他社区.
 */
export function ResourceFormModal({ resource, onClose }: { resource?: RgResource; onClose: () => void }) {
  const me = useMe();
  const ownUnit = me.role === 'resident_unit';
  const mayPickMember = hasPermission(me, Permission.MEMBER_READ);
  const [form] = Form.useForm<ResourceFormValues>();
  const ownerKind = Form.useWatch('ownerKind', form) as RgOwnerKind | undefined;
  const units = useUnits({}, !ownUnit && !resource);
  const create = useCreateResource();
  const update = useUpdateResource(resource?.id ?? '');
  const submit = async () => {
    const input = toResourceInput(await form.validateFields(), ownUnit || !!resource);
    const onError = (e: Error) => applyFieldErrors(form, e, ALIASES);
    if (resource)
      update.mutate(
        { ...input, ownerKind: resource.ownerKind, version: resource.version },
        {
          onError,
          onSuccess: () => {
            showSuccess(`已保存「${input.title}」`);
            onClose();
          },
        },
      );
    else
      create.mutate(input, {
        onError,
        onSuccess: (r) => {
          showSuccess(`已登记资源「${r.title}」`);
          onClose();
        },
      });
  };
  const initial: Partial<ResourceFormValues> = resource ? resourceValues(resource) : { ownerKind: 'unit', offeredTo: [] };
  return (
    <Modal
      open
      title={resource ? `修改资源：${resource.title}` : '登记资源'}
      width={780}
      okText={resource ? '保存' : '登记'}
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      {(ownUnit || resource) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={resource ? `提供方：${resource.ownerName}（${ownerKindText(resource.ownerKind)}）` : '登记本单位可以提供的资源，社区对接需求时会看到。'}
        />
      )}
      <Form<ResourceFormValues> form={form} layout="vertical" name="rg-resource" initialValues={initial}>
        {!ownUnit && !resource && (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="ownerKind" label="提供方" rules={[chosen('请选择提供方')]}>
                <Radio.Group options={mayPickMember ? OWNER_KIND_OPTIONS : OWNER_KIND_OPTIONS.filter((o) => o.value === 'unit')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              {ownerKind === 'member' ? (
                <Form.Item name="memberReportId" label="在职党员" rules={[chosen('请选择提供资源的在职党员')]} extra="须已到本社区报到">
                  <MemberReportSelect />
                </Form.Item>
              ) : (
                <Form.Item name="unitId" label="驻区单位" rules={[chosen('请选择提供资源的驻区单位')]} extra="已到社区报到的驻区单位">
                  <Select
                    showSearch
                    optionFilterProp="label"
                    loading={units.isFetching}
                    placeholder="输入单位名称搜索"
                    notFoundContent="没有已报到的驻区单位"
                    options={(units.data ?? []).map((u) => ({ value: u.unitId, label: `${u.unitName}（${u.communityName}）` }))}
                  />
                </Form.Item>
              )}
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="categoryCode" label="资源类别" rules={[chosen('请选择资源类别')]}>
              <CategorySelect activeOnly />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="title" label="资源名称" rules={[...required('请填写资源名称'), { min: 2, message: '资源名称至少 2 个字' }]}>
              <Input maxLength={RG_TITLE_MAX} showCount placeholder="如：医疗志愿服务队" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="资源描述" rules={required('请填写资源描述')}>
          <Input.TextArea rows={3} maxLength={RG_TEXT_MAX} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={8}>
            <Form.Item name="capacityPeople" label="可提供人力（人）">
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="capacityHoursMonth" label="每月时长（小时）">
              <InputNumber min={0} max={100_000} precision={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="capacityMoneyYuan" label="可提供资金（元）">
              <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="venue" label="场地及开放时间">
          <Input maxLength={RG_SHORT_MAX} placeholder="如：单位会议室，周六 9:00-17:00" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="availableFrom" label="提供期开始">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="availableTo"
              label="提供期结束"
              dependencies={['availableFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_: unknown, v: ResourceFormValues['availableTo']) => {
                    const from = getFieldValue('availableFrom') as ResourceFormValues['availableFrom'];
                    return v && from && v.isBefore(from, 'day') ? Promise.reject(new Error('提供期结束不能早于开始')) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="contactName" label="联系人" rules={required('请填写联系人')}>
              <Input maxLength={PERSON_NAME_MAX} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="phone"
              label="联系电话"
              rules={[...required('请填写联系电话'), { pattern: PHONE, message: '请填写正确的手机号码或座机号码（如 025-84561234）' }]}
              extra={resource && resource.phone.includes('*') ? `当前为 ${resource.phone}，保存时须重新填写完整号码` : undefined}
            >
              <Input maxLength={13} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="offeredTo" label="面向的其他社区" extra="默认面向提供方报到的社区；也可同时提供给其他社区（可不填）">
          <CommunitiesSelect preset={resource?.offeredTo ?? []} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
