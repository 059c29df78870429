import { BankOutlined, MenuOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { hasPermission } from '../api/auth.ts';
import { useMe } from '../app/RequireAuth.tsx';
import { appRoutes, menuKeyOf, type AppRoute } from '../routes.tsx';
import { PageLoading } from '../shared/PageLoading.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

const DEMO_NOTICE = '演示数据：本系统当前载入的是演示数据，请勿录入真实信息';

/** Emblem and name at the top of the menu. */
function Brand({ collapsed }: { collapsed: boolean }) {
  return (
    <div
      style={{
        height: 64,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 8,
        color: '#fff',
        fontWeight: 600,
        fontSize: collapsed ? 14 : 17,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <span style={{ fontSize: 22 }}>☭</span>
      {!collapsed && <span>基层党建工作平台</span>}
    </div>
  );
}

type MenuEntry =
  | { key: string; icon: ReactNode; label: string }
  | { key: string; label: string; type: 'group'; children: { key: string; icon: ReactNode; label: string }[] };

/** The menu's entries; neighbouring routes of one `group` go under its heading (antd item group: always open, the heading is no menu item). */
function menuItems(routes: AppRoute[]): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const r of routes) {
    const entry = { key: r.path, icon: r.icon, label: r.label };
    const last = out[out.length - 1];
    if (!r.group) out.push(entry);
    else if (last && 'type' in last && last.label === r.group) last.children.push(entry);
    else out.push({ key: `group:${r.group}`, label: r.group, type: 'group', children: [entry] });
  }
  return out;
}

/**
 * Side menu (from the routes table, filtered by permission), header, demo banner, page. Below the
 * md breakpoint (phones) the menu opens from a header button in a drawer and the page gets more room.
 */
export function AppLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // undefined until measured: the first render assumes a desktop, as before
  const phone = Grid.useBreakpoint().md === false;
  const items = menuItems(appRoutes.filter((r) => r.menu && hasPermission(me, r.permission)));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          width={240}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          closable={false}
          styles={{ body: { padding: 0, background: '#7f0d12' } }}
        >
          <Brand collapsed={false} />
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[menuKeyOf(location.pathname)]}
            items={items}
            onClick={({ key }) => {
              setDrawerOpen(false);
              navigate(key);
            }}
          />
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} breakpoint="lg">
          <Brand collapsed={collapsed} />
          <Menu theme="dark" mode="inline" selectedKeys={[menuKeyOf(location.pathname)]} items={items} onClick={({ key }) => navigate(key)} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
            padding: phone ? '0 12px' : '0 24px',
            borderBottom: '1px solid #f0f0f0',
            height: 64,
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0, lineHeight: 'normal' }}>
            {phone && <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" data-testid="menu-button" onClick={() => setDrawerOpen(true)} />}
            {!phone && <BankOutlined style={{ color: '#c4161c' }} />}
            <Typography.Text strong ellipsis={{ tooltip: me.orgName }} data-testid="header-org">
              {me.orgName}
            </Typography.Text>
          </div>
          <Space size={phone ? 12 : 20} style={{ flex: 'none' }}>
            <NotificationBell />
            <UserMenu />
          </Space>
        </Layout.Header>
        {me.demo && <Alert banner type="warning" showIcon message={DEMO_NOTICE} style={{ fontWeight: 500 }} />}
        <Layout.Content className="jc-content" style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
