import { UploadOutlined } from '@ant-design/icons';
import { KT_REASON_MAX, KT_TEXT_MAX, type KtTaskDetail } from '@jiceng/contracts';
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { applyFieldErrors } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { useReportProgress, useUploadProgressFile } from './api.ts';
import { KT_FILE_ACCEPT, ktFileHint, ktFileRefusal } from './files.ts';
import { toProgressInput, type ProgressFormValues } from './form.ts';

/**
 * 报告进展: the day, the task's progress now (or a sub-task's), the time node it concerns and whether
 * it was reached, what was done and the risks, with the evidence; the files go onto the new report
 * one after another once it is saved.
 */
export function ProgressModal({ task: t, onClose }: { task: KtTaskDetail; onClose: () => void }) {
  const [form] = Form.useForm<ProgressFormValues>();
  const report = useReportProgress(t.id);
  const upload = useUploadProgressFile(t.id);
  const [files, setFiles] = useState<File[]>([]);
  // files chosen together arrive one call each before a render: count them here
  const chosen = useRef<File[]>([]);
  const choose = (next: File[]) => {
    chosen.current = next;
    setFiles(next);
  };
  const milestoneId = Form.useWatch('milestoneId', form);
  const submit = async () => {
    const v = await form.validateFields();
    let saved: KtTaskDetail;
    try {
      saved = await report.mutateAsync(toProgressInput(v));
    } catch (e) {
      applyFieldErrors(form, e);
      return;
    }
    const progressId = saved.progressReports[0]?.id;
    let sent = 0;
    for (const file of progressId ? files : [])
      await upload.mutateAsync({ progressId: progressId!, file }).then(
        () => (sent += 1),
        () => undefined,
      );
    showSuccess(files.length ? `已报告进展，上传佐证材料 ${sent}/${files.length} 个` : '已报告进展');
    onClose();
  };
  const fileList: UploadFile[] = files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done' }));

  return (
    <Modal
      open
      title={`报告进展：${t.title}`}
      width={720}
      okText="提交"
      confirmLoading={report.isPending || upload.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<ProgressFormValues>
        form={form}
        layout="vertical"
        name="kt-progress"
        initialValues={{ reportedOn: dayjs(), percent: t.progress, milestoneDone: false }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="reportedOn" label="报告日期" rules={[{ required: true, message: '请选择报告日期' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="percent" label="完成进度（%）" rules={[{ required: true, message: '请输入完成进度' }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {t.subtasks.length > 0 && (
            <Col xs={24} md={12}>
              <Form.Item name="subtaskId" label="子任务" extra="选择子任务时，进度为该子任务的进度">
                <Select allowClear placeholder="整项任务" options={t.subtasks.map((s) => ({ value: s.id, label: `${s.title}（${s.progress}%）` }))} />
              </Form.Item>
            </Col>
          )}
          {t.milestones.length > 0 && (
            <Col xs={24} md={12}>
              <Form.Item name="milestoneId" label="时间节点">
                <Select
                  allowClear
                  placeholder="不涉及"
                  options={t.milestones.filter((m) => !m.doneOn).map((m) => ({ value: m.id, label: `${m.dueOn} ${m.title}` }))}
                />
              </Form.Item>
              {milestoneId && (
                <Form.Item name="milestoneDone" valuePropName="checked">
                  <Checkbox>该节点已完成</Checkbox>
                </Form.Item>
              )}
            </Col>
          )}
        </Row>
        <Form.Item name="narrative" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}>
          <Input.TextArea rows={4} maxLength={KT_TEXT_MAX} showCount />
        </Form.Item>
        <Form.Item name="risks" label="存在问题与风险">
          <Input.TextArea rows={2} maxLength={KT_REASON_MAX} />
        </Form.Item>
        <Form.Item label="佐证材料" extra={ktFileHint()}>
          <Upload
            accept={KT_FILE_ACCEPT}
            multiple
            fileList={fileList}
            onRemove={(f) => choose(chosen.current.filter((_, i) => `${i}-${chosen.current[i]!.name}` !== f.uid))}
            beforeUpload={(file) => {
              const refusal = ktFileRefusal(file, chosen.current.length);
              if (refusal) showError(refusal);
              else choose([...chosen.current, file]);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
          {files.length > 0 && <Typography.Text type="secondary">提交后上传 {files.length} 个文件</Typography.Text>}
        </Form.Item>
      </Form>
    </Modal>
  );
}
