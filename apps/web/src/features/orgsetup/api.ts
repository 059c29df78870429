import type { OrgSetupOrgStatus, OrgSetupWarning } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Under ['orgs'], so any change to the tree (committee, new organization) refreshes the warnings. */
export const orgSetupKeys = {
  warnings: ['orgs', 'setup-warnings'] as const,
  org: (id: string) => ['orgs', 'setup', id] as const,
};

export const useOrgSetupWarnings = () => useQuery({ queryKey: orgSetupKeys.warnings, queryFn: () => api.get<OrgSetupWarning[]>('/api/org-setup/warnings') });

export const useOrgSetupStatus = (id: string) => useQuery({ queryKey: orgSetupKeys.org(id), queryFn: () => api.get<OrgSetupOrgStatus>(`/api/org-setup/orgs/${id}`) });
