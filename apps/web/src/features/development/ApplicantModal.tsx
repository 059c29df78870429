import { DEV_NAME_MAX, educationLabel, ETHNICITIES, normalizeIdNumber, occupationLabel, parseIdNumber, PHONE_PATTERN, WORK_UNIT_MAX } from '@jiceng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, Modal, Row, Select, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { BranchSelect } from '../members/BranchSelect.tsx';
import { memberKeys, searchBranches } from '../members/api.ts';
import { useCreateApplicant } from './api.ts';
import { chosen, newApplicantValues, toApplicantInput, type ApplicantFormValues } from './form.ts';

const ethnicityOptions = ETHNICITIES.map((e) => ({ value: e, label: e }));
const educationOptions = Object.entries(educationLabel).map(([value, label]) => ({ value, label }));
const occupationOptions = Object.entries(occupationLabel).map(([value, label]) => ({ value, label }));

const idNumberRule: FormRule = {
  validator: (_, v: string | undefined) => {
    if (!v?.trim()) return Promise.resolve();
    const parsed = parseIdNumber(normalizeIdNumber(v));
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.reason));
  },
};

/**
 * 登记入党申请 (第1步): the 党支部 the 入党申请书 was made to, who (sex and birth date come from the
 * ID number), and the day it was received. The server's field messages land under their fields; a
 * rule it refuses (not yet 18 on that day) is shown as its message. Opens the new applicant.
 */
export function ApplicantModal({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<ApplicantFormValues>();
  const create = useCreateApplicant();
  const navigate = useNavigate();
  // The account's own branch, or its only one, is the default.
  const branches = useQuery({ queryKey: memberKeys.branches(''), queryFn: () => searchBranches(''), staleTime: 30_000 });
  const list = branches.data;
  useEffect(() => {
    if (!list || form.getFieldValue('orgId')) return;
    const own = list.find((b) => b.id === me.orgId) ?? (list.length === 1 ? list[0] : undefined);
    if (own) form.setFieldValue('orgId', own.id);
  }, [list, me.orgId, form]);

  const submit = async () => {
    const values = await form.validateFields();
    create.mutate(toApplicantInput(values), {
      onError: (e) => applyFieldErrors(form, e),
      onSuccess: (a) => {
        showSuccess(`已登记「${a.name}」的入党申请`);
        onClose();
        navigate(`/development/${a.id}`);
      },
    });
  };

  return (
    <Modal
      open
      title="登记入党申请"
      width={720}
      okText="登记"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<ApplicantFormValues> form={form} layout="vertical" name="dev-applicant" initialValues={newApplicantValues(undefined)}>
        <Form.Item name="orgId" label="党支部" rules={[chosen('请选择接收入党申请书的党支部')]}>
          <BranchSelect />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
              <Input maxLength={DEV_NAME_MAX} placeholder="与身份证一致" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="idNumber"
              label="公民身份号码"
              extra="性别、出生日期按公民身份号码登记"
              validateFirst
              rules={[{ required: true, whitespace: true, message: '请输入公民身份号码' }, idNumberRule]}
            >
              <Input maxLength={24} placeholder="18 位，末位可为 X" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="ethnicity" label="民族" rules={[chosen('请选择民族')]}>
              <Select showSearch options={ethnicityOptions} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="education" label="学历" rules={[chosen('请选择学历')]}>
              <Select options={educationOptions} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="occupation" label="人员类别" rules={[chosen('请选择人员类别')]}>
              <Select options={occupationOptions} placeholder="请选择" popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="workUnit" label="工作单位及职务">
              <Input maxLength={WORK_UNIT_MAX} placeholder="无工作单位可不填" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label="联系电话"
              rules={[{ pattern: new RegExp(PHONE_PATTERN), message: '请输入 11 位手机号，或带区号的固定电话（如 025-84561234）' }]}
            >
              <Input maxLength={20} placeholder="手机号或固定电话" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="appliedOn" label="递交入党申请书日期" rules={[{ required: true, message: '请选择递交入党申请书的日期' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
