import type { Member, MemberSummary } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useDebounced } from './useDebounced.ts';

export interface MemberPickerProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  disabled?: boolean;
}

/** Picks a member in the account's scope by name (GET /api/members?q=); a preset value shows its name too. */
export function MemberPicker({ value, onChange, id, disabled }: MemberPickerProps) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const found = useQuery({
    queryKey: ['members', 'picker', q],
    queryFn: () => api.get<{ items: MemberSummary[]; total: number }>('/api/members', { q: q.trim() || undefined, pageSize: 20 }),
    staleTime: 30_000,
  });
  const preset = useQuery({ queryKey: ['members', 'picker-one', value], queryFn: () => api.get<Member>(`/api/members/${value}`), enabled: !!value });
  const options = (found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }));
  if (value && preset.data && !options.some((o) => o.value === value)) options.unshift({ value, label: `${preset.data.name}（${preset.data.orgName}）` });
  return (
    <Select
      id={id}
      showSearch
      disabled={disabled}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      onSearch={setTyped}
      filterOption={false}
      loading={found.isFetching}
      placeholder="输入党员姓名搜索"
      notFoundContent={found.isFetching ? '正在搜索…' : '本组织及下级中没有匹配的党员'}
      options={options}
    />
  );
}
