import { forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';

/**
 * Data scope of 党费基数: a member's bases are read and set by the accounts whose subtree holds the
 * member's branch (the member module's `resolveInScope`: 404 outside). A 党员's own dues come through
 * member self-service, never through these routes.
 */
export function assertSubtree(actor: Actor): void {
  if (actor.scope === 'self') throw forbidden();
}

/** Only 预备党员 and 正式党员 in their branch pay dues (停止党籍, 出党 and 转出 do not). */
export function duesMemberRefusal(m: { name: string; status: string; transferred_out_date: string | null }): string | null {
  if (m.status === 'suspended') return `「${m.name}」已停止党籍，不能设置党费基数`;
  if (m.status === 'left') return `「${m.name}」已出党，不能设置党费基数`;
  if (m.status !== 'probationary' && m.status !== 'full') return `「${m.name}」不是预备党员或正式党员，不能设置党费基数`;
  if (m.transferred_out_date) return `「${m.name}」的组织关系已转出，党费由接收的党组织收缴`;
  return null;
}
