import { BankOutlined } from '@ant-design/icons';
import { Alert, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { hasPermission } from '../api/auth.ts';
import { useMe } from '../app/RequireAuth.tsx';
import { appRoutes, menuKeyOf } from '../routes.tsx';
import { PageLoading } from '../shared/PageLoading.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

const DEMO_NOTICE = '演示数据：本系统当前载入的是演示数据，请勿录入真实信息';

/** Side menu (from the routes table, filtered by permission), header, demo banner, page. */
export function AppLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const items = appRoutes
    .filter((r) => r.menu && hasPermission(me, r.permission))
    .map((r) => ({ key: r.path, icon: r.icon, label: r.label }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} breakpoint="lg">
        <div style={{ height: 64, display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8, color: '#fff', fontWeight: 600, fontSize: collapsed ? 14 : 17, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <span style={{ fontSize: 22 }}>☭</span>
          {!collapsed && <span>基层党建工作平台</span>}
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[menuKeyOf(location.pathname)]} items={items} onClick={({ key }) => navigate(key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 24px', borderBottom: '1px solid #f0f0f0', height: 64 }}>
          <Space>
            <BankOutlined style={{ color: '#c4161c' }} />
            <Typography.Text strong data-testid="header-org">{me.orgName}</Typography.Text>
          </Space>
          <Space size={20}>
            <NotificationBell />
            <UserMenu />
          </Space>
        </Layout.Header>
        {me.demo && <Alert banner type="warning" showIcon message={DEMO_NOTICE} style={{ fontWeight: 500 }} />}
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
