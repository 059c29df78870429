import { RG_SHORT_MAX, RG_TEXT_MAX, RG_TITLE_MAX, type RgNeedDetail } from '@jiceng/contracts';
import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { chosen } from '../keytasks/form.ts';
import { useCreateNeed, useUpdateNeed } from './api.ts';
import { needValues, toNeedInput, type NeedFormValues } from './form.ts';
import { CategorySelect, SOURCE_OPTIONS, URGENCY_OPTIONS } from './labels.tsx';

const required = (message: string) => [{ required: true, whitespace: true, message }];
/** Server field → form field (money is typed in 元). */
const ALIASES = { estMoneyFen: 'estMoneyYuan' };

/**
 * 登记需求 (a community, village or grid of the account's scope) or 修改 a need still 待认领 (`need`):
 * 所属组织, 类别, 名称, 描述, 受益对象 and 人数, 地点, 紧急程度, 期望完成日期, 预计资金（元）和人力, 来源.
 * A new need opens its page.
 */
export function NeedFormModal({ need, onClose }: { need?: RgNeedDetail; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<NeedFormValues>();
  const create = useCreateNeed();
  const update = useUpdateNeed(need?.id ?? '');
  const navigate = useNavigate();
  const submit = async () => {
    const input = toNeedInput(await form.validateFields());
    const onError = (e: Error) => applyFieldErrors(form, e, ALIASES);
    if (need)
      update.mutate(
        { ...input, version: need.version },
        {
          onError,
          onSuccess: () => {
            showSuccess(`已保存「${input.title}」`);
            onClose();
          },
        },
      );
    else
      create.mutate(input, {
        onError,
        onSuccess: (n) => {
          showSuccess(`已登记需求「${n.title}」`);
          onClose();
          navigate(`/regional/needs/${n.id}`);
        },
      });
  };
  const initial: Partial<NeedFormValues> = need ? needValues(need) : { orgId: me.orgId, urgency: 'normal', source: 'resident' };
  return (
    <Modal
      open
      title={need ? `修改需求：${need.title}` : '登记需求'}
      width={760}
      okText={need ? '保存' : '登记'}
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<NeedFormValues> form={form} layout="vertical" name="rg-need" initialValues={initial}>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="orgId" label="需求所属组织" rules={[chosen('请选择需求所属的社区、村或网格')]} extra="本级或所辖的社区（村）、网格党组织">
              <OrgSelect initialLabel={need ? need.orgName : me.orgName} placeholder="输入社区、村或网格名称搜索" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="categoryCode" label="需求类别" rules={[chosen('请选择需求类别')]}>
              <CategorySelect activeOnly />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="需求名称" rules={[...required('请填写需求名称'), { min: 2, message: '需求名称至少 2 个字' }]}>
          <Input maxLength={RG_TITLE_MAX} showCount placeholder="如：独居老人助餐服务" />
        </Form.Item>
        <Form.Item name="description" label="需求描述" rules={required('请填写需求描述')}>
          <Input.TextArea rows={3} maxLength={RG_TEXT_MAX} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="beneficiaries"
              label="受益对象"
              rules={[...required('请填写受益对象'), { min: 2, message: '受益对象至少 2 个字' }]}
              extra="会在清单上公开，请描述对象，不写姓名和电话"
            >
              <Input maxLength={RG_SHORT_MAX} placeholder="如：辖区独居老人" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="beneficiaryCount" label="受益人数">
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="place" label="地点">
              <Input maxLength={RG_SHORT_MAX} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="urgency" label="紧急程度" rules={[chosen('请选择紧急程度')]}>
              <Select options={URGENCY_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="wantedBy" label="期望完成日期">
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item name="estMoneyYuan" label="预计资金（元）">
              <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="estPeople" label="预计人力（人）">
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="source" label="需求来源" rules={[chosen('请选择需求来源')]}>
              <Select options={SOURCE_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
