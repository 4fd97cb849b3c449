/**
 * 权限: one pure decision `can(actor, action, resource)` for the whole system. Routes name the action
 * they perform; the action table says which roles may perform it; the resource check says whether this
 * particular record is within the actor's scope (city, organization). Out of scope is reported by the
 * callers as 404, never as 403, so existence is not leaked.
 */
import type { Actor, Role } from './roles';

const ALL_STAFF: Role[] = [
  'city_center',
  'city_bureau',
  'province_center',
  'province_bureau',
  'sys_admin',
  'security_admin',
  'audit_admin',
];

export const ACTIONS = {
  'session.self': ['*'],
  'account.changeOwnPassword': ['*'],
  'home.stats': ['*'],
  'dictionary.read': ['*'],
  'dictionary.edit': ['sys_admin'],
  'user.list': ['sys_admin', 'security_admin'],
  'user.create': ['sys_admin'],
  // 三员分立 (admin-separation.ts) decides which accounts each administrator reaches.
  'user.update': ['sys_admin', 'security_admin'],
  'user.resetPassword': ['sys_admin', 'security_admin'],
  'user.unlock': ['sys_admin', 'security_admin'],
  'user.revealPersonalData': ['sys_admin'],
  'session.list': ['security_admin'],
  'session.forceLogout': ['security_admin'],
  'user.resetSecondFactor': ['security_admin'],
  'securityPolicy.read': ['security_admin', 'sys_admin'],
  'securityPolicy.edit': ['security_admin'],
  'organization.list': ['city_center', 'city_bureau', 'province_center', 'province_bureau', 'sys_admin'],
  'organization.read': [
    'applicant',
    'city_center',
    'city_bureau',
    'province_center',
    'province_bureau',
    'sys_admin',
  ],
  'organization.activate': ['city_center'],
  'organization.settleDispute': ['city_center'],
  'organization.revealContact': ['city_center', 'province_center'],
  'organization.colleagues': ['applicant'],
  'organization.manageColleagues': ['applicant'],
  'round.read': ['*'],
  'round.manage': ['province_center'],
  'filing.read': ['city_center', 'city_bureau', 'province_center', 'province_bureau', 'sys_admin'],
  'filing.import': ['province_center'],
  /** 自主评价备案 recorded by hand: the province files self-evaluation, so its centre records it. */
  'filing.record': ['province_center'],
  /** 严重失信主体名单 (R1): only the province centre sees or changes it; applicants learn their own finding. */
  'creditBlacklist.manage': ['province_center'],
  'application.list': ['applicant', 'city_center', 'city_bureau', 'province_center', 'province_bureau'],
  'application.read': [
    'applicant',
    'city_center',
    'city_bureau',
    'province_center',
    'province_bureau',
    'expert',
    'inspector',
  ],
  'application.edit': ['applicant'],
  'application.submit': ['applicant'],
  'application.withdraw': ['applicant'],
  'inbox.read': ['city_center', 'city_bureau', 'province_center', 'province_bureau'],
  'application.verify': ['city_center'],
  'application.sendBack': ['city_bureau'],
  'stagePolicy.read': ['city_center', 'city_bureau', 'province_center', 'province_bureau', 'sys_admin'],
  'stagePolicy.edit': ['province_center'],
  'expert.read': ['city_bureau', 'province_center', 'sys_admin'],
  'expert.manage': ['city_bureau', 'sys_admin'],
  'expert.draw': ['city_bureau'],
  'expertReview.own': ['expert'],
  'expertReview.read': ['city_bureau', 'province_center', 'province_bureau'],
  'expertConflict.declare': ['expert'],
  'siteAssessment.record': ['city_bureau'],
  'opinion.write': ['city_bureau'],
  'batch.forward': ['city_bureau'],
  'batch.read': ['city_bureau', 'province_center', 'province_bureau'],
  'draw.replay': ['city_bureau', 'province_center', 'province_bureau', 'audit_admin'],
  // 省级评估、抽查复核 (通知第五条第三款)
  'provinceReview.record': ['province_center'],
  'inspector.read': ['province_center', 'province_bureau', 'sys_admin'],
  'inspector.manage': ['province_center', 'sys_admin'],
  'inspectorConflict.declare': ['inspector'],
  'spotCheck.read': ['province_center', 'province_bureau', 'audit_admin'],
  'spotCheck.manage': ['province_center'],
  'spotCheck.own': ['inspector'],
  // 公示与异议 (第四款)
  'notice.read': ['province_center', 'province_bureau'],
  'notice.prepare': ['province_center'],
  'notice.publish': ['province_bureau'],
  'notice.pass': ['province_center', 'province_bureau'],
  'objection.read': ['province_center', 'province_bureau'],
  'objection.handle': ['province_center'],
  // 备案确认与名单发布 (第五款)
  'filingList.read': ['city_center', 'city_bureau', 'province_center', 'province_bureau', 'sys_admin'],
  // Notices awaiting confirmation hold every city's applications before anything is published.
  'filingList.readPending': ['province_center', 'province_bureau'],
  'filingList.confirm': ['province_bureau'],
  'message.own': ['*'],
  'audit.read': ['audit_admin'],
  'audit.verify': ['audit_admin'],
  'audit.export': ['audit_admin'],
  // 页面: pages whose audience is narrower than the reads behind them (dictionaries and rounds are read
  // by everyone). The web's menu and page guard check these, as the server sends them with the session.
  'page.rounds': ['province_center', 'province_bureau'],
  'page.caseApplications': ['city_center', 'city_bureau', 'province_center', 'province_bureau'],
  'page.occupations': [
    'city_center',
    'city_bureau',
    'province_center',
    'province_bureau',
    'sys_admin',
    'expert',
    'inspector',
    'applicant',
  ],
  'page.standards': [
    'city_center',
    'city_bureau',
    'province_center',
    'province_bureau',
    'sys_admin',
    'expert',
    'inspector',
  ],
  'page.chains': ['city_center', 'city_bureau', 'province_center', 'province_bureau', 'sys_admin', 'expert'],
  'page.divisions': ['city_center', 'city_bureau', 'province_center', 'province_bureau', 'sys_admin'],
} as const satisfies Record<string, readonly (Role | '*')[]>;

