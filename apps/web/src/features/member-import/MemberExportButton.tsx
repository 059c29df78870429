import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { Permission, type MemberListQuery } from '@jiceng/contracts';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { hasPermission } from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { showError } from '../../shared/feedback.ts';
import { exportMembers } from './api.ts';

/**
 * 导出 the member list with the page's current filters (paging ignored), as .xlsx in the import
 * template's columns. Accounts that may see personal fields in full also get 导出完整信息: the
 * file can be imported again, and the server writes the export to the audit log.
 */
export function MemberExportButton({ query }: { query: MemberListQuery }) {
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const run = (unmask: boolean) => {
    setBusy(true);
    exportMembers({ ...filters, unmask: unmask || undefined })
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  if (!hasPermission(me, Permission.PERSONAL_UNMASK)) {
    return <Button icon={<ExportOutlined />} loading={busy} onClick={() => run(false)}>导出</Button>;
  }
  const items = [
    { key: 'masked', label: '导出（身份证号、电话隐去部分）' },
    { key: 'full', label: '导出完整信息（可再导入，记入操作日志）' },
  ];
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => run(key === 'full') }} disabled={busy}>
      <Button icon={<ExportOutlined />} loading={busy}>导出 <DownOutlined /></Button>
    </Dropdown>
  );
}
