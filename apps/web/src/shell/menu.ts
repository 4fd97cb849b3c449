/**
 * The side menu per role — the one place that says which role sees which page. The route guard and the
 * breadcrumbs read it too, so a page missing here is neither reachable nor shown. Pure data (icons by key).
 */
import { ROLES, type Role } from '@skillcert/domain/roles';

export type IconKey =
  | 'home'
  | 'org'
  | 'orgs'
  | 'users'
  | 'sessions'
  | 'audit'
  | 'dict'
  | 'password'
  | 'rounds'
  | 'applications'
  | 'inbox'
  | 'done'
  | 'experts'
  | 'assignments'
  | 'conflict'
  | 'batches'
  | 'messages'
  | 'settings';

export interface MenuLeaf {
  path: string;
  label: string;
  icon?: IconKey;
  roles: readonly Role[];
}

export interface MenuGroup {
  key: string;
  label: string;
  icon: IconKey;
  children: MenuLeaf[];
}

export type MenuEntry = MenuLeaf | MenuGroup;

const ALL: readonly Role[] = ROLES;
const CASE_STAFF: readonly Role[] = ['city_center', 'city_bureau', 'province_center', 'province_bureau'];
const DICT_STAFF: readonly Role[] = [...CASE_STAFF, 'sys_admin'];

export const MENU: readonly MenuEntry[] = [
  { path: '/inbox', label: '待办', icon: 'inbox', roles: CASE_STAFF },
  { path: '/inbox/done', label: '已办', icon: 'done', roles: CASE_STAFF },
  { path: '/', label: '首页', icon: 'home', roles: ALL },
  { path: '/my/assignments', label: '我的评审任务', icon: 'assignments', roles: ['expert'] },
  { path: '/my/conflicts', label: '回避声明', icon: 'conflict', roles: ['expert'] },
  { path: '/my/spot-checks', label: '我的抽查', icon: 'assignments', roles: ['inspector'] },
  { path: '/my/inspector-conflicts', label: '回避声明', icon: 'conflict', roles: ['inspector'] },
  { path: '/my-organization', label: '本单位信息', icon: 'org', roles: ['applicant'] },
  { path: '/applications', label: '我的申请', icon: 'applications', roles: ['applicant'] },
  { path: '/applications', label: '备案申请', icon: 'applications', roles: CASE_STAFF },
  { path: '/rounds', label: '征集批次', icon: 'rounds', roles: ['province_center', 'province_bureau'] },
  { path: '/settings/stage-limits', label: '办理时限', icon: 'settings', roles: ['province_center'] },
  { path: '/experts', label: '专家库', icon: 'experts', roles: ['city_bureau', 'sys_admin'] },
  {
    path: '/batches',
    label: '推荐汇总',
    icon: 'batches',
    roles: ['city_bureau', 'province_center', 'province_bureau'],
  },
  {
    path: '/spot-checks',
    label: '抽查复核',
    icon: 'batches',
    roles: ['province_center', 'province_bureau', 'audit_admin'],
  },
  {
    path: '/inspectors',
    label: '督导人员库',
    icon: 'experts',
    roles: ['province_center', 'province_bureau', 'sys_admin'],
  },
  { path: '/notices', label: '公示管理', icon: 'batches', roles: ['province_center', 'province_bureau'] },
  { path: '/objections', label: '异议处理', icon: 'messages', roles: ['province_center', 'province_bureau'] },
  { path: '/filing-lists', label: '备案确认', icon: 'done', roles: ['province_bureau', 'province_center'] },
  { path: '/self-evaluation-filings', label: '自主评价备案', icon: 'done', roles: ['province_center'] },
  { path: '/credit-blacklist', label: '严重失信主体名单', icon: 'conflict', roles: ['province_center'] },
  { path: '/organizations', label: '申报单位管理', icon: 'orgs', roles: DICT_STAFF },
  { path: '/admin/users', label: '用户管理', icon: 'users', roles: ['sys_admin', 'security_admin'] },
  { path: '/security/sessions', label: '在线会话', icon: 'sessions', roles: ['security_admin'] },
  { path: '/audit', label: '审计日志', icon: 'audit', roles: ['audit_admin'] },
  {
    key: 'dictionaries',
    label: '数据字典',
    icon: 'dict',
    children: [
      {
        path: '/dictionaries/occupations',
        label: '职业分类',
        roles: [...DICT_STAFF, 'expert', 'inspector', 'applicant'],
      },
      {
        path: '/dictionaries/standards',
        label: '职业技能标准',
        roles: [...DICT_STAFF, 'expert', 'inspector'],
      },
      { path: '/dictionaries/chains', label: '产业链', roles: [...DICT_STAFF, 'expert'] },
      { path: '/dictionaries/divisions', label: '行政区划', roles: DICT_STAFF },
      { path: '/dictionaries/holidays', label: '节假日与调休', roles: DICT_STAFF },
    ],
  },
  { path: '/messages', label: '站内信', icon: 'messages', roles: ALL },
  { path: '/account/password', label: '修改密码', icon: 'password', roles: ALL },
];

export const isGroup = (e: MenuEntry): e is MenuGroup => 'children' in e;

/** The menu a role sees; groups without a visible child disappear. */
export function menuFor(role: Role): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const entry of MENU) {
    if (isGroup(entry)) {
      const children = entry.children.filter((c) => c.roles.includes(role));
      if (children.length > 0) out.push({ ...entry, children });
    } else if (entry.roles.includes(role)) out.push(entry);
  }
  return out;
}

function allLeaves(): { leaf: MenuLeaf; group?: MenuGroup }[] {
  return MENU.flatMap((e) => (isGroup(e) ? e.children.map((leaf) => ({ leaf, group: e })) : [{ leaf: e }]));
}

/**
 * The menu leaf a path belongs to (exact, or the longest prefix such as /organizations/123). Two roles may
 * share a path under different labels (我的申请 / 备案申请): with a role, that role's leaf wins.
 */
export function leafFor(pathname: string, role?: Role): { leaf: MenuLeaf; group?: MenuGroup } | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  let best: { leaf: MenuLeaf; group?: MenuGroup } | undefined;
  for (const item of allLeaves()) {
    const p = item.leaf.path;
    const matches = p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`);
    if (!matches) continue;
    const longer = !best || p.length > best.leaf.path.length;
    const sameButMine =
      !!best &&
      !!role &&
      p === best.leaf.path &&
      !best.leaf.roles.includes(role) &&
      item.leaf.roles.includes(role);
    if (longer || sameButMine) best = item;
  }
  return best;
}

/** Whether a role may open an authenticated page; unknown paths are left to the not-found page. */
export function canOpen(role: Role, pathname: string): boolean {
  const found = leafFor(pathname, role);
  return !found || found.leaf.roles.includes(role);
}

/** Breadcrumb labels for a path: 首页 › 数据字典 › 职业分类. */
export function breadcrumbFor(pathname: string, role?: Role): { label: string; path?: string }[] {
  const found = leafFor(pathname, role);
  const crumbs: { label: string; path?: string }[] = [{ label: '首页', path: '/' }];
  if (!found || found.leaf.path === '/') return crumbs;
  if (found.group) crumbs.push({ label: found.group.label });
  crumbs.push({ label: found.leaf.label, path: found.leaf.path });
  return crumbs;
}
