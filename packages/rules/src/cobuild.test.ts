import { describe, expect, it } from 'vitest';
import {
  COBUILD_RULES_2026,
  COBUILD_WORKFLOW,
  cobuildCommitmentStatus,
  cobuildContactsRefusal,
  cobuildDueInTermRefusal,
  cobuildExpiring,
  cobuildHeadings,
  cobuildLogDateRefusal,
  cobuildPartnerKind,
  cobuildRenewalRefusal,
  cobuildRenewalTerm,
  cobuildSidesRefusal,
  cobuildTermRefusal,
  type CobuildAction,
  type CobuildRole,
} from './cobuild.rules.ts';
import { transition, workflowProblems } from './workflow.ts';
import type { CobuildState } from '@jiceng/contracts';

const org = (over: Partial<{ id: string; name: string; type: string; domain: string; status: string }> = {}) => ({
  id: 'a',
  name: '区发改委机关党支部',
  type: 'branch',
  domain: 'agency',
  status: 'active',
  ...over,
});

/** The workflow written out independently: (state, action) → [to, roles, reason required]. */
const LEGAL: Record<string, [CobuildState, CobuildRole[], boolean]> = {
  'draft/submit': ['pending', ['drafter'], false],
  'draft/discard': ['terminated', ['drafter'], true],
  'pending/withdraw': ['draft', ['drafter'], false],
  'pending/confirm': ['active', ['counterpart'], false],
  'pending/decline': ['draft', ['counterpart'], true],
  'active/terminate': ['terminated', ['drafter', 'counterpart'], true],
  'active/expire': ['expired', ['system'], false],
  'active/renew': ['active', ['drafter', 'counterpart'], false],
  'expired/renew': ['expired', ['drafter', 'counterpart'], false],
};
const ROLES: CobuildRole[] = ['drafter', 'counterpart', 'system'];
const ACTIONS: CobuildAction[] = ['submit', 'withdraw', 'confirm', 'decline', 'terminate', 'discard', 'expire', 'renew'];

describe('rule cobuild-workflow (草稿 → 待对方确认 → 生效 → 已到期 / 已终止, [C2])', () => {
  it('is a sound definition with Chinese names', () => {
    expect(workflowProblems(COBUILD_WORKFLOW)).toEqual([]);
    expect(COBUILD_WORKFLOW.states.map((s) => COBUILD_WORKFLOW.stateLabel[s])).toEqual(['草稿', '待对方确认', '生效', '已到期', '已终止']);
  });

  it('allows exactly the legal steps, each only for its roles, with a reason where required', () => {
    for (const s of COBUILD_WORKFLOW.states)
      for (const a of ACTIONS) {
        const legal = LEGAL[`${s}/${a}`];
        for (const role of ROLES) {
          const r = transition(COBUILD_WORKFLOW, s, a, { role, reason: '原因' });
          if (!legal) expect(r, `${s}/${a}`).toMatchObject({ ok: false, code: 'illegal_transition' });
          else if (legal[1].includes(role)) expect(r, `${s}/${a} by ${role}`).toMatchObject({ ok: true, to: legal[0] });
          else expect(r, `${s}/${a} by ${role}`).toMatchObject({ ok: false, code: 'role_not_allowed' });
        }
        if (legal?.[2]) expect(transition(COBUILD_WORKFLOW, s, a, { role: legal[1][0], reason: ' ' })).toMatchObject({ ok: false, code: 'reason_required' });
      }
  });

  it('never lets the drafting side sign for the other (confirm is the counterpart’s only)', () => {
    const r = transition(COBUILD_WORKFLOW, 'pending', 'confirm', { role: 'drafter' });
    expect(r).toMatchObject({ ok: false, code: 'role_not_allowed' });
    if (!r.ok) expect(r.reason).toBe('该结对共建协议当前为「待对方确认」，「确认签订」只能由对方（结对的另一方）办理');
  });
});

describe('rule cobuild-partner-kind and cobuild-sides ([C1]: 村、社区、企业)', () => {
  it('maps the domains 农村 → 村, 社区 → 社区, 国有/非公企业 → 企业, and nothing else', () => {
    expect(cobuildPartnerKind('rural')).toBe('village');
    expect(cobuildPartnerKind('community')).toBe('community');
    expect(cobuildPartnerKind('state_enterprise')).toBe('enterprise');
    expect(cobuildPartnerKind('private_enterprise')).toBe('enterprise');
    expect(cobuildPartnerKind('agency')).toBeNull();
  });

  it('refuses the same organization twice, a dissolved one, a 党小组, and a 乙方 that is no village, community or enterprise', () => {
    const b = org({ id: 'b', name: '中共梅花山社区委员会', type: 'committee', domain: 'community' });
    expect(cobuildSidesRefusal(org(), b)).toBeNull();
    expect(cobuildSidesRefusal(org(), org())).toMatchObject({ side: 'b', message: '甲乙双方不能是同一个党组织' });
    expect(cobuildSidesRefusal(org({ status: 'dissolved' }), b)).toMatchObject({ side: 'a', message: '「区发改委机关党支部」已撤销，不能结对共建' });
    expect(cobuildSidesRefusal(org(), { ...b, type: 'group' })?.message).toMatch(/党小组/);
    expect(cobuildSidesRefusal(org(), org({ id: 'c', name: '区教育局机关党委' }))).toMatchObject({
      side: 'b',
      message: '乙方应为村、社区或企业党组织，「区教育局机关党委」不是',
    });
  });
});

