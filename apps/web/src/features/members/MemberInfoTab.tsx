import { EditOutlined } from '@ant-design/icons';
import type { Member } from '@jiceng/contracts';
import { Alert, Button, Descriptions, Form, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { applyFieldErrors, isStaleVersion } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { useUpdateMember } from './api.ts';
import { CategoryTags, educationText, genderText, occupationText } from './labels.tsx';
import { fromMember, toMemberUpdate, type MemberFormValues } from './memberForm.ts';
import { MemberFormFields } from './MemberFormFields.tsx';

function EditForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const [form] = Form.useForm<MemberFormValues>();
  const update = useUpdateMember(member.id);
  const submit = (values: MemberFormValues) => {
    const patch = toMemberUpdate(values, member);
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate(
      { ...patch, version: member.version },
      {
        // someone saved first: back to the record, reloaded with their changes
        onError: (e) => (isStaleVersion(e) ? onDone() : applyFieldErrors(form, e)),
        onSuccess: () => {
          showSuccess('已保存');
          onDone();
        },
      },
    );
  };
  return (
    <Form<MemberFormValues> form={form} layout="vertical" initialValues={fromMember(member)} onFinish={submit} style={{ maxWidth: 1000 }} name="edit-member">
      {!member.unmasked && (
        <Alert
          showIcon
          type="info"
          style={{ marginBottom: 16 }}
          message="公民身份号码、联系电话、家庭住址当前为隐藏显示；如需修改，请先点击页面上方的「查看完整信息」。"
        />
      )}
      <MemberFormFields mode="edit" personalLocked={!member.unmasked} />
      <Space>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}

/** 基本信息: the record (personal fields masked unless shown in full) and its edit form. */
export function MemberInfoTab({ member, canWrite }: { member: Member; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <EditForm member={member} onDone={() => setEditing(false)} />;
  const dash = (v: ReactNode) => v || <Typography.Text type="secondary">未填写</Typography.Text>;
  const mono = (v: string | null) => dash(v && <span style={{ fontFamily: 'monospace' }}>{v}</span>);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      extra={
        canWrite &&
        member.status !== 'left' && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑
          </Button>
        )
      }
      items={[
        { key: 'name', label: '姓名', children: member.name },
        { key: 'gender', label: '性别', children: genderText(member.gender) },
        { key: 'ethnicity', label: '民族', children: member.ethnicity },
        // the birth date comes only with the personal fields in full; masked, the age alone
        {
          key: 'birth',
          label: member.birthDate ? '出生日期' : '年龄',
          children: member.birthDate ? `${member.birthDate}（${member.age} 岁）` : `${member.age} 岁`,
        },
        { key: 'id', label: '公民身份号码', children: mono(member.idNumber), span: 2 },
        { key: 'education', label: '学历', children: educationText(member.education) },
        { key: 'occupation', label: '人员类别', children: occupationText(member.occupation), span: 2 },
        { key: 'unit', label: '工作单位', children: dash(member.workUnit), span: 2 },
        { key: 'position', label: '职务', children: dash(member.position) },
        { key: 'phone', label: '联系电话', children: mono(member.phone) },
        { key: 'address', label: '家庭住址', children: dash(member.address), span: 2 },
        { key: 'org', label: '所在党支部', children: member.orgName, span: 3 },
        { key: 'applied', label: '申请入党日期', children: dash(member.appliedDate) },
        { key: 'joined', label: '入党日期', children: member.joinedDate },
        { key: 'confirmed', label: '转正日期', children: dash(member.confirmedDate ?? (member.probationEndDate && `预备期至 ${member.probationEndDate}`)) },
        { key: 'categories', label: '人员标签', children: <CategoryTags categories={member.categories} />, span: 3 },
        { key: 'updated', label: '最后修改', children: dayjs(member.updatedAt).format('YYYY-MM-DD HH:mm'), span: 3 },
      ]}
    />
  );
}
