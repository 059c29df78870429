import { OutboundMessage, OutboundMessageQuery, Page, Permission } from '@jiceng/contracts';
import { actorOf, type App } from '../http/app.ts';
import type { MessagesService } from './messages.service.ts';

/** The outbound message log (短信、微信), for roles that read the audit log, in their subtree. */
export function registerMessageRoutes(app: App, messages: MessagesService): void {
  app.get(
    '/api/messages/outbound',
    {
      config: { access: Permission.AUDIT_READ },
      schema: {
        tags: ['消息'],
        summary: '短信、微信消息记录（开发环境只记录，不实际发送）',
        querystring: OutboundMessageQuery,
        response: { 200: Page(OutboundMessage) },
      },
    },
    (req) => messages.list(actorOf(req), req.query),
  );
}