export type Action = keyof typeof ACTIONS;

/** What a record exposes for scoping: the city it belongs to and/or the owning organization. */
export interface ScopedResource {
  cityCode?: string | null;
  organizationId?: string | null;
}

export function roleMayPerform(role: Role, action: Action): boolean {
  const allowed = ACTIONS[action] as readonly (Role | '*')[];
  return allowed.includes('*') || allowed.includes(role);
}

/**
 * Province staff see the whole province; city staff their city; applicants their organization;
 * administrators are not scoped by city (they have no case data actions anyway).
 */
export function inScope(actor: Actor, resource: ScopedResource): boolean {
  switch (actor.role) {
    case 'city_center':
    case 'city_bureau':
      return resource.cityCode != null && resource.cityCode === actor.cityCode;
    case 'applicant':
      return resource.organizationId != null && resource.organizationId === actor.organizationId;
    case 'expert':
    case 'inspector':
      // Assignments are checked by the assignment tables; nothing else is in scope.
      return false;
    default:
      return true;
  }
}

/** Every action name, for the contracts' enum of the abilities sent with the session. */
export const ACTION_NAMES = Object.keys(ACTIONS) as [Action, ...Action[]];

/** Every action the actor may perform somewhere (no record in view): what the web's menu and buttons read. */
export function actionsOf(actor: Actor): Action[] {
  return ACTION_NAMES.filter((action) => can(actor, action));
}

export function can(actor: Actor, action: Action, resource?: ScopedResource): boolean {
  if (!roleMayPerform(actor.role, action)) return false;
  if (action === 'organization.manageColleagues' && !actor.isOrgAdmin) return false;
  return resource ? inScope(actor, resource) : true;
}

export const STAFF_ROLES_WITH_CASE_DATA = ALL_STAFF.filter(
  (r) => !['sys_admin', 'security_admin', 'audit_admin'].includes(r),
);
