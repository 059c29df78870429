import { DUES_APPROVAL_MAX, DUES_AMOUNT_MAX_FEN, duesReliefLabel, type DuesBasis, type DuesCategoryId } from '@jiceng/contracts';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSaveDuesBasis } from './api.ts';
import { DuesAmountFields } from './DuesCalculatorPage.tsx';
import { categoryOptions, toDuesInput, type DuesFormValues } from './duesForm.ts';

type Values = DuesFormValues & { month: Dayjs };

const fromBasis = (b: DuesBasis): Values => ({
  month: dayjs(`${b.effectiveMonth}-01`),
  category: b.category,
  baseYuan: b.baseFen === null ? null : b.baseFen / 100,
  chosenYuan: b.chosenFen === null ? null : b.chosenFen / 100,
  reliefKind: b.relief?.kind ?? null,
  reliefYuan: b.relief?.amountFen === null || b.relief?.amountFen === undefined ? null : b.relief.amountFen / 100,
  reliefApproval: b.relief?.approval ?? '',
});

/**
 * 设置基数: the month the basis applies from, the category and its amount, and 少交/免交 with the
 * approval. A month that already has a basis is replaced under the version shown in the list (a
 * colleague's newer save answers 409 and the list reloads).
 */
export function DuesBasisModal({
  memberId,
  bases,
  editing,
  open,
  onClose,
}: {
  memberId: string;
  bases: DuesBasis[];
  editing: DuesBasis | null;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const category = Form.useWatch('category', form) as DuesCategoryId | undefined;
  const reliefKind = Form.useWatch('reliefKind', form);
  const save = useSaveDuesBasis(memberId);

  const submit = async (v: Values) => {
    const month = v.month.format('YYYY-MM');
    const current = bases.find((b) => b.effectiveMonth === month);
    await save.mutateAsync({ month, input: { ...toDuesInput(v), ...(current && { version: current.version }) } });
    onClose();
  };

  return (
    <Modal
      title={editing ? `修改党费基数（${editing.effectiveMonth} 起）` : '设置党费基数'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(visible) =>
        visible && form.setFieldsValue(editing ? fromBasis(editing) : { month: dayjs().startOf('month'), category: 'salaried', reliefKind: null })
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)} preserve={false}>
        <Form.Item name="month" label="起算月份" extra="自该月起按此基数交纳，该月已有基数的将被替换" rules={[{ required: true, message: '请选择起算月份' }]}>
          <DatePicker picker="month" format="YYYY-MM" disabled={!!editing} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="category" label="缴费类别" rules={[{ required: true, message: '请选择缴费类别' }]}>
          <Select<DuesCategoryId> options={categoryOptions} />
        </Form.Item>
        <DuesAmountFields category={category} />
        <Form.Item name="reliefKind" label="少交或免交" extra="生活确有困难的，经党支部研究、报上一级党委批准，可少交或免交">
          <Select
            allowClear
            placeholder="按规定交纳"
            options={(['reduce', 'waive'] as const).map((k) => ({ value: k, label: duesReliefLabel[k] }))}
            style={{ width: 220 }}
          />
        </Form.Item>
        {reliefKind === 'reduce' && (
          <Form.Item name="reliefYuan" label="少交后每月金额（元）" rules={[{ required: true, message: '请填写少交后每月金额' }]}>
            <InputNumber<number> min={0} max={DUES_AMOUNT_MAX_FEN / 100} precision={2} style={{ width: 220 }} addonAfter="元" />
          </Form.Item>
        )}
        {reliefKind && (
          <Form.Item name="reliefApproval" label="上级党委批准文件或记录" rules={[{ required: true, whitespace: true, message: '请填写批准文件或记录' }]}>
            <Input maxLength={DUES_APPROVAL_MAX} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
