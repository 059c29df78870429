import {
  ADDRESS_MAX,
  educationLabel,
  ETHNICITIES,
  genderLabel,
  MEMBER_NAME_MAX,
  MEMBER_POSITION_MAX,
  memberCategoryLabel,
  normalizeIdNumber,
  occupationLabel,
  parseIdNumber,
  PHONE_PATTERN,
  WORK_UNIT_MAX,
} from '@jiceng/contracts';
import { Checkbox, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, type ReactNode } from 'react';
import { BranchSelect } from './BranchSelect.tsx';
import { optionsOf } from './labels.tsx';
import { factsOfIdNumber, type MemberFormValues } from './memberForm.ts';

const ethnicityOptions = ETHNICITIES.map((e) => ({ value: e, label: e }));
const educationOptions = optionsOf(educationLabel);
const occupationOptions = optionsOf(occupationLabel);
const categoryOptions = optionsOf(memberCategoryLabel);
const genderOptions = optionsOf(genderLabel);
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

const idNumberRule: FormRule = {
  validator: (_, v: string | undefined) => {
    if (!v) return Promise.resolve();
    const parsed = parseIdNumber(normalizeIdNumber(v));
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.reason));
  },
};

/** 申请入党日期 no later than 入党日期. */
const appliedRule: FormRule = ({ getFieldValue }) => ({
  validator: (_, v: Dayjs | null | undefined) => {
    const joined = getFieldValue('joinedDate') as Dayjs | undefined;
    return v && joined && v.isAfter(joined, 'day') ? Promise.reject(new Error('申请入党日期不能晚于入党日期')) : Promise.resolve();
  },
});

/** 转正日期 at least one year after 入党日期 (the probation year). */
const confirmedRule: FormRule = ({ getFieldValue }) => ({
  validator: (_, v: Dayjs | null | undefined) => {
    const joined = getFieldValue('joinedDate') as Dayjs | undefined;
    return v && joined && v.isBefore(joined.add(1, 'year'), 'day') ? Promise.reject(new Error('转正日期不能早于入党满一年')) : Promise.resolve();
  },
});

const Cell = ({ children, span = 8 }: { children: ReactNode; span?: number }) => <Col xs={24} md={12} xl={span}>{children}</Col>;

/**
 * The member record's fields, named as in MemberFormValues. `create` adds the branch and the party
 * dates that later change only through transfers and status events; `personalLocked` shows the
 * masked personal fields read-only (they become editable after 查看完整信息).
 */
export function MemberFormFields({ mode, personalLocked = false }: { mode: 'create' | 'edit'; personalLocked?: boolean }) {
  const form = Form.useFormInstance<MemberFormValues>();
  const idNumber = Form.useWatch('idNumber', form);
  const status = Form.useWatch('status', form);
  const lockedHint = personalLocked ? '已隐藏，点「查看完整信息」后可修改' : undefined;

  // Sex and birth date follow the ID number as soon as it is valid.
  useEffect(() => {
    const facts = personalLocked ? null : factsOfIdNumber(idNumber);
    if (facts) form.setFieldsValue({ gender: facts.gender, birthDate: facts.birthDate });
  }, [idNumber, personalLocked, form]);

  return (
    <>
      <Divider orientation="left" orientationMargin={0} plain style={{ marginTop: 0 }}>基本信息</Divider>
      <Row gutter={16}>
        <Cell>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input maxLength={MEMBER_NAME_MAX} placeholder="与身份证一致" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="idNumber" label="公民身份号码" extra={lockedHint} validateFirst rules={personalLocked ? [] : [{ required: true, whitespace: true, message: '请输入公民身份号码' }, idNumberRule]}>
            <Input maxLength={24} disabled={personalLocked} placeholder="18 位，末位可为 X" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Cell>
        <Cell span={4}>
          <Form.Item name="gender" label="性别" tooltip="根据公民身份号码自动填写">
            <Select disabled options={genderOptions} placeholder="自动填写" />
          </Form.Item>
        </Cell>
        <Cell span={4}>
          <Form.Item name="birthDate" label="出生日期" tooltip="根据公民身份号码自动填写">
            <DatePicker disabled style={{ width: '100%' }} placeholder={personalLocked ? '已隐藏' : '自动填写'} />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="ethnicity" label="民族" rules={[{ required: true, message: '请选择民族' }]}>
            <Select showSearch options={ethnicityOptions} placeholder="请选择" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="education" label="学历" rules={[{ required: true, message: '请选择学历' }]}>
            <Select options={educationOptions} placeholder="请选择" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="occupation" label="人员类别" rules={[{ required: true, message: '请选择人员类别' }]}>
            <Select options={occupationOptions} placeholder="请选择" popupMatchSelectWidth={false} />
          </Form.Item>
        </Cell>
      </Row>
      <Divider orientation="left" orientationMargin={0} plain>工作与联系方式</Divider>
      <Row gutter={16}>
        <Cell>
          <Form.Item name="workUnit" label="工作单位">
            <Input maxLength={WORK_UNIT_MAX} placeholder="无工作单位可不填" />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="position" label="职务">
            <Input maxLength={MEMBER_POSITION_MAX} />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item name="phone" label="联系电话" extra={lockedHint} rules={personalLocked ? [] : [{ pattern: new RegExp(PHONE_PATTERN), message: '请输入 11 位手机号，或带区号的固定电话（如 025-84561234）' }]}>
            <Input maxLength={20} disabled={personalLocked} placeholder="手机号或固定电话" />
          </Form.Item>
        </Cell>
        <Col span={24}>
          <Form.Item name="address" label="家庭住址" extra={lockedHint}>
            <Input maxLength={ADDRESS_MAX} disabled={personalLocked} />
          </Form.Item>
        </Col>
      </Row>
      <Divider orientation="left" orientationMargin={0} plain>党籍信息</Divider>
      <Row gutter={16}>
        {mode === 'create' && (
          <Col xs={24} xl={16}>
            <Form.Item name="orgId" label="所在党支部" rules={[{ required: true, message: '请选择党员组织关系所在的党支部' }]}>
              <BranchSelect />
            </Form.Item>
          </Col>
        )}
        {mode === 'create' && (
          <Cell>
            <Form.Item name="status" label="党员类别" rules={[{ required: true, message: '请选择党员类别' }]}>
              <Radio.Group optionType="button" options={[{ value: 'full', label: '正式党员' }, { value: 'probationary', label: '预备党员' }]} />
            </Form.Item>
          </Cell>
        )}
        <Cell>
          <Form.Item name="appliedDate" label="申请入党日期" dependencies={['joinedDate']} rules={[appliedRule]}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Cell>
        {mode === 'create' && (
          <Cell>
            <Form.Item name="joinedDate" label="入党日期" tooltip="支部大会通过接收为预备党员的日期" rules={[{ required: true, message: '请选择入党日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Cell>
        )}
        {mode === 'create' && status === 'full' && (
          <Cell>
            <Form.Item name="confirmedDate" label="转正日期" tooltip="不填则按入党满一年计算" dependencies={['joinedDate']} rules={[confirmedRule]}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Cell>
        )}
        <Col span={24}>
          <Form.Item name="categories" label="人员标签">
            <Checkbox.Group options={categoryOptions} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
