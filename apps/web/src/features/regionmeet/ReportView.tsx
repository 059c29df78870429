import { RM_CORRECTABLE, RM_NOTE_MAX, rmFigureLabel, rmSubjectKindLabel, type RmCorrection, type RmReportDetail } from '@jiceng/contracts';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { at, HistoryTimeline } from '../regional/labels.tsx';
import { useReport, useRespond, type ReportSide } from './api.ts';
import { FiguresTable, ReportStateTag } from './labels.tsx';

type CorrectValues = { note: string } & Partial<Record<(typeof RM_CORRECTABLE)[number], number | null>>;

/** 更正: what is wrong (required) and, where known, the right figures (money in yuan). */
function CorrectModal({ r, side, onClose }: { r: RmReportDetail; side: 'unit' | 'my'; onClose: () => void }) {
  const [form] = Form.useForm<CorrectValues>();
  const respond = useRespond(side, r.id);
  const submit = async () => {
    const v = await form.validateFields();
    const corrected: RmCorrection = {};
    for (const k of RM_CORRECTABLE) {
      const x = v[k];
      if (x !== null && x !== undefined) corrected[k] = k === 'fundsFen' ? Math.round(x * 100) : x;
    }
    respond.mutate(
      { action: 'correct', note: v.note.trim(), corrected: Object.keys(corrected).length ? corrected : null, version: r.version },
      {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: () => {
          showSuccess('已提交更正说明');
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      width={640}
      title="更正双报告"
      okText="提交更正"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={respond.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="只填写有出入的数字；原始记录保留，更正内容与说明一并存档。" />
      <Form form={form} layout="vertical" name="rm-correct">
        <Form.Item name="note" label="更正说明" rules={[{ required: true, message: '请填写更正说明' }]}>
          <Input.TextArea rows={3} maxLength={RM_NOTE_MAX} showCount placeholder="哪里有出入、实际情况如何" />
        </Form.Item>
        <Space wrap>
          {RM_CORRECTABLE.map((k) => (
            <Form.Item key={k} name={k} label={k === 'fundsFen' ? '投入资金（元）' : rmFigureLabel[k]}>
              <InputNumber
                min={0}
                max={k === 'fundsFen' ? 1_000_000_000 : 1_000_000}
                precision={k === 'hours' || k === 'fundsFen' ? (k === 'hours' ? 1 : 2) : 0}
                style={{ width: 140 }}
              />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}

/** One 双报告: its figures (a snapshot of the records), the projects, the answer, the history; 确认 / 更正 for its unit or member. */
export function ReportView({ side, id, back }: { side: ReportSide; id: string; back: { to: string; label: string } }) {
  const query = useReport(side, id);
  const respond = useRespond(side === 'side' ? 'unit' : side, id);
  const [correcting, setCorrecting] = useState(false);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该双报告" error={query.error} back={back.to} backLabel={back.label} />;
  const r = query.data;
  const mine = side !== 'side';
  const confirm = () =>
    respond.mutate({ action: 'confirm', version: r.version }, { onError: (e) => showError(messageOf(e)), onSuccess: () => showSuccess('已确认双报告') });

  return (
    <Card
      title={
        <Space>
          {r.year}年双报告：{r.subjectName}
          <ReportStateTag state={r.state} overdue={r.overdue} />
        </Space>
      }
      extra={
        mine &&
        r.can.respond && (
          <Space>
            <Popconfirm title="确认报告内容与实际相符？" okText="确认" cancelText="取消" onConfirm={confirm}>
              <Button type="primary" loading={respond.isPending}>
                确认无误
              </Button>
            </Popconfirm>
            <Button onClick={() => setCorrecting(true)}>更正</Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="报告对象">{rmSubjectKindLabel[r.subjectKind]}</Descriptions.Item>
        <Descriptions.Item label="报到社区">{r.communityName}</Descriptions.Item>
        <Descriptions.Item label="生成时间">{at(r.assembledAt)}</Descriptions.Item>
        <Descriptions.Item label="确认期限">{r.respondBy}</Descriptions.Item>
        {r.respondedAt && (
          <Descriptions.Item label="答复">
            {r.respondedByName} {at(r.respondedAt)}
          </Descriptions.Item>
        )}
        {r.responseNote && <Descriptions.Item label="更正说明">{r.responseNote}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5}>根据记录生成的数据</Typography.Title>
      <FiguresTable figures={r.figures} corrected={r.corrected} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        参与的项目
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.projects}
        locale={{ emptyText: '当年未参与项目' }}
        columns={[
          { title: '项目', dataIndex: 'title' },
          { title: '状态', dataIndex: 'stateLabel', width: 110 },
          { title: '起止日期', render: (_, p) => `${p.startDate} 至 ${p.endDate}` },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        确认记录
      </Typography.Title>
      <HistoryTimeline history={r.history} testId="rm-report-history" />
      {correcting && side !== 'side' && <CorrectModal r={r} side={side} onClose={() => setCorrecting(false)} />}
    </Card>
  );
}
