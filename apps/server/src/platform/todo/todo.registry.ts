import type { Permission, Todo } from '@jiceng/contracts';
import type { Actor } from '../http/actor.ts';

/**
 * A module's contribution to the 待办 list: a query derived from its own data at read time (never a
 * stored copy), run only for actors holding `permission`, already limited to the actor's scope.
 */
export interface TodoSource {
  id: string;
  permission: Permission;
  list(actor: Actor): Promise<Todo[]>;
}

export function createTodoRegistry() {
  const sources: TodoSource[] = [];
  return {
    add(source: TodoSource): void {
      sources.push(source);
    },
    /** Everything due or overdue in the actor's scope, newest deadline first. */
    async list(actor: Actor): Promise<Todo[]> {
      const mine = sources.filter((s) => actor.permissions.includes(s.permission));
      const all = (await Promise.all(mine.map((s) => s.list(actor)))).flat();
      return all.sort((a, b) => (b.dueDate ?? '').localeCompare(a.dueDate ?? '') || a.key.localeCompare(b.key));
    },
  };
}
export type TodoRegistry = ReturnType<typeof createTodoRegistry>;
