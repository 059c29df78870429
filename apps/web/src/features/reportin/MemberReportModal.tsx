import { REPORT_IN_INTENTIONS_MAX } from '@jiceng/contracts';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useReportMember } from './api.ts';
import { CommunitySelect, MemberPicker } from './Pickers.tsx';

interface Values {
  memberId: string | null;
  communityId: string | null;
  reportDate: Dayjs;
  intentions?: string;
}

/** 登记在职党员报到: the member (in scope), the community where they live (anywhere in the region). */
export function MemberReportModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const report = useReportMember();
  const submit = async () => {
    const v = await form.validateFields();
    report.mutate({ memberId: v.memberId!, communityId: v.communityId!, reportDate: v.reportDate.format('YYYY-MM-DD'), intentions: v.intentions?.trim() || null }, {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: (r) => {
        showSuccess(`「${r.memberName}」已向「${r.communityName}」报到`);
        onClose();
      },
    });
  };
  return (
    <Modal open title="在职党员到社区报到" okText="报到" onOk={() => void submit().catch(() => undefined)} confirmLoading={report.isPending} onCancel={onClose} destroyOnHidden maskClosable={false}>
      <Form form={form} layout="vertical" initialValues={{ reportDate: dayjs() }}>
        <Form.Item name="memberId" label="报到党员" rules={[{ required: true, message: '请选择报到的党员' }]} extra="双报到面向在职党员">
          <MemberPicker />
        </Form.Item>
        <Form.Item name="communityId" label="居住地社区（村）党组织" rules={[{ required: true, message: '请选择居住地所在的社区（村）党组织' }]} extra="可选择全区任一社区，不限本街道">
          <CommunitySelect />
        </Form.Item>
        <Form.Item name="reportDate" label="报到日期" rules={[{ required: true, message: '请选择报到日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="intentions" label="服务意向及特长">
          <Input.TextArea rows={3} maxLength={REPORT_IN_INTENTIONS_MAX} showCount placeholder="如：法律咨询、义务家教、文艺特长" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
