import type { WorkflowDefinition } from './workflow.ts';

/**
 * 微心愿 (micro-wishes) as data: the workflow and the value and claim limits. Keys in [] point to
 * their source.
 *
 * [W1] The practice: 社区发布微心愿、党员认领 — a resident (群众) or the community posts a small wish
 *      (what, for whom, roughly what it is worth), the community publishes it on the wish wall, one
 *      党员 claims it, fulfils it and shows a photo, and the community confirms. This is common
 *      grassroots practice (在职党员进社区、"双报到" campaigns), not a regulation: no rule text fixes
 *      the steps or who takes them. Every step and role below is Jiceng design after that practice
 *      (issue: "posted by a resident or the community … claimed by exactly one member … fulfilled
 *      with a photo, confirmed by the community").
 * [W2] The value cap: 微心愿 campaigns commonly cap a wish at a few hundred yuan (things like a
 *      school bag, a wheelchair, a repair); the 500 元 default is that practice, UNCONFIRMED against
 *      any local rule. A locality changes it with a rule set of its own.
 * [W3] Open claims per member (3) and the overdue limit (14 days claimed without fulfilment):
 *      Jiceng defaults, so that one member cannot hold the wall's wishes and a claimed wish does not
 *      sit forgotten.
 */

export type WishState = 'pending' | 'published' | 'claimed' | 'fulfilled' | 'confirmed' | 'cancelled';
export type WishAction = 'publish' | 'reject' | 'claim' | 'release' | 'fulfil' | 'confirm' | 'return' | 'cancel' | 'withdraw';
/** The resident who posted it, the community (社区党组织, its staff accounts), a 党员 who claims. */
export type WishRole = 'resident' | 'community' | 'member';

export const WISH_STATES: readonly WishState[] = ['pending', 'published', 'claimed', 'fulfilled', 'confirmed', 'cancelled'];
export const WISH_ACTIONS: readonly WishAction[] = ['publish', 'reject', 'claim', 'release', 'fulfil', 'confirm', 'return', 'cancel', 'withdraw'];

/**
 * Rule wish-workflow-2026 [W1]: pending (a resident's post awaiting the community) → published (on
 * the wall) → claimed (by one member) → fulfilled (photo shown, awaiting confirmation) → confirmed.
 * The community rejects a resident's post or takes a wish down (cancelled) with a reason; the
 * claimer may give a wish back (released to the wall) with a reason; the community returns a
 * fulfilment it does not accept (back to the claimer) with a reason; a resident withdraws their own
 * wish while nobody has claimed it. A community's own post is published at once (never pending).
 */
export const WISH_WORKFLOW: WorkflowDefinition<WishState, WishAction, WishRole> = {
  id: 'wish-workflow-2026',
  subjectLabel: '微心愿',
  states: WISH_STATES,
  stateLabel: {
    pending: '待审核',
    published: '已发布',
    claimed: '已认领',
    fulfilled: '已完成（待确认）',
    confirmed: '已确认',
    cancelled: '已撤下',
  },
  initial: 'pending',
  final: ['confirmed', 'cancelled'],
  actionLabel: {
    publish: '审核发布',
    reject: '不予发布',
    claim: '认领',
    release: '放弃认领',
    fulfil: '完成心愿',
    confirm: '确认完成',
    return: '退回重办',
    cancel: '撤下',
    withdraw: '撤回',
  },
  roleLabel: { resident: '发布心愿的群众', community: '社区', member: '党员' },
  transitions: [
    { action: 'publish', from: ['pending'], to: 'published', roles: ['community'], reasonRequired: false },
    { action: 'reject', from: ['pending'], to: 'cancelled', roles: ['community'], reasonRequired: true },
    { action: 'claim', from: ['published'], to: 'claimed', roles: ['member'], reasonRequired: false },
    { action: 'release', from: ['claimed'], to: 'published', roles: ['member'], reasonRequired: true },
    { action: 'fulfil', from: ['claimed'], to: 'fulfilled', roles: ['member'], reasonRequired: false },
    { action: 'confirm', from: ['fulfilled'], to: 'confirmed', roles: ['community'], reasonRequired: false },
    { action: 'return', from: ['fulfilled'], to: 'claimed', roles: ['community'], reasonRequired: true },
    { action: 'cancel', from: ['published', 'claimed'], to: 'cancelled', roles: ['community'], reasonRequired: true },
    { action: 'withdraw', from: ['pending', 'published'], to: 'cancelled', roles: ['resident'], reasonRequired: false },
  ],
};

/** States a wish is "open" in for its claimer: claimed and not yet fulfilled, or fulfilled and not yet confirmed. */
export const WISH_OPEN_CLAIM_STATES: readonly WishState[] = ['claimed', 'fulfilled'];

export interface WishRuleSet {
  id: string;
  /** Rule wish-value-cap [W2]: the most a wish may be worth, in fen (分). */
  valueCapFen: number;
  /** Rule wish-claim-limit [W3]: most wishes one member may hold open (claimed or awaiting confirmation). */
  openClaimLimit: number;
  /** Rule wish-overdue [W3]: days after the claim a wish not yet fulfilled counts as overdue. */
  overdueDays: number;
  /** Org types that are a 社区/村's Party organization (a wish belongs to one; a member's wall is theirs). */
  communityOrgTypes: readonly string[];
  communityDomains: readonly string[];
  source: string;
  /** The cap is common practice, not checked against a local rule. */
  unconfirmed: boolean;
}

export const WISH_RULES_2026: WishRuleSet = {
  id: 'wish-rules-2026',
  valueCapFen: 50_000,
  openClaimLimit: 3,
  overdueDays: 14,
  // a 社区 or 村 is led by a 党委 or, in smaller ones, a 党总支 (the demo district has both)
  communityOrgTypes: ['committee', 'general_branch'],
  communityDomains: ['community', 'rural'],
  source: '[W2] common 微心愿 practice (a few hundred yuan), UNCONFIRMED; [W3] Jiceng defaults',
  unconfirmed: true,
};
