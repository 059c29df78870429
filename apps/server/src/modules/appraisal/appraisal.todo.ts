import { Permission, type Todo } from '@jiceng/contracts';
import { dispositionAlert } from '@jiceng/rules';
import type { Actor } from '../../platform/http/actor.ts';
import type { TodoSource } from '../../platform/todo/todo.registry.ts';
import { presentDisposition } from './appraisal.presenter.ts';
import type { AppraisalService } from './appraisal.service.ts';

/** 限期改正 due within 30 days or past, as 待办 for those who handle member records. */
export function dispositionTodoSource(appraisals: AppraisalService): TodoSource {
  return {
    id: 'appraisal.disposition',
    permission: Permission.MEMBER_WRITE,
    async list(actor: Actor): Promise<Todo[]> {
      const today = appraisals.today();
      return (await appraisals.correctionsDue(actor)).map((row) => {
        const d = presentDisposition(row, today);
        const overdue = dispositionAlert(d.deadline!, today) === 'overdue';
        return {
          key: `appraisal.disposition:${d.id}`,
          source: 'appraisal.disposition',
          title: `${d.memberName}：限期改正${overdue ? '已到期' : '即将到期'}`,
          detail: `${d.year} 年度民主评议为不合格，限期改正至 ${d.deadline}（${overdue ? `已逾期 ${-d.daysLeft!} 天` : `还有 ${d.daysLeft} 天`}），请了解整改情况并作出处置`,
          orgId: d.orgId,
          dueDate: d.deadline,
          severity: overdue ? 'overdue' : 'due_soon',
          link: `/appraisals?tab=dispositions&orgId=${d.orgId}`,
        };
      });
    },
  };
}
