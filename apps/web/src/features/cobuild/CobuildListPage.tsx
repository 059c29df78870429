import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import {
  COBUILD_PARTNER_KINDS,
  COBUILD_STATES,
  cobuildPartnerKindLabel,
  cobuildStateLabel,
  Permission,
  type CobuildAgreement,
  type CobuildPartnerKind,
  type CobuildQuery,
  type CobuildSide,
  type CobuildState,
} from '@jiceng/contracts';
import { Button, Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ImportButtons } from '../../shared/ImportButtons.tsx';
import { OrgSelect } from '../../shared/OrgSelect.tsx';
import { DEFAULT_PAGE_SIZE, serverPagination } from '../../shared/pagination.ts';
import { AgreementModal } from './AgreementModal.tsx';
import { downloadErrorReport, downloadTemplate, exportPath, useAgreements, useImportAgreements, yuan } from './api.ts';
import { KindTag, StateTag } from './labels.tsx';

type Filter = Omit<CobuildQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

/**
 * 结对共建协议: the agreements either of whose sides lies in the account's scope, filtered by state,
 * partner kind, the side the scope holds and 即将到期; 起草协议, the campaign sheet's import, the
 * ledger's export (with totals). A title opens the agreement's page.
 */
export default function CobuildListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const canManage = hasPermission(me, Permission.REGION_MANAGE);
  const [creating, setCreating] = useState(false);
  const [f, setF] = useState<Filter>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const set = (patch: Partial<Filter>) => setF((x) => ({ ...x, ...patch, page: patch.page ?? 1 }));
  const q: CobuildQuery = { ...f, q: f.q?.trim() || undefined, expiring: f.expiring || undefined };
  const { data, isFetching } = useAgreements(q);
  const importer = useImportAgreements();

  return (
    <Card
      title="结对共建"
      extra={
        <Space wrap>
          <Link to="/cobuild/stats">
            <Button icon={<BarChartOutlined />}>共建统计</Button>
          </Link>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              起草协议
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        机关、单位党组织与村、社区、企业党组织签订结对共建协议，围绕党建工作联创、发展项目联抓、基础设施联建、社会活动联谊等内容，记录共建活动、解决的问题和筹集的资金。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<CobuildState>
          allowClear
          aria-label="状态"
          placeholder="全部状态"
          style={{ width: 140 }}
          value={f.state}
          onChange={(state) => set({ state })}
          options={COBUILD_STATES.map((s) => ({ value: s, label: cobuildStateLabel[s] }))}
        />
        <Select<CobuildPartnerKind>
          allowClear
          aria-label="乙方类别"
          placeholder="乙方类别"
          style={{ width: 120 }}
          value={f.partnerKind}
          onChange={(partnerKind) => set({ partnerKind })}
          options={COBUILD_PARTNER_KINDS.map((k) => ({ value: k, label: cobuildPartnerKindLabel[k] }))}
        />
        <Select<CobuildSide>
          allowClear
          aria-label="本方为"
          placeholder="本方为甲方或乙方"
          style={{ width: 160 }}
          value={f.side}
          onChange={(side) => set({ side })}
          options={[
            { value: 'a', label: '本方为甲方' },
            { value: 'b', label: '本方为乙方' },
          ]}
        />
        <OrgSelect
          allowClear
          aria-label="组织"
          placeholder={`${me.orgName}（本级及下级）`}
          style={{ width: 240 }}
          value={f.orgId}
          onChange={(orgId) => set({ orgId })}
        />
        <Checkbox checked={!!f.expiring} onChange={(e) => set({ expiring: e.target.checked })}>
          即将到期
        </Checkbox>
        <Input.Search
          allowClear
          aria-label="协议或组织名称"
          placeholder="协议或组织名称"
          style={{ width: 200 }}
          maxLength={30}
          onSearch={(v) => set({ q: v })}
        />
        <ExportButton path={exportPath} query={q} fallbackName="结对共建台账.xlsx" />
        {canManage && (
          <ImportButtons
            what="结对共建协议"
            uploadLabel="导入结对协议"
            nothing="没有导入任何协议"
            upload={importer}
            template={downloadTemplate}
            report={downloadErrorReport}
          />
        )}
      </Space>
      <Table<CobuildAgreement>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 1200 }}
        locale={{ emptyText: '暂无结对共建协议' }}
        pagination={serverPagination({ page: f.page, pageSize: f.pageSize, total: data?.total ?? 0, onChange: (next) => set(next) })}
        columns={[
          {
            title: '协议名称',
            dataIndex: 'title',
            fixed: 'left',
            width: 260,
            render: (t: string, a) => <Link to={`/cobuild/${a.id}`}>{t}</Link>,
          },
          { title: '甲方', key: 'a', width: 200, render: (_, a) => a.orgA.name },
          { title: '乙方', key: 'b', width: 200, render: (_, a) => a.orgB.name },
          { title: '类别', dataIndex: 'partnerKind', width: 70, render: (k: CobuildPartnerKind) => <KindTag kind={k} /> },
          { title: '期限', key: 'term', width: 190, render: (_, a) => `${a.startOn} 至 ${a.endOn}` },
          { title: '状态', key: 'state', width: 150, render: (_, a) => <StateTag a={a} /> },
          { title: '活动', dataIndex: 'activities', width: 60, align: 'right' },
          { title: '解决问题', dataIndex: 'problems', width: 80, align: 'right' },
          { title: '筹集资金（元）', dataIndex: 'fundsFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
          {
            title: '承诺',
            key: 'c',
            width: 110,
            render: (_, a) => (
              <span>
                {a.commitments.done}/{a.commitments.total}
                {a.commitments.overdue > 0 && <Typography.Text type="danger">（逾期 {a.commitments.overdue}）</Typography.Text>}
              </span>
            ),
          },
        ]}
      />
      {creating && (
        <AgreementModal
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`/cobuild/${id}`);
          }}
        />
      )}
    </Card>
  );
}
