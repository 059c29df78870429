import {
  DIRECTIVE_TARGET_STATUSES,
  directiveTargetStatusLabel,
  type DirectiveInput,
  type DirectiveKind,
  type DirectiveQuery,
  type DirectiveRecipients,
  type DirectiveState,
  type DirectiveTargetStatus,
  type OrgDomain,
  type OrgType,
} from '@jiceng/contracts';
import type { Dayjs } from 'dayjs';

/** Pure pieces of the 任务督办 pages: the list filter in the URL, form values → API bodies, status colours. */

const text = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);
const PAGE_SIZES = [10, 20, 50, 100];

/** Who receives, as the form holds it: every organization of a type (and domain) below, or those chosen one by one. */
export interface RecipientValues {
  mode: 'type' | 'chosen';
  orgType?: OrgType;
  domain?: OrgDomain;
  orgIds?: string[];
}

export function toRecipients(v: RecipientValues): DirectiveRecipients {
  if (v.mode === 'chosen') return { orgIds: v.orgIds ?? [] };
  return { ...(v.orgType ? { allOfType: v.orgType } : {}), ...(v.domain ? { domain: v.domain } : {}) };
}

export interface SendFormValues {
  kind: DirectiveKind;
  title: string;
  content: string;
  dueOn: Dayjs;
  evidence?: string;
  filesRequired?: boolean;
  recipients: RecipientValues;
}

export function toDirectiveInput(v: SendFormValues): DirectiveInput {
  return {
    kind: v.kind,
    title: v.title.trim(),
    content: v.content.trim(),
    dueOn: v.dueOn.format('YYYY-MM-DD'),
    evidence: v.kind === 'notice' ? null : text(v.evidence),
    filesRequired: v.kind === 'task' && !!v.filesRequired,
    recipients: toRecipients(v.recipients),
  };
}

/** A street sends to its communities most often: 党委 of the 社区 domain. */
export const DEFAULT_RECIPIENTS: RecipientValues = { mode: 'type', orgType: 'committee', domain: 'community' };

export type DirectiveBox = DirectiveQuery['box'];

/** The list filter, kept in the URL (`?box=received&state=open&q=…`), so a to-do or a link opens it. */
export interface DirectiveListFilter {
  box: DirectiveBox;
  state?: DirectiveState;
  q?: string;
  page: number;
  pageSize: number;
}

export function listFilterFromParams(p: URLSearchParams, defaultBox: DirectiveBox): DirectiveListFilter {
  const box = p.get('box');
  const state = p.get('state');
  const page = Number(p.get('page'));
  const size = Number(p.get('pageSize'));
  return {
    box: box === 'sent' || box === 'received' ? box : defaultBox,
    state: state === 'open' || state === 'closed' ? state : undefined,
    q: p.get('q')?.trim().slice(0, 30) || undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : 20,
  };
}

export function listFilterToParams(f: DirectiveListFilter): URLSearchParams {
  const p = new URLSearchParams({ box: f.box });
  if (f.state) p.set('state', f.state);
  if (f.q) p.set('q', f.q);
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

export const toDirectiveQuery = (f: DirectiveListFilter): DirectiveQuery => ({ ...f });

/** Preset tag colours per status (their text shades reach 4.5:1 with the theme's palette). */
export const STATUS_COLOR: Record<DirectiveTargetStatus, string> = {
  sent: 'default',
  acknowledged: 'blue',
  extension: 'gold',
  overdue: 'red',
  done: 'green',
  unfinished: 'volcano',
};

/** The counts strip of a directive, in the table's order. */
export const COUNT_ITEMS = DIRECTIVE_TARGET_STATUSES.map((s) => ({ key: s, label: directiveTargetStatusLabel[s] }));
