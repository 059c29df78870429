import { DIRECTIVE_RECIPIENTS_MAX, ORG_DOMAINS, ORG_TYPES, orgDomainLabel, orgTypeLabel, type OrgDomain, type OrgType } from '@jiceng/contracts';
import { Alert, Form, Radio, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { typeLabel } from '../../shared/labels.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { useRecipientOrgs } from './api.ts';
import type { RecipientValues } from './form.ts';

const TYPE_OPTIONS = ORG_TYPES.filter((t) => t !== 'group').map((value) => ({ value, label: orgTypeLabel[value] }));
const DOMAIN_OPTIONS = ORG_DOMAINS.map((value) => ({ value, label: orgDomainLabel[value] }));
const chosenRule = {
  validator: (_: unknown, v: string[] | undefined) => (v?.length ? Promise.resolve() : Promise.reject(new Error('请至少选择一个接收单位'))),
};

/** Where `applyFieldErrors` puts the server's messages about the recipients as a whole. */
export const RECIPIENT_ERRORS = { recipients: 'recipients.mode' };

/** The organizations every one of a type (and domain) below would reach, shown before sending. */
function TypePreview({ orgType, domain }: { orgType?: OrgType; domain?: OrgDomain }) {
  const q = useRecipientOrgs({ orgType, domain }, !!orgType);
  if (!orgType) return null;
  const items = q.data?.items ?? [];
  if (q.isPending) return <Typography.Text type="secondary">正在查找…</Typography.Text>;
  if (items.length === 0) return <Alert type="warning" showIcon message="您的下级中没有这类组织，请换一类或逐个选择" />;
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="directive-recipient-preview">
      将下发给 {q.data!.total > DIRECTIVE_RECIPIENTS_MAX ? `${DIRECTIVE_RECIPIENTS_MAX}+` : q.data!.total} 个组织：
      {items
        .slice(0, 12)
        .map((o) => o.name)
        .join('、')}
      {items.length > 12 ? ' 等' : ''}
    </Typography.Paragraph>
  );
}

/** Organizations below the account's own, searched by name, kept by id with their names once seen. */
function ChosenSelect({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const found = useRecipientOrgs({ q: q.trim() || undefined });
  const known = useRef(new Map<string, { name: string; type: string }>());
  for (const o of found.data?.items ?? []) known.current.set(o.id, o);
  const ids = [...new Set([...(value ?? []), ...(found.data?.items ?? []).map((o) => o.id)])];
  return (
    <Select
      id={id}
      mode="multiple"
      aria-label="接收单位"
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={setTyped}
      loading={found.isFetching}
      placeholder="输入组织名称搜索，可选多个"
      notFoundContent={found.isFetching ? '正在搜索…' : '没有找到匹配的下级组织'}
      maxCount={DIRECTIVE_RECIPIENTS_MAX}
      options={ids.map((i) => ({ value: i, label: known.current.get(i)?.name ?? i, type: known.current.get(i)?.type }))}
      optionRender={(opt) => (
        <Space size={4}>
          <span>{opt.label}</span>
          {opt.data.type && <Tag bordered={false}>{typeLabel(opt.data.type)}</Tag>}
        </Space>
      )}
    />
  );
}

/**
 * 接收单位 of a send or forward, under the form field `recipients`: every organization of one type
 * (and domain) below the account's own — with the list it reaches — or organizations chosen one by
 * one. The server checks each again (strictly below, active, not a 党小组); its message about the
 * recipients lands under the choice of mode (`RECIPIENT_ERRORS`).
 */
export function RecipientsField({ form }: { form: FormInstance }) {
  const v = (Form.useWatch('recipients', form) as RecipientValues | undefined) ?? { mode: 'type' };
  return (
    <Form.Item label="接收单位" required style={{ marginBottom: 8 }}>
      <Form.Item name={['recipients', 'mode']} style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'type', label: '下级某类组织全部' },
            { value: 'chosen', label: '逐个选择' },
          ]}
        />
      </Form.Item>
      {v.mode === 'type' ? (
        <>
          <Space wrap>
            <Form.Item name={['recipients', 'orgType']} label="组织类别" style={{ marginBottom: 8 }} rules={[{ required: true, message: '请选择组织类别' }]}>
              <Select options={TYPE_OPTIONS} style={{ width: 160 }} placeholder="请选择" />
            </Form.Item>
            <Form.Item name={['recipients', 'domain']} label="所属领域" style={{ marginBottom: 8 }}>
              <Select options={DOMAIN_OPTIONS} style={{ width: 160 }} allowClear placeholder="不限" />
            </Form.Item>
          </Space>
          <TypePreview orgType={v.orgType} domain={v.domain} />
        </>
      ) : (
        <Form.Item name={['recipients', 'orgIds']} rules={[chosenRule]} style={{ marginBottom: 8 }}>
          <ChosenSelect />
        </Form.Item>
      )}
    </Form.Item>
  );
}
