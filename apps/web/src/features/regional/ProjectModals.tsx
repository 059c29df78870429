import {
  PERSON_NAME_MAX,
  RG_REASON_MAX,
  RG_TEXT_MAX,
  RG_TITLE_MAX,
  RG_VERDICT_IDS,
  rgVerdictLabel,
  type RgProjectDetail,
  type RgVerdictId,
} from '@jiceng/contracts';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Rate, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { chosen } from '../keytasks/form.ts';
import { useAddActivity, useCompleteProject, useFeedback, useRateProject } from './api.ts';
import { toActivityInput, toCompleteInput, toFeedbackInput, toRateInput, type ActivityFormValues, type CompleteFormValues } from './form.ts';

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** The frame of every project step's form: its title, OK text and busy state; closes once `run` resolves. */
function StepModal(props: {
  title: string;
  okText: string;
  busy: boolean;
  onOk: () => Promise<unknown>;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={props.title}
      width={props.width}
      okText={props.okText}
      cancelText="取消"
      onOk={() => void props.onOk().catch(() => undefined)}
      confirmLoading={props.busy}
      onCancel={props.onClose}
      maskClosable={false}
      destroyOnHidden
    >
      {props.children}
    </Modal>
  );
}

/**
 * 记录活动: 活动日期 (from the project's start to today), 名称, 内容, 参与人数, 服务时长, 受益人数 and —
 * for the community side — the unit among the project's parts whose people took part.
 */
export function ActivityModal({ project: p, ownUnit, onClose }: { project: RgProjectDetail; ownUnit: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ActivityFormValues>();
  const add = useAddActivity(p.id);
  const units = [...new Map(p.parts.filter((x) => x.unitId && x.consent === 'agreed').map((x) => [x.unitId!, x.ownerName])).entries()];
  const submit = async () => {
    const v = await form.validateFields();
    await add.mutateAsync(toActivityInput(v, ownUnit)).then(
      () => {
        showSuccess(`已记录活动「${v.title.trim()}」，可在活动下上传照片`);
        onClose();
      },
      (e: unknown) => applyFieldErrors(form, e),
    );
  };
  return (
    <StepModal title={`记录活动：${p.title}`} okText="保存活动" busy={add.isPending} onOk={submit} onClose={onClose} width={720}>
      <Form<ActivityFormValues>
        form={form}
        layout="vertical"
        name="rg-activity"
        initialValues={{ heldOn: dayjs(), unitId: units.length === 1 ? units[0]![0] : undefined, beneficiaries: 0 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="heldOn" label="活动日期" rules={[{ required: true, message: '请选择活动日期' }]}>
              <DatePicker
                style={{ width: '100%' }}
                allowClear={false}
                disabledDate={(d) => d.isBefore(dayjs(p.startDate), 'day') || d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="title" label="活动名称" rules={[...required('请填写活动名称'), { min: 2, message: '活动名称至少 2 个字' }]}>
              <Input maxLength={RG_TITLE_MAX} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="活动内容">
          <Input.TextArea rows={3} maxLength={RG_TEXT_MAX} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={8}>
            <Form.Item name="participants" label="参与人数" rules={[{ required: true, message: '请填写参与人数' }]}>
              <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="hours" label="服务时长（小时）" rules={[{ required: true, message: '请填写服务时长' }]} extra="参与人员合计">
              <InputNumber min={0} max={1_000_000} precision={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="beneficiaries" label="受益人数">
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {!ownUnit && units.length > 0 && (
          <Form.Item name="unitId" label="参与单位" extra="参加本次活动的驻区单位（可不选）">
            <Select allowClear options={units.map(([value, label]) => ({ value, label }))} placeholder="请选择参与单位" />
          </Form.Item>
        )}
      </Form>
    </StepModal>
  );
}

/** 完成项目: 项目成效, 投入资金（元）, 解决实际问题（件）. */
export function CompleteModal({ project: p, onClose }: { project: RgProjectDetail; onClose: () => void }) {
  const [form] = Form.useForm<CompleteFormValues>();
  const complete = useCompleteProject(p.id);
  const submit = async () => {
    const v = await form.validateFields();
    await complete.mutateAsync(toCompleteInput(v, p.version)).then(
      () => {
        showSuccess(`「${p.title}」已完成，请评价`);
        onClose();
      },
      (e: unknown) => applyFieldErrors(form, e, { fundsFen: 'fundsYuan' }),
    );
  };
  return (
    <StepModal title={`完成项目：${p.title}`} okText="完成项目" busy={complete.isPending} onOk={submit} onClose={onClose}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`已记录 ${p.activities} 次活动，服务 ${p.hours} 小时。完成后需求随之完成。`} />
      <Form<CompleteFormValues> form={form} layout="vertical" name="rg-complete" initialValues={{ problemsSolved: 1 }}>
        <Form.Item name="results" label="项目成效" rules={[...required('请填写项目成效'), { min: 2, message: '项目成效至少 2 个字' }]}>
          <Input.TextArea rows={4} maxLength={RG_TEXT_MAX} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="fundsYuan" label="投入资金（元）">
              <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="problemsSolved" label="解决实际问题（件）">
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </StepModal>
  );
}

const STARS = ['很差', '较差', '一般', '较好', '很好'];

/** 评价 by the community: 1–5 星 and a comment. */
export function RateModal({ project: p, onClose }: { project: RgProjectDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const rate = useRateProject(p.id);
  const submit = async () => {
    const v = await form.validateFields();
    await rate.mutateAsync(toRateInput(v, p.version)).then(
      () => {
        showSuccess(`已评价「${p.title}」`);
        onClose();
      },
      (e: unknown) => applyFieldErrors(form, e),
    );
  };
  return (
    <StepModal title={`评价项目：${p.title}`} okText="提交评价" busy={rate.isPending} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" name="rg-rate" initialValues={{ rating: 5 }}>
        <Form.Item name="rating" label="社区评价" rules={[chosen('请选择星级')]}>
          <Rate tooltips={STARS} aria-label="社区评价星级" />
        </Form.Item>
        <Form.Item name="comment" label="评价意见">
          <Input.TextArea rows={3} maxLength={RG_REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </StepModal>
  );
}

/** 记录群众评价: a beneficiary's verdict written down by the community (满意 / 基本满意 / 不满意), a comment and who said it. */
export function FeedbackModal({ project: p, onClose }: { project: RgProjectDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ verdict: RgVerdictId; comment?: string; rater?: string }>();
  const feedback = useFeedback(p.id);
  const submit = async () => {
    const v = await form.validateFields();
    await feedback.mutateAsync(toFeedbackInput(v)).then(
      () => {
        showSuccess('已记录群众评价');
        onClose();
      },
      (e: unknown) => applyFieldErrors(form, e),
    );
  };
  return (
    <StepModal title={`记录群众评价：${p.title}`} okText="保存评价" busy={feedback.isPending} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" name="rg-feedback" initialValues={{ verdict: 'satisfied' }}>
        <Form.Item name="verdict" label="评价" rules={[chosen('请选择评价')]}>
          <Radio.Group options={RG_VERDICT_IDS.map((v) => ({ value: v, label: rgVerdictLabel[v] }))} optionType="button" />
        </Form.Item>
        <Form.Item name="comment" label="意见">
          <Input.TextArea rows={3} maxLength={RG_REASON_MAX} showCount />
        </Form.Item>
        <Form.Item name="rater" label="评价人" extra='可写"居民"，不必写全名'>
          <Input maxLength={PERSON_NAME_MAX} />
        </Form.Item>
      </Form>
    </StepModal>
  );
}
