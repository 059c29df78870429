import { ExportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { withQuery } from '../api/client.ts';
import { download } from '../api/download.ts';
import { messageOf } from '../api/errors.ts';
import { showError } from './feedback.ts';

/**
 * 导出 of a list page: GETs `path` with the list's filters (paging left out) and saves the .xlsx
 * under the name the server gives it (<what>_<whose>_<date>.xlsx).
 */
export function ExportButton({
  path,
  query,
  fallbackName,
}: {
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  fallbackName: string;
}) {
  const [busy, setBusy] = useState(false);
  const { page: _page, pageSize: _pageSize, ...filters } = query ?? {};
  const run = () => {
    setBusy(true);
    download(withQuery(path, filters), fallbackName)
      .catch((e: unknown) => showError(messageOf(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<ExportOutlined />} loading={busy} onClick={run}>
      导出
    </Button>
  );
}
