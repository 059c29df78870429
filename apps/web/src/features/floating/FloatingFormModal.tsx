import {
  ACTIVITY_CERT_NO_MAX,
  FLOATING_PLACE_MAX,
  FLOATING_REASON_NOTE_MAX,
  floatingReasonLabel,
  PHONE_PATTERN,
  type FloatingReason,
  type FloatingRecord,
} from '@jiceng/contracts';
import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useCreateFloating, useUpdateFloating } from './api.ts';
import { destinationMoved, toFloatingInput, toFloatingUpdate, type FloatingFormValues as Values } from './floatingForm.ts';
import { DestinationSelect, MemberPicker } from './Pickers.tsx';

const parse = (s: string | null) => (s ? dayjs(s) : null);
const reasonOptions = Object.entries(floatingReasonLabel).map(([value, label]) => ({ value, label }));
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function initialOf(record: FloatingRecord | null, memberId: string | null): Partial<Values> {
  if (!record) return { memberId, reason: 'work', leftDate: dayjs() };
  return {
    memberId: record.memberId,
    destinationPlace: record.destinationPlace,
    destinationOrgId: record.destinationOrgId,
    reason: record.reason as FloatingReason,
    reasonNote: record.reasonNote ?? '',
    leftDate: dayjs(record.leftDate),
    expectedReturnDate: parse(record.expectedReturnDate),
    certNo: record.certNo ?? '',
    certIssuedDate: parse(record.certIssuedDate),
    certValidUntil: parse(record.certValidUntil),
  };
}

/** 流出登记 (new, optionally for a preset member) or its edit; a new destination restarts 凡进必登. */
export function FloatingFormModal({ record, memberId, onClose }: { record: FloatingRecord | null; memberId: string | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateFloating();
  const update = useUpdateFloating();
  const destOrg = Form.useWatch('destinationOrgId', form);
  const destPlace = Form.useWatch('destinationPlace', form);
  const moved = !!record && destinationMoved({ destinationOrgId: destOrg, destinationPlace: destPlace }, record);

  const submit = async () => {
    const v = await form.validateFields();
    const done = (r: FloatingRecord) => {
      showSuccess(record ? `已修改「${r.memberName}」的流出登记` : `已为「${r.memberName}」办理流出登记`);
      onClose();
    };
    const onError = (e: unknown) => applyFieldErrors(form, e);
    if (record) update.mutate({ id: record.id, patch: toFloatingUpdate(v, record) }, { onSuccess: done, onError });
    else create.mutate(toFloatingInput(v), { onSuccess: done, onError });
  };

  return (
    <Modal
      open
      width={760}
      title={record ? `修改流出登记：${record.memberName}` : '流出登记'}
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialOf(record, memberId)} name="floating-form">
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
          <MemberPicker disabled={!!record} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="destinationPlace"
              label="流入地"
              rules={[{ required: true, whitespace: true, message: '请填写流入地' }, { max: FLOATING_PLACE_MAX }]}
              extra="省、市、县（区）及工作或居住单位"
            >
              <Input maxLength={FLOATING_PLACE_MAX} placeholder="如：江苏省苏州市工业园区某公司" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="destinationOrgId" label="流入地党组织" extra="流入地党支部在本平台的，由其登记（凡进必登）">
              <DestinationSelect initialLabel={record?.destinationOrgName} />
            </Form.Item>
          </Col>
          {moved && (
            <Col span={24}>
              <Form.Item name="destinationSince" label="到达新流入地日期" extra="变更流入地后需流入地重新登记，六个月重新计算">
                <DatePicker style={{ width: '100%' }} disabledDate={notFuture} placeholder="不填为今天" />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="reason" label="外出原因" rules={[{ required: true, message: '请选择外出原因' }]}>
              <Select options={reasonOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reasonNote" label="原因说明" rules={[{ max: FLOATING_REASON_NOTE_MAX }]}>
              <Input maxLength={FLOATING_REASON_NOTE_MAX} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="contactPhone"
              label="外出期间联系电话"
              rules={[
                { required: !record, message: '请填写联系电话' },
                { pattern: new RegExp(PHONE_PATTERN), message: '请填写手机号或带区号的固定电话' },
              ]}
              extra={record ? `当前：${record.contactPhone}，不修改请留空` : '加密保存，列表中隐去中间数字'}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leftDate" label="外出日期" rules={[{ required: true, message: '请选择外出日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="expectedReturnDate" label="预计返回日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="certNo" label="流动党员活动证编号" rules={[{ max: ACTIVITY_CERT_NO_MAX }]}>
              <Input maxLength={ACTIVITY_CERT_NO_MAX} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="certIssuedDate" label="活动证发放日期">
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="certValidUntil" label="活动证有效期至">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
