import { PlusOutlined } from '@ant-design/icons';
import { VENUE_AREA_MAX, VENUE_CAPACITY_MAX, VENUE_NAME_MAX, type VenueDetail, type VenueRoom, type VenueRoomInput } from '@jiceng/contracts';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useAddRoom, useUpdateRoom } from './api.ts';
import { m2 } from './labels.tsx';

/** A venue's rooms (活动室): capacity, area, open to residents' bookings, in use; 新增/修改 for its managers. */
export function VenueRooms({ venue }: { venue: VenueDetail }) {
  const [editing, setEditing] = useState<VenueRoom | 'new' | null>(null);
  return (
    <Card
      title="活动室"
      size="small"
      extra={
        venue.can.rooms && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增活动室
          </Button>
        )
      }
    >
      <Table<VenueRoom>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={venue.rooms}
        locale={{ emptyText: '未登记活动室' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '容纳人数', dataIndex: 'capacity', width: 100, align: 'right' },
          { title: '面积', dataIndex: 'areaM2', width: 120, align: 'right', render: m2 },
          { title: '居民可预约', dataIndex: 'residentBookable', width: 110, render: (b: boolean) => (b ? <Tag color="blue">可预约</Tag> : '—') },
          { title: '状态', dataIndex: 'active', width: 90, render: (a: boolean) => (a ? '在用' : <Tag>已停用</Tag>) },
          ...(venue.can.rooms
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 80,
                  render: (_: unknown, r: VenueRoom) => (
                    <Typography.Link onClick={() => setEditing(r)} aria-label={`修改 ${r.name}`}>
                      修改
                    </Typography.Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <RoomModal venueId={venue.id} room={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function RoomModal({ venueId, room, onClose }: { venueId: string; room?: VenueRoom; onClose: () => void }) {
  const [form] = Form.useForm<VenueRoomInput>();
  const add = useAddRoom(venueId);
  const update = useUpdateRoom(venueId);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setRefusal(null);
    const input = { ...v, name: v.name.trim() };
    const opts = {
      onSuccess: () => {
        showSuccess(room ? '活动室已保存' : `已新增活动室「${input.name}」`);
        onClose();
      },
      onError: (e: unknown) => {
        if (applyFieldErrors(form, e) === 0) setRefusal(messageOf(e));
      },
    };
    if (room) update.mutate({ roomId: room.id, input }, opts);
    else add.mutate(input, opts);
  };
  return (
    <Modal
      open
      title={room ? `修改活动室：${room.name}` : '新增活动室'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={add.isPending || update.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={room ?? { residentBookable: false, active: true }}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, min: 2, message: '请填写活动室名称' }]}>
          <Input maxLength={VENUE_NAME_MAX} placeholder="如：多功能活动室" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="capacity" label="容纳人数" rules={[{ required: true, message: '请填写容纳人数' }]}>
            <InputNumber min={1} max={VENUE_CAPACITY_MAX} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="areaM2" label="面积（平方米）" rules={[{ required: true, message: '请填写面积' }]}>
            <InputNumber min={1} max={VENUE_AREA_MAX} precision={2} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Space wrap size={32}>
          <Form.Item name="residentBookable" label="居民可预约" valuePropName="checked">
            <Switch />
          </Form.Item>
          {room && (
            <Form.Item name="active" label="在用" valuePropName="checked" extra="停用后不再接受预约">
              <Switch />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
