import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { typeLabel } from '../../shared/labels.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { memberKeys, searchBranches } from './api.ts';

/**
 * Picks the branch that holds a member's relation: only 党支部 and 联合党支部 in the account's scope
 * (members belong to exactly one branch, never to a committee, 党小组 or grid).
 */
export function BranchSelect({
  value,
  onChange,
  id,
  initialLabel,
  style,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
  /** Label for the current value before any search (e.g. a branch opened from a link). */
  initialLabel?: string;
  style?: CSSProperties;
}) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const branches = useQuery({ queryKey: memberKeys.branches(q), queryFn: () => searchBranches(q), staleTime: 30_000 });
  const options = (branches.data ?? []).map((o) => ({ value: o.id, label: o.name, title: `${o.name}（${typeLabel(o.type)}）` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel, title: initialLabel });
  return (
    <Select
      id={id}
      style={style}
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      onSearch={setTyped}
      filterOption={false}
      loading={branches.isFetching}
      placeholder="输入党支部名称搜索"
      notFoundContent={branches.isFetching ? '正在搜索…' : '本组织及下级中没有匹配的党支部'}
      options={options}
    />
  );
}
