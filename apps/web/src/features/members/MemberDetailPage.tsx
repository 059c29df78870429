import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { memberDetailKindLabel, MemberDetailKind, Permission, type Member } from '@jiceng/contracts';
import { Alert, Breadcrumb, Button, Card, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { hasPermission } from '../../api/auth.ts';
import { useMe } from '../../app/RequireAuth.tsx';
import { appRoutes } from '../../routes.tsx';
import { PageLoadFailed, PageLoading } from '../../shared/PageLoading.tsx';
import { DuesBasesTab } from '../dues/DuesBasesTab.tsx';
import { useMember } from './api.ts';
import { MemberDetailTab } from './MemberDetailTab.tsx';
import { MemberInfoTab } from './MemberInfoTab.tsx';
import { MemberPhoto } from './MemberPhoto.tsx';
import { MemberStatusTab } from './MemberStatusTab.tsx';
import { CategoryTags, MemberStatusTag, partyAgeText } from './labels.tsx';

const KINDS = Object.values(MemberDetailKind);
const TABS = ['info', 'status', ...KINDS, 'dues'] as const;
type TabKey = (typeof TABS)[number];

/** Pages of other modules that act on one member (`?memberId=`), shown once their route exists. */
const MEMBER_ACTIONS: { path: string; label: string; permission: string }[] = [
  { path: '/transfers', label: '办理转接', permission: Permission.MEMBER_WRITE },
  { path: '/floating', label: '流出登记', permission: Permission.MEMBER_WRITE },
  { path: '/hardship', label: '困难帮扶', permission: Permission.MEMBER_WRITE },
];

function VoteTag({ member }: { member: Member }) {
  const why =
    member.status === 'probationary'
      ? '预备党员没有表决权'
      : member.disciplineUntil
        ? `留党察看期间（至 ${member.disciplineUntil}）没有表决权`
        : '只有正式党员有表决权';
  return member.canVote ? (
    <Tag color="green">有表决权</Tag>
  ) : (
    <Tooltip title={why}>
      <Tag>无表决权</Tag>
    </Tooltip>
  );
}

/** One member: header with status, 表决权 and 党龄, 查看完整信息 (audited), and the record's tabs. */
export default function MemberDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unmask = params.get('unmask') === 'true';
  const raw = params.get('tab');
  const tab: TabKey = TABS.includes(raw as TabKey) ? (raw as TabKey) : 'info';
  const query = useMember(id, unmask);
  const canWrite = hasPermission(me, Permission.MEMBER_WRITE);
  const canUnmask = hasPermission(me, Permission.PERSONAL_UNMASK);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  if (query.isPending)
    return (
      <Card>
        <PageLoading />
      </Card>
    );
  if (query.isError) return <PageLoadFailed title="无法打开该党员档案" error={query.error} back="/members" backLabel="返回党员管理" />;
  const m = query.data;
  const active = m.status !== 'left';
  const actions = MEMBER_ACTIONS.filter((a) => active && hasPermission(me, a.permission) && appRoutes.some((r) => r.path === a.path));

  return (
    <Card styles={{ body: { paddingTop: 12 } }}>
      <Breadcrumb items={[{ title: <Link to="/members">党员管理</Link> }, { title: m.name }]} style={{ marginBottom: 8 }} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
        <Space align="start" size={16}>
          <MemberPhoto member={m} canWrite={canWrite && active} />
          <div>
            <Space align="baseline" size={12}>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="member-title">
                {m.name}
              </Typography.Title>
              <Typography.Text type="secondary" data-testid="member-org">
                {m.orgName}
              </Typography.Text>
            </Space>
            <Space size={4} wrap style={{ marginTop: 8, display: 'flex' }}>
              <MemberStatusTag status={m.status} leaveReason={m.leaveReason} />
              <VoteTag member={m} />
              <Tag bordered={false}>党龄：{partyAgeText(m.partyAge, m.status)}</Tag>
              <CategoryTags categories={m.categories} />
            </Space>
          </div>
        </Space>
        <Space wrap>
          {actions.map((a) => (
            <Button key={a.path} onClick={() => navigate(`${a.path}?memberId=${m.id}`)}>
              {a.label}
            </Button>
          ))}
          {canUnmask && !m.unmasked && (
            <Button icon={<EyeOutlined />} onClick={() => setParam('unmask', 'true')}>
              查看完整信息
            </Button>
          )}
          {m.unmasked && (
            <Button icon={<EyeInvisibleOutlined />} onClick={() => setParam('unmask', null)}>
              隐藏个人信息
            </Button>
          )}
        </Space>
      </div>
      {m.unmasked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message="已显示完整的公民身份号码、联系电话和家庭住址，本次查看已记入审计日志。"
          data-testid="unmask-note"
        />
      )}
      <Tabs
        style={{ marginTop: 8 }}
        activeKey={tab}
        onChange={(k) => setParam('tab', k === 'info' ? null : k)}
        items={[
          { key: 'info', label: '基本信息', children: <MemberInfoTab key={String(m.unmasked)} member={m} canWrite={canWrite} /> },
          { key: 'status', label: '状态变动', children: <MemberStatusTab member={m} canWrite={canWrite} /> },
          ...KINDS.map((k) => ({
            key: k,
            label: memberDetailKindLabel[k],
            children: <MemberDetailTab memberId={m.id} kind={k} canWrite={canWrite && active} />,
          })),
          ...(hasPermission(me, Permission.DUES_READ)
            ? [{ key: 'dues', label: '党费', children: <DuesBasesTab memberId={m.id} canRecord={hasPermission(me, Permission.DUES_RECORD) && active} /> }]
            : []),
        ]}
      />
    </Card>
  );
}
