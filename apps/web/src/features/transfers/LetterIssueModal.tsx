import { TRANSFER_NOTE_MAX, TRANSFER_ORG_NAME_MAX } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMemberDues } from '../dues/ledgerApi.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { openLetter, useIssueLetter } from './api.ts';
import { MemberPicker } from './pickers.tsx';
import { notFuture } from './labels.tsx';

interface LetterForm {
  memberId: string;
  toOrgName: string;
  issueDate: Dayjs;
  validUntil?: Dayjs | null;
  duesPaidTo?: Dayjs | null;
  reason?: string;
}

/** 开具介绍信: to an organization outside the system; the member stays until the 回执 is registered. */
export function LetterIssueModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<LetterForm>();
  const issue = useIssueLetter();
  // 党费缴至 comes from the dues ledger when the member is in it (the server takes it from there)
  const memberId = Form.useWatch('memberId', form);
  const dues = useMemberDues(memberId ?? '', !!memberId);
  const inLedger = !!dues.data && dues.data.rows.length > 0;
  const ledgerPaidTo = dues.data?.paidTo ?? null;

  const submit = async () => {
    const v = await form.validateFields();
    issue.mutate(
      {
        memberId: v.memberId,
        toOrgName: v.toOrgName.trim(),
        issueDate: v.issueDate.format('YYYY-MM-DD'),
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : undefined,
        duesPaidTo: inLedger || !v.duesPaidTo ? undefined : v.duesPaidTo.format('YYYY-MM'),
        reason: v.reason?.trim() || null,
      },
      {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: (t) => {
          showSuccess(`已开具介绍信 ${t.letterNo}，有效期至 ${t.validUntil}`);
          openLetter(t.id);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title="开具组织关系介绍信"
      okText="开具并打印"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={issue.isPending}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="介绍信回执寄回并登记前，党员仍由本支部管理。逾期未登记回执的介绍信会出现在待办中。" />
      <Form<LetterForm> form={form} layout="vertical" initialValues={{ issueDate: dayjs(), duesPaidTo: dayjs().startOf('month') }} name="issue-letter">
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请搜索并选择要转出的党员' }]}>
          <MemberPicker />
        </Form.Item>
        <Form.Item name="toOrgName" label="接收党组织名称" rules={[{ required: true, whitespace: true, min: 2, message: '请输入接收党组织的全称' }]}>
          <Input maxLength={TRANSFER_ORG_NAME_MAX} placeholder="如：中共某市某区委员会组织部" />
        </Form.Item>
        <Form.Item name="issueDate" label="开具日期" rules={[{ required: true, message: '请选择开具日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至" extra="不填则按规定的默认有效期计算；超过最长有效期的，系统会提示">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {inLedger ? (
          <Form.Item label="党费缴至" extra="取自党费台账；如有未登记的交纳，请先在党费台账中登记">
            <span data-testid="letter-dues-paid-to">
              {ledgerPaidTo ? `${ledgerPaidTo.slice(0, 4)}年${Number(ledgerPaidTo.slice(5, 7))}月` : '台账中尚无交纳记录'}
            </span>
          </Form.Item>
        ) : (
          <Form.Item name="duesPaidTo" label="党费缴至" rules={[{ required: true, message: '请选择党费缴至的月份' }]}>
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label="转接原因">
          <Input maxLength={TRANSFER_NOTE_MAX} placeholder="如：工作调动、升学" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
