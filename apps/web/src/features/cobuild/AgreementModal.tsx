import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  COBUILD_CONTACTS_MAX,
  COBUILD_HEADING_MAX,
  COBUILD_HEADINGS_MAX,
  COBUILD_NAME_MAX,
  COBUILD_TITLE_MAX,
  PHONE_PATTERN,
  type CobuildAgreementDetail,
  type CobuildContactInput,
} from '@jiceng/contracts';
import { Alert, Button, DatePicker, Descriptions, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors, messageOf } from '../../api/errors.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { useCobuildRules, useCreateAgreement, useUpdateAgreement } from './api.ts';
import { SideOrgSelect } from './SideOrgSelect.tsx';

interface Values {
  title?: string;
  orgAId?: string;
  orgBId?: string;
  term?: [Dayjs, Dayjs];
  headings?: string[];
  contacts: CobuildContactInput[];
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const PHONE = new RegExp(PHONE_PATTERN);

/**
 * 起草协议 / 修改协议: the two sides (only when drafting), the term, the content areas (the rule set's
 * 四联四共 by default, editable) and both sides' contacts. An agreement in force changes only the
 * contacts of the account's own side(s). Closes with the agreement's id.
 */
export function AgreementModal({ agreement, onClose }: { agreement?: CobuildAgreementDetail; onClose: (id?: string) => void }) {
  const [form] = Form.useForm<Values>();
  const rules = useCobuildRules();
  const create = useCreateAgreement();
  const update = useUpdateAgreement(agreement?.id ?? '');
  const contactsOnly = agreement?.state === 'active';
  const mine = agreement ? agreement.mySides : (['a', 'b'] as const);
  const sideOptions = mine.map((s) => ({ value: s, label: s === 'a' ? '甲方' : '乙方' }));
  const busy = create.isPending || update.isPending;

  const initial: Values = agreement
    ? {
        title: agreement.title,
        term: [dayjs(agreement.startOn), dayjs(agreement.endOn)],
        headings: agreement.headings,
        // a contact's phone is masked when read: it is typed again when edited
        contacts: agreement.contacts.filter((c) => mine.includes(c.side)).map((c) => ({ side: c.side, name: c.name, post: c.post, phone: '' })),
      }
    : {
        contacts: [
          { side: 'a', name: '', post: '', phone: '' },
          { side: 'b', name: '', post: '', phone: '' },
        ],
      };

  const failed = (e: unknown) => {
    if (!applyFieldErrors(form, e, { startOn: 'term', endOn: 'term' })) showError(messageOf(e));
  };

  const submit = async () => {
    const v = await form.validateFields();
    const contacts = v.contacts.map((c) => ({ ...c, name: c.name.trim(), post: c.post.trim(), phone: c.phone.trim() }));
    if (!agreement) {
      create.mutate(
        {
          title: v.title?.trim() || null,
          orgAId: v.orgAId!,
          orgBId: v.orgBId!,
          startOn: day(v.term![0]),
          endOn: day(v.term![1]),
          headings: v.headings,
          contacts,
        },
        {
          onError: failed,
          onSuccess: (a) => {
            showSuccess(`已起草「${a.title}」`);
            onClose(a.id);
          },
        },
      );
      return;
    }
    const body = contactsOnly
      ? { contacts, version: agreement.version }
      : { title: v.title?.trim() || null, startOn: day(v.term![0]), endOn: day(v.term![1]), headings: v.headings, contacts, version: agreement.version };
    update.mutate(body, {
      onError: failed,
      onSuccess: () => {
        showSuccess('已保存');
        onClose(agreement.id);
      },
    });
  };

  return (
    <Modal
      open
      width={760}
      title={agreement ? (contactsOnly ? '修改本方联系人' : '修改协议') : '起草结对共建协议'}
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={busy}
      onCancel={() => onClose()}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name="cobuild-agreement" initialValues={initial}>
        {agreement ? (
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="甲方">{agreement.orgA.name}</Descriptions.Item>
            <Descriptions.Item label="乙方">{agreement.orgB.name}</Descriptions.Item>
          </Descriptions>
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="甲乙双方至少有一方是本单位或下级党组织，本方为起草方；协议提交后由对方确认签订。"
            />
            <Form.Item name="orgAId" label="甲方党组织（如机关、单位党组织）" rules={[{ required: true, message: '请选择甲方党组织' }]}>
              <SideOrgSelect side="a" />
            </Form.Item>
            <Form.Item name="orgBId" label="乙方党组织（村、社区或企业）" rules={[{ required: true, message: '请选择乙方党组织' }]}>
              <SideOrgSelect side="b" />
            </Form.Item>
          </>
        )}
        {!contactsOnly && (
          <>
            <Form.Item name="title" label="协议名称（不填则为“甲方与乙方结对共建协议”）">
              <Input maxLength={COBUILD_TITLE_MAX} />
            </Form.Item>
            <Form.Item name="term" label="协议期限" rules={[{ required: true, message: '请选择协议期限' }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="headings"
              label="共建内容"
              rules={[
                {
                  validator: (_, v?: string[]) =>
                    (v ?? []).some((h) => h.trim().length > COBUILD_HEADING_MAX)
                      ? Promise.reject(new Error(`每项共建内容不超过 ${COBUILD_HEADING_MAX} 个字`))
                      : Promise.resolve(),
                },
              ]}
              extra={`默认：${rules.data?.defaultHeadings.join('、') ?? '党建工作联创、发展项目联抓、基础设施联建、社会活动联谊'}；可增删，最多 ${COBUILD_HEADINGS_MAX} 项`}
            >
              <Select
                mode="tags"
                placeholder="不填则使用默认的四联四共"
                maxCount={COBUILD_HEADINGS_MAX}
                options={(rules.data?.defaultHeadings ?? []).map((h) => ({ value: h, label: h }))}
                tokenSeparators={['、', '，', ',']}
              />
            </Form.Item>
          </>
        )}
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="start" wrap>
                  <Form.Item name={[name, 'side']} rules={[{ required: true, message: '请选择' }]}>
                    <Select aria-label="所属方" style={{ width: 90 }} options={sideOptions} />
                  </Form.Item>
                  <Form.Item name={[name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                    <Input aria-label="姓名" placeholder="姓名" maxLength={COBUILD_NAME_MAX} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'post']} rules={[{ required: true, whitespace: true, message: '请填写职务' }]}>
                    <Input aria-label="职务" placeholder="职务" maxLength={COBUILD_NAME_MAX} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'phone']}
                    rules={[
                      { required: true, message: '请填写联系电话' },
                      { pattern: PHONE, message: '应为 11 位手机号或带区号的固定电话' },
                    ]}
                  >
                    <Input aria-label="联系电话" placeholder="联系电话" maxLength={14} style={{ width: 150 }} />
                  </Form.Item>
                  <Button type="text" aria-label="删除联系人" icon={<MinusCircleOutlined />} onClick={() => remove(name)} />
                </Space>
              ))}
              {fields.length < COBUILD_CONTACTS_MAX && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ side: mine[0], name: '', post: '', phone: '' })}>
                  添加联系人
                </Button>
              )}
            </>
          )}
        </Form.List>
        {agreement && <p style={{ color: '#595959', marginTop: 8 }}>为保护个人信息，修改时请重新填写联系电话。</p>}
      </Form>
    </Modal>
  );
}
