import { Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { typeLabel } from '../../shared/labels.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useCommunities } from './api.ts';

export { MemberPicker } from '../../shared/MemberPicker.tsx';

interface PickerProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  disabled?: boolean;
}

interface SearchSelectProps extends PickerProps {
  options: { value: string; label: string }[];
  onSearch(typed: string): void;
  loading: boolean;
  placeholder: string;
  notFound: string;
  optionRender?: (value: string) => ReactNode;
}

/** A select whose options come from the server as the user types. */
function SearchSelect({ value, onChange, id, disabled, options, onSearch, loading, placeholder, notFound, optionRender }: SearchSelectProps) {
  return (
    <Select
      id={id}
      showSearch
      disabled={disabled}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      onSearch={onSearch}
      filterOption={false}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={loading ? '正在搜索…' : notFound}
      options={options}
      optionRender={optionRender && ((o) => optionRender(String(o.value)))}
    />
  );
}

/** Picks a community (village) Party organization anywhere in the region (one may live outside one's street). */
export function CommunitySelect(props: PickerProps) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const found = useCommunities(q);
  const items = found.data ?? [];
  const options = items.map((c) => ({ value: c.id, label: `${c.name}${c.parentName ? `（${c.parentName}）` : ''}` }));
  const render = (id: string) => {
    const c = items.find((x) => x.id === id);
    return c ? `${c.name} ${typeLabel(c.type)}${c.parentName ? `（${c.parentName}）` : ''}` : id;
  };
  return <SearchSelect {...props} options={options} onSearch={setTyped} loading={found.isFetching} placeholder="输入居住地社区（村）名称搜索" notFound="没有匹配的社区（村）党组织" optionRender={render} />;
}
