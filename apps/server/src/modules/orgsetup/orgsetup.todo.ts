import { orgSetupRuleLabel, Permission, type OrgSetupRule, type Todo } from '@jiceng/contracts';
import type { Actor } from '../../platform/http/actor.ts';
import type { TodoSource } from '../../platform/todo/todo.registry.ts';
import type { OrgSetupService } from './orgsetup.service.ts';

/** 组织设置预警 as 待办 for those who maintain the organization tree. */
export function orgSetupTodoSource(setup: OrgSetupService): TodoSource {
  return {
    id: 'org.setup',
    permission: Permission.ORG_WRITE,
    async list(actor: Actor): Promise<Todo[]> {
      return (await setup.warnings(actor)).map((w) => ({
        key: `org.setup:${w.key}`,
        source: 'org.setup',
        title: `${w.orgName}：${orgSetupRuleLabel[w.rule as OrgSetupRule]}`,
        detail: w.message,
        orgId: w.orgId,
        dueDate: null,
        severity: w.level === 'error' ? 'overdue' : 'due_soon',
        link: `/orgs/${w.orgId}`,
      }));
    },
  };
}
