import type {
  Member,
  MemberDetail,
  MemberDetailInput,
  MemberDetailKind,
  MemberEventInput,
  MemberInput,
  MemberListPage,
  MemberListQuery,
  MemberStatusEvent,
  MemberUpdate,
  OrgSummary,
} from '@jiceng/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { isStaleVersion } from '../../api/errors.ts';

/** Everything about members lives under ['members'] so one invalidation refreshes every view. */
export const memberKeys = {
  all: ['members'] as const,
  list: (q: MemberListQuery) => ['members', 'list', q] as const,
  detail: (id: string, unmask: boolean) => ['members', 'detail', id, unmask] as const,
  history: (id: string) => ['members', 'history', id] as const,
  details: (id: string, kind: MemberDetailKind) => ['members', 'details', id, kind] as const,
  branches: (q: string) => ['members', 'branches', q] as const,
};

export const MEMBER_PAGE_SIZE = 20;

export const useMembers = (q: MemberListQuery) =>
  useQuery({
    queryKey: memberKeys.list(q),
    queryFn: () => api.get<MemberListPage>('/api/members', { ...q }),
    placeholderData: keepPreviousData,
  });

/** One record; `unmask` asks for personal fields in full (the server audits that read). */
export const useMember = (id: string, unmask: boolean) =>
  useQuery({ queryKey: memberKeys.detail(id, unmask), queryFn: () => api.get<Member>(`/api/members/${id}`, { unmask: unmask || undefined }) });

export const useMemberHistory = (id: string) =>
  useQuery({ queryKey: memberKeys.history(id), queryFn: () => api.get<MemberStatusEvent[]>(`/api/members/${id}/history`) });

export const useMemberDetails = (id: string, kind: MemberDetailKind) =>
  useQuery({ queryKey: memberKeys.details(id, kind), queryFn: () => api.get<MemberDetail[]>(`/api/members/${id}/details`, { kind }) });

/** Branches (党支部 and 联合党支部) in scope whose name matches: the only organizations that hold members. */
export async function searchBranches(q: string): Promise<OrgSummary[]> {
  const get = (type: string) => api.get<{ items: OrgSummary[]; total: number }>('/api/orgs', { q: q.trim(), type, pageSize: 20 });
  const [branches, joint] = await Promise.all([get('branch'), get('joint_branch')]);
  return [...branches.items, ...joint.items].filter((o) => o.status === 'active');
}

/** A mutation that refreshes every member view (and to-dos derived from members). */
function useMemberMutation<V, R>(fn: (v: V) => Promise<R>, meta?: { silent?: boolean }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: memberKeys.all }), qc.invalidateQueries({ queryKey: ['todos'] })]);
    },
    // someone else saved first: load what they saved, so the next edit starts from it
    onError: async (e) => {
      if (isStaleVersion(e)) await qc.invalidateQueries({ queryKey: memberKeys.all });
    },
  });
}

export const useCreateMember = () => useMemberMutation((input: MemberInput) => api.post<Member>('/api/members', input));
export const useUpdateMember = (id: string) => useMemberMutation((patch: MemberUpdate) => api.patch<Member>(`/api/members/${id}`, patch));
/** Silent: the event modal shows the server's refusal itself. */
export const useMemberEvent = (id: string) =>
  useMemberMutation((input: MemberEventInput) => api.post<Member>(`/api/members/${id}/events`, input), { silent: true });
export const useAddMemberDetail = (id: string) => useMemberMutation((input: MemberDetailInput) => api.post<MemberDetail>(`/api/members/${id}/details`, input));
export const useRemoveMemberDetail = (id: string) => useMemberMutation((detailId: string) => api.del(`/api/members/${id}/details/${detailId}`));
