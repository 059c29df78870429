import type { CommitteeMember, CommitteeMemberInput, Org, OrgInput, OrgSummary, OrgUpdate, Term, TermInput, TermProblem } from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { isStaleVersion } from '../../api/errors.ts';

/** Everything about organizations lives under ['orgs'] so one invalidation refreshes the page. */
export const orgKeys = {
  all: ['orgs'] as const,
  tree: (parentId: string | null) => ['orgs', 'tree', parentId ?? 'root'] as const,
  detail: (id: string) => ['orgs', 'detail', id] as const,
  committee: (id: string) => ['orgs', 'committee', id] as const,
  terms: (id: string) => ['orgs', 'terms', id] as const,
  children: (id: string, page: number) => ['orgs', 'children', id, page] as const,
  search: (q: string) => ['orgs', 'search', q] as const,
  problems: ['orgs', 'term-problems'] as const,
};

/** One level of the tree; without a parent, the account's own organization. */
export const fetchTree = (parentId: string | null) => api.get<OrgSummary[]>('/api/orgs/tree', { parentId });

export const useOrg = (id: string) => useQuery({ queryKey: orgKeys.detail(id), queryFn: () => api.get<Org>(`/api/orgs/${id}`) });
export const useCommittee = (id: string) =>
  useQuery({ queryKey: orgKeys.committee(id), queryFn: () => api.get<CommitteeMember[]>(`/api/orgs/${id}/committee`) });
export const useTerms = (id: string) => useQuery({ queryKey: orgKeys.terms(id), queryFn: () => api.get<Term[]>(`/api/orgs/${id}/terms`) });
export const useTermProblems = () => useQuery({ queryKey: orgKeys.problems, queryFn: () => api.get<TermProblem[]>('/api/org-terms/problems') });

export const CHILDREN_PAGE_SIZE = 20;
export const useChildren = (id: string, page: number, pageSize = CHILDREN_PAGE_SIZE) =>
  useQuery({
    queryKey: [...orgKeys.children(id, page), pageSize],
    queryFn: () => api.get<{ items: OrgSummary[]; total: number }>('/api/orgs', { parentId: id, includeDissolved: true, page, pageSize }),
    placeholderData: (prev) => prev,
  });

export const searchOrgs = (q: string) => api.get<{ items: OrgSummary[]; total: number }>('/api/orgs', { q: q.trim(), pageSize: 20 });

/** A mutation that refreshes every organization view (and the to-dos that derive from them). */
function useOrgMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: orgKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    // someone else saved first: load what they saved, so the next edit starts from it
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

export const useCreateOrg = () => useOrgMutation((input: OrgInput) => api.post<Org>('/api/orgs', input));
export const useUpdateOrg = (id: string) => useOrgMutation((patch: OrgUpdate) => api.patch<Org>(`/api/orgs/${id}`, patch));
export const useMoveOrg = (id: string) => useOrgMutation((newParentId: string) => api.post<Org>(`/api/orgs/${id}/move`, { newParentId }));
export const useDissolveOrg = (id: string) => useOrgMutation((_: void) => api.post<Org>(`/api/orgs/${id}/dissolve`));
export const useSaveCommitteeMember = (orgId: string) =>
  useOrgMutation(({ memberId, input }: { memberId: string | null; input: CommitteeMemberInput }) =>
    memberId ? api.put<CommitteeMember>(`/api/orgs/${orgId}/committee/${memberId}`, input) : api.post<CommitteeMember>(`/api/orgs/${orgId}/committee`, input),
  );
export const useRemoveCommitteeMember = (orgId: string) => useOrgMutation((memberId: string) => api.del(`/api/orgs/${orgId}/committee/${memberId}`));
export const useAddTerm = (orgId: string) => useOrgMutation((input: TermInput) => api.post<Term>(`/api/orgs/${orgId}/terms`, input));
