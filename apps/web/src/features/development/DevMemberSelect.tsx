import { Select } from 'antd';
import { useRef, useState } from 'react';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useBranchMembers } from './api.ts';

/**
 * Picks up to `max` 正式党员 of the applicant's branch by name (培养联系人 1–2, 入党介绍人 2). The
 * names of those picked stay shown while another name is searched.
 */
export function DevMemberSelect({
  orgId,
  max,
  value,
  onChange,
  id,
}: {
  orgId: string;
  max: number;
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const found = useBranchMembers(orgId, q);
  const names = useRef(new Map<string, string>());
  for (const m of found.data?.items ?? []) names.current.set(m.id, m.name);
  const options = (found.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));
  for (const v of value ?? []) if (!options.some((o) => o.value === v)) options.unshift({ value: v, label: names.current.get(v) ?? v });
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      maxCount={max}
      showSearch
      value={value ?? []}
      onChange={(ids) => {
        onChange?.(ids);
        setTyped('');
      }}
      onSearch={setTyped}
      filterOption={false}
      loading={found.isFetching}
      placeholder="输入党员姓名搜索"
      notFoundContent={found.isFetching ? '正在搜索…' : '本党支部没有匹配的正式党员'}
      options={options}
    />
  );
}
