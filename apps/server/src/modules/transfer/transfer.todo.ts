import { Permission, type Todo } from '@jiceng/contracts';
import type { Actor } from '../../platform/http/actor.ts';
import type { TodoSource } from '../../platform/todo/todo.registry.ts';
import type { LetterService } from './transfer.letters.ts';

/** Outgoing letters past their validity without a receipt, as 待办 for those who can register it. */
export function letterTodoSource(letters: LetterService): TodoSource {
  return {
    id: 'transfer.letter',
    permission: Permission.MEMBER_WRITE,
    async list(actor: Actor): Promise<Todo[]> {
      return (await letters.overdue(actor)).map((t) => ({
        key: `transfer.letter:${t.id}`,
        source: 'transfer.letter',
        title: `介绍信逾期未回执：${t.memberName}`,
        detail: `介绍信 ${t.letterNo} 转往「${t.toOrgName}」，有效期至 ${t.validUntil}，已逾期 ${t.daysOverdue} 天仍未登记回执，请联系接收党组织核实；介绍信已过期的，作废后重新开具`,
        orgId: t.fromOrgId,
        dueDate: t.validUntil,
        severity: 'overdue',
        link: `/transfers?tab=register`,
      }));
    },
  };
}
