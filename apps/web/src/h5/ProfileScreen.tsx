import { genderLabel, memberCategoryLabel, memberStatusLabel, type Gender, type Member, type MemberCategory, type MemberStatus } from '@jiceng/contracts';
import { ErrorBlock, List, SpinLoading, Space, Tag } from 'antd-mobile';
import { NOT_LINKED, useMyMember } from './memberApi.ts';

const STATUS_COLOR: Record<string, string> = { full: 'danger', probationary: 'warning' };

function partyAgeLine(m: Member): string {
  if (m.status === 'probationary') return m.probationEndDate ? `预备期至 ${m.probationEndDate}` : '预备期';
  return m.partyAge === null ? '—' : `${m.partyAge} 年`;
}

/** 我的档案: the 党员 account's own record as its branch keeps it (read-only). */
export function ProfileScreen() {
  const { data: m, isPending, isError } = useMyMember();
  if (isPending) return <div style={{ paddingTop: 120, display: 'flex', justifyContent: 'center' }}><SpinLoading color="primary" /></div>;
  if (isError) return <ErrorBlock status="disconnected" title="暂时无法读取档案" description="请稍后重试" />;
  if (!m) return <ErrorBlock status="empty" {...NOT_LINKED} />;

  return (
    <>
      <div className="h5-hero">
        <h1 data-testid="h5-member-name">{m.name}</h1>
        <p>{m.orgName}</p>
        <Space wrap style={{ marginTop: 10, '--gap': '6px' }}>
          <Tag color={STATUS_COLOR[m.status] ?? 'default'} fill="solid">{memberStatusLabel[m.status as MemberStatus] ?? m.status}</Tag>
          <Tag color="#ffffff" fill="outline">{m.canVote ? '有表决权' : '无表决权'}</Tag>
        </Space>
      </div>
      <div className="h5-section">
        <List header="党籍信息">
          <List.Item extra={m.orgName}>所在党支部</List.Item>
          <List.Item extra={partyAgeLine(m)}>党龄</List.Item>
          <List.Item extra={m.joinedDate}>入党日期</List.Item>
          <List.Item extra={m.confirmedDate ?? '尚未转正'}>转正日期</List.Item>
          {m.appliedDate && <List.Item extra={m.appliedDate}>申请入党日期</List.Item>}
          {m.disciplineUntil && <List.Item extra={m.disciplineUntil}>留党察看期至</List.Item>}
          <List.Item
            description={
              m.categories.length ? (
                <Space wrap style={{ '--gap': '6px', marginTop: 4 }}>
                  {m.categories.map((c) => <Tag key={c} color="primary" fill="outline">{memberCategoryLabel[c as MemberCategory] ?? c}</Tag>)}
                </Space>
              ) : '无'
            }
          >
            人员标签
          </List.Item>
        </List>
      </div>
      <div className="h5-section">
        <List header="个人信息">
          <List.Item extra={genderLabel[m.gender as Gender] ?? m.gender}>性别</List.Item>
          <List.Item extra={m.ethnicity}>民族</List.Item>
          {m.birthDate ? <List.Item extra={`${m.birthDate}（${m.age} 岁）`}>出生日期</List.Item> : <List.Item extra={`${m.age} 岁`}>年龄</List.Item>}
          <List.Item extra={m.phone ?? '未登记'}>联系电话</List.Item>
          {m.workUnit && <List.Item description={m.workUnit}>工作单位</List.Item>}
        </List>
      </div>
      <p className="h5-note">信息有误请联系所在党支部更正</p>
    </>
  );
}
