import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { KT_MILESTONES_MAX, KT_SHORT_MAX, KT_SUBTASKS_MAX, KT_TEXT_MAX, KT_TITLE_MAX, KT_WEIGHT_MAX, type KtTaskDetail } from '@jiceng/contracts';
import { Button, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Space } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useAddTask, useUpdateTask } from './api.ts';
import { toTaskInput, type TaskFormValues } from './form.ts';

const required = (message: string) => [{ required: true, whitespace: true, message }];

function valuesOf(t: KtTaskDetail | undefined): Partial<TaskFormValues> {
  if (!t) return { weight: 1, subtasks: [], milestones: [] };
  return {
    category: t.category,
    title: t.title,
    description: t.description,
    target: t.target,
    deadline: dayjs(t.deadline),
    acceptanceStandard: t.acceptanceStandard,
    weight: t.weight,
    subtasks: t.subtasks.map((s) => ({ title: s.title, weight: s.weight })),
    milestones: t.milestones.map((m) => ({ title: m.title, dueOn: dayjs(m.dueOn) })),
  };
}

/** The sub-tasks (名称, 权重) or milestones (节点内容, 日期) of the form, a row each. */
function RowsList({ name, what, max }: { name: 'subtasks' | 'milestones'; what: string; max: number }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }} wrap>
              <Form.Item name={[f.name, 'title']} rules={required(`请输入${what}`)} style={{ marginBottom: 8 }}>
                <Input aria-label={`${what}${i + 1}`} placeholder={what} maxLength={KT_TITLE_MAX} style={{ width: 320 }} />
              </Form.Item>
              {name === 'subtasks' ? (
                <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '请输入权重' }]} style={{ marginBottom: 8 }}>
                  <InputNumber aria-label={`子任务${i + 1}权重`} placeholder="权重" min={0.1} max={KT_WEIGHT_MAX} style={{ width: 100 }} />
                </Form.Item>
              ) : (
                <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请选择节点日期' }]} style={{ marginBottom: 8 }}>
                  <DatePicker aria-label={`时间节点${i + 1}日期`} />
                </Form.Item>
              )}
              <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除${what}${i + 1}`} onClick={() => remove(f.name)} />
            </Space>
          ))}
          {fields.length < max && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(name === 'subtasks' ? { weight: 1 } : {})}>
              添加{what}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/**
 * 新增任务 into a plan, or 修改 a task still a draft or unclaimed (`task`): 类别, 名称, 内容, 推进目标,
 * 完成时限, 验收标准, 权重, its sub-tasks with their weights and its time nodes. A new task opens.
 */
export function TaskFormModal({ planId, task, onClose }: { planId: string; task?: KtTaskDetail; onClose: () => void }) {
  const [form] = Form.useForm<TaskFormValues>();
  const add = useAddTask(planId);
  const update = useUpdateTask(task?.id ?? '');
  const navigate = useNavigate();
  const busy = add.isPending || update.isPending;
  const submit = async () => {
    const input = toTaskInput(await form.validateFields());
    const onError = (e: Error) => applyFieldErrors(form, e);
    if (task)
      update.mutate(
        { ...input, version: task.version },
        {
          onError,
          onSuccess: () => {
            showSuccess(`已保存「${input.title}」`);
            onClose();
          },
        },
      );
    else
      add.mutate(input, {
        onError,
        onSuccess: (t) => {
          showSuccess(`已新增任务「${t.title}」`);
          onClose();
          navigate(`/keytasks/tasks/${t.id}`);
        },
      });
  };
  return (
    <Modal
      open
      title={task ? `修改任务：${task.title}` : '新增重点任务'}
      width={820}
      okText={task ? '保存' : '新增'}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<TaskFormValues> form={form} layout="vertical" name="kt-task" initialValues={valuesOf(task)}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="category" label="任务类别" rules={required('请输入任务类别')}>
              <Input maxLength={KT_SHORT_MAX} placeholder="如：基层治理" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="title" label="任务名称" rules={required('请输入任务名称')}>
              <Input maxLength={KT_TITLE_MAX} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label="任务内容">
          <Input.TextArea rows={2} maxLength={KT_TEXT_MAX} />
        </Form.Item>
        <Form.Item name="target" label="推进目标" rules={required('请输入推进目标')}>
          <Input.TextArea rows={2} maxLength={KT_TEXT_MAX} />
        </Form.Item>
        <Form.Item name="acceptanceStandard" label="验收标准" rules={required('请输入验收标准')}>
          <Input.TextArea rows={2} maxLength={KT_TEXT_MAX} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="weight" label="权重" rules={[{ required: true, message: '请输入权重' }]} extra="计划加权进度按权重计算">
              <InputNumber min={0.1} max={KT_WEIGHT_MAX} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" plain>
          子任务（进度按子任务权重汇总）
        </Divider>
        <RowsList name="subtasks" what="子任务" max={KT_SUBTASKS_MAX} />
        <Divider orientation="left" plain>
          时间节点
        </Divider>
        <RowsList name="milestones" what="时间节点" max={KT_MILESTONES_MAX} />
      </Form>
    </Modal>
  );
}
