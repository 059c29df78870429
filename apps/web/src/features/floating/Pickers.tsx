import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useDestinations } from './api.ts';

export { MemberPicker } from '../../shared/MemberPicker.tsx';

interface PickerProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  disabled?: boolean;
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
