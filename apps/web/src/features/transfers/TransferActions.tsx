import { REASON_MAX, TRANSFER_NOTE_MAX, type Transfer } from '@jiceng/contracts';
import { Button, DatePicker, Form, Input, Modal, Popconfirm, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { openLetter, useAcceptTransfer, useCancelTransfer, useRegisterReceipt, useReturnTransfer } from './api.ts';
import { notFuture } from './labels.tsx';

type Dialog = 'return' | 'cancel' | 'receipt' | null;
interface DialogForm {
  reason?: string;
  receivedDate?: Dayjs;
  note?: string;
}

/** The buttons of one transfer, as the server says this account may use them (`actions`, `printable`). */
export function TransferActions({ t }: { t: Transfer }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<DialogForm>();
  const accept = useAcceptTransfer();
  const back = useReturnTransfer();
  const cancel = useCancelTransfer();
  const receipt = useRegisterReceipt();
  const can = (a: string) => t.actions.includes(a);
  const isLetter = t.kind === 'letter_out';
  const close = () => {
    setDialog(null);
    form.resetFields();
  };
  const done = (text: string) => ({
    onSuccess: () => {
      showSuccess(text);
      close();
    },
    onError: (e: unknown) => applyFieldErrors(form, e),
  });

  const submit = async () => {
    const v = await form.validateFields();
    if (dialog === 'return') back.mutate({ id: t.id, input: { reason: v.reason!.trim() } }, done('已退回转出方'));
    if (dialog === 'cancel') cancel.mutate({ id: t.id, input: { reason: v.reason?.trim() || null } }, done(isLetter ? '介绍信已作废' : '转接已撤销'));
    if (dialog === 'receipt') receipt.mutate({ id: t.id, input: { receivedDate: v.receivedDate!.format('YYYY-MM-DD'), note: v.note?.trim() || null } }, done(`已登记回执，${t.memberName}的组织关系已转出`));
  };

  const titles: Record<Exclude<Dialog, null>, string> = { return: `退回转接：${t.memberName}`, cancel: `${isLetter ? '作废介绍信' : '撤销转接'}：${t.memberName}`, receipt: `登记回执：${t.letterNo ?? ''}` };
  return (
    <Space size={4} wrap>
      {can('accept') && (
        <Popconfirm title="确认接收" description={`接收后，${t.memberName}的组织关系将转入「${t.toOrgName}」`} okText="确认接收" cancelText="取消" onConfirm={() => accept.mutate(t.id, { onSuccess: () => showSuccess(`已接收，${t.memberName}的组织关系已转入${t.toOrgName}`) })}>
          <Button type="primary" size="small" loading={accept.isPending}>接收</Button>
        </Popconfirm>
      )}
      {can('return') && <Button size="small" danger onClick={() => setDialog('return')}>退回</Button>}
      {t.printable && <Button size="small" onClick={() => openLetter(t.id)}>打印介绍信</Button>}
      {can('receipt') && <Button size="small" type="primary" onClick={() => setDialog('receipt')}>登记回执</Button>}
      {can('cancel') && <Button size="small" onClick={() => setDialog('cancel')}>{isLetter ? '作废' : '撤销'}</Button>}
      {dialog && (
        <Modal open title={titles[dialog]} okText="确定" onOk={() => void submit().catch(() => undefined)} confirmLoading={back.isPending || cancel.isPending || receipt.isPending} onCancel={close} destroyOnHidden>
          <Form<DialogForm> form={form} layout="vertical" initialValues={{ receivedDate: dayjs() }} name={`transfer-${dialog}`}>
            {dialog === 'return' && (
              <Form.Item name="reason" label="退回原因" rules={[{ required: true, whitespace: true, min: 2, message: '请说明退回原因，便于转出方更正' }]}>
                <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
              </Form.Item>
            )}
            {dialog === 'cancel' && (
              <Form.Item name="reason" label={isLetter ? '作废原因' : '撤销原因'}>
                <Input.TextArea rows={3} maxLength={REASON_MAX} placeholder={isLetter ? '如：介绍信已过期，重新开具' : ''} />
              </Form.Item>
            )}
            {dialog === 'receipt' && (
              <>
                <Form.Item name="receivedDate" label="回执日期" rules={[{ required: true, message: '请选择收到回执的日期' }]}>
                  <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
                </Form.Item>
                <Form.Item name="note" label="回执说明">
                  <Input maxLength={TRANSFER_NOTE_MAX} placeholder="如：回执由接收党组织寄回" />
                </Form.Item>
              </>
            )}
          </Form>
        </Modal>
      )}
    </Space>
  );
}
