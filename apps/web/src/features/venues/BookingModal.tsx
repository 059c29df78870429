import { VENUE_CAPACITY_MAX, VENUE_PURPOSE_MAX, type BookingInput, type VenueDetail } from '@jiceng/contracts';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useBook } from './api.ts';
import { TIME_OPTIONS } from './labels.tsx';

interface Values {
  roomId: string;
  date: Dayjs;
  start: string;
  end: string;
  purpose: string;
  attendees: number;
  unitId?: string;
}

/**
 * 预约活动室: room, day, half-hour start and end, purpose, expected attendees (and, for a 驻区单位
 * reported to several communities, the unit). The server checks the opening hours, the capacity, the
 * limits and that the slot is free (rule set venue-2026); its refusal is shown here as it says it.
 */
export function BookingModal({ venue, onClose }: { venue: VenueDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const book = useBook(venue.id);
  const [refusal, setRefusal] = useState<string | null>(null);
  const rooms = venue.rooms.filter((r) => r.active);
  const roomId = Form.useWatch('roomId', form);
  const room = rooms.find((r) => r.id === roomId);

  const submit = async () => {
    const v = await form.validateFields();
    setRefusal(null);
    const input: BookingInput = {
      roomId: v.roomId,
      date: v.date.format('YYYY-MM-DD'),
      start: v.start,
      end: v.end,
      purpose: v.purpose.trim(),
      attendees: v.attendees,
      ...(v.unitId ? { unitId: v.unitId } : {}),
    };
    book.mutate(input, {
      onSuccess: (b) => {
        showSuccess(`已预约 ${b.roomName} ${b.date} ${b.start}-${b.end}`);
        onClose();
      },
      onError: (e) => {
        applyFieldErrors(form, e);
        setRefusal(messageOf(e));
      },
    });
  };

  return (
    <Modal
      open
      title={`预约活动室：${venue.name}`}
      okText="预约"
      cancelText="取消"
      onOk={submit}
      confirmLoading={book.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">开放时间：{venue.hoursText}</Typography.Paragraph>
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} data-testid="booking-refusal" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roomId: rooms[0]?.id, date: dayjs().add(1, 'day'), start: '09:00', end: '11:00', attendees: 10, unitId: venue.bookAs[0]?.unitId }}
      >
        <Form.Item name="roomId" label="活动室" rules={[{ required: true, message: '请选择活动室' }]}>
          <Select options={rooms.map((r) => ({ value: r.id, label: `${r.name}（容纳 ${r.capacity} 人）` }))} />
        </Form.Item>
        {venue.bookAs.length > 1 && (
          <Form.Item name="unitId" label="预约单位" rules={[{ required: true, message: '请选择以哪个单位预约' }]}>
            <Select options={venue.bookAs.map((u) => ({ value: u.unitId, label: u.unitName }))} />
          </Form.Item>
        )}
        <Space wrap align="start">
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="start" label="开始" rules={[{ required: true, message: '开始时间' }]}>
            <Select aria-label="开始时间" style={{ width: 100 }} options={TIME_OPTIONS} />
          </Form.Item>
          <Form.Item name="end" label="结束" rules={[{ required: true, message: '结束时间' }]}>
            <Select aria-label="结束时间" style={{ width: 100 }} options={TIME_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="attendees"
            label="预计人数"
            rules={[{ required: true, message: '请填写预计人数' }]}
            extra={room ? `最多 ${room.capacity} 人` : undefined}
          >
            <InputNumber min={1} max={VENUE_CAPACITY_MAX} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="purpose" label="用途" rules={[{ required: true, whitespace: true, min: 2, message: '请填写用途（活动内容）' }]}>
          <Input maxLength={VENUE_PURPOSE_MAX} showCount placeholder="如：支部主题党日活动" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
