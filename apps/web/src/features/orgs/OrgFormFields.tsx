import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DOC_NO_MAX,
  FormationMode,
  formationModeLabel,
  isValidCreditCode,
  ORG_DOMAINS,
  ORG_NAME_MAX,
  ORG_SHORT_NAME_MAX,
  ORG_TYPES,
  orgDomainLabel,
  orgTypeLabel,
  UNIT_NAME_MAX,
  UNITS_PER_ORG_MAX,
} from '@jiceng/contracts';
import { Button, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';

const typeOptions = ORG_TYPES.map((t) => ({ value: t, label: orgTypeLabel[t] }));
const domainOptions = ORG_DOMAINS.map((d) => ({ value: d, label: orgDomainLabel[d] }));
const modeOptions = Object.values(FormationMode).map((m) => ({ value: m, label: formationModeLabel[m] }));

const creditCodeRule = {
  validator: (_: unknown, value: string | null | undefined) =>
    !value || isValidCreditCode(value.trim().toUpperCase())
      ? Promise.resolve()
      : Promise.reject(new Error('统一社会信用代码无效：应为 18 位，且最后一位校验码正确')),
};

/** The fields of an organization (create and edit share them), named as in OrgFormValues. */
export function OrgFormFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="name" label="组织全称" rules={[{ required: true, whitespace: true, message: '请输入组织全称' }, { min: 2, message: '组织全称至少 2 个字' }]}>
            <Input maxLength={ORG_NAME_MAX} showCount placeholder="如：中共××社区第一支部委员会" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shortName" label="简称">
            <Input maxLength={ORG_SHORT_NAME_MAX} placeholder="如：第一党支部" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="type" label="组织类别" rules={[{ required: true, message: '请选择组织类别' }]}>
            <Select options={typeOptions} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="domain" label="所属领域" rules={[{ required: true, message: '请选择所属领域' }]}>
            <Select options={domainOptions} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="formationMode" label="组建方式" rules={[{ required: true, message: '请选择组建方式' }]}>
            <Radio.Group options={modeOptions} optionType="button" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="所在单位" required={false} extra="单独组建填写一个单位；联合组建填写参与组建的全部单位。没有统一社会信用代码的可不填。">
        <Form.List name="units">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col span={10}>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}>
                      <Input maxLength={UNIT_NAME_MAX} placeholder="单位名称" />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[f.name, 'creditCode']} rules={[creditCodeRule]} normalize={(v: string) => v.toUpperCase()}>
                      <Input maxLength={18} placeholder="统一社会信用代码" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'category']} rules={[{ required: true, message: '请选择单位类别' }]}>
                      <Select options={domainOptions} placeholder="单位类别" />
                    </Form.Item>
                  </Col>
                  <Col span={1} style={{ paddingTop: 6 }}>
                    <MinusCircleOutlined aria-label="删除单位" onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              {fields.length < UNITS_PER_ORG_MAX && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ category: 'community' })}>添加单位</Button>
              )}
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="approvalDocNo" label="批准文号">
            <Input maxLength={DOC_NO_MAX} placeholder="如：×党建〔2024〕12号" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="approvalDate" label="批准成立日期">
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label="组织代码">
            <Input maxLength={40} placeholder="全国党员管理信息系统中的代码" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
