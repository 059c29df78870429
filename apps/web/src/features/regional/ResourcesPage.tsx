import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Permission, type RgOwnerKind, type RgResource, type RgResourceQuery } from '@jiceng/contracts';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { showError, showSuccess } from '../../shared/feedback.ts';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { ScrollRegion } from '../../shared/ScrollRegion.tsx';
import { fetchResourceUnmasked, RESOURCES_EXPORT, useResources, useWithdrawResource } from './api.ts';
import { hoursText, yuanText } from './form.ts';
import { CategorySelect, OWNER_KIND_OPTIONS, ownerKindText, RESOURCE_STATE_OPTIONS, ResourceStateTag } from './labels.tsx';
import { ResourceFormModal } from './ResourceFormModal.tsx';

type Filter = Omit<RgResourceQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

function capacity(r: RgResource) {
  const parts = [
    r.capacityPeople !== null && `${r.capacityPeople} 人`,
    r.capacityHoursMonth !== null && `每月 ${hoursText(r.capacityHoursMonth)}`,
    r.capacityMoneyFen !== null && yuanText(r.capacityMoneyFen),
  ].filter(Boolean);
  return (
    <>
      {parts.join(' / ') || '—'}
      {r.venue && <div>场地：{r.venue}</div>}
    </>
  );
}

/**
 * 资源清单: what resident units and in-service members offer (a 驻区单位 account: its own), filtered
 * by category, provider, state, organization and keyword; 导出 (phones masked); 登记资源; per row
 * 修改, 撤回 and — for accounts with personal:unmask — 查看完整电话 (audited).
 */
export default function ResourcesPage() {
  const me = useMe();
  const { modal } = App.useApp();
  const ownUnit = me.role === 'resident_unit';
  const side = hasPermission(me, Permission.REGION_READ);
  const mayEdit = ownUnit || hasPermission(me, Permission.REGION_RECORD);
  const mayUnmask = hasPermission(me, Permission.PERSONAL_UNMASK);
  const [f, setF] = useState<Filter>({ state: 'offered', page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const { data, isFetching } = useResources(f);
  const withdraw = useWithdrawResource();
  const [editing, setEditing] = useState<RgResource | 'new' | null>(null);
  const showPhone = (r: RgResource) =>
    fetchResourceUnmasked(r.id).then(
      (full) => {
        modal.info({
          title: `${r.ownerName}：${full.contactName}`,
          content: (
            <>
              联系电话：<span data-testid="rg-full-phone">{full.phone}</span>
              <br />
              <Typography.Text type="secondary">本次查看已记入审计日志</Typography.Text>
            </>
          ),
          okText: '知道了',
        });
      },
      (e: unknown) => showError(messageOf(e)),
    );

  return (
    <Card
      title="资源清单"
      extra={
        (ownUnit || hasPermission(me, Permission.REGION_RECORD)) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            登记资源
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <CategorySelect
          allowClear
          aria-label="资源类别"
          placeholder="全部类别"
          style={{ width: 150 }}
          value={f.categoryCode}
          onChange={(categoryCode) => set({ categoryCode })}
        />
        {!ownUnit && (
          <Select<RgOwnerKind>
            allowClear
            aria-label="提供方"
            placeholder="全部提供方"
            style={{ width: 130 }}
            value={f.ownerKind}
            options={OWNER_KIND_OPTIONS}
            onChange={(ownerKind) => set({ ownerKind })}
          />
        )}
        <Select<'offered' | 'withdrawn'>
          allowClear
          aria-label="资源状态"
          placeholder="全部状态"
          style={{ width: 120 }}
          value={f.state}
          options={RESOURCE_STATE_OPTIONS}
          onChange={(state) => set({ state })}
        />
        {side && (
          <OrgSelect
            allowClear
            aria-label="组织"
            placeholder={`${me.orgName}（本级及下级）`}
            style={{ width: 240 }}
            value={f.orgId}
            onChange={(orgId) => set({ orgId })}
          />
        )}
        <Input.Search
          allowClear
          aria-label="资源关键字"
          placeholder="资源名称或提供方"
          maxLength={30}
          style={{ width: 200 }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
        <ExportButton path={RESOURCES_EXPORT} query={f} fallbackName="资源清单.xlsx" />
      </Space>
      <ScrollRegion label="资源清单">
        <Table<RgResource>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items}
          scroll={{ x: 1450 }}
          locale={{ emptyText: ownUnit ? '本单位还没有登记资源' : '没有符合条件的资源' }}
          pagination={serverPagination({
            page: f.page,
            pageSize: f.pageSize,
            total: data?.total ?? 0,
            onChange: (next) => set(next),
            showTotal: (n) => `共 ${n} 项资源`,
          })}
          data-testid="rg-resources"
          columns={[
            { title: '资源名称', dataIndex: 'title', fixed: 'left', width: 180 },
            { title: '类别', dataIndex: 'categoryName', width: 100 },
            {
              title: '提供方',
              key: 'owner',
              width: 200,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Tag>{ownerKindText(r.ownerKind)}</Tag>
                  {r.ownerName}
                </Space>
              ),
            },
            {
              title: '面向社区',
              key: 'community',
              width: 180,
              render: (_: unknown, r) => [r.communityName, ...r.offeredTo.filter((o) => o.id !== r.communityId).map((o) => o.name)].join('、'),
            },
            { title: '提供能力', key: 'capacity', width: 200, render: (_: unknown, r) => capacity(r) },
            {
              title: '提供期',
              key: 'period',
              width: 120,
              render: (_: unknown, r) => (r.availableFrom || r.availableTo ? `${r.availableFrom ?? '—'} 至 ${r.availableTo ?? '—'}` : '长期'),
            },
            {
              title: '联系人',
              key: 'contact',
              width: 200,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  {r.contactName} {r.phone}
                  {mayUnmask && !r.unmasked && (
                    <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void showPhone(r)} aria-label={`查看完整电话：${r.title}`}>
                      查看完整电话
                    </Button>
                  )}
                </Space>
              ),
            },
            { title: '参与项目', dataIndex: 'projects', width: 90, align: 'right' },
            { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => <ResourceStateTag state={s} /> },
            {
              title: '操作',
              key: 'ops',
              width: 130,
              fixed: 'right',
              render: (_: unknown, r) =>
                mayEdit && r.state === 'offered' ? (
                  <Space size={4}>
                    <Button size="small" type="link" onClick={() => setEditing(r)} aria-label={`修改资源：${r.title}`}>
                      修改
                    </Button>
                    <Popconfirm
                      title={`撤回「${r.title}」？`}
                      description="撤回后不再对接新的需求，已参与的项目和台账保留。"
                      okText="撤回"
                      cancelText="取消"
                      onConfirm={() =>
                        withdraw.mutateAsync({ id: r.id, version: r.version }).then(
                          () => showSuccess(`已撤回「${r.title}」`),
                          () => undefined,
                        )
                      }
                    >
                      <Button size="small" type="link" danger aria-label={`撤回资源：${r.title}`}>
                        撤回
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </ScrollRegion>
      {editing && <ResourceFormModal resource={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
