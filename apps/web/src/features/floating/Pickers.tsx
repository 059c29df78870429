import type { Member } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useDebounced } from '../../shared/useDebounced.ts';
import { searchMembers, useDestinations } from './api.ts';

interface PickerProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  disabled?: boolean;
}

/** Picks a member in the account's scope by name; shows the preset member (`?memberId=`) by name too. */
export function MemberPicker({ value, onChange, id, disabled }: PickerProps) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const found = useQuery({ queryKey: ['members', 'picker', q], queryFn: () => searchMembers(q), staleTime: 30_000 });
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

/** Picks the destination branch anywhere on the platform (it may be in another street). */
export function DestinationSelect({ value, onChange, id, initialLabel }: PickerProps & { initialLabel?: string | null }) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const found = useDestinations(q);
  const options = (found.data ?? []).map((o) => ({ value: o.id, label: o.parentName ? `${o.name}（${o.parentName}）` : o.name }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      onSearch={setTyped}
      filterOption={false}
      loading={found.isFetching}
      placeholder="输入流入地党支部名称搜索（不在本平台可不选）"
      notFoundContent={q ? (found.isFetching ? '正在搜索…' : '没有匹配的党支部') : '请输入名称关键字'}
      options={options}
    />
  );
}
