import { AlertOutlined, ApartmentOutlined, FileSearchOutlined, HomeOutlined, LockOutlined, TeamOutlined } from '@ant-design/icons';
import { Permission } from '@jiceng/contracts';
import { lazy, type ReactNode } from 'react';
import { SwapOutlined } from '@ant-design/icons';
import { FlagOutlined, HeartOutlined } from '@ant-design/icons';
import { SolutionOutlined } from '@ant-design/icons';
import { AuditOutlined, CalendarOutlined, WarningOutlined } from '@ant-design/icons';
import { DisconnectOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { BarChartOutlined, MessageOutlined } from '@ant-design/icons';
import { ScheduleOutlined } from '@ant-design/icons';
import { BookOutlined, FieldTimeOutlined, TableOutlined } from '@ant-design/icons';
import { GiftOutlined } from '@ant-design/icons';
import { AccountBookOutlined, CalculatorOutlined, NotificationOutlined, PieChartOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { ApiOutlined } from '@ant-design/icons';
import { RiseOutlined, UserAddOutlined } from '@ant-design/icons';
import { CustomerServiceOutlined, DashboardOutlined, FundOutlined, SettingOutlined } from '@ant-design/icons';
import { AimOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { SendOutlined } from '@ant-design/icons';

const HomePage = lazy(() => import('./features/home/HomePage.tsx'));
const OrgPage = lazy(() => import('./features/orgs/OrgPage.tsx'));
const TermProblemsPage = lazy(() => import('./features/org-terms/TermProblemsPage.tsx'));
const AccountsPage = lazy(() => import('./features/accounts/AccountsPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const PasswordPage = lazy(() => import('./features/password/PasswordPage.tsx'));
const MemberListPage = lazy(() => import('./features/members/MemberListPage.tsx'));
const MemberDetailPage = lazy(() => import('./features/members/MemberDetailPage.tsx'));
const MemberImportPage = lazy(() => import('./features/member-import/MemberImportPage.tsx'));
const TransfersPage = lazy(() => import('./features/transfers/TransfersPage.tsx'));
const FloatingPage = lazy(() => import('./features/floating/FloatingPage.tsx'));
const LostContactPage = lazy(() => import('./features/floating/LostContactPage.tsx'));
const AppraisalPage = lazy(() => import('./features/appraisal/AppraisalPage.tsx'));
const ReportInPage = lazy(() => import('./features/reportin/ReportInPage.tsx'));
const HardshipPage = lazy(() => import('./features/hardship/HardshipPage.tsx'));
const OrgSetupPage = lazy(() => import('./features/orgsetup/OrgSetupPage.tsx'));
const MeetingStatsPage = lazy(() => import('./features/meeting-stats/MeetingStatsPage.tsx'));
const OutboundMessagesPage = lazy(() => import('./features/messages/OutboundMessagesPage.tsx'));
const MeetingsPage = lazy(() => import('./features/meetings/MeetingsPage.tsx'));
const MeetingDetailPage = lazy(() => import('./features/meetings/MeetingDetailPage.tsx'));
const MeetingPrintPage = lazy(() => import('./features/meetings/MeetingPrintPage.tsx'));
const CompliancePage = lazy(() => import('./features/compliance/CompliancePage.tsx'));
const TrainingSessionsPage = lazy(() => import('./features/training/TrainingSessionsPage.tsx'));
const TrainingHoursPage = lazy(() => import('./features/training/TrainingHoursPage.tsx'));
const TrainingStatsPage = lazy(() => import('./features/training/TrainingStatsPage.tsx'));
const DuesCalculatorPage = lazy(() => import('./features/dues/DuesCalculatorPage.tsx'));
const DuesLedgerPage = lazy(() => import('./features/dues/DuesLedgerPage.tsx'));
const DuesSummaryPage = lazy(() => import('./features/dues/DuesSummaryPage.tsx'));
const DuesPublicationPage = lazy(() => import('./features/dues/DuesPublicationPage.tsx'));
const DuesArrearsPage = lazy(() => import('./features/dues/DuesArrearsPage.tsx'));
const DevelopmentPage = lazy(() => import('./features/development/DevelopmentPage.tsx'));
const ApplicantPage = lazy(() => import('./features/development/ApplicantPage.tsx'));
const DevYearPage = lazy(() => import('./features/development/DevYearPage.tsx'));
const KeyTaskPlansPage = lazy(() => import('./features/keytasks/KeyTaskPlansPage.tsx'));
const KeyTasksPage = lazy(() => import('./features/keytasks/KeyTasksPage.tsx'));
const KeyTaskPlanPage = lazy(() => import('./features/keytasks/PlanPage.tsx'));
const KeyTaskPage = lazy(() => import('./features/keytasks/TaskPage.tsx'));
const KeyTaskReviewPage = lazy(() => import('./features/keytasks/ReviewPage.tsx'));
const DirectivesPage = lazy(() => import('./features/directives/DirectivesPage.tsx'));
const DirectivePage = lazy(() => import('./features/directives/DirectivePage.tsx'));
const WishesPage = lazy(() => import('./features/wishes/WishesPage.tsx'));
const ServiceRequestsPage = lazy(() => import('./features/service/ServiceRequestsPage.tsx'));
const DispatchBoardPage = lazy(() => import('./features/service/DispatchBoardPage.tsx'));
const ServiceFiguresPage = lazy(() => import('./features/service/ServiceFiguresPage.tsx'));
const ServiceConfigPage = lazy(() => import('./features/service/ServiceConfigPage.tsx'));
const Open311KeysPage = lazy(() => import('./features/open311/Open311KeysPage.tsx'));

/** One page of the admin app. The side menu and the route guard are both built from this table. */
export interface AppRoute {
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
  /** Permission key needed to see the page (a list: any one of them); null: any logged-in account. */
  permission: Permission | readonly Permission[] | null;
  /** Shown in the side menu. */
  menu: boolean;
  /** The menu's group heading (e.g. 组织生活): neighbouring entries of one group are listed under it. */
  group?: string;
}

export const appRoutes: AppRoute[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, element: <HomePage />, permission: null, menu: true },
  { path: '/orgs', label: '组织架构', icon: <ApartmentOutlined />, element: <OrgPage />, permission: Permission.ORG_READ, menu: true },
  { path: '/orgs/:id', label: '组织架构', icon: <ApartmentOutlined />, element: <OrgPage />, permission: Permission.ORG_READ, menu: false },
  { path: '/org-terms', label: '换届预警', icon: <AlertOutlined />, element: <TermProblemsPage />, permission: Permission.ORG_READ, menu: true },
  { path: '/org-setup', label: '组织设置预警', icon: <WarningOutlined />, element: <OrgSetupPage />, permission: Permission.ORG_READ, menu: true },
  { path: '/members', label: '党员管理', icon: <SolutionOutlined />, element: <MemberListPage />, permission: Permission.MEMBER_READ, menu: true },
  { path: '/members/:id', label: '党员管理', icon: <SolutionOutlined />, element: <MemberDetailPage />, permission: Permission.MEMBER_READ, menu: false },
  {
    path: '/members/import',
    label: '导入党员名册',
    icon: <SolutionOutlined />,
    element: <MemberImportPage />,
    permission: Permission.MEMBER_IMPORT,
    menu: false,
  },
  { path: '/transfers', label: '组织关系转接', icon: <SwapOutlined />, element: <TransfersPage />, permission: Permission.MEMBER_READ, menu: true },
  { path: '/floating', label: '流动党员', icon: <EnvironmentOutlined />, element: <FloatingPage />, permission: Permission.MEMBER_READ, menu: true },
  { path: '/lost-contact', label: '失联党员', icon: <DisconnectOutlined />, element: <LostContactPage />, permission: Permission.MEMBER_READ, menu: true },
  { path: '/appraisals', label: '民主评议', icon: <AuditOutlined />, element: <AppraisalPage />, permission: Permission.MEMBER_READ, menu: true },
  { path: '/report-ins', label: '双报到', icon: <FlagOutlined />, element: <ReportInPage />, permission: Permission.ORG_READ, menu: true },
  { path: '/hardship', label: '困难党员帮扶', icon: <HeartOutlined />, element: <HardshipPage />, permission: Permission.MEMBER_READ, menu: true },
  {
    path: '/meetings',
    label: '三会一课',
    icon: <ScheduleOutlined />,
    element: <MeetingsPage />,
    permission: Permission.MEETING_READ,
    menu: true,
    group: '组织生活',
  },
  { path: '/meetings/:id', label: '三会一课', icon: <ScheduleOutlined />, element: <MeetingDetailPage />, permission: Permission.MEETING_READ, menu: false },
  {
    path: '/meetings/:id/print',
    label: '打印会议记录',
    icon: <ScheduleOutlined />,
    element: <MeetingPrintPage />,
    permission: Permission.MEETING_READ,
    menu: false,
  },
  {
    path: '/compliance',
    label: '组织生活完成情况',
    icon: <CalendarOutlined />,
    element: <CompliancePage />,
    permission: Permission.MEETING_READ,
    menu: true,
    group: '组织生活',
  },
  {
    path: '/meeting-stats',
    label: '会议统计',
    icon: <BarChartOutlined />,
    element: <MeetingStatsPage />,
    permission: Permission.MEETING_READ,
    menu: true,
    group: '组织生活',
  },
  {
    path: '/training',
    label: '培训班次',
    icon: <BookOutlined />,
    element: <TrainingSessionsPage />,
    permission: Permission.TRAINING_READ,
    menu: true,
    group: '党员教育培训',
  },
  {
    path: '/training/hours',
    label: '学时统计',
    icon: <FieldTimeOutlined />,
    element: <TrainingHoursPage />,
    permission: Permission.TRAINING_READ,
    menu: true,
    group: '党员教育培训',
  },
  {
    path: '/training/stats',
    label: '培训统计',
    icon: <TableOutlined />,
    element: <TrainingStatsPage />,
    permission: Permission.TRAINING_READ,
    menu: true,
    group: '党员教育培训',
  },
  {
    path: '/dues/ledger',
    label: '党费台账',
    icon: <AccountBookOutlined />,
    element: <DuesLedgerPage />,
    permission: Permission.DUES_READ,
    menu: true,
    group: '党费',
  },
  {
    path: '/dues/arrears',
    label: '欠交党费',
    icon: <ExclamationCircleOutlined />,
    element: <DuesArrearsPage />,
    permission: Permission.DUES_READ,
    menu: true,
    group: '党费',
  },
  {
    path: '/dues/summary',
    label: '党费统计',
    icon: <PieChartOutlined />,
    element: <DuesSummaryPage />,
    permission: Permission.DUES_READ,
    menu: true,
    group: '党费',
  },
  {
    path: '/dues/publication',
    label: '党费公示',
    icon: <NotificationOutlined />,
    element: <DuesPublicationPage />,
    permission: Permission.DUES_READ,
    menu: true,
    group: '党费',
  },
  {
    path: '/dues/calculator',
    label: '党费计算器',
    icon: <CalculatorOutlined />,
    element: <DuesCalculatorPage />,
    permission: Permission.DUES_READ,
    menu: true,
    group: '党费',
  },
  {
    path: '/development',
    label: '发展党员',
    icon: <UserAddOutlined />,
    element: <DevelopmentPage />,
    permission: Permission.DEV_READ,
    menu: true,
    group: '发展党员',
  },
  {
    path: '/development/year',
    label: '发展计划与统计',
    icon: <RiseOutlined />,
    element: <DevYearPage />,
    permission: Permission.DEV_READ,
    menu: true,
    group: '发展党员',
  },
  { path: '/development/:id', label: '发展党员', icon: <UserAddOutlined />, element: <ApplicantPage />, permission: Permission.DEV_READ, menu: false },
  {
    path: '/keytasks',
    label: '重点任务计划',
    icon: <AimOutlined />,
    element: <KeyTaskPlansPage />,
    permission: Permission.TASK_READ,
    menu: true,
    group: '重点任务',
  },
  {
    path: '/keytasks/tasks',
    label: '重点任务清单',
    icon: <UnorderedListOutlined />,
    element: <KeyTasksPage />,
    permission: Permission.TASK_READ,
    menu: true,
    group: '重点任务',
  },
  { path: '/keytasks/plans/:id', label: '重点任务计划', icon: <AimOutlined />, element: <KeyTaskPlanPage />, permission: Permission.TASK_READ, menu: false },
  {
    path: '/keytasks/plans/:id/dashboard',
    label: '重点任务看板',
    icon: <AimOutlined />,
    element: <KeyTaskPlanPage initialTab="dashboard" />,
    permission: Permission.TASK_READ,
    menu: false,
  },
  { path: '/keytasks/tasks/:id', label: '重点任务', icon: <AimOutlined />, element: <KeyTaskPage />, permission: Permission.TASK_READ, menu: false },
  { path: '/keytasks/reviews/:id', label: '调度会', icon: <AimOutlined />, element: <KeyTaskReviewPage />, permission: Permission.TASK_READ, menu: false },
  {
    path: '/directives',
    label: '任务督办',
    icon: <SendOutlined />,
    element: <DirectivesPage />,
    permission: Permission.TASK_READ,
    menu: true,
    group: '重点任务',
  },
  { path: '/directives/:id', label: '任务督办', icon: <SendOutlined />, element: <DirectivePage />, permission: Permission.TASK_READ, menu: false },
  {
    path: '/service/requests',
    label: '诉求办理',
    icon: <CustomerServiceOutlined />,
    element: <ServiceRequestsPage />,
    // 督导员 read (service:read), desks and grid workers handle (service:handle); the server shows each its own
    permission: [Permission.SERVICE_READ, Permission.SERVICE_HANDLE],
    menu: true,
    group: '群众诉求',
  },
  {
    path: '/service/board',
    label: '派单看板',
    icon: <DashboardOutlined />,
    element: <DispatchBoardPage />,
    permission: Permission.SERVICE_DISPATCH,
    menu: true,
    group: '群众诉求',
  },
  {
    path: '/service/figures',
    label: '接诉即办统计',
    icon: <FundOutlined />,
    element: <ServiceFiguresPage />,
    permission: Permission.SERVICE_READ,
    menu: true,
    group: '群众诉求',
  },
  {
    path: '/service/config',
    label: '事项类别与派单规则',
    icon: <SettingOutlined />,
    element: <ServiceConfigPage />,
    permission: Permission.SERVICE_CONFIG,
    menu: true,
    group: '群众诉求',
  },
  {
    path: '/service/open311-keys',
    label: '开放接口密钥',
    icon: <ApiOutlined />,
    element: <Open311KeysPage />,
    permission: Permission.SERVICE_CONFIG,
    menu: true,
    group: '群众诉求',
  },
  { path: '/wishes', label: '微心愿', icon: <GiftOutlined />, element: <WishesPage />, permission: Permission.SERVICE_READ, menu: true },
  { path: '/accounts', label: '账号管理', icon: <TeamOutlined />, element: <AccountsPage />, permission: Permission.ACCOUNT_READ, menu: true },
  { path: '/audit', label: '操作日志', icon: <FileSearchOutlined />, element: <AuditPage />, permission: Permission.AUDIT_READ, menu: true },
  {
    path: '/outbound-messages',
    label: '短信微信记录',
    icon: <MessageOutlined />,
    element: <OutboundMessagesPage />,
    permission: Permission.AUDIT_READ,
    menu: true,
  },
  { path: '/password', label: '修改密码', icon: <LockOutlined />, element: <PasswordPage />, permission: null, menu: false },
];

/** The menu entry a location belongs to, the longest that leads to it: `/orgs/abc` → `/orgs`, `/training/hours` → itself; none for pages outside the menu. */
export function menuKeyOf(pathname: string): string {
  const under = appRoutes.filter((r) => r.menu && (r.path === pathname || (r.path !== '/' && pathname.startsWith(`${r.path}/`))));
  return under.reduce((best, r) => (r.path.length > best.length ? r.path : best), '');
}
