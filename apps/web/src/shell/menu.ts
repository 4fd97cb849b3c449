/**
 * The side menu: each page names the action it serves, and the caller's abilities (sent by the server
 * from the domain's action table) decide who sees it — no role list here, so a rule lives once. The
 * route guard and the breadcrumbs read it too, so a page missing here is neither reachable nor shown.
 * Pure data (icons by key).
 */
import type { Action } from '@skillcert/domain/abilities';

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
  /** The action whose holders open this page. */
  action: Action;
}

export interface MenuGroup {
  key: string;
  label: string;
  icon: IconKey;
  children: MenuLeaf[];
}

export type MenuEntry = MenuLeaf | MenuGroup;

/** What the caller may do: `Me['abilities']`. */
export type Abilities = readonly Action[];

export const MENU: readonly MenuEntry[] = [
  { path: '/inbox', label: '待办', icon: 'inbox', action: 'inbox.read' },
  { path: '/inbox/done', label: '已办', icon: 'done', action: 'inbox.read' },
  { path: '/', label: '首页', icon: 'home', action: 'home.stats' },
  { path: '/my/assignments', label: '我的评审任务', icon: 'assignments', action: 'expertReview.own' },
  { path: '/my/conflicts', label: '回避声明', icon: 'conflict', action: 'expertConflict.declare' },
  { path: '/my/spot-checks', label: '我的抽查', icon: 'assignments', action: 'spotCheck.own' },
  {
    path: '/my/inspector-conflicts',
    label: '回避声明',
    icon: 'conflict',
    action: 'inspectorConflict.declare',
  },
  { path: '/my-organization', label: '本单位信息', icon: 'org', action: 'organization.colleagues' },
  { path: '/applications', label: '我的申请', icon: 'applications', action: 'application.edit' },
  { path: '/applications', label: '备案申请', icon: 'applications', action: 'page.caseApplications' },
  { path: '/rounds', label: '征集批次', icon: 'rounds', action: 'page.rounds' },
  { path: '/settings/stage-limits', label: '办理时限', icon: 'settings', action: 'stagePolicy.edit' },
  { path: '/experts', label: '专家库', icon: 'experts', action: 'expert.manage' },
  {
    path: '/batches',
    label: '推荐汇总',
    icon: 'batches',
    action: 'batch.read',
  },
  {
    path: '/spot-checks',
    label: '抽查复核',
    icon: 'batches',
    action: 'spotCheck.read',
  },
  {
    path: '/inspectors',
    label: '督导人员库',
    icon: 'experts',
    action: 'inspector.read',
  },
  { path: '/notices', label: '公示管理', icon: 'batches', action: 'notice.read' },
  { path: '/objections', label: '异议处理', icon: 'messages', action: 'objection.read' },
  { path: '/filing-lists', label: '备案确认', icon: 'done', action: 'filingList.readPending' },
  { path: '/self-evaluation-filings', label: '自主评价备案', icon: 'done', action: 'filing.record' },
  {
    path: '/credit-blacklist',
    label: '严重失信主体名单',
    icon: 'conflict',
    action: 'creditBlacklist.manage',
  },
  { path: '/organizations', label: '申报单位管理', icon: 'orgs', action: 'organization.list' },
  { path: '/admin/users', label: '用户管理', icon: 'users', action: 'user.list' },
  { path: '/security/sessions', label: '在线会话', icon: 'sessions', action: 'session.list' },
  { path: '/audit', label: '审计日志', icon: 'audit', action: 'audit.read' },
  {
    key: 'dictionaries',
    label: '数据字典',
    icon: 'dict',
    children: [
      {
        path: '/dictionaries/occupations',
        label: '职业分类',
        action: 'page.occupations',
      },
      {
        path: '/dictionaries/standards',
        label: '职业技能标准',
        action: 'page.standards',
      },
      { path: '/dictionaries/chains', label: '产业链', action: 'page.chains' },
      { path: '/dictionaries/divisions', label: '行政区划', action: 'page.divisions' },
      { path: '/dictionaries/holidays', label: '节假日与调休', action: 'page.divisions' },
    ],
  },
  { path: '/messages', label: '站内信', icon: 'messages', action: 'message.own' },
  { path: '/account/password', label: '修改密码', icon: 'password', action: 'account.changeOwnPassword' },
];

export const isGroup = (e: MenuEntry): e is MenuGroup => 'children' in e;

const opens = (abilities: Abilities, leaf: MenuLeaf) => abilities.includes(leaf.action);

/** The menu the caller sees; groups without a visible child disappear. */
export function menuFor(abilities: Abilities): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const entry of MENU) {
    if (isGroup(entry)) {
      const children = entry.children.filter((c) => opens(abilities, c));
      if (children.length > 0) out.push({ ...entry, children });
    } else if (opens(abilities, entry)) out.push(entry);
  }
  return out;
}

function allLeaves(): { leaf: MenuLeaf; group?: MenuGroup }[] {
  return MENU.flatMap((e) => (isGroup(e) ? e.children.map((leaf) => ({ leaf, group: e })) : [{ leaf: e }]));
}

/**
 * The menu leaf a path belongs to (exact, or the longest prefix such as /organizations/123). Two roles may
 * share a path under different labels (我的申请 / 备案申请): with abilities, the caller's leaf wins.
 */
export function leafFor(
  pathname: string,
  abilities?: Abilities,
): { leaf: MenuLeaf; group?: MenuGroup } | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  let best: { leaf: MenuLeaf; group?: MenuGroup } | undefined;
  for (const item of allLeaves()) {
    const p = item.leaf.path;
    const matches = p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`);
    if (!matches) continue;
    const longer = !best || p.length > best.leaf.path.length;
    const sameButMine =
      !!best &&
      !!abilities &&
      p === best.leaf.path &&
      !opens(abilities, best.leaf) &&
      opens(abilities, item.leaf);
    if (longer || sameButMine) best = item;
  }
  return best;
}

/** Whether the caller may open an authenticated page; unknown paths are left to the not-found page. */
export function canOpen(abilities: Abilities, pathname: string): boolean {
  const found = leafFor(pathname, abilities);
  return !found || opens(abilities, found.leaf);
}

/** Breadcrumb labels for a path: 首页 › 数据字典 › 职业分类. */
export function breadcrumbFor(pathname: string, abilities?: Abilities): { label: string; path?: string }[] {
  const found = leafFor(pathname, abilities);
  const crumbs: { label: string; path?: string }[] = [{ label: '首页', path: '/' }];
  if (!found || found.leaf.path === '/') return crumbs;
  if (found.group) crumbs.push({ label: found.group.label });
  crumbs.push({ label: found.leaf.label, path: found.leaf.path });
  return crumbs;
}
