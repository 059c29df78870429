import { Type, type Static } from '@sinclair/typebox';
import { Id, Timestamp } from './common.ts';

/** A 待办: derived from a module's data at read time, never stored. */
export const Todo = Type.Object({
  /** Stable key: `<source>:<record id>` */
  key: Type.String(),
  source: Type.String(),
  title: Type.String(),
  detail: Type.String(),
  orgId: Type.Union([Id, Type.Null()]),
  dueDate: Type.Union([Type.String(), Type.Null()]),
  /** overdue / due_soon */
  severity: Type.String(),
  /** Web route that opens the record. */
  link: Type.String(),
});
export type Todo = Static<typeof Todo>;

export const Notification = Type.Object({
  id: Id,
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
});
export type Notification = Static<typeof Notification>;
