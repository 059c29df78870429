import { Permission, type Todo } from '@jiceng/contracts';
import type { Actor } from '../../platform/http/actor.ts';
import type { TodoSource } from '../../platform/todo/todo.registry.ts';
import type { HardshipService } from './hardship.service.ts';

/** Overdue quarterly visits (rule hardship-visit) as 待办 for whoever may log a visit in scope. */
export function hardshipTodoSource(hardship: HardshipService): TodoSource {
  return {
    id: 'hardship.visit',
    permission: Permission.MEMBER_WRITE,
    async list(actor: Actor): Promise<Todo[]> {
      return (await hardship.overdueVisits(actor)).map((h) => ({
        key: `hardship.visit:${h.id}`,
        source: 'hardship.visit',
        title: `${h.memberName}：走访慰问逾期`,
        detail: `${h.orgName}的困难党员${h.memberName}本季度尚未走访慰问（应于 ${h.visitDueDate ?? ''} 前完成${h.lastVisitDate ? `，上次走访 ${h.lastVisitDate}` : '，尚无走访记录'}），请尽快走访并登记`,
        orgId: h.orgId,
        dueDate: h.visitDueDate,
        severity: 'overdue',
        link: `/hardship?id=${h.id}`,
      }));
    },
  };
}
