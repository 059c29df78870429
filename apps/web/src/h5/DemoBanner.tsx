import { NoticeBar } from 'antd-mobile';

/**
 * The demo notice on every signed-in phone screen: in the page's flow above the screen (never fixed
 * over it), wrapped so the whole sentence shows, and announced as a note.
 */
export function DemoBanner() {
  return (
    <div role="note" aria-label="演示数据提示" data-testid="h5-demo-banner">
      <NoticeBar color="alert" wrap content="演示环境：这里的人员和组织都是虚构的演示数据，账号密码已公开，请勿录入真实信息" />
    </div>
  );
}
