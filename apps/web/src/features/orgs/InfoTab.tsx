import { EditOutlined } from '@ant-design/icons';
import { formationModeLabel, type FormationMode, type Org } from '@jiceng/contracts';
import { Button, Descriptions, Form, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, isStaleVersion } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { domainLabel, OrgStatusTag, TermStatusTag, typeLabel } from '../../shared/labels.tsx';
import { useUpdateOrg } from './api.ts';
import { fromOrg, toOrgBody, type OrgFormValues } from './orgForm.ts';
import { OrgFormFields } from './OrgFormFields.tsx';

function EditForm({ org, onDone }: { org: Org; onDone: () => void }) {
  const [form] = Form.useForm<OrgFormValues>();
  const update = useUpdateOrg(org.id);
  const submit = (values: OrgFormValues) =>
    update.mutate(
      { ...toOrgBody(values), version: org.version },
      {
        // a stale version: back to the record, now reloaded with the other person's changes
        onError: (e) => (isStaleVersion(e) ? onDone() : applyFieldErrors(form, e, { parentId: 'type' })),
        onSuccess: () => {
          showSuccess('已保存');
          onDone();
        },
      },
    );
  return (
    <Form<OrgFormValues> form={form} layout="vertical" initialValues={fromOrg(org)} onFinish={submit} style={{ maxWidth: 900 }}>
      <OrgFormFields />
      <Space>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}

/** 基本信息: the organization's record, and its edit form. */
export function InfoTab({ org, canWrite }: { org: Org; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <EditForm org={org} onDone={() => setEditing(false)} />;
  const dash = (v: string | null) => v || <Typography.Text type="secondary">未填写</Typography.Text>;
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
        extra={
          canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑
            </Button>
          )
        }
        items={[
          { key: 'name', label: '组织全称', children: org.name, span: 2 },
          { key: 'short', label: '简称', children: dash(org.shortName) },
          { key: 'code', label: '组织代码', children: dash(org.code) },
          { key: 'type', label: '组织类别', children: typeLabel(org.type) },
          { key: 'domain', label: '所属领域', children: domainLabel(org.domain) },
          { key: 'mode', label: '组建方式', children: formationModeLabel[org.formationMode as FormationMode] ?? org.formationMode },
          { key: 'status', label: '状态', children: <OrgStatusTag status={org.status} /> },
          { key: 'parent', label: '上级组织', children: org.ancestors[org.ancestors.length - 1]?.name ?? '（根组织）' },
          {
            key: 'term',
            label: '换届状态',
            children: (
              <Space>
                <TermStatusTag status={org.termStatus} />
                {org.termEndDate && <span>本届届满：{org.termEndDate}</span>}
              </Space>
            ),
          },
          { key: 'doc', label: '批准文号', children: dash(org.approvalDocNo) },
          { key: 'date', label: '批准成立日期', children: dash(org.approvalDate) },
          { key: 'updated', label: '最后修改', children: dayjs(org.updatedAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        所在单位
      </Typography.Title>
      <Table
        size="small"
        rowKey={(u) => `${u.name}-${u.creditCode ?? ''}`}
        pagination={false}
        dataSource={org.units}
        locale={{ emptyText: '未登记所在单位' }}
        columns={[
          { title: '单位名称', dataIndex: 'name' },
          { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v: string | null) => v ?? '—' },
          { title: '单位类别', dataIndex: 'category', render: (v: string) => domainLabel(v) },
        ]}
      />
    </>
  );
}
