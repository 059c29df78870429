import { PlusOutlined } from '@ant-design/icons';
import { Permission, RM_MEETING_STATES, RM_PLACE_MAX, RM_TITLE_MAX, rmMeetingStateLabel, type RmMeeting, type RmMeetingStateId } from '@jiceng/contracts';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { useCreateMeeting, useMeetings } from './api.ts';
import { MeetingStateTag, yearChoices } from './labels.tsx';

const STATE_OPTIONS = RM_MEETING_STATES.map((value) => ({ value, label: rmMeetingStateLabel[value] }));

interface NewMeeting {
  orgId?: string;
  title: string;
  heldOn: Dayjs;
  place: string;
  host?: string;
}

/** 新建联席会议: the community (default the account's own), topic, date, place, host. */
function CreateModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<NewMeeting>();
  const create = useCreateMeeting();
  const navigate = useNavigate();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        ...(v.orgId ? { orgId: v.orgId } : {}),
        title: v.title.trim(),
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        place: v.place.trim(),
        host: v.host?.trim() || null,
      },
      {
        onError: (e) => applyFieldErrors(form, e),
        onSuccess: (m) => {
          showSuccess('已创建联席会议，请设置议程');
          navigate(`/regional/meetings/${m.id}`);
        },
      },
    );
  };
  return (
    <Modal
      open
      title="新建大党委联席会议"
      okText="创建"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="rm-meeting">
        <Form.Item name="orgId" label="社区（村）党组织" extra="不选则为本账号所在组织">
          <OrgSelect allowClear aria-label="社区（村）党组织" />
        </Form.Item>
        <Form.Item name="title" label="会议议题" rules={[{ required: true, min: 2, max: RM_TITLE_MAX, message: '请填写会议议题（2–60字）' }]}>
          <Input maxLength={RM_TITLE_MAX} />
        </Form.Item>
        <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="会议地点" rules={[{ required: true, message: '请填写会议地点' }]}>
          <Input maxLength={RM_PLACE_MAX} />
        </Form.Item>
        <Form.Item name="host" label="主持人">
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 联席会议: the 大党委 joint meetings of the communities in scope, by state and year; 新建 for regional:manage. */
export default function MeetingsPage() {
  const me = useMe();
  const canManage = hasPermission(me, Permission.REGION_MANAGE);
  const thisYear = dayjs().year();
  const [f, setF] = useState<{ page: number; pageSize: number; state?: RmMeetingStateId; year?: number; orgId?: string }>({
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
  });
  const { data, isFetching } = useMeetings(f);
  const [creating, setCreating] = useState(false);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch, page: patch.page ?? 1 });

  return (
    <Card
      title="大党委联席会议"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建会议
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgSelect
          allowClear
          aria-label="组织"
          placeholder="全部组织"
          style={{ width: 240 }}
          value={f.orgId}
          onChange={(orgId) => set({ orgId: orgId ?? undefined })}
        />
        <Select
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          style={{ width: 120 }}
          value={f.state}
          onChange={(state) => set({ state })}
          options={STATE_OPTIONS}
        />
        <Select
          allowClear
          aria-label="年度"
          placeholder="全部年度"
          style={{ width: 120 }}
          value={f.year}
          onChange={(year) => set({ year })}
          options={yearChoices(thisYear)}
        />
      </Space>
      <ScrollRegion label="联席会议列表">
        <Table<RmMeeting>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (p) => set(p) })}
          columns={[
            { title: '会议日期', dataIndex: 'heldOn', width: 110 },
            { title: '会议议题', dataIndex: 'title', render: (_, m) => <Link to={`/regional/meetings/${m.id}`}>{m.title}</Link> },
            { title: '社区', dataIndex: 'orgName' },
            {
              title: '状态',
              dataIndex: 'state',
              width: 150,
              render: (_, m) => (
                <Space size={4}>
                  <MeetingStateTag state={m.state} />
                  {m.minutesOverdue && <Tag color="red">纪要未交</Tag>}
                </Space>
              ),
            },
            { title: '出席单位', width: 100, render: (_, m) => (m.recorded ? `${m.present}/${m.recorded}` : '—') },
            { title: '议题', dataIndex: 'agendaCount', width: 70 },
            { title: '决定', dataIndex: 'decisionCount', width: 70 },
            {
              title: '落实事项',
              width: 120,
              render: (_, m) => (
                <Space size={4}>
                  {m.followupCount}
                  {m.followupsOverdue > 0 && <Typography.Text type="danger">逾期 {m.followupsOverdue}</Typography.Text>}
                </Space>
              ),
            },
          ]}
        />
      </ScrollRegion>
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
