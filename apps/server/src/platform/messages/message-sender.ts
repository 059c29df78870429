import { sql } from 'drizzle-orm';
import type { MessageChannel } from '@jiceng/contracts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import { maskPhone } from '../crypto/mask.ts';
import type { Database } from '../db/database.ts';
import { newId } from '../ids.ts';

/**
 * Who a message goes to. The phone stays encrypted (as the member record keeps it) until a sender
 * needs it: only inside `send` is it decrypted, and only the masked form is ever stored or logged.
 */
export type MessageRecipient = { kind: 'phone'; phoneEnc: string } | { kind: 'openid'; openId: string | null };

/** Why the message is sent and whom it concerns (for the log and the scope of its reader). */
export interface MessageMeta {
  /** What caused it, e.g. `meeting.notice`. */
  kind: string;
  /** One message per key and channel: a second hand-over of the same key sends nothing. */
  dedupeKey: string;
  recipientName: string | null;
  memberId: string | null;
  /** The organization whose subtree may read the log row. */
  orgId: string | null;
}

export interface SendResult {
  /** true when handed over now, false when this key was handed over before. */
  sent: boolean;
  /** The recipient as stored: a masked phone or the openid placeholder. */
  recipient: string;
}

/** A channel's sender (ADR 0019). Production senders (an SMS gateway, WeChat templates) implement this. */
export interface MessageSender {
  channel: MessageChannel;
  send(to: MessageRecipient, text: string, meta: MessageMeta): Promise<SendResult>;
}

/** Values MESSAGE_SENDER may take; `log` is the only sender there is (development: no network, ever). */
export const MESSAGE_SENDER_KINDS = ['log'] as const;
export type MessageSenderKind = (typeof MESSAGE_SENDER_KINDS)[number];

/** An openid is not a secret, but the log shows only its ends; a member without one gets a placeholder. */
export const OPENID_PLACEHOLDER = 'openid（未绑定微信）';
const maskOpenId = (id: string) => (id.length > 8 ? `${id.slice(0, 4)}****${id.slice(-4)}` : '****');

export type MessageLog = (fields: Record<string, unknown>, msg: string) => void;

/**
 * The development sender: writes the message to `outbound_message` (status `logged`) and to the
 * process log, and sends nothing anywhere. It decrypts the phone only to mask it, so the code path
 * a real sender takes (decrypt inside send) is the one tested.
 */
export function createLogSender(channel: MessageChannel, deps: { db: Database; regionId: string; crypto: FieldCrypto; log: MessageLog }): MessageSender {
  return {
    channel,
    async send(to, text, meta) {
      let recipient: string;
      if (to.kind === 'phone') {
        const phone = deps.crypto.decrypt(to.phoneEnc);
        recipient = maskPhone(phone);
      } else recipient = to.openId ? maskOpenId(to.openId) : OPENID_PLACEHOLDER;
      const n = await deps.db
        .run(sql`insert into outbound_message (region_id, id, channel, recipient, recipient_name, member_id, org_id, kind, dedupe_key, text)
        values (${deps.regionId}, ${newId()}, ${channel}, ${recipient}, ${meta.recipientName}, ${meta.memberId}::uuid, ${meta.orgId}::uuid, ${meta.kind},
          ${meta.dedupeKey}, ${text})
        on conflict (region_id, dedupe_key, channel) do nothing`);
      if (n > 0) deps.log({ channel, recipient, kind: meta.kind, text }, 'outbound message logged (MESSAGE_SENDER=log, not sent)');
      return { sent: n > 0, recipient };
    },
  };
}

/** The senders of every channel for the configured kind. */
export function createMessageSenders(
  kind: MessageSenderKind,
  deps: { db: Database; regionId: string; crypto: FieldCrypto; log: MessageLog },
): Record<MessageChannel, MessageSender> {
  switch (kind) {
    case 'log':
      return { sms: createLogSender('sms', deps), wechat: createLogSender('wechat', deps) };
  }
}
