import { LETTER_NO_MAX, MemberInput, TRANSFER_ORG_NAME_MAX } from '@jiceng/contracts';
import { Col, DatePicker, Divider, Form, Input, Modal, Row } from 'antd';
import { applyFieldErrors } from '../../api/errors.ts';
import { showSuccess } from '../../shared/feedback.ts';
import { MemberFormFields } from '../members/MemberFormFields.tsx';
import { useIncomingLetter } from './api.ts';
import { toIncomingLetterInput, type IncomingForm } from './incomingLetterForm.ts';
import { notFuture } from './labels.tsx';

const defaults: Partial<IncomingForm> = { ethnicity: '汉族', status: 'full', categories: [] };
/** The server names schema problems of the record `member.<field>`; the form has them at the top level. */
const aliases = Object.fromEntries(Object.keys(MemberInput.properties).map((k) => [`member.${k}`, k]));
/** 凭介绍信转入: a member arriving from outside the system, registered with the letter's details. */
export function IncomingLetterModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<IncomingForm>();
  const register = useIncomingLetter();

  const submit = async () => {
    const v = await form.validateFields();
    register.mutate(toIncomingLetterInput(v), {
      onError: (e) => applyFieldErrors(form, e, aliases),
      onSuccess: (t) => {
        showSuccess(`已登记转入党员「${t.memberName}」，组织关系转入${t.toOrgName}`);
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title="凭介绍信转入"
      width={960}
      okText="登记转入"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={register.isPending}
      onCancel={onClose}
      maskClosable={false}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 8 } }}
    >
      <Form<IncomingForm> form={form} layout="vertical" initialValues={defaults} name="incoming-letter">
        <Divider orientation="left" orientationMargin={0} plain style={{ marginTop: 0 }}>
          介绍信
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="letterNo" label="介绍信编号" rules={[{ required: true, whitespace: true, message: '请输入介绍信上的编号' }]}>
              <Input maxLength={LETTER_NO_MAX} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={10}>
            <Form.Item
              name="fromOrgName"
              label="开具介绍信的党组织"
              rules={[{ required: true, whitespace: true, min: 2, message: '请输入开具介绍信的党组织全称' }]}
            >
              <Input maxLength={TRANSFER_ORG_NAME_MAX} />
            </Form.Item>
          </Col>
          <Col xs={12} xl={4}>
            <Form.Item name="letterDate" label="介绍信开具日期" rules={[{ required: true, message: '请选择开具日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
          <Col xs={12} xl={4}>
            <Form.Item name="duesPaidTo" label="党费缴至">
              <DatePicker picker="month" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <MemberFormFields mode="create" />
      </Form>
    </Modal>
  );
}
