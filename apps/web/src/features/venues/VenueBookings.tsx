import { CalendarOutlined } from '@ant-design/icons';
import { bookerKindLabel, VENUE_REASON_MAX, type Booking, type BookerKindId, type BookingStatusId, type VenueDetail } from '@jiceng/contracts';
import { Button, Card, DatePicker, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { showSuccess } from '../../shared/feedback.ts';
import { useCancelBooking, useVenueBookings } from './api.ts';
import { BookingModal } from './BookingModal.tsx';
import { BookingStatusTag } from './labels.tsx';

const DAY = 'YYYY-MM-DD';

/** The venue's bookings for a date range (today and 30 days on by default), 预约 and 取消预约 where the server allows. */
export function VenueBookings({ venue }: { venue: VenueDetail }) {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(), dayjs().add(30, 'day')]);
  const [withCancelled, setWithCancelled] = useState(false);
  const [booking, setBooking] = useState(false);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const q = { from: range[0].format(DAY), to: range[1].format(DAY), ...(withCancelled ? { includeCancelled: true } : {}) };
  const { data, isFetching } = useVenueBookings(venue.id, q);

  return (
    <Card
      title="预约记录"
      size="small"
      extra={
        venue.can.book && (
          <Button type="primary" icon={<CalendarOutlined />} onClick={() => setBooking(true)} disabled={venue.rooms.every((r) => !r.active)}>
            预约活动室
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker aria-label="日期范围" allowClear={false} value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Space size={4}>
          <Switch size="small" checked={withCancelled} onChange={setWithCancelled} aria-label="含已取消" />
          <Typography.Text>含已取消</Typography.Text>
        </Space>
        <Typography.Text type="secondary">已过去的预约计为已使用</Typography.Text>
      </Space>
      <Table<Booking>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '该时间段没有预约' }}
        scroll={{ x: 900 }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '时段', key: 'time', width: 110, render: (_: unknown, b) => `${b.start}-${b.end}` },
          { title: '活动室', dataIndex: 'roomName', width: 140 },
          {
            title: '预约方',
            key: 'booker',
            render: (_: unknown, b) => (
              <Space size={4}>
                <Tag>{bookerKindLabel[b.bookerKind as BookerKindId]}</Tag>
                {b.bookerName}
                {b.contactPhone && <Typography.Text type="secondary">{b.contactPhone}</Typography.Text>}
                {b.mine && <Tag color="blue">本单位</Tag>}
              </Space>
            ),
          },
          { title: '用途', dataIndex: 'purpose', ellipsis: true },
          { title: '人数', dataIndex: 'attendees', width: 70, align: 'right' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: BookingStatusId, b) => (
              <span title={b.cancelReason ? `取消原因：${b.cancelReason}` : undefined}>
                <BookingStatusTag status={s} />
              </span>
            ),
          },
          {
            title: '操作',
            key: 'ops',
            width: 80,
            render: (_: unknown, b) =>
              b.canCancel && (
                <Typography.Link onClick={() => setCancelling(b)} aria-label={`取消 ${b.date} ${b.start} 的预约`}>
                  取消
                </Typography.Link>
              ),
          },
        ]}
      />
      {booking && <BookingModal venue={venue} onClose={() => setBooking(false)} />}
      {cancelling && <CancelModal booking={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}

function CancelModal({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const cancel = useCancelBooking();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title="取消预约"
      okText="取消预约"
      cancelText="返回"
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: cancel.isPending }}
      onOk={() =>
        cancel.mutate(
          { id: booking.id, input: { reason: reason.trim(), version: booking.version } },
          {
            onSuccess: () => {
              showSuccess('预约已取消，该时段可重新预约');
              onClose();
            },
          },
        )
      }
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {booking.roomName} {booking.date} {booking.start}-{booking.end}（{booking.bookerName}：{booking.purpose}）
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="取消原因"
        rows={3}
        maxLength={VENUE_REASON_MAX}
        showCount
        placeholder="请填写取消原因"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
