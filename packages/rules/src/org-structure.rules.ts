import type { OrgType } from '@jiceng/contracts';

/**
 * Which organization types may sit directly under which (隶属关系), as data.
 * Source: 党章 Art.30 and 《中国共产党支部工作条例（试行）》(2018) Art.5–6: 基层党委 → 党总支 → 党支部
 * → 党小组; 党小组 is not an organization level and has nothing under it; a 网格党组织 may hold
 * 楼栋 党小组. See shared/docs/domain-rules.md §1.1 and §1.4.
 */
export const ALLOWED_CHILD_TYPES: Record<OrgType, readonly OrgType[]> = {
  committee: ['committee', 'working_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch', 'group', 'grid'],
  working_committee: ['committee', 'working_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch', 'grid'],
  general_branch: ['branch', 'joint_branch', 'temporary_branch', 'group', 'grid'],
  branch: ['group'],
  joint_branch: ['group'],
  temporary_branch: ['group'],
  grid: ['group', 'branch'],
  group: [],
};

/** 组建方式 rule: a 联合党支部 is formed jointly by 2–5 units (《支部工作条例》 Art.5; domain-rules §1.1). */
export const JOINT_UNITS_MIN = 2;
export const JOINT_UNITS_MAX = 5;