describe('rule cobuild-term (at most 5 years, [C2])', () => {
  it('needs the end after the start and within the longest term', () => {
    expect(cobuildTermRefusal('2026-01-01', '2026-12-31')).toBeNull();
    expect(cobuildTermRefusal('2026-01-01', '2030-12-31')).toBeNull();
    expect(cobuildTermRefusal('2026-01-01', '2031-01-01')).toBe('协议期限最长 5 年，结束日期不能晚于 2030-12-31');
    expect(cobuildTermRefusal('2026-05-01', '2026-05-01')).toBe('协议结束日期应晚于开始日期');
  });
});

describe('rule cobuild-headings (四联四共 by default, [C1])', () => {
  it('defaults to the 四联四共 and cleans what is given', () => {
    expect(cobuildHeadings(undefined)).toEqual({ headings: ['党建工作联创', '发展项目联抓', '基础设施联建', '社会活动联谊'] });
    expect(cobuildHeadings([' 党建工作联创 ', '', '人才培养联育'])).toEqual({ headings: ['党建工作联创', '人才培养联育'] });
    expect(cobuildHeadings(['  '])).toEqual({ refusal: '请至少填写一项共建内容（如：党建工作联创）' });
    expect(cobuildHeadings(['甲', '甲'])).toEqual({ refusal: '共建内容「甲」重复' });
    expect(cobuildHeadings(Array.from({ length: 9 }, (_, i) => `内容${i}`))).toEqual({ refusal: '共建内容最多 8 项' });
  });
});

describe('rule cobuild-contacts (both sides named before confirmation, [C2])', () => {
  it('asks for the missing side', () => {
    expect(cobuildContactsRefusal([{ side: 'a' }, { side: 'b' }])).toBeNull();
    expect(cobuildContactsRefusal([{ side: 'a' }])).toBe('请填写乙方联系人（姓名、职务、电话）后再提交对方确认');
    expect(cobuildContactsRefusal([])).toMatch(/甲方联系人/);
  });
});

describe('rule cobuild-expiry-window (30 days before the end, [C2])', () => {
  it('is due from 30 days before the end through the last day, only in force', () => {
    expect(COBUILD_RULES_2026.expiryWindowDays).toBe(30);
    expect(cobuildExpiring({ state: 'active', endOn: '2026-12-22' }, '2026-11-22')).toBe(true);
    expect(cobuildExpiring({ state: 'active', endOn: '2026-12-23' }, '2026-11-22')).toBe(false);
    expect(cobuildExpiring({ state: 'active', endOn: '2026-11-22' }, '2026-11-22')).toBe(true);
    expect(cobuildExpiring({ state: 'active', endOn: '2026-11-21' }, '2026-11-22')).toBe(false);
    expect(cobuildExpiring({ state: 'pending', endOn: '2026-12-01' }, '2026-11-22')).toBe(false);
  });
});

describe('rule cobuild-commitment-overdue (from the day after the due date, [C2])', () => {
  it('is open through the due date, overdue the day after, done once done', () => {
    expect(cobuildCommitmentStatus({ dueOn: '2026-11-22', doneOn: null }, '2026-11-22')).toBe('open');
    expect(cobuildCommitmentStatus({ dueOn: '2026-11-21', doneOn: null }, '2026-11-22')).toBe('overdue');
    expect(cobuildCommitmentStatus({ dueOn: '2026-01-01', doneOn: '2026-03-01' }, '2026-11-22')).toBe('done');
  });
});

describe('rule cobuild-renewal (the next term after the old one)', () => {
  it('defaults to the day after, as long as the old term, and refuses an overlap', () => {
    expect(cobuildRenewalTerm({ startOn: '2025-01-01', endOn: '2026-12-31' })).toEqual({ startOn: '2027-01-01', endOn: '2028-12-31' });
    expect(cobuildRenewalRefusal('2026-12-31', '2027-01-01', '2027-12-31')).toBeNull();
    expect(cobuildRenewalRefusal('2026-12-31', '2026-12-31', '2027-12-31')).toBe('续签的协议应在本期结束（2026-12-31）后开始');
  });
});

describe('rule cobuild-dates-in-term', () => {
  const term = { startOn: '2026-01-01', endOn: '2026-12-31' };
  it('keeps commitments and log entries within the term, and log entries not in the future', () => {
    expect(cobuildDueInTermRefusal('2026-06-30', term)).toBeNull();
    expect(cobuildDueInTermRefusal('2027-01-01', term)).toBe('完成时限应在协议期限内（2026-01-01 至 2026-12-31）');
    expect(cobuildLogDateRefusal('2026-11-01', term, '2026-11-22')).toBeNull();
    expect(cobuildLogDateRefusal('2026-11-23', term, '2026-11-22')).toBe('日期不能晚于今天（2026-11-22）');
    expect(cobuildLogDateRefusal('2025-12-31', term, '2026-11-22')).toMatch(/协议期限内/);
  });
});
