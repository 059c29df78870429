import { DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { logout } from '../api/auth.ts';
import { useMe } from '../app/RequireAuth.tsx';

/** Account name, role and organization, with 修改密码 and 退出登录. */
export function UserMenu() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const items = [
    { key: 'who', disabled: true, label: <span>{me.username} · {me.roleLabel}</span> },
    { type: 'divider' as const },
    { key: 'password', icon: <LockOutlined />, label: '修改密码' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') navigate('/password');
    // Go to a plain /login (not ?next=…): the next person to log in starts at their own 工作台.
    if (key === 'logout') void logout(qc, () => navigate('/login', { replace: true, state: { loggedOut: true } }));
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
        <Avatar size="small" style={{ background: '#c4161c' }} icon={<UserOutlined />} />
        <span style={{ lineHeight: 1.2, display: 'inline-flex', flexDirection: 'column' }}>
          <Typography.Text strong>{me.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{me.roleLabel}</Typography.Text>
        </span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Space>
    </Dropdown>
  );
}
