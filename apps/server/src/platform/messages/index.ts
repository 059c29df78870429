export {
  createLogSender,
  createMessageSenders,
  MESSAGE_SENDER_KINDS,
  OPENID_PLACEHOLDER,
  type MessageLog,
  type MessageMeta,
  type MessageRecipient,
  type MessageSender,
  type MessageSenderKind,
  type SendResult,
} from './message-sender.ts';
export { createMessagesService, type MessagesService, type OutboundItem } from './messages.service.ts';
export { registerMessageRoutes } from './messages.routes.ts';
