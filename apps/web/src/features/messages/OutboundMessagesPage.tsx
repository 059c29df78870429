import { MESSAGE_CHANNELS, messageChannelLabel, type MessageChannel, type OutboundMessage } from '@jiceng/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { serverPagination, usePaging } from '../../shared/pagination.ts';

/**
 * 短信微信记录: the messages handed to the SMS/WeChat senders in the account's subtree. The
 * development sender only records them (ADR 0019): nothing was sent, the phone is masked.
 */
export default function OutboundMessagesPage() {
  const paging = usePaging();
  const [channel, setChannel] = useState<MessageChannel | undefined>();
  const { data, isFetching } = useQuery({
    queryKey: ['messages', 'outbound', channel, paging.page, paging.pageSize],
    queryFn: () => api.get<{ items: OutboundMessage[]; total: number }>('/api/messages/outbound', { channel, page: paging.page, pageSize: paging.pageSize }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="短信微信记录">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="当前为开发用发送方式（MESSAGE_SENDER=log）：消息只记录在此，不会实际发送短信或微信；手机号仅保存脱敏后的号码。"
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<MessageChannel>
          allowClear
          aria-label="渠道"
          placeholder="全部渠道"
          style={{ width: 160 }}
          value={channel}
          onChange={(v) => {
            setChannel(v);
            paging.reset();
          }}
          options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: messageChannelLabel[c] }))}
        />
      </Space>
      <Table<OutboundMessage>
        rowKey="id"
        scroll={{ x: 1000 }}
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无消息记录' }}
        pagination={serverPagination({ page: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, onChange: paging.setPaging })}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 150, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
          { title: '渠道', dataIndex: 'channelLabel', width: 70 },
          { title: '接收人', dataIndex: 'recipientName', width: 100, render: (n: string | null) => n ?? '—' },
          { title: '号码 / 微信', dataIndex: 'recipient', width: 150 },
          { title: '所属组织', dataIndex: 'orgName', width: 180, render: (n: string | null) => n ?? '—' },
          { title: '类别', dataIndex: 'kindLabel', width: 90 },
          { title: '内容', dataIndex: 'text' },
          { title: '状态', dataIndex: 'statusLabel', width: 160, render: (s: string) => <Tag>{s}</Tag> },
        ]}
      />
    </Card>
  );
}
