/**
 * 角色 (docs/domain.md §2). Staff of a city carry its 6-digit code; province staff and the 三员 carry none;
 * applicants carry their organization. 三员 separation (等保 L3): sys_admin manages users and
 * dictionaries, security_admin the security policy and sessions, audit_admin only reads the trail.
 */
export const ROLES = [
  'applicant',
  'city_center',
  'city_bureau',
  'expert',
  'province_center',
  'province_bureau',
  'inspector',
  'sys_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  applicant: '申报单位',
  city_center: '市州鉴定中心',
  city_bureau: '市州人社局',
  expert: '评审专家',
  province_center: '省鉴定中心',
  province_bureau: '省人社厅',
  inspector: '抽查督导人员',
  sys_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '安全审计员',
};

export const CITY_ROLES: readonly Role[] = ['city_center', 'city_bureau'];
export const PROVINCE_ROLES: readonly Role[] = ['province_center', 'province_bureau'];
/** Roles whose accounts sys_admin creates (all but applicants, who register themselves). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'applicant');

/** The authenticated caller, as every use case and the scope filter see it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  cityCode: string | null;
  organizationId: string | null;
  isOrgAdmin: boolean;
}

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
