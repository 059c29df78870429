import { Type } from '@sinclair/typebox';
import { IdParams, Notification, Ok, Permission, TodoPage, TodoQuery, TodoSummary } from '@jiceng/contracts';
import { actorOf, type App } from '../http/app.ts';
import type { NotificationService } from './notification.service.ts';
import type { TodoRegistry } from './todo.registry.ts';

/** 待办 (derived) and in-app notifications (sent once by jobs). */
export function registerTodoRoutes(app: App, todos: TodoRegistry, notifications: NotificationService): void {
  const tags = ['待办'];
  app.get(
    '/api/todos',
    {
      config: { access: Permission.TODO_READ },
      schema: { tags, summary: '我的待办（分页，按逾期、即将到期、待完善排序）', querystring: TodoQuery, response: { 200: TodoPage } },
    },
    (req) => todos.page(actorOf(req), req.query),
  );

  app.get(
    '/api/todos/summary',
    { config: { access: Permission.TODO_READ }, schema: { tags, summary: '待办统计（按类别、紧急程度、下级组织）', response: { 200: TodoSummary } } },
    (req) => todos.summary(actorOf(req)),
  );

  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '站内通知', response: { 200: Type.Object({ items: Type.Array(Notification), unread: Type.Integer() }) } },
    },
    (req) => notifications.mine(actorOf(req).id),
  );

  app.post(
    '/api/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags, summary: '标为已读', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await notifications.markRead(actorOf(req).id, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/notifications/read-all',
    { config: { access: 'authenticated' }, schema: { tags, summary: '全部标为已读', response: { 200: Ok } } },
    async (req) => {
      await notifications.markRead(actorOf(req).id, null);
      return { ok: true as const };
    },
  );
}
