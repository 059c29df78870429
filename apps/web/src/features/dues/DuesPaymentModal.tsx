import { DUES_NOTE_MAX, DUES_PAY_MONTHS_MAX, DUES_PROXY_MAX, type DuesChannel, type DuesMemberLedger } from '@jiceng/contracts';
import { Alert, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Spin, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useMemberDues, useRecordDuesPayment } from './ledgerApi.ts';
import { channelOptions, defaultPayMonths, owedText, payableMonths, paymentTotalFen, toPaymentInput, yuanText, type PaymentFormValues } from './ledgerForm.ts';

/** The months picked: at least one, at most a payment's limit (a validator, not `required`: antd would put aria-required on the select's wrapper, which axe refuses). */
const monthsRule = {
  validator: (_: unknown, v?: string[]) =>
    !v?.length
      ? Promise.reject(new Error('请选择交纳的月份'))
      : v.length > DUES_PAY_MONTHS_MAX
        ? Promise.reject(new Error(`一次最多登记 ${DUES_PAY_MONTHS_MAX} 个月`))
        : Promise.resolve(),
};

type PaymentMutation = ReturnType<typeof useRecordDuesPayment>;

function PaymentForm({
  ledger,
  form,
  record,
  onDone,
}: {
  ledger: DuesMemberLedger;
  form: FormInstance<PaymentFormValues>;
  record: PaymentMutation;
  onDone: () => void;
}) {
  const months = (Form.useWatch('months', form) as string[] | undefined) ?? [];
  const amountYuan = Form.useWatch('amountYuan', form) as number | null | undefined;
  const channel = Form.useWatch('channel', form) as DuesChannel | undefined;
  const amountFen = typeof amountYuan === 'number' ? Math.round(amountYuan * 100) : undefined;
  const total = paymentTotalFen(ledger, months, amountFen);
  const options = payableMonths(ledger);

  const submit = async (v: PaymentFormValues) => {
    const input = toPaymentInput(v);
    try {
      const after = await record.mutateAsync(input);
      const paid = after.rows.filter((r) => input.months.includes(r.month)).reduce((sum, r) => sum + (r.paidFen ?? 0), 0);
      showSuccess(`已登记 ${input.months.length} 个月党费，共 ${yuanText(paid)}`);
      onDone();
    } catch (e) {
      applyFieldErrors(form, e, { paidFen: 'amountYuan', amountFen: 'amountYuan' });
    }
  };

  return (
    <>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="党费缴至">{ledger.paidTo ?? '尚无交纳记录'}</Descriptions.Item>
        <Descriptions.Item label="本月应交">
          {ledger.monthlyFen === null ? '未设置党费基数' : yuanText(ledger.monthlyFen)}
          {ledger.basisExplanation && <Typography.Text type="secondary">（{ledger.basisExplanation}）</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="欠交情况">{owedText(ledger.arrears)}</Descriptions.Item>
      </Descriptions>
      {options.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="可登记的月份均已交纳" />}
      <Form<PaymentFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ months: defaultPayMonths(ledger), paidOn: dayjs(), channel: 'cash' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="months"
          label="交纳月份"
          extra={`可补交 ${ledger.payable.from} 起、预交至 ${ledger.payable.to}，一次最多 ${DUES_PAY_MONTHS_MAX} 个月`}
          rules={[monthsRule]}
        >
          <Select<string[]> mode="multiple" options={options} placeholder="选择月份" />
        </Form.Item>
        <Form.Item name="amountYuan" label="每月实交金额（元）" extra="不填按各月应交金额登记；实交不得少于应交">
          <InputNumber<number> min={0.01} max={1_000_000} precision={2} style={{ width: 220 }} addonAfter="元" placeholder="按应交金额" />
        </Form.Item>
        <Form.Item name="paidOn" label="交纳日期" rules={[{ required: true, message: '请选择交纳日期' }]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: 220 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {/* always has a value (no clearing), so no required rule (aria-required on the select's wrapper fails axe) */}
        <Form.Item name="channel" label="交纳方式">
          <Select<DuesChannel> options={channelOptions} style={{ width: 220 }} />
        </Form.Item>
        {channel === 'proxy' && (
          <Form.Item name="proxyName" label="代交人" rules={[{ required: true, whitespace: true, message: '代交时请填写代交人' }]}>
            <Input maxLength={DUES_PROXY_MAX} style={{ width: 220 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input maxLength={DUES_NOTE_MAX} />
        </Form.Item>
      </Form>
      <Typography.Text strong data-testid="dues-payment-total">
        合计：{months.length ? (total === null ? '所选月份尚未设置党费基数，请填写每月实交金额' : yuanText(total)) : '—'}
      </Typography.Text>
    </>
  );
}

/**
 * 登记交纳: which months (本月, 补交 back months, 预交 ahead, within the server's range), the amount
 * (the month's due unless typed), the date, 现金/转账/代交 (with the 代交人) and a note. All months are
 * recorded or none; a refusal (补交 beyond the limit, already paid) is shown in Chinese and the
 * member's months reload.
 */
export function DuesPaymentModal({ memberId, open, onClose }: { memberId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<PaymentFormValues>();
  const { data } = useMemberDues(memberId, open);
  const record = useRecordDuesPayment(memberId);
  return (
    <Modal
      title={data ? `登记交纳党费（${data.memberName}）` : '登记交纳党费'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      okButtonProps={{ disabled: !data }}
      confirmLoading={record.isPending}
      destroyOnHidden
      width={560}
    >
      {data ? (
        <PaymentForm ledger={data} form={form} record={record} onDone={onClose} />
      ) : (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      )}
    </Modal>
  );
}
