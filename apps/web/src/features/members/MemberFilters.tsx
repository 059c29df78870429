import { educationLabel, memberCategoryLabel, memberStatusLabel, occupationLabel } from '@jiceng/contracts';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { optionsOf } from './labels.tsx';
import { AGE_BANDS, type MemberFilterState } from './memberFilter.ts';

const statusOptions = optionsOf(memberStatusLabel);
const categoryOptions = optionsOf(memberCategoryLabel);
const educationOptions = optionsOf(educationLabel);
const occupationOptions = optionsOf(occupationLabel);
const ageOptions = AGE_BANDS.map((b) => ({ value: b.key, label: b.label }));

/** The filter bar of 党员管理; every change goes to `onChange` with the page reset to 1. */
export function MemberFilters({ value, onChange }: { value: MemberFilterState; onChange: (next: MemberFilterState) => void }) {
  const [search, setSearch] = useState(value.search ?? '');
  useEffect(() => setSearch(value.search ?? ''), [value.search]);
  const set = (patch: Partial<MemberFilterState>) => onChange({ ...value, ...patch, page: 1 });
  const select = (key: 'status' | 'category' | 'education' | 'occupation' | 'age', placeholder: string, options: { value: string; label: string }[]) => (
    <Select id={`member-filter-${key}`} allowClear placeholder={placeholder} style={{ width: '100%' }} options={options} value={value[key]} onChange={(v?: string) => set({ [key]: v })} popupMatchSelectWidth={false} />
  );

  return (
    <Form layout="vertical" component="div" className="jc-member-filters">
      <Row gutter={[12, 0]}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label="查找党员">
            <Input.Search
              allowClear
              enterButton="查询"
              placeholder="姓名、身份证号或手机号"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(s) => set({ search: s.trim() || undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label="所在组织（含下级）" htmlFor="member-filter-org">
            <OrgSelect
              id="member-filter-org"
              allowClear
              value={value.orgId ?? null}
              initialLabel={value.orgName}
              placeholder="全部（本组织及下级）"
              style={{ width: '100%' }}
              onChange={(id, org) => set({ orgId: id, orgName: org?.name })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item label="党员状态" htmlFor="member-filter-status">{select('status', '全部在册', statusOptions)}</Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item label="人员标签" htmlFor="member-filter-category">{select('category', '全部', categoryOptions)}</Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item label="学历" htmlFor="member-filter-education">{select('education', '全部', educationOptions)}</Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item label="人员类别" htmlFor="member-filter-occupation">{select('occupation', '全部', occupationOptions)}</Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item label="年龄段" htmlFor="member-filter-age">{select('age', '全部', ageOptions)}</Form.Item>
        </Col>
        <Col xs={12} md={6} xl={5}>
          <Form.Item label="党龄（年）">
            <Space.Compact style={{ width: '100%' }}>
              <InputNumber min={0} max={120} precision={0} placeholder="不限" style={{ width: '50%' }} value={value.partyAgeMin ?? null} onChange={(v) => set({ partyAgeMin: v ?? undefined })} aria-label="党龄下限" />
              <InputNumber min={0} max={120} precision={0} placeholder="不限" style={{ width: '50%' }} value={value.partyAgeMax ?? null} onChange={(v) => set({ partyAgeMax: v ?? undefined })} aria-label="党龄上限" />
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item label=" " colon={false}>
            <Space>
              <Checkbox checked={!!value.includeLeft} onChange={(e) => set({ includeLeft: e.target.checked || undefined })}>含已出党、已转出人员</Checkbox>
              <Button onClick={() => onChange({ page: 1 })}>重置</Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
