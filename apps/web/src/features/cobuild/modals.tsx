import {
  COBUILD_COUNT_MAX,
  COBUILD_PARTICIPANTS_MAX,
  COBUILD_REASON_MAX,
  COBUILD_TEXT_MAX,
  COBUILD_TITLE_MAX,
  cobuildActionLabel,
  cobuildLogKindLabel,
  type CobuildAgreementDetail,
  type CobuildCommitment,
  type CobuildLogKind,
  type CobuildUserAction,
} from '@jiceng/contracts';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { useAddLogEntry, useAgreementAction, useCompleteCommitment, useRenew, useSaveCommitment, type LogInput } from './api.ts';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const sideOptions = (a: CobuildAgreementDetail) => [
  { value: 'a', label: `甲方：${a.orgA.name}` },
  { value: 'b', label: `乙方：${a.orgB.name}` },
];
const headingOptions = (a: CobuildAgreementDetail) => a.headings.map((h) => ({ value: h, label: h }));

/** A form in a dialog: validates, runs `save`, puts the server's field messages under the fields (or shows its refusal). */
function FormModal<V extends object>(props: {
  title: string;
  okText?: string;
  busy: boolean;
  initial?: Partial<V>;
  onClose: () => void;
  save: (v: V, done: { onSuccess: () => void; onError: (e: unknown) => void }) => void;
  children: ReactNode;
  aliases?: Record<string, string>;
}) {
  const [form] = Form.useForm<V>();
  const submit = async () => {
    const v = await form.validateFields();
    props.save(v, {
      onSuccess: () => {
        showSuccess(`${props.okText ?? '保存'}成功`);
        props.onClose();
      },
      onError: (e) => {
        if (!applyFieldErrors(form, e, props.aliases)) showError(messageOf(e));
      },
    });
  };
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? '保存'}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={props.busy}
      onCancel={props.onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" initialValues={props.initial}>
        {props.children}
      </Form>
    </Modal>
  );
}

