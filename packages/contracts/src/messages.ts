import { Type, type Static } from '@sinclair/typebox';
import { Id, PageNumber, pageSizeField, Timestamp } from './common.ts';

/**
 * Outbound messages (SMS, WeChat) handed to the configured sender (ADR 0019). The development sender
 * only logs them (migration 0032): the log shows what a production sender would have sent.
 */
export const MESSAGE_CHANNELS = ['sms', 'wechat'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export const messageChannelLabel: Record<MessageChannel, string> = { sms: '短信', wechat: '微信' };
export const MESSAGE_STATUSES = ['logged'] as const;
export const messageStatusLabel: Record<string, string> = { logged: '已记录（未实际发送）' };

export const OutboundMessageQuery = Type.Object({
  channel: Type.Optional(Type.Unsafe<MessageChannel>({ type: 'string', enum: [...MESSAGE_CHANNELS], description: '渠道' })),
  page: PageNumber,
  pageSize: pageSizeField(),
});
export type OutboundMessageQuery = Static<typeof OutboundMessageQuery>;

export const OutboundMessage = Type.Object({
  id: Id,
  channel: Type.String(),
  channelLabel: Type.String(),
  /** Masked phone (138****5678) or the WeChat placeholder; never the full number. */
  recipient: Type.String(),
  recipientName: Type.Union([Type.String(), Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
  /** What caused it, e.g. meeting.notice. */
  kind: Type.String(),
  kindLabel: Type.String(),
  text: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  createdAt: Timestamp,
});
export type OutboundMessage = Static<typeof OutboundMessage>;

export const outboundKindLabel: Record<string, string> = { 'meeting.notice': '会议通知' };
