import {
  TRAINING_HOURS_MAX,
  TRAINING_HOURS_STEP,
  TRAINING_PLACE_MAX,
  TRAINING_PROVIDER_MAX,
  TRAINING_TITLE_MAX,
  type TrainingSession,
} from '@jiceng/contracts';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors, isStaleVersion } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useCreateSession, useUpdateSession } from './api.ts';
import { kindOptions } from './labels.tsx';
import { fromSession, isValidHours, newSessionValues, toSessionInput, toSessionUpdate, type SessionFormValues } from './trainingForm.ts';

/** Latest end date the server takes: 31 December of next year. */
const latest = () => dayjs().add(1, 'year').endOf('year');

/**
 * 新建培训 or 修改培训 (`session`). The organizer is one of the account's scope (its own by default)
 * and is not changed later; an edit sends the version it was opened from. Someone saved first
 * (409): the message is shown, the session reloads and the form closes.
 */
export function SessionFormModal({ session, onClose, onSaved }: { session?: TrainingSession; onClose: () => void; onSaved?: (id: string) => void }) {
  const me = useMe();
  const [form] = Form.useForm<SessionFormValues>();
  const create = useCreateSession();
  const update = useUpdateSession(session?.id ?? '');
  const kind = Form.useWatch('kind', form);
  const online = Form.useWatch('online', form);
  const isOnline = kind === 'online' || online;
  const editing = !!session;

  const submit = (v: SessionFormValues) => {
    const done = (s: TrainingSession) => {
      showSuccess(editing ? '培训已修改' : `已新建培训「${s.title}」`);
      onClose();
      onSaved?.(s.id);
    };
    if (session) {
      const patch = toSessionUpdate(v, session);
      if (Object.keys(patch).length === 1) return onClose();
      update.mutate(patch, { onSuccess: done, onError: (e) => (isStaleVersion(e) ? onClose() : applyFieldErrors(form, e)) });
    } else create.mutate(toSessionInput(v), { onSuccess: done, onError: (e) => applyFieldErrors(form, e) });
  };

  return (
    <Modal
      open
      title={editing ? '修改培训' : '新建培训'}
      width={680}
      okText="保存"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<SessionFormValues>
        form={form}
        layout="vertical"
        name="training-session"
        initialValues={session ? fromSession(session) : newSessionValues(me.orgId)}
        onFinish={submit}
        onValuesChange={(changed: Partial<SessionFormValues>) => {
          if (changed.kind === 'online') form.setFieldValue('online', true);
        }}
      >
        {editing && session.attendees + session.absentees > 0 && (
          <Alert
            showIcon
            type="info"
            style={{ marginBottom: 16 }}
            message="已登记参训情况：修改学时后，全程参加的党员按新的学时认定；部分参加的认定学时不变。"
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {editing ? (
              <Form.Item label="主办组织" htmlFor="training-session-org">
                <Input id="training-session-org" disabled value={session.orgName} />
              </Form.Item>
            ) : (
              <Form.Item name="orgId" label="主办组织" rules={[{ required: true, message: '请选择主办组织' }]}>
                <OrgSelect initialLabel={me.orgName} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label="培训类型" rules={[{ required: true, message: '请选择培训类型' }]}>
              <Select options={kindOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label="培训名称"
          rules={[{ required: true, whitespace: true, min: 2, max: TRAINING_TITLE_MAX, message: `请填写培训名称（2—${TRAINING_TITLE_MAX} 字）` }]}
        >
          <Input maxLength={TRAINING_TITLE_MAX} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(latest()) || d.year() < 2000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="endDate"
              label="结束日期"
              dependencies={['startDate']}
              rules={[
                { required: true, message: '请选择结束日期' },
                ({ getFieldValue }) => ({
                  validator: (_, v?: Dayjs) => {
                    const start = getFieldValue('startDate') as Dayjs | undefined;
                    return !v || !start || !v.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error('结束日期不能早于开始日期'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(latest()) || d.year() < 2000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="hours"
              label="学时"
              extra={`全程参加认定的学时，${TRAINING_HOURS_STEP} 的整数倍`}
              rules={[
                { required: true, message: '请填写学时' },
                {
                  validator: (_, v?: number) =>
                    v === undefined || v === null || isValidHours(v)
                      ? Promise.resolve()
                      : Promise.reject(new Error(`学时应为 ${TRAINING_HOURS_STEP}—${TRAINING_HOURS_MAX} 之间 ${TRAINING_HOURS_STEP} 的整数倍`)),
                },
              ]}
            >
              <InputNumber min={TRAINING_HOURS_STEP} max={TRAINING_HOURS_MAX} step={TRAINING_HOURS_STEP} addonAfter="学时" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="online" label="线上举办" valuePropName="checked">
              <Switch disabled={kind === 'online'} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="place" label="培训地点（选填）">
              <Input maxLength={TRAINING_PLACE_MAX} placeholder={isOnline ? '线上举办可不填' : '如：社区党群服务中心'} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="provider" label={isOnline ? '学习平台（选填）' : '举办单位（选填）'}>
          <Input maxLength={TRAINING_PROVIDER_MAX} placeholder={isOnline ? '如：共产党员网' : '如：中共演示区委党校'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
