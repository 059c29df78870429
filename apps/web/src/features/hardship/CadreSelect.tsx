import { Select } from 'antd';
import { useCadres } from './api.ts';

/** Picks a helping cadre registered in scope; a cadre already helping the most members allowed cannot be picked. */
export function CadreSelect({ value, onChange, id, exceptId }: { value?: string | null; onChange?: (id: string | null) => void; id?: string; exceptId?: string | null }) {
  const { data, isFetching } = useCadres();
  const options = (data ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} ${c.phone}（已帮扶 ${c.helping}/${c.capacity}）`,
    disabled: c.helping >= c.capacity && c.id !== exceptId,
  }));
  return (
    <Select
      id={id}
      allowClear
      showSearch
      optionFilterProp="label"
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      loading={isFetching}
      placeholder="选择帮扶干部"
      notFoundContent="本组织还没有登记帮扶干部"
      options={options}
    />
  );
}
