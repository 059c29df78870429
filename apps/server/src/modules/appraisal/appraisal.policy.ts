import { MEMBER_HOME_ORG_TYPES } from '@jiceng/rules';
import { invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';

/**
 * 民主评议 is run by a branch (the organizations holding members' relations); a superior reaches the
 * branches of its subtree (checked by the org service: outside answers 404).
 */
export function assertAppraisingBranch(org: { name: string; type: string }): void {
  if (!MEMBER_HOME_ORG_TYPES.includes(org.type as (typeof MEMBER_HOME_ORG_TYPES)[number])) {
    throw invalid(`民主评议党员以党支部为单位进行，「${org.name}」不是党支部，请选择党支部`);
  }
}

/** A disposition belongs to the branch that ran the appraisal; outside the actor's subtree it is 404. */
export function assertDispositionInScope(actor: Actor, d: { org_path: string } | undefined): asserts d {
  if (!d || !pathInScope(actor, d.org_path)) throw notFound('组织处置记录');
}
