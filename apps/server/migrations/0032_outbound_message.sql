-- Outbound messages (SMS, WeChat) handed to the configured sender (ADR 0019). The development
-- sender (MESSAGE_SENDER=log, the only one) writes each here and to the log, never to a network.
-- `recipient` is the masked phone or a WeChat openid placeholder: a full number is never stored.
-- `org_id` is the organization whose subtree may read the row (the meeting's branch for a notice).
create table outbound_message (
  region_id text not null,
  id uuid not null,
  channel text not null check (channel in ('sms', 'wechat')),
  recipient text not null,
  recipient_name text,
  member_id uuid,
  org_id uuid,
  kind text not null,
  dedupe_key text not null,
  text text not null,
  status text not null default 'logged' check (status in ('logged')),
  created_at timestamptz not null default now(),
  constraint outbound_message_pkey primary key (region_id, id),
  constraint outbound_message_member_fkey foreign key (region_id, member_id) references member_row (region_id, id),
  constraint outbound_message_org_fkey foreign key (region_id, org_id) references org (region_id, id)
);
-- one message per cause, channel and person (a repeated notice hands nothing twice)
create unique index outbound_message_dedupe_key on outbound_message (region_id, dedupe_key, channel);
create index outbound_message_created_idx on outbound_message (region_id, created_at desc, id desc);
