import type { ComplianceRuleSetView } from '@jiceng/contracts';
import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, List, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/client.ts';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { useAddComplianceRules, useComplianceRules, useRemoveComplianceRules } from './api.ts';

interface FormValues {
  effectiveFrom: Dayjs;
  silentAfterDays: number;
  note?: string;
  minCounts: Record<string, number | null>;
}

/**
 * 频次要求: the default 三会一课 frequencies with their sources, the rule sets of this subtree and
 * of the ones above it, and (for a street or the department) a new set for the subtree from a date.
 */
export default function ComplianceRulesDrawer(props: { open: boolean; onClose: () => void; orgId: string | undefined; scopeOrgId: string; canEdit: boolean }) {
  const rules = useComplianceRules(props.orgId, props.open);
  const add = useAddComplianceRules();
  const remove = useRemoveComplianceRules();
  const [form] = Form.useForm<FormValues>();
  const d = rules.data;

  const submit = async (v: FormValues) => {
    const overrides = Object.entries(v.minCounts ?? {})
      .filter(([id, n]) => n !== null && n !== undefined && n !== d?.defaults.requirements.find((r) => r.requirementId === id)?.minCount)
      .map(([requirementId, n]) => ({ requirementId, minCount: n! }));
    try {
      await add.mutateAsync({
        orgId: props.scopeOrgId,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        overrides,
        silentAfterDays: v.silentAfterDays,
        note: v.note?.trim() || undefined,
      });
      showSuccess('已保存，自生效日起按新的频次统计');
      form.resetFields();
    } catch (e) {
      showError(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    }
  };

  return (
    <Drawer title="组织生活频次要求" width={720} open={props.open} onClose={props.onClose}>
      {d && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">
            默认要求（{d.defaults.id}，自 {d.defaults.effectiveFrom} 起）：连续 {d.defaults.silentAfterDays} 天无任何会议活动的党支部视为沉默支部。
          </Typography.Paragraph>
          <Table
            rowKey="requirementId"
            size="small"
            pagination={false}
            dataSource={d.defaults.requirements}
            columns={[
              { title: '要求', dataIndex: 'label' },
              { title: '依据', dataIndex: 'source' },
            ]}
          />
          <Typography.Title level={5}>本范围适用的设置</Typography.Title>
          <List<ComplianceRuleSetView>
            locale={{ emptyText: '没有单独设置，按默认要求统计' }}
            dataSource={d.sets}
            renderItem={(s) => (
              <List.Item
                actions={
                  props.canEdit
                    ? [
                        <Popconfirm
                          key="del"
                          title="删除这项设置？删除后按上级或默认要求统计"
                          onConfirm={() => remove.mutateAsync(s).catch((e: unknown) => showError(e instanceof ApiError ? e.message : '删除失败'))}
                        >
                          <Button size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Descriptions size="small" column={1} title={`${s.orgName}，自 ${s.effectiveFrom} 起`}>
                  <Descriptions.Item label="调整">
                    {s.overrides.length
                      ? s.overrides
                          .map(
                            (o) =>
                              `${d.defaults.requirements.find((r) => r.requirementId === o.requirementId)?.label ?? o.requirementId} → ${o.minCount === 0 ? '不作要求' : `至少${o.minCount}次`}`,
                          )
                          .join('；')
                      : '无'}
                  </Descriptions.Item>
                  <Descriptions.Item label="沉默支部">{s.silentAfterDays} 天无活动</Descriptions.Item>
                  {s.note && <Descriptions.Item label="说明">{s.note}</Descriptions.Item>}
                  <Descriptions.Item label="设置人">{s.createdByName ?? '—'}</Descriptions.Item>
                </Descriptions>
              </List.Item>
            )}
          />
          {props.canEdit && (
            <>
              <Typography.Title level={5}>为本组织及下级新增设置</Typography.Title>
              <Alert type="info" showIcon message="只填写需要调整的次数（填 0 表示本范围不作要求）；生效日之前的期间仍按原要求统计。" />
              <Form<FormValues>
                form={form}
                layout="vertical"
                onFinish={submit}
                initialValues={{ effectiveFrom: dayjs().startOf('month'), silentAfterDays: d.defaults.silentAfterDays }}
              >
                <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
                  <DatePicker />
                </Form.Item>
                {d.defaults.requirements.map((r) => (
                  <Form.Item key={r.requirementId} name={['minCounts', r.requirementId]} label={r.label}>
                    <InputNumber min={0} max={31} placeholder={`默认 ${r.minCount}`} addonAfter="次" />
                  </Form.Item>
                ))}
                <Form.Item name="silentAfterDays" label="沉默支部（连续无活动天数）" rules={[{ required: true, message: '请填写天数' }]}>
                  <InputNumber min={7} max={366} addonAfter="天" />
                </Form.Item>
                <Form.Item name="note" label="说明">
                  <Input maxLength={200} placeholder="如：依据区委组织部2026年第X号通知" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={add.isPending}>
                  保存设置
                </Button>
              </Form>
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
