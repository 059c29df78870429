import { RG_TEXT_MAX, RG_TITLE_MAX, type RgNeed } from '@jiceng/contracts';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useCreateProject } from './api.ts';
import { fenToYuan, toProjectInput, type ProjectFormValues } from './form.ts';

const required = (message: string) => [{ required: true, whitespace: true, message }];
const ALIASES = { budgetFen: 'budgetYuan' };

/**
 * 立项: the need joined with the ticked resources (their units are asked to agree; the unit that
 * claimed the need is in it already) — 项目名称, 实施方案, 开始和结束日期, 预算（元）, 计划投入人力.
 * The new project opens.
 */
export function ProjectModal({
  need,
  resources,
  onClose,
}: {
  need: RgNeed;
  resources: { id: string; title: string; ownerName: string }[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<ProjectFormValues>();
  const create = useCreateProject();
  const navigate = useNavigate();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      toProjectInput(
        need.id,
        resources.map((r) => r.id),
        v,
      ),
      {
        onError: (e) => applyFieldErrors(form, e, ALIASES),
        onSuccess: (p) => {
          showSuccess(p.state === 'proposed' ? `已立项「${p.title}」，等待参与单位确认` : `已立项「${p.title}」，项目开始实施`);
          onClose();
          navigate(`/regional/projects/${p.id}`);
        },
      },
    );
  };
  const owners = [...new Set(resources.map((r) => r.ownerName))];
  return (
    <Modal
      open
      title={`立项：${need.title}`}
      width={720}
      okText="确认立项"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={
          resources.length
            ? `对接资源：${resources.map((r) => r.title).join('、')}（${owners.join('、')}）。驻区单位同意参与后项目开始实施。`
            : `由认领单位「${need.claimedUnitName ?? ''}」实施。`
        }
      />
      <Form<ProjectFormValues>
        form={form}
        layout="vertical"
        name="rg-project"
        initialValues={{
          title: need.title,
          startDate: dayjs(),
          endDate: need.wantedBy && need.wantedBy >= dayjs().format('YYYY-MM-DD') ? dayjs(need.wantedBy) : dayjs().add(1, 'month'),
          budgetYuan: fenToYuan(need.estMoneyFen),
          plannedPeople: need.estPeople,
        }}
      >
        <Form.Item name="title" label="项目名称" rules={[...required('请填写项目名称'), { min: 2, message: '项目名称至少 2 个字' }]}>
          <Input maxLength={RG_TITLE_MAX} showCount />
        </Form.Item>
        <Form.Item name="plan" label="实施方案" rules={required('请填写实施方案')}>
          <Input.TextArea rows={4} maxLength={RG_TEXT_MAX} showCount placeholder="做什么、怎么做、谁负责、何时完成" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="endDate"
              label="结束日期"
              dependencies={['startDate']}
              rules={[
                { required: true, message: '请选择结束日期' },
                ({ getFieldValue }) => ({
                  validator: (_: unknown, v: dayjs.Dayjs | undefined) =>
                    v && getFieldValue('startDate') && v.isBefore(getFieldValue('startDate'), 'day')
                      ? Promise.reject(new Error('结束日期不能早于开始日期'))
                      : Promise.resolve(),
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="budgetYuan" label="预算（元）">
              <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="plannedPeople" label="计划投入人力（人）">
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
