import { TRAINING_HOURS_STEP, type Attendance, type AttendanceStatus, type MemberSummary, type TrainingSession } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useRecordAttendance } from './api.ts';
import { statusOptions } from './labels.tsx';
import { formatHours, partialHoursProblem, toAttendanceRecords } from './trainingForm.ts';

const MEMBER_STATUSES = ['full', 'probationary'];

/** Members of the organizer's subtree by name, several at once (those already recorded are marked). */
function OrganizerMembersSelect({
  orgId,
  recorded,
  value,
  onChange,
  id,
}: {
  orgId: string;
  recorded: Set<string>;
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}) {
  const [typed, setTyped] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const q = useDebounced(typed);
  const found = useQuery({
    queryKey: ['members', 'training-picker', orgId, q],
    queryFn: () => api.get<{ items: MemberSummary[]; total: number }>('/api/members', { orgId, q: q.trim() || undefined, pageSize: 50 }),
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? [])
    .filter((m) => MEMBER_STATUSES.includes(m.status))
    .map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）${recorded.has(m.id) ? '·已登记' : ''}` }));
  for (const v of value ?? []) if (!options.some((o) => o.value === v)) options.unshift({ value: v, label: known[v] ?? v });
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      filterOption={false}
      value={value}
      onSearch={setTyped}
      onChange={(v: string[], opts) => {
        const list = (Array.isArray(opts) ? opts : [opts]).filter((o): o is { value: string; label: string } => !!o);
        setKnown((k) => ({ ...k, ...Object.fromEntries(list.map((o) => [o.value, o.label])) }));
        onChange?.(v);
      }}
      loading={found.isFetching}
      placeholder="输入党员姓名搜索，可选多人"
      notFoundContent={found.isFetching ? '正在搜索…' : '主办组织及其下级中没有匹配的党员'}
      options={options}
    />
  );
}

interface Values {
  memberIds: string[];
  status: AttendanceStatus;
  hours?: number | null;
}

/**
 * 登记参训情况: members of the organizer's subtree with one status (全程参加 takes the session's
 * hours, 部分参加 fewer, 缺席 none); `record` changes one member's entry. A member recorded before
 * is updated; the whole sheet is saved or none of it.
 */
export function AttendanceModal({
  session,
  record,
  recorded,
  onClose,
}: {
  session: TrainingSession;
  record?: Attendance;
  recorded: Set<string>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useRecordAttendance(session.id);
  const status = Form.useWatch('status', form);
  const submit = (v: Values) => {
    const ids = record ? [record.memberId] : v.memberIds;
    save.mutate(
      { records: toAttendanceRecords(ids, v.status, v.hours) },
      {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: (rows) => {
          showSuccess(record ? `已更新「${record.memberName}」的参训情况` : `已登记 ${rows.length} 名党员的参训情况`);
          onClose();
        },
      },
    );
  };
  const initial: Values = record
    ? { memberIds: [record.memberId], status: record.status as AttendanceStatus, hours: record.status === 'partial' ? record.hours : null }
    : { memberIds: [], status: 'attended', hours: null };
  return (
    <Modal
      open
      title={record ? `修改参训情况：${record.memberName}` : '登记参训情况'}
      okText="保存"
      width={600}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<Values> form={form} layout="vertical" name="training-attendance" initialValues={initial} onFinish={submit}>
        {record ? (
          <Form.Item label="参训党员" htmlFor="training-attendance-member">
            <Input id="training-attendance-member" disabled value={`${record.memberName}（${record.orgName}）`} />
          </Form.Item>
        ) : (
          <Form.Item
            name="memberIds"
            label="参训党员"
            extra={`主办组织「${session.orgName}」及其下级组织的党员；已登记的党员再次登记即更新`}
            rules={[{ required: true, type: 'array', min: 1, message: '请选择参训党员' }]}
          >
            <OrganizerMembersSelect orgId={session.orgId} recorded={recorded} />
          </Form.Item>
        )}
        <Form.Item name="status" label="参训情况" rules={[{ required: true, message: '请选择参训情况' }]}>
          <Radio.Group optionType="button" options={statusOptions} />
        </Form.Item>
        {status === 'partial' ? (
          <Form.Item
            name="hours"
            label="认定学时"
            extra={`少于本次培训的 ${formatHours(session.hours)} 学时，${TRAINING_HOURS_STEP} 的整数倍`}
            rules={[
              {
                validator: (_, v?: number | null) => {
                  const problem = partialHoursProblem('partial', v, session.hours);
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              },
            ]}
          >
            <InputNumber min={TRAINING_HOURS_STEP} max={session.hours} step={TRAINING_HOURS_STEP} addonAfter="学时" style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Form.Item label="认定学时" htmlFor="training-attendance-hours-fixed">
            <Input
              id="training-attendance-hours-fixed"
              disabled
              style={{ width: 200 }}
              value={status === 'absent' ? '不认定学时' : `${formatHours(session.hours)} 学时`}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
