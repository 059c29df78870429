import type { OrgSetupOrgStatus, OrgSetupWarning, OrgSetupWarningQuery, OrgSummary } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Under ['orgs'], so any change to the tree (committee, new organization) refreshes the warnings. */
export const orgSetupKeys = {
  warnings: ['orgs', 'setup-warnings'] as const,
  org: (id: string) => ['orgs', 'setup', id] as const,
};

export const useOrgSetupWarnings = (q: OrgSetupWarningQuery = {}) =>
  useQuery({ queryKey: [...orgSetupKeys.warnings, q], queryFn: () => api.get<OrgSetupWarning[]>('/api/org-setup/warnings', q), placeholderData: (prev) => prev });

/** The account's direct child organizations (a district's streets, a street's communities), for the 所属组织 filter. */
export const useChildOrgs = (parentId: string) =>
  useQuery({ queryKey: ['orgs', 'setup-filter', parentId], queryFn: () => api.get<{ items: OrgSummary[] }>('/api/orgs', { parentId, pageSize: 200 }), staleTime: 60_000 });

export const useOrgSetupStatus = (id: string) => useQuery({ queryKey: orgSetupKeys.org(id), queryFn: () => api.get<OrgSetupOrgStatus>(`/api/org-setup/orgs/${id}`) });
