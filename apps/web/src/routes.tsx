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
import { CommentOutlined, FileDoneOutlined, StarOutlined } from '@ant-design/icons';
import { BankOutlined, AreaChartOutlined, WarningTwoTone } from '@ant-design/icons';
import { LinkOutlined } from '@ant-design/icons';
import { DatabaseOutlined, FundProjectionScreenOutlined, LineChartOutlined, ProfileOutlined, ProjectOutlined, ShopOutlined } from '@ant-design/icons';

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
const VenuesPage = lazy(() => import('./features/venues/VenuesPage.tsx'));
const VenuePage = lazy(() => import('./features/venues/VenuePage.tsx'));
const VenueUsagePage = lazy(() => import('./features/venues/VenueUsagePage.tsx'));
const VenueAreaPage = lazy(() => import('./features/venues/VenueAreaPage.tsx'));
const CobuildListPage = lazy(() => import('./features/cobuild/CobuildListPage.tsx'));
const CobuildAgreementPage = lazy(() => import('./features/cobuild/AgreementPage.tsx'));
const CobuildStatsPage = lazy(() => import('./features/cobuild/CobuildStatsPage.tsx'));
const RmMeetingsPage = lazy(() => import('./features/regionmeet/MeetingsPage.tsx'));
const RmMeetingPage = lazy(() => import('./features/regionmeet/MeetingPage.tsx'));
const RmMeetingPrintPage = lazy(() => import('./features/regionmeet/MeetingPrintPage.tsx'));
const RmReportsPage = lazy(() => import('./features/regionmeet/ReportsPage.tsx'));
const RmReportPage = lazy(() => import('./features/regionmeet/ReportPage.tsx'));
const RmMyReportsPage = lazy(() => import('./features/regionmeet/MyReportsPage.tsx'));
const RmRatingPage = lazy(() => import('./features/regionmeet/RatingPage.tsx'));
const RmUnitRatingPage = lazy(() => import('./features/regionmeet/RatingPage.tsx').then((m) => ({ default: m.UnitRatingPage })));
const RmLedgerPage = lazy(() => import('./features/regionmeet/LedgerPage.tsx'));
const ServiceRequestsPage = lazy(() => import('./features/service/ServiceRequestsPage.tsx'));
const DispatchBoardPage = lazy(() => import('./features/service/DispatchBoardPage.tsx'));
const ServiceFiguresPage = lazy(() => import('./features/service/ServiceFiguresPage.tsx'));
const ServiceConfigPage = lazy(() => import('./features/service/ServiceConfigPage.tsx'));
const Open311KeysPage = lazy(() => import('./features/open311/Open311KeysPage.tsx'));
const RgNeedsPage = lazy(() => import('./features/regional/NeedsPage.tsx'));
const RgNeedPage = lazy(() => import('./features/regional/NeedPage.tsx'));
const RgBoardPage = lazy(() => import('./features/regional/BoardPage.tsx'));
const RgResourcesPage = lazy(() => import('./features/regional/ResourcesPage.tsx'));
const RgProjectsPage = lazy(() => import('./features/regional/ProjectsPage.tsx'));
const RgProjectPage = lazy(() => import('./features/regional/ProjectPage.tsx'));
const RgUnitsPage = lazy(() => import('./features/regional/UnitsPage.tsx'));
const RgUnitLedgerPage = lazy(() => import('./features/regional/UnitLedgerPage.tsx'));
const RgStatsPage = lazy(() => import('./features/regional/StatsPage.tsx'));

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
  // 三张清单 (needs, resources, projects): reads are org:read, held by the community side and by 驻区单位 accounts alike
  {
    path: '/regional/needs',
    label: '需求清单',
    icon: <ProfileOutlined />,
    element: <RgNeedsPage />,
    permission: Permission.ORG_READ,
    menu: true,
    group: '区域化党建',
  },
  { path: '/regional/needs/:id', label: '需求清单', icon: <ProfileOutlined />, element: <RgNeedPage />, permission: Permission.ORG_READ, menu: false },
  {
    path: '/regional/board',
    label: '需求看板',
    icon: <ProjectOutlined />,
    element: <RgBoardPage />,
    permission: Permission.ORG_READ,
    menu: true,
    group: '区域化党建',
  },
  {
    path: '/regional/resources',
    label: '资源清单',
    icon: <DatabaseOutlined />,
    element: <RgResourcesPage />,
    permission: Permission.ORG_READ,
    menu: true,
    group: '区域化党建',
  },
  {
    path: '/regional/projects',
    label: '项目清单',
    icon: <FundProjectionScreenOutlined />,
    element: <RgProjectsPage />,
    permission: Permission.ORG_READ,
    menu: true,
    group: '区域化党建',
  },
  {
    path: '/regional/projects/:id',
    label: '项目清单',
    icon: <FundProjectionScreenOutlined />,
    element: <RgProjectPage />,
    permission: Permission.ORG_READ,
    menu: false,
  },
  {
    path: '/regional/units',
    label: '驻区单位台账',
    icon: <ShopOutlined />,
    element: <RgUnitsPage />,
    permission: Permission.ORG_READ,
    menu: true,
    group: '区域化党建',
  },
  { path: '/regional/units/:id', label: '驻区单位台账', icon: <ShopOutlined />, element: <RgUnitLedgerPage />, permission: Permission.ORG_READ, menu: false },
  {
    path: '/regional/stats',
    label: '统计',
    icon: <LineChartOutlined />,
    element: <RgStatsPage />,
    permission: Permission.REGION_READ,
    menu: true,
    group: '区域化党建',
  },
  {
    path: '/cobuild',
    label: '结对共建',
    icon: <LinkOutlined />,
    element: <CobuildListPage />,
    permission: Permission.REGION_READ,
    menu: true,
    group: '区域化党建',
  },
  {
    path: '/cobuild/stats',
    label: '共建统计',
    icon: <LinkOutlined />,
    element: <CobuildStatsPage />,
    permission: Permission.REGION_READ,
    menu: true,
    group: '区域化党建',
  },
  // 大党委联席会议, 双报告 and 双向评价: the community side reads with regional:read; a unit or 党员 its own
  {
    path: '/regional/meetings',
    label: '联席会议',
    icon: <CommentOutlined />,
    element: <RmMeetingsPage />,
    permission: Permission.REGION_READ,
    menu: true,
    group: '区域化党建',
  },
  { path: '/regional/meetings/:id', label: '联席会议', icon: <CommentOutlined />, element: <RmMeetingPage />, permission: Permission.REGION_READ, menu: false },
  {
    path: '/regional/meetings/:id/print',
    label: '联席会议',
    icon: <CommentOutlined />,
    element: <RmMeetingPrintPage />,
    permission: Permission.REGION_READ,
    menu: false,
  },
  {
    path: '/regional/reports',
    label: '双报告',
    icon: <FileDoneOutlined />,
    element: <RmReportsPage />,
    permission: Permission.REGION_READ,
    menu: true,
    group: '区域化党建',
  },
  { path: '/regional/reports/:id', label: '双报告', icon: <FileDoneOutlined />, element: <RmReportPage />, permission: Permission.REGION_READ, menu: false },
  {
    path: '/regional/my-reports',
    label: '我的双报告',
    icon: <FileDoneOutlined />,
    element: <RmMyReportsPage />,
    permission: [Permission.REGION_UNIT, Permission.MEMBER_SELF],
    menu: true,
    group: '区域化党建',
  },
  {
    path: '/regional/ledger',
    label: '双向评价',
    icon: <StarOutlined />,
    element: <RmLedgerPage />,
    permission: Permission.REGION_READ,
    menu: true,
    group: '区域化党建',
  },
  { path: '/regional/ratings/:unitId', label: '双向评价', icon: <StarOutlined />, element: <RmRatingPage />, permission: Permission.REGION_READ, menu: false },
  {
    path: '/regional/my-ratings',
    label: '评价社区',
    icon: <StarOutlined />,
    element: <RmUnitRatingPage />,
    permission: Permission.REGION_UNIT,
    menu: true,
    group: '区域化党建',
  },
  { path: '/cobuild/:id', label: '结对共建', icon: <LinkOutlined />, element: <CobuildAgreementPage />, permission: Permission.REGION_READ, menu: false },
  {
    path: '/venues',
    label: '阵地',
    icon: <BankOutlined />,
    element: <VenuesPage />,
    // a 驻区单位 sees the venues of the communities it reported to and its own (regional:unit)
    permission: [Permission.REGION_READ, Permission.REGION_UNIT],
    menu: true,
    group: '区域化党建',
  },
  {
    path: '/venues/usage',
    label: '阵地使用统计',
    icon: <AreaChartOutlined />,
    element: <VenueUsagePage />,
    permission: [Permission.REGION_READ, Permission.REGION_UNIT],
    menu: true,
    group: '区域化党建',
  },
  {
    path: '/venues/area',
    label: '阵地面积预警',
    icon: <WarningTwoTone twoToneColor="#d9a441" />,
    element: <VenueAreaPage />,
    permission: Permission.REGION_READ,
    menu: true,
    group: '区域化党建',
  },
  {
    path: '/venues/:id',
    label: '阵地',
    icon: <BankOutlined />,
    element: <VenuePage />,
    permission: [Permission.REGION_READ, Permission.REGION_UNIT],
    menu: false,
  },
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
