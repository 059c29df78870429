import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { VENUE_REASON_MAX, venueKindLabel, type VenueDetail } from '@jiceng/contracts';
import { Breadcrumb, Button, Card, Descriptions, Input, List, Modal, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { showSuccess } from '../../shared/feedback.ts';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { useVenue, useVenueStatus } from './api.ts';
import { m2, VenueStatusTag } from './labels.tsx';
import { VenueBookings } from './VenueBookings.tsx';
import { VenueFormModal } from './VenueFormModal.tsx';
import { VenueRooms } from './VenueRooms.tsx';

/**
 * One venue: its facts (kind, community, unit, area, hours with 延时, manager with the masked phone and
 * 查看完整电话 for who may, audited), 暂停开放/恢复开放, its rooms, 服务清单, the bookings of a date range
 * with 预约 and 取消预约 — every button only where the server's `can` allows it.
 */
export default function VenuePage() {
  const { id = '' } = useParams();
  const [unmask, setUnmask] = useState(false);
  const query = useVenue(id, unmask);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <PageLoadFailed title="无法打开该阵地" error={query.error} back="/venues" backLabel="返回阵地列表" />;
  const v = query.data;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Breadcrumb items={[{ title: <Link to="/venues">阵地</Link> }, { title: v.name }]} style={{ marginBottom: 8 }} />
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
          <Space align="baseline" size={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {v.name}
            </Typography.Title>
            <Tag>{venueKindLabel[v.kind]}</Tag>
            <VenueStatusTag status={v.status} />
          </Space>
          <Space wrap>
            {v.can.edit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            )}
            {v.can.setStatus && <StatusButton venue={v} />}
          </Space>
        </div>
        {v.status === 'suspended' && v.statusReason && (
          <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>
            暂停原因：{v.statusReason}
          </Typography.Paragraph>
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label="所属社区">
            {v.orgName}
            {v.streetName ? `（${v.streetName}）` : ''}
          </Descriptions.Item>
          {v.unitName && <Descriptions.Item label="开放单位">{v.unitName}</Descriptions.Item>}
          <Descriptions.Item label="地址">{v.address}</Descriptions.Item>
          <Descriptions.Item label="面积">{m2(v.areaM2)}</Descriptions.Item>
          <Descriptions.Item label="开放时间">
            {v.hoursText}
            {v.extendedHours && (
              <Tag color="purple" style={{ marginLeft: 8 }}>
                有延时开放
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="管理人">
            <Space>
              {v.managerName} {v.managerPhone}
              {v.can.unmask && !v.unmasked && (
                <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setUnmask(true)} title="查看完整电话（记入操作日志）">
                  查看完整电话
                </Button>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <VenueRooms venue={v} />
      <Card title="服务清单" size="small">
        <List
          size="small"
          locale={{ emptyText: '未登记服务项目' }}
          dataSource={v.services}
          renderItem={(s) => (
            <List.Item>
              <Typography.Text strong>{s.name}</Typography.Text>
              {s.description && <Typography.Text type="secondary">{s.description}</Typography.Text>}
            </List.Item>
          )}
        />
      </Card>
      <VenueBookings venue={v} />
      {v.history.length > 0 && (
        <Card title="开放状态变更记录" size="small">
          <Timeline
            items={v.history.map((e) => ({
              key: e.id,
              children: (
                <>
                  <Typography.Text strong>{e.actionLabel}</Typography.Text> {e.actorName ?? '系统'} {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                  {e.reason && <div>原因：{e.reason}</div>}
                </>
              ),
            }))}
          />
        </Card>
      )}
      {editing && <VenueFormModal venue={v} onClose={() => setEditing(false)} />}
    </Space>
  );
}

/** 暂停开放 (asks the reason) or 恢复开放. */
function StatusButton({ venue }: { venue: VenueDetail }) {
  const change = useVenueStatus(venue.id);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (venue.status === 'suspended')
    return (
      <Button
        type="primary"
        loading={change.isPending}
        onClick={() => change.mutate({ action: 'reopen', version: venue.version }, { onSuccess: () => showSuccess('已恢复开放') })}
      >
        恢复开放
      </Button>
    );
  return (
    <>
      <Button danger onClick={() => setAsking(true)}>
        暂停开放
      </Button>
      <Modal
        open={asking}
        title={`暂停开放「${venue.name}」`}
        okText="暂停开放"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: change.isPending }}
        onOk={() =>
          change.mutate(
            { action: 'suspend', reason: reason.trim(), version: venue.version },
            {
              onSuccess: () => {
                showSuccess('已暂停开放，暂停期间不接受新的预约');
                setAsking(false);
                setReason('');
              },
            },
          )
        }
        onCancel={() => setAsking(false)}
      >
        <Typography.Paragraph>暂停期间不接受新的预约；已有的预约如需取消，请在预约记录中逐个取消。请填写暂停原因：</Typography.Paragraph>
        <Input.TextArea aria-label="暂停原因" rows={3} maxLength={VENUE_REASON_MAX} showCount value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
