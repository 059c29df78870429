import { PERSON_NAME_MAX, PHONE_PATTERN, type Hardship } from '@jiceng/contracts';
import { Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useAssignCadre, useCreateCadre } from './api.ts';
import { CadreSelect } from './CadreSelect.tsx';

interface Values {
  cadreId?: string | null;
  name?: string;
  phone?: string;
}

/** 指定帮扶干部: pick a registered cadre (1–3 members each) or register a new one and pair them. */
export function CadreAssignModal({ record, onClose }: { record: Hardship; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'pick' | 'new'>('pick');
  const assign = useAssignCadre(record.id);
  const createCadre = useCreateCadre();
  const done = () => {
    showSuccess('帮扶干部已更新');
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields();
    const onError = (e: unknown) => applyFieldErrors(form, e);
    if (mode === 'pick') {
      assign.mutate(v.cadreId ?? null, { onSuccess: done, onError });
      return;
    }
    createCadre.mutate({ name: v.name!.trim(), phone: v.phone!.trim() }, { onSuccess: (c) => assign.mutate(c.id, { onSuccess: done, onError }), onError });
  };
  return (
    <Modal open title={`指定帮扶干部：${record.memberName}`} okText="保存" onOk={() => void submit().catch(() => undefined)} confirmLoading={assign.isPending || createCadre.isPending} onCancel={onClose} destroyOnHidden>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'pick' | 'new')} style={{ marginBottom: 16 }} options={[{ value: 'pick', label: '选择已登记的帮扶干部' }, { value: 'new', label: '登记新的帮扶干部' }]} />
      <Form form={form} layout="vertical" initialValues={{ cadreId: record.cadreId }}>
        {mode === 'pick' ? (
          <Form.Item name="cadreId" label="帮扶干部" extra="清空后保存即解除结对；每名帮扶干部最多帮扶 3 名困难党员">
            <CadreSelect exceptId={record.cadreId} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={PERSON_NAME_MAX} />
            </Form.Item>
            <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: new RegExp(PHONE_PATTERN), message: '请填写手机号或带区号的固定电话' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
