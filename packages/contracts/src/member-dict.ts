/** Dictionaries of the member record, with their Chinese labels (党内统计 categories, domain-rules §6.1). */

export const Gender = { MALE: 'male', FEMALE: 'female' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];
export const genderLabel: Record<Gender, string> = { male: '男', female: '女' };

/** The 56 ethnic groups as registered (民族), plus 其他 and 外国血统. */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '其他', '外国血统',
] as const;

export const Education = {
  DOCTORATE: 'doctorate',
  MASTER: 'master',
  BACHELOR: 'bachelor',
  JUNIOR_COLLEGE: 'junior_college',
  SECONDARY_VOCATIONAL: 'secondary_vocational',
  HIGH_SCHOOL: 'high_school',
  JUNIOR_HIGH_OR_BELOW: 'junior_high_or_below',
} as const;
export type Education = (typeof Education)[keyof typeof Education];
export const educationLabel: Record<Education, string> = {
  doctorate: '研究生（博士）',
  master: '研究生（硕士）',
  bachelor: '大学本科',
  junior_college: '大学专科',
  secondary_vocational: '中等专科',
  high_school: '高中、中技',
  junior_high_or_below: '初中及以下',
};

/** The 8 occupation classes of the annual statistics (人员类别). */
export const Occupation = {
  WORKER: 'worker',
  FARMER: 'farmer',
  PROFESSIONAL: 'professional',
  MANAGER: 'manager',
  OFFICIAL: 'official',
  STUDENT: 'student',
  OTHER: 'other',
  RETIRED: 'retired',
} as const;
export type Occupation = (typeof Occupation)[keyof typeof Occupation];
export const occupationLabel: Record<Occupation, string> = {
  worker: '工人（工勤技能人员）',
  farmer: '农牧渔民',
  professional: '专业技术人员',
  manager: '企业、事业单位、社会组织管理人员',
  official: '党政机关工作人员',
  student: '学生',
  other: '其他职业人员',
  retired: '离退休人员',
};

/** Categories a member may carry at once (人员标签). */
export const MemberCategory = {
  EMPLOYED: 'employed',
  RETIRED: 'retired',
  UNEMPLOYED: 'unemployed',
  FLOATING: 'floating',
  HARDSHIP: 'hardship',
  FIRST_SECRETARY: 'first_secretary',
  PARTY_WORKER: 'party_worker',
} as const;
export type MemberCategory = (typeof MemberCategory)[keyof typeof MemberCategory];
export const memberCategoryLabel: Record<MemberCategory, string> = {
  employed: '在职',
  retired: '离退休',
  unemployed: '无职',
  floating: '流动',
  hardship: '困难',
  first_secretary: '第一书记',
  party_worker: '党务工作者',
};

/** 党员类别 and the membership state; `left` carries a leave reason. */
export const MemberStatus = {
  PROBATIONARY: 'probationary',
  FULL: 'full',
  SUSPENDED: 'suspended',
  LEFT: 'left',
} as const;
export type MemberStatus = (typeof MemberStatus)[keyof typeof MemberStatus];
export const memberStatusLabel: Record<MemberStatus, string> = {
  probationary: '预备党员',
  full: '正式党员',
  suspended: '停止党籍',
  left: '已出党',
};

export const LeaveReason = {
  SELF_DROPPED: 'self_dropped',
  PERSUADED: 'persuaded',
  REMOVED: 'removed',
  EXPELLED: 'expelled',
  DECEASED: 'deceased',
  EMIGRATED: 'emigrated',
  PROBATION_CANCELLED: 'probation_cancelled',
} as const;
export type LeaveReason = (typeof LeaveReason)[keyof typeof LeaveReason];
export const leaveReasonLabel: Record<LeaveReason, string> = {
  self_dropped: '自行脱党',
  persuaded: '劝其退党',
  removed: '除名',
  expelled: '开除党籍',
  deceased: '死亡',
  emigrated: '出国定居',
  probation_cancelled: '取消预备党员资格',
};
