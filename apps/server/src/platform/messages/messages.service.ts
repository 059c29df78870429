import {
  messageChannelLabel,
  messageStatusLabel,
  outboundKindLabel,
  type MessageChannel,
  type OutboundMessage,
  type OutboundMessageQuery,
} from '@jiceng/contracts';
import type { Database } from '../db/database.ts';
import { isoTime } from '../db/time.ts';
import type { Actor } from '../http/actor.ts';
import type { MessageMeta, MessageRecipient, MessageSender, SendResult } from './message-sender.ts';
import { messagesRepository } from './messages.repository.ts';

/** One message to hand over: the channel follows the recipient (a phone: SMS, else WeChat). */
export interface OutboundItem {
  to: MessageRecipient;
  text: string;
  meta: MessageMeta;
}

/** Hands messages to the configured senders and reads their log in the account's subtree. */
export function createMessagesService(deps: {
  db: Database;
  regionId: string;
  senders: Record<MessageChannel, MessageSender>;
  /** A sender's failure (logged; the cause, e.g. a meeting notice, stands). */
  onError?: (e: unknown, meta: MessageMeta) => void;
}) {
  const { db, regionId, senders, onError = () => {} } = deps;
  return {
    /** Hands each message to its channel's sender, one after the other; a failing one does not stop the rest. */
    async deliver(items: readonly OutboundItem[]): Promise<SendResult[]> {
      const out: SendResult[] = [];
      for (const m of items) {
        const sender = senders[m.to.kind === 'phone' ? 'sms' : 'wechat'];
        try {
          out.push(await sender.send(m.to, m.text, m.meta));
        } catch (e) {
          onError(e, m.meta);
        }
      }
      return out;
    },

    async list(actor: Actor, q: OutboundMessageQuery): Promise<{ items: OutboundMessage[]; total: number }> {
      if (actor.scope !== 'subtree') return { items: [], total: 0 };
      const { items, total } = await messagesRepository.list(db, regionId, {
        scopePath: actor.orgPath,
        channel: q.channel,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
      return {
        total,
        items: items.map((r) => ({
          id: r.id,
          channel: r.channel,
          channelLabel: messageChannelLabel[r.channel as MessageChannel] ?? r.channel,
          recipient: r.recipient,
          recipientName: r.recipient_name,
          orgName: r.org_name,
          kind: r.kind,
          kindLabel: outboundKindLabel[r.kind] ?? r.kind,
          text: r.text,
          status: r.status,
          statusLabel: messageStatusLabel[r.status] ?? r.status,
          createdAt: isoTime(r.created_at),
        })),
      };
    },
  };
}
export type MessagesService = ReturnType<typeof createMessagesService>;
