import { DEV_DOC_NO_MAX, DEV_NAME_MAX, REASON_MAX, type ApplicantDetail, type DevStepView } from '@jiceng/contracts';
import { Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DevMemberSelect } from './DevMemberSelect.tsx';
import { approvalIsLate, chosen, EXTEND_MONTHS, OUTCOME_OPTIONS, REVIEW_OPTIONS, TALKER_POST_OPTIONS, type DevOutcome, type StepFormValues } from './form.ts';

const countRule = { required: true, message: '请填写人数' };

function Count({ name, label, required = true }: { name: (string | number)[]; label: string; required?: boolean }) {
  return (
    <Col xs={12} md={8}>
      <Form.Item name={name} label={label} rules={required ? [countRule] : []}>
        <InputNumber<number> min={0} max={100_000} precision={0} style={{ width: '100%' }} addonAfter="人" />
      </Form.Item>
    </Col>
  );
}

function VoteFields({ admission }: { admission: boolean }) {
  return (
    <>
      <Divider orientation="left" orientationMargin={0} plain>
        {admission ? '支部大会表决情况' : '支委会表决情况'}
      </Divider>
      <Row gutter={12}>
        <Count name={['vote', 'entitled']} label="应到会有表决权人数" />
        <Count name={['vote', 'present']} label="实到会有表决权人数" />
        <Count name={['vote', 'onLeave']} label="请假人数" required={false} />
        <Count name={['vote', 'yes']} label="赞成" />
        <Count name={['vote', 'no']} label="反对" />
        <Count name={['vote', 'abstain']} label="弃权" />
      </Row>
      {admission && (
        <>
          <Divider orientation="left" orientationMargin={0} plain>
            因故不能到会的有表决权党员的书面意见（可不填）
          </Divider>
          <Row gutter={12}>
            <Count name={['vote', 'writtenYes']} label="书面赞成" required={false} />
            <Count name={['vote', 'writtenNo']} label="书面反对" required={false} />
            <Count name={['vote', 'writtenAbstain']} label="书面弃权" required={false} />
          </Row>
        </>
      )}
    </>
  );
}

/**
 * The fields a step carries besides its date and note, built from its `inputs` (the rule set's list):
 * 谈话人, 培养联系人 / 入党介绍人, a vote's tally, 政审结论, 集中培训, 公示, 审批, 转正结论.
 */
export function StepFields({ step, detail }: { step: DevStepView; detail: ApplicantDetail }) {
  const form = Form.useFormInstance<StepFormValues>();
  const outcome = Form.useWatch('outcome', form) as DevOutcome | undefined;
  const date = Form.useWatch('date', form) as Dayjs | undefined;
  const late = approvalIsLate(step.key, date, detail.deadlines);
  const has = (i: string) => step.inputs.includes(i);
  return (
    <>
      {has('talker') && (
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="talkerName" label="谈话人" rules={[{ required: true, whitespace: true, message: '请填写谈话人姓名' }]}>
              <Input maxLength={DEV_NAME_MAX} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="talkerPost"
              label="谈话人职务"
              rules={step.key === 'talk' ? [chosen('请选择谈话人职务')] : []}
              extra={step.key === 'talk' ? '应为党支部书记、副书记或组织委员' : undefined}
            >
              <Select allowClear options={TALKER_POST_OPTIONS} placeholder="请选择" />
            </Form.Item>
          </Col>
        </Row>
      )}
      {has('contacts') && (
        <Form.Item
          name="memberIds"
          label="培养联系人"
          extra="一至两名正式党员"
          rules={[
            chosen('请选择培养联系人'),
            { validator: (_, v?: string[]) => ((v?.length ?? 0) > 2 ? Promise.reject(new Error('培养联系人最多两名')) : Promise.resolve()) },
          ]}
        >
          <DevMemberSelect orgId={detail.orgId} max={2} />
        </Form.Item>
      )}
      {has('introducers') && (
        <Form.Item
          name="memberIds"
          label="入党介绍人"
          extra="两名正式党员"
          rules={[{ validator: (_, v?: string[]) => ((v?.length ?? 0) === 2 ? Promise.resolve() : Promise.reject(new Error('请选择两名入党介绍人'))) }]}
        >
          <DevMemberSelect orgId={detail.orgId} max={2} />
        </Form.Item>
      )}
      {(has('committee_vote') || has('admission_vote')) && <VoteFields admission={has('admission_vote')} />}
      {has('review_result') && (
        <Form.Item name="reviewResult" label="政审结论" rules={[chosen('请选择政治审查结论')]} extra="不合格的，终止发展">
          <Radio.Group optionType="button" options={REVIEW_OPTIONS} />
        </Form.Item>
      )}
      {has('training') && (
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="trainingDays" label="天数" rules={[{ required: true, message: '请填写天数' }]}>
              <InputNumber<number> min={0} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="trainingHours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
              <InputNumber<number> min={0} max={2000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="trainingCourse" label="培训班名称">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
              集中培训时间不少于3天或不少于24学时
            </Typography.Paragraph>
          </Col>
        </Row>
      )}
      {has('publicity') && (
        <Form.Item
          name="publicity"
          label="公示起止日期"
          rules={[{ required: true, message: '请选择公示起止日期' }]}
          extra="公示不少于5个工作日，并在办理前结束"
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      {has('approval') && (
        <>
          <Form.Item name="docNo" label="文号">
            <Input maxLength={DEV_DOC_NO_MAX} placeholder="如 ×党发〔2025〕12号" />
          </Form.Item>
          <Form.Item
            name="reason"
            label="原因"
            extra="超过三个月审批须写明特殊情况的原因"
            dependencies={['date']}
            rules={[{ required: late, whitespace: true, message: '超过三个月审批，请写明特殊情况的原因' }]}
          >
            <Input.TextArea rows={2} maxLength={REASON_MAX} />
          </Form.Item>
        </>
      )}
      {has('probation_outcome') && (
        <>
          <Form.Item name="outcome" label="结论" rules={[chosen('请选择转正结论')]}>
            <Radio.Group options={OUTCOME_OPTIONS} />
          </Form.Item>
          {outcome === 'extend' && (
            <Form.Item
              name="extendMonths"
              label="延长月数"
              rules={[{ required: true, message: `请填写延长的月数（${EXTEND_MONTHS.min}–${EXTEND_MONTHS.max} 个月）` }]}
            >
              <InputNumber<number> min={EXTEND_MONTHS.min} max={EXTEND_MONTHS.max} precision={0} addonAfter="个月" style={{ width: 180 }} />
            </Form.Item>
          )}
        </>
      )}
    </>
  );
}
