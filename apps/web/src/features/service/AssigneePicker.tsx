import { SERVICE_ASSIGNEE_TYPE_IDS, serviceAssigneeTypeName, type MemberSummary, type ServiceAssigneeInput } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useGrids } from './api.ts';

type AssigneeType = (typeof SERVICE_ASSIGNEE_TYPE_IDS)[number];

/** What the picker holds: `rule` leaves the choice to the 派单规则 (派单 only). */
export interface AssigneeDraft {
  mode: 'rule' | AssigneeType;
  orgId?: string;
  memberId?: string;
  name?: string;
}

/** The assignee to send, undefined for 按派单规则; null while the choice is incomplete. */
export function assigneeInput(d: AssigneeDraft): ServiceAssigneeInput | undefined | null {
  if (d.mode === 'rule') return undefined;
  if (!d.orgId) return null;
  if (d.mode === 'member') return d.memberId ? { type: 'member', orgId: d.orgId, memberId: d.memberId } : null;
  const name = d.name?.trim();
  return { type: d.mode, orgId: d.orgId, ...(name && name.length >= 2 ? { name } : {}) };
}

/** A member in the account's scope by name; answers the member and their branch. */
function MemberSelect({ value, onChange }: { value?: string; onChange: (m: MemberSummary | undefined) => void }) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const found = useQuery({
    queryKey: ['members', 'picker', q],
    queryFn: () => api.get<{ items: MemberSummary[]; total: number }>('/api/members', { q: q.trim() || undefined, pageSize: 20 }),
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  return (
    <Select
      aria-label="承办党员"
      showSearch
      value={value}
      filterOption={false}
      onSearch={setTyped}
      loading={found.isFetching}
      placeholder="输入党员姓名搜索"
      notFoundContent={found.isFetching ? '正在搜索…' : '本组织及下级中没有匹配的党员'}
      options={items.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
      onChange={(id: string) => onChange(items.find((m) => m.id === id))}
    />
  );
}

/**
 * 承办对象: 按派单规则 (派单 only), a grid of the account's scope, a 党员, a 志愿服务队 or a 职能部门
 * (an organization, with the team's or department's own name if it differs).
 */
export function AssigneePicker({ value, onChange, allowRule }: { value: AssigneeDraft; onChange: (d: AssigneeDraft) => void; allowRule?: boolean }) {
  const grids = useGrids();
  const modes: AssigneeDraft['mode'][] = [...(allowRule ? (['rule'] as const) : []), ...SERVICE_ASSIGNEE_TYPE_IDS];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Radio.Group
        aria-label="承办对象类型"
        value={value.mode}
        optionType="button"
        onChange={(e) => onChange({ mode: e.target.value as AssigneeDraft['mode'] })}
        options={modes.map((m) => ({ value: m, label: m === 'rule' ? '按派单规则' : serviceAssigneeTypeName[m] }))}
      />
      {value.mode === 'grid' && (
        <Select
          aria-label="承办网格"
          showSearch
          optionFilterProp="label"
          placeholder="选择网格"
          loading={grids.isLoading}
          value={value.orgId}
          onChange={(orgId: string) => onChange({ mode: 'grid', orgId })}
          options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          notFoundContent="本组织及下级没有网格"
        />
      )}
      {value.mode === 'member' && <MemberSelect value={value.memberId} onChange={(m) => onChange({ mode: 'member', memberId: m?.id, orgId: m?.orgId })} />}
      {(value.mode === 'team' || value.mode === 'department') && (
        <>
          <OrgSelect
            aria-label={value.mode === 'team' ? '志愿服务队所在组织' : '职能部门组织'}
            placeholder={value.mode === 'team' ? '志愿服务队所在组织（输入名称搜索）' : '职能部门（输入名称搜索）'}
            value={value.orgId}
            onChange={(orgId) => onChange({ ...value, orgId })}
          />
          <Input
            aria-label={value.mode === 'team' ? '队伍名称' : '部门名称'}
            placeholder={value.mode === 'team' ? '队伍名称（选填，如：梅花山志愿服务队）' : '部门名称（选填，默认取组织名称）'}
            maxLength={40}
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
          />
        </>
      )}
      {value.mode === 'rule' && <span style={{ color: 'rgba(0,0,0,0.45)' }}>由派单规则决定承办对象（无规则时派给诉求所在网格）</span>}
    </Space>
  );
}
