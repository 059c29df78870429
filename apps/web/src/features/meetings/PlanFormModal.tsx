import type { MeetingDetail, MemberSummary } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select, Switch, TimePicker } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { applyFieldErrors, isStaleVersion } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { BranchSelect } from '../members/BranchSelect.tsx';
import { usePlanMeeting, useUpdateMeeting } from './api.ts';
import { typeOptions } from './labels.tsx';
import { chosenPeople, fromMeeting, peopleProblem, toPlanInput, toUpdateInput, type PlanFormValues } from './meetingForm.ts';

/** Members of one branch by name, several at once (谈心谈话's two, 其他's chosen). */
function BranchMembersSelect({ orgId, value, onChange, id }: { orgId?: string; value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const [typed, setTyped] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const q = useDebounced(typed);
  const found = useQuery({
    queryKey: ['members', 'meeting-picker', orgId, q],
    queryFn: () => api.get<{ items: MemberSummary[]; total: number }>('/api/members', { orgId, q: q.trim() || undefined, pageSize: 50 }),
    enabled: !!orgId,
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? []).filter((m) => m.status === 'full' || m.status === 'probationary').map((m) => ({ value: m.id, label: m.name }));
  for (const v of value ?? []) if (!options.some((o) => o.value === v)) options.unshift({ value: v, label: known[v] ?? v });
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      filterOption={false}
      disabled={!orgId}
      value={value}
      onSearch={setTyped}
      onChange={(v: string[], opts) => {
        const list = (Array.isArray(opts) ? opts : [opts]).filter((o): o is { value: string; label: string } => !!o);
        setKnown((k) => ({ ...k, ...Object.fromEntries(list.map((o) => [o.value, o.label])) }));
        onChange?.(v);
      }}
      loading={found.isFetching}
      placeholder={orgId ? '输入党员姓名搜索' : '请先选择党支部'}
      notFoundContent={found.isFetching ? '正在搜索…' : '本支部没有匹配的党员'}
      options={options}
    />
  );
}

/**
 * 计划会议 (new) or 修改会议计划 (`meeting`, before it is held). The branch is one of the account's
 * scope; 谈心谈话 names exactly two people and 其他 its attendees, other types take 应到 from the
 * branch at the notice. Someone saved first: the message is shown and the form closes on the reloaded meeting.
 */
export function PlanFormModal({ meeting, onClose, onPlanned }: { meeting?: MeetingDetail; onClose: () => void; onPlanned?: (id: string) => void }) {
  const me = useMe();
  const [form] = Form.useForm<PlanFormValues>();
  const plan = usePlanMeeting();
  const update = useUpdateMeeting(meeting?.id ?? '');
  const type = Form.useWatch('type', form);
  const orgId = Form.useWatch('orgId', form);
  const online = Form.useWatch('online', form);
  const people = chosenPeople(type);
  const editing = !!meeting;
  const initial: PlanFormValues = meeting
    ? fromMeeting(meeting)
    : { type: 'branch_assembly', online: false, orgId: me.role === 'secretary' ? me.orgId : undefined };

  const submit = (v: PlanFormValues) => {
    const done = (id: string) => {
      showSuccess(editing ? '会议计划已修改' : '会议已计划');
      onClose();
      onPlanned?.(id);
    };
    if (meeting) {
      const patch = toUpdateInput(v, meeting);
      if (Object.keys(patch).length === 1) return onClose();
      update.mutate(patch, { onSuccess: (m) => done((m as MeetingDetail).id), onError: (e) => (isStaleVersion(e) ? onClose() : applyFieldErrors(form, e)) });
    } else plan.mutate(toPlanInput(v), { onSuccess: (m) => done((m as MeetingDetail).id), onError: (e) => applyFieldErrors(form, e) });
  };

  return (
    <Modal
      open
      title={editing ? '修改会议计划' : '计划会议'}
      width={720}
      okText="保存"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={plan.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<PlanFormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} name="meeting-plan">
        {editing && meeting.state === 'notice' && (
          <Alert showIcon type="info" style={{ marginBottom: 16 }} message="会议通知已发布，应到人员已确定；修改开始时间会重新生成签到码。" />
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {editing ? (
              <Form.Item label="召开会议的党支部" htmlFor="meeting-plan-org">
                <Input id="meeting-plan-org" disabled value={meeting.orgName} />
              </Form.Item>
            ) : (
              <Form.Item name="orgId" label="召开会议的党支部" rules={[{ required: true, message: '请选择党支部' }]}>
                <BranchSelect initialLabel={me.role === 'secretary' ? me.orgName : undefined} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
              <Select options={typeOptions} disabled={editing} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="会议名称" rules={[{ required: true, min: 2, max: 100, message: '请填写会议名称（2—100 字）' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="topics" label="议题" rules={[{ required: true, min: 2, max: 1000, message: '请填写议题（2—1000 字）' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="date" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="startTime" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
              <TimePicker format="HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="endTime"
              label="结束时间"
              dependencies={['startTime']}
              rules={[
                { required: true, message: '请选择结束时间' },
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    !v || !getFieldValue('startTime') || v.format('HH:mm') > getFieldValue('startTime').format('HH:mm')
                      ? Promise.resolve()
                      : Promise.reject(new Error('结束时间应晚于开始时间')),
                }),
              ]}
            >
              <TimePicker format="HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="online" label="线上会议" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="place" label={online ? '会议平台或链接（选填）' : '地点'} rules={online ? [] : [{ required: true, message: '请填写会议地点' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="hostName" label="主持人（选填）">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="recorderName" label="记录人（选填）">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        {type === 'party_lecture' && (
          <Form.Item name="lectureBySecretary" valuePropName="checked">
            <Checkbox>书记讲党课（由本支部书记讲授，计入书记讲党课要求）</Checkbox>
          </Form.Item>
        )}
        {!editing && people && (
          <Form.Item
            name="memberIds"
            label={people === 'pair' ? '谈话双方（两人）' : '参会党员'}
            dependencies={['type']}
            rules={[
              {
                validator: (_, ids: string[] | undefined) =>
                  peopleProblem(type, ids) ? Promise.reject(new Error(peopleProblem(type, ids)!)) : Promise.resolve(),
              },
            ]}
          >
            <BranchMembersSelect orgId={orgId} />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item
            name="guests"
            label="列席人员（选填，输入姓名后回车）"
            extra={people ? undefined : '应到人员在发布通知时按会议类型从本支部自动确定（支委会为在任支部委员）。'}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
