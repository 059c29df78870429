import { DUES_AMOUNT_MAX_FEN, DUES_BASE_MAX_FEN, type DuesCalcResult, type DuesCategoryId } from '@jiceng/contracts';
import { Alert, Button, Card, Descriptions, Form, InputNumber, Select, Typography } from 'antd';
import { useDuesCalculate } from './api.ts';
import { amountFieldOf, categoryOptions, fenText, rateText, toDuesInput, type DuesFormValues } from './duesForm.ts';

/** The amount fields of a category, in 元: the base, the member's chosen amount (农民), or nothing for a fixed amount. */
export function DuesAmountFields({ category }: { category: DuesCategoryId | undefined }) {
  const field = category ? amountFieldOf(category) : 'none';
  if (field === 'base')
    return (
      <Form.Item
        name="baseYuan"
        label="每月计算基数（元）"
        extra="在职、年薪制为当月税后工资收入，离退休为离退休费，个体等为上一季度月平均纯收入"
        rules={[{ required: true, message: '请填写每月计算基数' }]}
      >
        <InputNumber<number> min={0} max={DUES_BASE_MAX_FEN / 100} precision={2} step={100} style={{ width: 220 }} addonAfter="元" />
      </Form.Item>
    );
  if (field === 'chosen')
    return (
      <Form.Item
        name="chosenYuan"
        label="本人每月交纳金额（元）"
        extra="农民党员每月交纳党费0.2元至1元"
        rules={[{ required: true, message: '请填写每月交纳金额' }]}
      >
        <InputNumber<number> min={0} max={DUES_AMOUNT_MAX_FEN / 100} precision={2} step={0.1} style={{ width: 220 }} addonAfter="元" />
      </Form.Item>
    );
  return null;
}

/** What the rule set answered: the amount, the bracket, the explanation and the article. */
export function DuesResult({ r }: { r: DuesCalcResult }) {
  return (
    <Descriptions size="small" bordered column={1} style={{ marginTop: 16 }}>
      <Descriptions.Item label="每月应交党费">
        <Typography.Text strong style={{ fontSize: 18 }}>
          {fenText(r.amountFen)}
        </Typography.Text>
        {r.amountFen !== r.computedFen && <Typography.Text type="secondary">（按规定应交 {fenText(r.computedFen)}）</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label="缴费类别">{r.categoryLabel}</Descriptions.Item>
      {r.bracket && <Descriptions.Item label="所属档次">{r.bracket.label}</Descriptions.Item>}
      {r.bracket && <Descriptions.Item label="交纳比例">{rateText(r.bracket.rateBp)}（按全额计算，不分段累进）</Descriptions.Item>}
      <Descriptions.Item label="计算说明">{r.explanation}</Descriptions.Item>
      <Descriptions.Item label="依据">
        {r.ruleSetSource} {r.source}
      </Descriptions.Item>
      <Descriptions.Item label="规则版本">{r.ruleSet}</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 党费计算器: a category and a base (or the chosen amount for 农民) → the monthly dues, the bracket
 * and the rule that applied, as the server's rule set computes them; nothing is stored.
 */
export default function DuesCalculatorPage() {
  const [form] = Form.useForm<DuesFormValues>();
  const category = Form.useWatch('category', form);
  const calc = useDuesCalculate();

  return (
    <Card title="党费计算器" extra={<Typography.Text type="secondary">按《关于中国共产党党费收缴、使用和管理的规定》计算</Typography.Text>}>
      <Form<DuesFormValues>
        form={form}
        layout="vertical"
        initialValues={{ category: 'salaried' }}
        onValuesChange={() => calc.reset()}
        onFinish={(v) => calc.mutate(toDuesInput(v))}
        style={{ maxWidth: 560 }}
      >
        {/* always has a value (no clearing), so no required rule: antd put its aria-required on the select's wrapper, which axe refuses */}
        <Form.Item name="category" label="缴费类别">
          <Select<DuesCategoryId> options={categoryOptions} style={{ width: 320 }} />
        </Form.Item>
        <DuesAmountFields category={category} />
        <Button type="primary" htmlType="submit" loading={calc.isPending}>
          计算
        </Button>
      </Form>
      {calc.data && <DuesResult r={calc.data} />}
      {!calc.data && (
        <Alert
          style={{ marginTop: 16, maxWidth: 560 }}
          type="info"
          showIcon
          message="交纳比例按全额计算"
          description="每月工资收入（税后）在3000元以下（含3000元）的交纳0.5%，3000元以上至5000元（含5000元）的交纳1%，5000元以上至10000元（含10000元）的交纳1.5%，10000元以上的交纳2%：属哪一档即按该档比例乘以全部基数。"
        />
      )}
    </Card>
  );
}
