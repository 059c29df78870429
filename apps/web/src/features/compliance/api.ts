import type {
  ComplianceHeatmap,
  ComplianceOrgPage,
  ComplianceOrgQuery,
  ComplianceQuery,
  ComplianceRules,
  ComplianceRuleSetInput,
  ComplianceRuleSetView,
  ComplianceSummary,
} from '@jiceng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Under ['meetings'], so a meeting recorded or reviewed anywhere refreshes the calendar. */
const keys = {
  all: ['meetings', 'compliance'] as const,
  summary: (q: ComplianceQuery) => [...keys.all, 'summary', q] as const,
  orgs: (q: ComplianceOrgQuery) => [...keys.all, 'orgs', q] as const,
  heatmap: (orgId: string | undefined, year: number) => [...keys.all, 'heatmap', orgId, year] as const,
  rules: (orgId: string | undefined) => [...keys.all, 'rules', orgId] as const,
};

export const useComplianceSummary = (q: ComplianceQuery) =>
  useQuery({ queryKey: keys.summary(q), queryFn: () => api.get<ComplianceSummary>('/api/compliance/summary', q), placeholderData: (prev) => prev });

export const useComplianceOrgs = (q: ComplianceOrgQuery) =>
  useQuery({ queryKey: keys.orgs(q), queryFn: () => api.get<ComplianceOrgPage>('/api/compliance/orgs', q), placeholderData: (prev) => prev });

export const useComplianceHeatmap = (orgId: string | undefined, year: number) =>
  useQuery({ queryKey: keys.heatmap(orgId, year), queryFn: () => api.get<ComplianceHeatmap>('/api/compliance/heatmap', { orgId, year }) });

export const useComplianceRules = (orgId: string | undefined, enabled: boolean) =>
  useQuery({ queryKey: keys.rules(orgId), queryFn: () => api.get<ComplianceRules>('/api/compliance/rules', { orgId }), enabled });

export function useAddComplianceRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplianceRuleSetInput) => api.post<ComplianceRuleSetView>('/api/compliance/rules', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRemoveComplianceRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: { id: string; version: number }) => api.del<{ ok: true }>(`/api/compliance/rules/${s.id}?version=${s.version}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
