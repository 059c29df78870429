import { useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../shared/useDebounced.ts';
import { fetchMember, searchMembers, searchReceivers, transferKeys } from './api.ts';

interface PickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
}

interface Option {
  value: string;
  label: string;
  extra: string;
}

/** A searchable select over a look-up; the server filters, so the options are shown as they come. */
function SearchSelect({ value, onChange, id, placeholder, empty, options, loading, onSearch }: PickerProps & { placeholder: string; empty: string; options: Option[]; loading: boolean; onSearch: (q: string) => void }) {
  // The chosen option stays listed (with its name) after the search text changes.
  const [picked, setPicked] = useState<Option | null>(null);
  const shown = picked && picked.value === value && !options.some((o) => o.value === value) ? [picked, ...options] : options;
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={(v: string | undefined) => {
        setPicked(options.find((o) => o.value === v) ?? null);
        onChange?.(v);
      }}
      onSearch={onSearch}
      filterOption={false}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={loading ? '正在搜索…' : empty}
      options={shown}
      optionRender={(o) => (
        <Space size={8}>
          <span>{o.data.label}</span>
          <Typography.Text type="secondary">{o.data.extra}</Typography.Text>
        </Space>
      )}
    />
  );
}

/** Picks a member of the account's scope by name (GET /api/members?q=); a preset value shows its name. */
export function MemberPicker(props: PickerProps) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const found = useQuery({ queryKey: transferKeys.members(q), queryFn: () => searchMembers(q), staleTime: 30_000 });
  const preset = useQuery({ queryKey: ['members', 'detail', props.value, false], queryFn: () => fetchMember(props.value!), enabled: !!props.value, staleTime: 60_000 });
  const items = [...(found.data ?? [])];
  if (preset.data && !items.some((m) => m.id === preset.data.id)) items.unshift(preset.data);
  const options = items.map((m) => ({ value: m.id, label: m.name, extra: `${m.orgName} · ${m.idNumber}` }));
  return <SearchSelect {...props} placeholder="输入党员姓名搜索" empty="本组织及下级中没有匹配的党员" options={options} loading={found.isFetching} onSearch={setTyped} />;
}

/** Picks the receiving branch among the active branches of the whole region (GET /api/transfers/receivers). */
export function ReceiverPicker(props: PickerProps & { excludeId?: string }) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const found = useQuery({ queryKey: transferKeys.receivers(q), queryFn: () => searchReceivers(q), staleTime: 30_000 });
  const options = (found.data ?? []).filter((o) => o.id !== props.excludeId).map((o) => ({ value: o.id, label: o.name, extra: o.parentName ?? '' }));
  return <SearchSelect {...props} placeholder="输入接收党支部名称搜索（全区范围）" empty={q ? '没有匹配的党支部' : '请输入党支部名称'} options={options} loading={found.isFetching} onSearch={setTyped} />;
}
