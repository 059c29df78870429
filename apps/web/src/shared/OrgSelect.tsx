import type { OrgSummary } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Tag } from 'antd';
import { useState, type CSSProperties } from 'react';
import { orgKeys, searchOrgs } from '../features/orgs/api.ts';
import { typeLabel } from './labels.tsx';
import { useDebounced } from './useDebounced.ts';

export interface OrgSelectProps {
  value?: string | null;
  onChange?: (id: string | undefined, org?: OrgSummary) => void;
  /** Label for the current value before any search (e.g. the account's present organization). */
  initialLabel?: string;
  /** Organizations that may not be picked (e.g. the one being moved). */
  excludeIds?: string[];
  placeholder?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  id?: string;
  /** Accessible name when no visible label points at the field. */
  'aria-label'?: string;
}

/** Picks an organization in the account's scope by typing part of its name (GET /api/orgs?q=). */
export function OrgSelect({ value, onChange, initialLabel, excludeIds = [], placeholder = '输入组织名称搜索', style, allowClear, id, 'aria-label': ariaLabel }: OrgSelectProps) {
  const [q, setQ] = useState('');
  const debounced = useDebounced(q);
  const { data, isFetching } = useQuery({ queryKey: orgKeys.search(debounced), queryFn: () => searchOrgs(debounced), staleTime: 30_000 });
  const items = (data?.items ?? []).filter((o) => !excludeIds.includes(o.id));
  const options: { value: string; label: string; org?: OrgSummary }[] = items.map((o) => ({ value: o.id, label: o.name, org: o }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch
      value={value ?? undefined}
      placeholder={placeholder}
      style={style}
      allowClear={allowClear}
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      notFoundContent={isFetching ? '正在搜索…' : '没有找到匹配的组织'}
      onChange={(v: string | undefined) => onChange?.(v, items.find((o) => o.id === v))}
      options={options}
      optionRender={(opt) => (
        <Space size={4}>
          <span>{opt.label}</span>
          {opt.data.org && <Tag bordered={false}>{typeLabel(opt.data.org.type)}</Tag>}
        </Space>
      )}
    />
  );
}
