import { AuditedRefusal } from '../../platform/audit/refusal.ts';
import type { AuditEvent } from '../../platform/audit/audit.service.ts';
import { conflict } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import type { RegisteredId } from './member.repository.ts';

/**
 * Refusing an ID number that another member record already holds. The refusal stays (one record per
 * person in the deployment), but it must not turn into a look-up of the whole district: a holder
 * outside the writer's scope is neither named nor described, and every refusal is audited (with the
 * masked number only), so probing for who is registered elsewhere leaves a trace.
 */

export const DUPLICATE_REFUSED_ACTION = 'member.duplicate_refused';
/** Masked numbers listed in one import's audit row (the count is always complete). */
const AUDIT_IDS_MAX = 100;

/** Whether the writer may be told who holds the number. */
export const holderInScope = (actor: Actor, holder: Pick<RegisteredId, 'org_path'>): boolean =>
  actor.scope === 'subtree' && pathInScope(actor, holder.org_path);

/** The refusal's Chinese message; `doing` is 登记 or 导入. */
export function duplicateIdMessage(actor: Actor, holder: RegisteredId, doing: '登记' | '导入'): string {
  if (!holderInScope(actor, holder)) return `该公民身份号码无法${doing}：已有党员档案使用此号码，请联系上级党组织核实`;
  return `该公民身份号码已登记为党员（${holder.org_name}：${holder.name}），请勿重复${doing}；如组织关系需要调整，请办理转接`;
}

/** The refusal of one registration or edit (`via` names the door: create, update, incoming-letter). */
export function duplicateIdRefusal(actor: Actor, holder: RegisteredId, maskedIdNumber: string, via: string): AuditedRefusal {
  const inScope = holderInScope(actor, holder);
  return new AuditedRefusal(conflict(duplicateIdMessage(actor, holder, '登记')), {
    action: DUPLICATE_REFUSED_ACTION,
    entity: 'member',
    entityId: null,
    orgPath: actor.orgPath,
    after: { via, idNumber: maskedIdNumber, inScope, memberId: inScope ? holder.id : null },
  });
}

/** The audit row of the numbers an import (or its error report) refused as already registered. */
export function importRefusalsEvent(actor: Actor, refused: { maskedIdNumber: string; holder: RegisteredId }[], via: string, fileName: string): AuditEvent {
  return {
    action: DUPLICATE_REFUSED_ACTION,
    entity: 'member',
    entityId: null,
    orgPath: actor.orgPath,
    after: {
      via,
      fileName,
      count: refused.length,
      outOfScope: refused.filter((r) => !holderInScope(actor, r.holder)).length,
      idNumbers: refused.slice(0, AUDIT_IDS_MAX).map((r) => r.maskedIdNumber),
    },
  };
}
