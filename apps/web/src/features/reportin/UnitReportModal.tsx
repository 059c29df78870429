import { CREDIT_CODE_LENGTH, isValidCreditCode, PERSON_NAME_MAX, PHONE_PATTERN, UNIT_NAME_MAX, UNIT_RESOURCES_MAX } from '@jiceng/contracts';
import { Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useReportUnit } from './api.ts';
import { CommunitySelect } from './Pickers.tsx';

interface Values {
  communityId: string | null;
  unitName: string;
  creditCode: string;
  contactName: string;
  phone: string;
  resources?: string;
  reportDate: Dayjs;
}

/**
 * 驻区单位报到. The community side picks the community; a 驻区单位 account reports to the community
 * it is bound to (`ownCommunity`).
 */
export function UnitReportModal({ ownCommunity, onClose }: { ownCommunity: { id: string; name: string } | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const report = useReportUnit();
  const submit = async () => {
    const v = await form.validateFields();
    const input = { communityId: ownCommunity?.id ?? v.communityId!, unitName: v.unitName.trim(), creditCode: v.creditCode.trim().toUpperCase(), contactName: v.contactName.trim(), phone: v.phone.trim(), resources: v.resources?.trim() || null, reportDate: v.reportDate.format('YYYY-MM-DD') };
    report.mutate(input, {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: (r) => {
        showSuccess(`「${r.unitName}」已向「${r.communityName}」报到`);
        onClose();
      },
    });
  };
  const creditRule = { validator: (_: unknown, v?: string) => (!v || isValidCreditCode(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error('统一社会信用代码无效（应为 18 位且校验位正确）'))) };
  return (
    <Modal open title="驻区单位到社区报到" okText="报到" width={640} onOk={() => void submit().catch(() => undefined)} confirmLoading={report.isPending} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Form form={form} layout="vertical" initialValues={{ reportDate: dayjs() }}>
        {ownCommunity ? (
          <Form.Item label="报到社区"><Input value={ownCommunity.name} disabled /></Form.Item>
        ) : (
          <Form.Item name="communityId" label="报到社区" rules={[{ required: true, message: '请选择报到的社区' }]}>
            <CommunitySelect />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="unitName" label="单位名称" rules={[{ required: true, whitespace: true, min: 2, message: '请填写单位名称' }]}>
              <Input maxLength={UNIT_NAME_MAX} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }, creditRule]}>
              <Input maxLength={CREDIT_CODE_LENGTH} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}>
              <Input maxLength={PERSON_NAME_MAX} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: new RegExp(PHONE_PATTERN), message: '请填写手机号或带区号的固定电话' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="resources" label="可提供的资源">
          <Input.TextArea rows={3} maxLength={UNIT_RESOURCES_MAX} showCount placeholder="如：场地、志愿者、资金、专业服务" />
        </Form.Item>
        <Form.Item name="reportDate" label="报到日期" rules={[{ required: true, message: '请选择报到日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
