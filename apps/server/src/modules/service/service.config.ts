import {
  serviceAssigneeTypeName,
  serviceComplexityName,
  type ServiceCategory,
  type ServiceCategoryInput,
  type ServiceDispatchRule,
  type ServiceDispatchRuleInput,
} from '@jiceng/contracts';
import { SERVICE_CATEGORIES_DEFAULT } from '@jiceng/rules';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { newId } from '../../platform/ids.ts';
import { serviceRepository as repo } from './service.repository.ts';

/**
 * The region's 事项类别 dictionary (defaults from rules service-intake-2026, editable by
 * service:config) and the 派单规则 of a subtree: a place (street, community or grid) and optionally
 * a category → a grid, member, team or department.
 */
export function createServiceConfig(deps: { db: Database; regionId: string; audit: AuditService }) {
  const { db, regionId, audit } = deps;
  const who = (a: Actor) => ({ id: a.id, displayName: a.displayName, ip: a.ip });

  return {
    /** A region without categories gets the defaults (first start). */
    ensureCategories: () => repo.seedCategories(db, regionId, SERVICE_CATEGORIES_DEFAULT),

    async categories(all = false): Promise<ServiceCategory[]> {
      const rows = await repo.categories(db, regionId);
      return rows
        .filter((r) => all || r.active)
        .map((r) => ({
          ...r,
          complexity: r.complexity as ServiceCategory['complexity'],
          complexityLabel: serviceComplexityName[r.complexity as 'general'] ?? r.complexity,
        }));
    },

    async saveCategory(actor: Actor, input: ServiceCategoryInput): Promise<ServiceCategory[]> {
      if (actor.scope !== 'subtree' || actor.orgPath.includes('.')) throw invalid('事项类别为全区统一字典，只能由区级账号维护');
      await db.transaction(async (tx) => {
        await repo.upsertCategory(tx, regionId, {
          code: input.code,
          name: input.name.trim(),
          complexity: input.complexity,
          sort: input.sort ?? 500,
          active: input.active ?? true,
        });
        await audit.record(tx, who(actor), {
          action: 'service_category.save',
          entity: 'service_category',
          entityId: input.code,
          entityName: input.name,
          orgPath: actor.orgPath,
          after: input,
        });
      });
      return this.categories(true);
    },

    async rules(actor: Actor): Promise<ServiceDispatchRule[]> {
      const rows = await repo.dispatchRules(db, regionId, actor.orgPath);
      return rows.map((r) => ({
        id: r.id,
        orgId: r.org_id,
        orgName: r.org_name,
        categoryCode: r.category_code,
        categoryName: r.category_name,
        assignee: {
          type: r.assignee_type as 'grid',
          typeLabel: serviceAssigneeTypeName[r.assignee_type as 'grid'] ?? r.assignee_type,
          orgId: r.assignee_org_id,
          memberId: r.assignee_member_id,
          name: r.assignee_name,
        },
        note: r.note,
      }));
    },

    async saveRule(actor: Actor, input: ServiceDispatchRuleInput): Promise<ServiceDispatchRule[]> {
      const place = await repo.org(db, regionId, input.orgId);
      if (!place || !pathInScope(actor, place.path)) throw notFound('派单规则适用的组织');
      if (input.categoryCode && !(await repo.category(db, regionId, input.categoryCode))) throw invalid('事项类别不存在');
      const a = input.assignee;
      let name: string;
      let memberId: string | null = null;
      let assigneeOrgId = a.orgId;
      if (a.type === 'member') {
        const m = a.memberId ? await repo.member(db, regionId, a.memberId) : undefined;
        if (!m || !pathInScope(actor, m.org_path)) throw notFound('承办党员');
        name = m.name;
        memberId = m.id;
        assigneeOrgId = m.org_id;
      } else {
        const org = await repo.org(db, regionId, a.orgId);
        if (!org || (a.type !== 'department' && !pathInScope(actor, org.path))) throw notFound('承办组织');
        if (a.type === 'grid' && org.type !== 'grid') throw invalid(`「${org.name}」不是网格`);
        name = a.name?.trim() || org.name;
      }
      await db.transaction(async (tx) => {
        const id = await repo.upsertDispatchRule(tx, regionId, {
          id: newId(),
          orgId: place.id,
          orgPath: place.path,
          categoryCode: input.categoryCode ?? null,
          type: a.type,
          assigneeOrgId,
          memberId,
          name,
          note: input.note?.trim() || null,
        });
        await audit.record(tx, who(actor), {
          action: 'service_dispatch_rule.save',
          entity: 'service_dispatch_rule',
          entityId: id,
          entityName: `${place.name} → ${name}`,
          orgPath: place.path,
          after: { category: input.categoryCode ?? '全部', assignee: name },
        });
      });
      return this.rules(actor);
    },

    async removeRule(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const n = await repo.deleteDispatchRule(tx, regionId, id, actor.orgPath);
        if (n === 0) throw notFound('派单规则');
        await audit.record(tx, who(actor), { action: 'service_dispatch_rule.delete', entity: 'service_dispatch_rule', entityId: id, orgPath: actor.orgPath });
      });
    },
  };
}
export type ServiceConfig = ReturnType<typeof createServiceConfig>;
