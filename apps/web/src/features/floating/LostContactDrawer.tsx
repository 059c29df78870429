import { ContactMethod, contactMethodLabel, FLOATING_NOTE_MAX, type ContactAttempt, type LostContactDetail } from '@jiceng/contracts';
import { Alert, Button, Descriptions, Drawer, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { PageLoading } from '../../shared/PageLoading.tsx';
import { useAddAttempt, useFound, useLostContact } from './api.ts';
import { LostStatusTag, memberStatusText, methodText, ProposalTag } from './labels.tsx';
import { dayOf, StepModal } from './StepModal.tsx';

const methodOptions = Object.values(ContactMethod).map((value) => ({ value, label: contactMethodLabel[value] }));

function AttemptModal({ record, onClose }: { record: LostContactDetail; onClose: () => void }) {
  const add = useAddAttempt();
  return (
    <StepModal title={`记录联系：${record.memberName}`} okText="保存" dateLabel="联系日期" minDate={record.lastContactDate} pending={add.isPending} noteLabel={null} onClose={onClose}
      onSubmit={(v, form) => add.mutate({ id: record.id, input: { date: dayOf(v.date), method: v.method as ContactMethod, result: String(v.result ?? '') } }, {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: () => { showSuccess('已记录'); onClose(); },
      })}
    >
      <Form.Item name="method" label="联系方式" rules={[{ required: true, message: '请选择联系方式' }]}><Select options={methodOptions} /></Form.Item>
      <Form.Item name="result" label="联系结果" rules={[{ required: true, whitespace: true, message: '请填写联系结果' }, { min: 2, max: FLOATING_NOTE_MAX }]}><Input.TextArea rows={3} maxLength={FLOATING_NOTE_MAX} showCount /></Form.Item>
    </StepModal>
  );
}

function FoundModal({ record, onClose }: { record: LostContactDetail; onClose: () => void }) {
  const found = useFound();
  const hint = record.memberStatus === 'suspended' ? '该党员已停止党籍。恢复党籍需经支部研究，在党员档案中办理「恢复党籍」。' : '恢复联系后本记录结束，不再提示处置。';
  return (
    <StepModal title={`恢复联系：${record.memberName}`} okText="确认" dateLabel="恢复联系日期" minDate={record.lastContactDate} hint={hint} noteLabel="如何取得联系" pending={found.isPending} onClose={onClose}
      onSubmit={(v, form) => found.mutate({ id: record.id, input: { date: dayOf(v.date), note: v.note || null } }, {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: () => { showSuccess('已恢复联系'); onClose(); },
      })}
    />
  );
}

/** One lost-contact record with its tries; record a try, edit, or close it as found. */
export function LostContactDrawer({ id, canWrite, onEdit, onClose }: { id: string; canWrite: boolean; onEdit: (r: LostContactDetail) => void; onClose: () => void }) {
  const { data: r, isPending, isError, error } = useLostContact(id);
  const [modal, setModal] = useState<'attempt' | 'found' | null>(null);
  const open = r?.status === 'lost' && canWrite;
  return (
    <Drawer open width={680} title="失联党员" onClose={onClose}
      extra={open && r && (
        <Space>
          <Button onClick={() => setModal('attempt')}>记录联系</Button>
          <Button onClick={() => onEdit(r)}>修改</Button>
          <Button type="primary" onClick={() => setModal('found')}>恢复联系</Button>
        </Space>
      )}
    >
      {isPending && <PageLoading />}
      {isError && <Alert type="warning" showIcon message={error.message} />}
      {r && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}><Link to={`/members/${r.memberId}`}>{r.memberName}</Link></Typography.Title>
            <LostStatusTag status={r.status} />
            <ProposalTag proposal={r.proposal} dueDate={r.proposalDueDate} />
          </Space>
          {r.proposal && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={r.proposal === 'suspend' ? '失联已满六个月，请支委会研究是否停止其党籍，决定后在党员档案中办理。' : '停止党籍后仍失联满两年，请支委会研究是否按自行脱党予以除名，决定后在党员档案中办理。'} />}
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="所在党支部">{r.orgName}</Descriptions.Item>
            <Descriptions.Item label="党籍状态">{memberStatusText(r.memberStatus)}</Descriptions.Item>
            <Descriptions.Item label="最后联系日期">{r.lastContactDate}</Descriptions.Item>
            <Descriptions.Item label="失联时长">{r.monthsLost} 个月</Descriptions.Item>
            <Descriptions.Item label="已采取的措施" span={2}>{r.measures}</Descriptions.Item>
            {r.foundDate && <Descriptions.Item label="恢复联系" span={2}>{r.foundDate}{r.foundNote ? `；${r.foundNote}` : ''}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5}>联系记录</Typography.Title>
          <Table<ContactAttempt> size="small" rowKey="id" pagination={false} dataSource={r.attempts} locale={{ emptyText: '尚无联系记录' }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 110 },
              { title: '方式', dataIndex: 'method', width: 120, render: (m: string) => methodText(m) },
              { title: '结果', dataIndex: 'result' },
              { title: '记录人', dataIndex: 'actorName', width: 100 },
            ]}
          />
          {modal === 'attempt' && <AttemptModal record={r} onClose={() => setModal(null)} />}
          {modal === 'found' && <FoundModal record={r} onClose={() => setModal(null)} />}
        </>
      )}
    </Drawer>
  );
}
