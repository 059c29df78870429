import { Type, type Static } from '@sinclair/typebox';
import { Id, Timestamp } from './common.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/**
 * One step in a record's history, as the platform workflow writes it (ADR 0014): meetings, service
 * requests, opinions, applicants, tasks and projects answer their history in this shape.
 */
export const WorkflowEvent = Type.Object({
  id: Id,
  /** The action's code, e.g. `submit`. */
  action: Type.String({ description: '操作' }),
  /** Its Chinese name, e.g. 提交. */
  actionLabel: Type.String({ description: '操作名称' }),
  fromState: Type.String({ description: '原状态' }),
  fromStateLabel: Type.String({ description: '原状态名称' }),
  toState: Type.String({ description: '新状态' }),
  toStateLabel: Type.String({ description: '新状态名称' }),
  /** The account that acted; null for a system job. */
  actorId: Nullable(Type.String({ description: '操作人编号' })),
  /** The actor's name as it was when acting. */
  actorName: Nullable(Type.String({ description: '操作人' })),
  reason: Nullable(Type.String({ description: '理由' })),
  at: Timestamp,
});
export type WorkflowEvent = Static<typeof WorkflowEvent>;