/** 退回修改 / 终止协议 / 作废, each with the reason the history keeps; the other steps confirm plainly. */
export function ReasonModal({ id, action, version, onClose }: { id: string; action: CobuildUserAction; version: number; onClose: () => void }) {
  const step = useAgreementAction(id);
  return (
    <FormModal<{ reason: string }>
      title={cobuildActionLabel[action]}
      okText={cobuildActionLabel[action]}
      busy={step.isPending}
      onClose={onClose}
      save={(v, done) => step.mutate({ action, reason: v.reason.trim(), version }, done)}
    >
      <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
        <Input.TextArea rows={3} maxLength={COBUILD_REASON_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** 续签: the next term (default: from the day after this one ends, as long as this one). */
export function RenewModal({ a, onClose, onDone }: { a: CobuildAgreementDetail; onClose: () => void; onDone: (id: string) => void }) {
  const renew = useRenew(a.id);
  const start = dayjs(a.endOn).add(1, 'day');
  const months = dayjs(a.endOn).add(1, 'day').diff(dayjs(a.startOn), 'month');
  return (
    <FormModal<{ term: [Dayjs, Dayjs] }>
      title="续签：起草下一期协议"
      okText="续签"
      busy={renew.isPending}
      onClose={onClose}
      initial={{ term: [start, start.add(months, 'month').subtract(1, 'day')] }}
      aliases={{ startOn: 'term', endOn: 'term' }}
      save={(v, done) =>
        renew.mutate({ startOn: day(v.term[0]), endOn: day(v.term[1]) }, { onSuccess: (n) => (done.onSuccess(), onDone(n.id)), onError: done.onError })
      }
    >
      <p>续签将沿用本协议的共建内容和联系人，起草为下一期协议的草稿，由本方提交对方确认。</p>
      <Form.Item name="term" label="新一期期限" rules={[{ required: true, message: '请选择期限' }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

/** 添加 / 修改承诺事项 of the yearly plan. */
export function CommitmentModal({ a, item, onClose }: { a: CobuildAgreementDetail; item?: CobuildCommitment; onClose: () => void }) {
  const save = useSaveCommitment(a.id);
  return (
    <FormModal<{ heading: string; content: string; dueOn: Dayjs; side: 'a' | 'b' }>
      title={item ? '修改承诺事项' : '添加承诺事项'}
      busy={save.isPending}
      onClose={onClose}
      initial={
        item ? { heading: item.heading, content: item.content, dueOn: dayjs(item.dueOn), side: item.side } : { heading: a.headings[0], side: a.mySides[0] }
      }
      save={(v, done) => save.mutate({ itemId: item?.id, heading: v.heading, content: v.content.trim(), dueOn: day(v.dueOn), side: v.side }, done)}
    >
      <Form.Item name="heading" label="共建内容" rules={[{ required: true, message: '请选择共建内容' }]}>
        <Select options={headingOptions(a)} />
      </Form.Item>
      <Form.Item name="content" label="承诺事项" rules={[{ required: true, whitespace: true, min: 2, message: '请填写承诺事项' }]}>
        <Input.TextArea rows={3} maxLength={COBUILD_TEXT_MAX} showCount />
      </Form.Item>
      <Form.Item name="dueOn" label={`完成时限（${a.startOn} 至 ${a.endOn}）`} rules={[{ required: true, message: '请选择完成时限' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="side" label="责任方" rules={[{ required: true, message: '请选择责任方' }]}>
        <Select options={sideOptions(a)} />
      </Form.Item>
    </FormModal>
  );
}

/** 登记完成 of one commitment. */
export function DoneModal({ a, item, onClose }: { a: CobuildAgreementDetail; item: CobuildCommitment; onClose: () => void }) {
  const done = useCompleteCommitment(a.id);
  return (
    <FormModal<{ doneOn: Dayjs; note?: string }>
      title={`登记完成：${item.content}`}
      okText="登记"
      busy={done.isPending}
      onClose={onClose}
      initial={{ doneOn: dayjs() }}
      save={(v, cb) => done.mutate({ itemId: item.id, doneOn: day(v.doneOn), note: v.note?.trim() || null }, cb)}
    >
      <Form.Item name="doneOn" label="完成日期" rules={[{ required: true, message: '请选择完成日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item name="note" label="完成情况">
        <Input.TextArea rows={3} maxLength={COBUILD_TEXT_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}

type LogValues = {
  on: Dayjs;
  heading?: string;
  title?: string;
  participants?: number;
  count?: number;
  amountYuan?: number;
  source?: string;
  purpose?: string;
  description?: string;
};

/** 记录共建活动 / 解决问题 / 筹集资金: dated within the term, not in the future. */
export function LogModal({ a, kind, onClose }: { a: CobuildAgreementDetail; kind: CobuildLogKind; onClose: () => void }) {
  const add = useAddLogEntry(a.id);
  const toInput = (v: LogValues): LogInput => {
    const on = day(v.on);
    if (kind === 'activity')
      return { kind, heldOn: on, title: v.title!.trim(), heading: v.heading!, participants: v.participants!, description: v.description?.trim() || null };
    if (kind === 'problem') return { kind, solvedOn: on, heading: v.heading ?? null, count: v.count!, description: v.description!.trim() };
    return { kind, raisedOn: on, amountFen: Math.round(v.amountYuan! * 100), source: v.source!.trim(), purpose: v.purpose!.trim() };
  };
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <FormModal<LogValues>
      title={`记录${cobuildLogKindLabel[kind]}`}
      busy={add.isPending}
      onClose={onClose}
      initial={{ on: dayjs(), heading: kind === 'fund' ? undefined : a.headings[0], count: 1 }}
      aliases={{ heldOn: 'on', solvedOn: 'on', raisedOn: 'on', amountFen: 'amountYuan' }}
      save={(v, done) => add.mutate(toInput(v), done)}
    >
      <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
      </Form.Item>
      {kind !== 'fund' && (
        <Form.Item name="heading" label="共建内容" rules={kind === 'activity' ? [{ required: true, message: '请选择共建内容' }] : []}>
          <Select allowClear={kind === 'problem'} options={headingOptions(a)} />
        </Form.Item>
      )}
      {kind === 'activity' && (
        <>
          <Form.Item name="title" label="活动名称" rules={required('请填写活动名称')}>
            <Input maxLength={COBUILD_TITLE_MAX} />
          </Form.Item>
          <Form.Item name="participants" label="参与人数" rules={[{ required: true, message: '请填写参与人数' }]}>
            <InputNumber min={1} max={COBUILD_PARTICIPANTS_MAX} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      {kind === 'problem' && (
        <Form.Item name="count" label="件数" rules={[{ required: true, message: '请填写件数' }]}>
          <InputNumber min={1} max={COBUILD_COUNT_MAX} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {kind === 'fund' && (
        <>
          <Form.Item name="amountYuan" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
            <InputNumber min={0.01} max={1_000_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="source" label="资金来源" rules={required('请填写资金来源')}>
            <Input maxLength={COBUILD_TITLE_MAX} />
          </Form.Item>
          <Form.Item name="purpose" label="资金用途" rules={required('请填写资金用途')}>
            <Input maxLength={COBUILD_TITLE_MAX} />
          </Form.Item>
        </>
      )}
      {kind !== 'fund' && (
        <Form.Item
          name="description"
          label={kind === 'problem' ? '解决的问题（如：解决道路硬化问题）' : '活动情况'}
          rules={kind === 'problem' ? required('请填写解决的问题') : []}
        >
          <Input.TextArea rows={3} maxLength={COBUILD_TEXT_MAX} showCount />
        </Form.Item>
      )}
    </FormModal>
  );
}
