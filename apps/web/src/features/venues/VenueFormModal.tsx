import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Permission,
  VENUE_ADDRESS_MAX,
  VENUE_AREA_MAX,
  VENUE_HOURS_MAX,
  VENUE_NAME_MAX,
  VENUE_PERSON_MAX,
  VENUE_SERVICES_MAX,
  VENUE_TEXT_MAX,
  type VenueDetail,
  type VenueHoursPeriod,
  type VenueInput,
  type VenueKindId,
  type VenueServiceItem,
} from '@jiceng/contracts';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { useCreateVenue, useUpdateVenue, useVenueCommunities } from './api.ts';
import { DAY_OPTIONS, KIND_OPTIONS, TIME_OPTIONS } from './labels.tsx';

interface Values {
  orgId?: string;
  unitId?: string;
  name: string;
  kind: VenueKindId;
  address: string;
  areaM2: number;
  hours: VenueHoursPeriod[];
  managerName: string;
  managerPhone: string;
  services: VenueServiceItem[];
}

const DEFAULT_HOURS: VenueHoursPeriod[] = [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' }];

/**
 * 登记阵地 / 修改阵地信息: the community (and, for a 单位开放阵地, the unit reported to it), area, the
 * weekly opening periods (延时开放 allowed), the manager and the 服务清单. The server checks the rule
 * set (venue-hours); its refusal is shown in the form.
 */
export function VenueFormModal({ venue, onClose, onSaved }: { venue?: VenueDetail; onClose: () => void; onSaved?: (id: string) => void }) {
  const me = useMe();
  const unitSide = !hasPermission(me, Permission.REGION_READ) && hasPermission(me, Permission.REGION_UNIT);
  const [form] = Form.useForm<Values>();
  const create = useCreateVenue();
  const update = useUpdateVenue(venue?.id ?? '');
  const communities = useVenueCommunities(!venue);
  const [refusal, setRefusal] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const orgId = Form.useWatch('orgId', form);
  const units = (communities.data ?? []).find((c) => c.id === orgId)?.units ?? [];
  const initial: Partial<Values> = venue
    ? { ...venue, unitId: venue.unitId ?? undefined, managerPhone: '' }
    : { kind: unitSide ? 'unit_open' : 'service_center', hours: DEFAULT_HOURS, services: [], orgId: unitSide ? communities.data?.[0]?.id : undefined };

  const submit = async () => {
    const v = await form.validateFields();
    setRefusal(null);
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      address: v.address.trim(),
      areaM2: v.areaM2,
      hours: v.hours.map((p) => ({ days: p.days, start: p.start, end: p.end, ...(p.extended ? { extended: true } : {}) })),
      managerName: v.managerName.trim(),
      ...(v.managerPhone?.trim() ? { managerPhone: v.managerPhone.trim() } : {}),
      services: (v.services ?? []).map((s) => ({ name: s.name.trim(), ...(s.description?.trim() ? { description: s.description.trim() } : {}) })),
    };
    const done = (d: VenueDetail) => {
      showSuccess(venue ? '阵地信息已保存' : `已登记「${d.name}」`);
      onClose();
      onSaved?.(d.id);
    };
    const failed = (e: unknown) => {
      if (applyFieldErrors(form, e) === 0) setRefusal(messageOf(e));
    };
    if (venue) update.mutate({ ...body, version: venue.version }, { onSuccess: done, onError: failed });
    else {
      const input: VenueInput = {
        ...body,
        managerPhone: v.managerPhone.trim(),
        ...(v.orgId ? { orgId: v.orgId } : {}),
        ...(v.kind === 'unit_open' && v.unitId ? { unitId: v.unitId } : {}),
      };
      create.mutate(input, { onSuccess: done, onError: failed });
    }
  };

  return (
    <Modal
      open
      width={760}
      title={venue ? `修改阵地：${venue.name}` : '登记阵地'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {!venue && (
          <Space wrap align="start">
            <Form.Item name="orgId" label="所属社区" rules={[{ required: true, message: '请选择所属社区（村）' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 280 }}
                placeholder="选择社区（村）"
                options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.streetName ? `${c.name}（${c.streetName}）` : c.name }))}
              />
            </Form.Item>
            <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
              <Select style={{ width: 200 }} options={unitSide ? KIND_OPTIONS.filter((k) => k.value === 'unit_open') : KIND_OPTIONS} />
            </Form.Item>
            {kind === 'unit_open' && (
              <Form.Item name="unitId" label="开放单位" rules={[{ required: true, message: '请选择开放阵地的驻区单位' }]} extra="已向该社区报到的驻区单位">
                <Select style={{ width: 220 }} placeholder="选择单位" options={units.map((u) => ({ value: u.id, label: u.unitName }))} />
              </Form.Item>
            )}
          </Space>
        )}
        {venue && (
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              options={venue.unitId ? KIND_OPTIONS.filter((k) => k.value === 'unit_open') : KIND_OPTIONS.filter((k) => k.value !== 'unit_open')}
            />
          </Form.Item>
        )}
        <Space wrap align="start">
          <Form.Item name="name" label="阵地名称" rules={[{ required: true, whitespace: true, min: 2, message: '请填写阵地名称' }]}>
            <Input maxLength={VENUE_NAME_MAX} style={{ width: 280 }} placeholder="如：梅花山社区党群服务中心" />
          </Form.Item>
          <Form.Item name="areaM2" label="面积（平方米）" rules={[{ required: true, message: '请填写面积' }]}>
            <InputNumber min={1} max={VENUE_AREA_MAX} precision={2} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="address" label="地址" rules={[{ required: true, whitespace: true, min: 2, message: '请填写地址' }]}>
          <Input maxLength={VENUE_ADDRESS_MAX} />
        </Form.Item>
        <Typography.Text strong>开放时间</Typography.Text>
        <Form.List name="hours">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'days']} rules={[{ required: true, message: '请选择星期' }]}>
                    <Checkbox.Group options={DAY_OPTIONS} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'start']} rules={[{ required: true, message: '开始' }]}>
                    <Select aria-label="开始时间" style={{ width: 90 }} options={TIME_OPTIONS} />
                  </Form.Item>
                  <span>至</span>
                  <Form.Item name={[field.name, 'end']} rules={[{ required: true, message: '结束' }]}>
                    <Select aria-label="结束时间" style={{ width: 90 }} options={TIME_OPTIONS} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'extended']} valuePropName="checked">
                    <Switch checkedChildren="延时" unCheckedChildren="常规" />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined aria-label="删除时段" onClick={() => remove(field.name)} />}
                </Space>
              ))}
              {fields.length < VENUE_HOURS_MAX && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ days: [1, 2, 3, 4, 5], start: '18:00', end: '21:00', extended: true })}>
                  添加开放时段
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <Space wrap align="start" style={{ marginTop: 16 }}>
          <Form.Item name="managerName" label="管理人" rules={[{ required: true, whitespace: true, min: 2, message: '请填写管理人' }]}>
            <Input maxLength={VENUE_PERSON_MAX} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="managerPhone"
            label="联系电话"
            rules={[{ required: !venue, pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '请填写手机号或带区号的座机' }]}
            extra={venue ? `当前 ${venue.managerPhone}；不改电话请留空` : undefined}
          >
            <Input maxLength={13} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Typography.Text strong>服务清单</Typography.Text>
        <Form.List name="services">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '服务项目' }]}>
                    <Input maxLength={VENUE_NAME_MAX} placeholder="服务项目，如：便民服务" style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']}>
                    <Input maxLength={VENUE_TEXT_MAX} placeholder="服务内容" style={{ width: 360 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除服务项目" onClick={() => remove(field.name)} />
                </Space>
              ))}
              {fields.length < VENUE_SERVICES_MAX && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  添加服务项目
                </Button>
              )}
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
