import { cobuildPartnerKindLabel } from '@jiceng/contracts';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useSideOrgs } from './api.ts';

/**
 * Picks a side's organization by part of its name, anywhere in the district (a pairing crosses the
 * tree): any organization for 甲方, villages, communities and enterprises for 乙方 (their kind shown).
 */
export function SideOrgSelect(props: { side: 'a' | 'b'; value?: string; onChange?: (id: string | undefined) => void; id?: string; 'aria-label'?: string }) {
  const [q, setQ] = useState('');
  const debounced = useDebounced(q);
  const { data, isFetching } = useSideOrgs(props.side, debounced);
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      showSearch
      allowClear
      value={props.value}
      onChange={props.onChange}
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      placeholder={props.side === 'a' ? '输入甲方党组织名称搜索' : '输入村、社区或企业党组织名称搜索'}
      notFoundContent={isFetching ? '搜索中…' : '没有找到党组织'}
      options={(data ?? []).map((o) => ({
        value: o.id,
        label: `${o.name}${o.partnerKind && props.side === 'b' ? `（${cobuildPartnerKindLabel[o.partnerKind]}）` : ''}${o.parentName ? ` · ${o.parentName}` : ''}`,
      }))}
    />
  );
}
