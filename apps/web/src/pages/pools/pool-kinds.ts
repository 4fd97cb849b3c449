/**
 * The pools the web client manages, as configuration of one page and one set of dialogs (PoolPage,
 * PoolModals): the 专家库 at /experts (city bureau: its own city; sys_admin: all; members list the
 * occupations they may review) and the 督导人员库 at /inspectors (province centre and sys_admin keep
 * it, the province bureau reads it; a 编号 may be given). Only what differs between them is here.
 */
import { POOL_LABELS, type PoolKind } from '@skillcert/domain';
import type { Me } from '@skillcert/contracts';

export interface PoolUi {
  kind: PoolKind;
  /** The pool's API collection. */
  path: '/api/experts' | '/api/inspectors';
  /** 专家库 / 督导人员库. */
  pool: string;
  /** 专家 / 督导人员. */
  member: string;
  codeTitle: string;
  keywordPlaceholder: string;
  titleLabel: string;
  titleColumn: string;
  cityLabel: string;
  cityColumn: string;
  /** How the empty list names the members (专家 / 人员). */
  memberNoun: string;
  cityExtra?: string;
  /** The city choice includes 省直 (430000, province-level units). */
  cityWithProvince: boolean;
  /** Members list the occupations they may review. */
  occupations: boolean;
  /** A 编号 may be given when adding a member. */
  givenCode: boolean;
  unitCreditCodeExtra: string;
  accountExtra: string;
  /** Who the initial password is handed to. */
  passwordRecipient: string;
  editNote: string;
  conflictNote: string;
  canManage(me: Me): boolean;
  /** The city is chosen (and shown, and searched by) rather than fixed to the user's own. */
  chooseCity(me: Me): boolean;
  description(me: Me): string;
}

export const EXPERT_POOL_UI: PoolUi = {
  kind: 'expert',
  path: '/api/experts',
  ...POOL_LABELS.expert,
  codeTitle: '专家编号',
  keywordPlaceholder: '姓名、单位或专家编号',
  titleLabel: '职称 / 技能等级',
  titleColumn: '职称',
  cityLabel: '所属市州',
  cityColumn: '市州',
  memberNoun: '专家',
  cityWithProvince: false,
  occupations: true,
  givenCode: false,
  unitCreditCodeExtra: '填写后，该专家不会被抽取评审本单位的申请',
  accountExtra: '填写后开通专家账号（已有的专家账号则关联），初始密码只显示一次',
  passwordRecipient: '专家',
  editNote: '手机号已脱敏显示；如需更换请直接填写新号码，留空则不修改。',
  conflictNote: '登记后，抽取该单位申请的评审专家时，此专家自动回避。',
  canManage: () => true,
  chooseCity: (me) => me.role === 'sys_admin',
  description: (me) =>
    me.role === 'sys_admin'
      ? '全省各市州的评审专家'
      : `${me.cityName ?? ''}评审专家库；抽取时按职业匹配并自动回避`,
};

export const INSPECTOR_POOL_UI: PoolUi = {
  kind: 'inspector',
  path: '/api/inspectors',
  ...POOL_LABELS.inspector,
  codeTitle: '编号',
  keywordPlaceholder: '姓名、单位或编号',
  titleLabel: '职称 / 资格',
  titleColumn: '职称 / 资格',
  cityLabel: '所在市州',
  cityColumn: '所在市州',
  memberNoun: '人员',
  cityExtra: '抽查同一市州的对象时自动回避',
  cityWithProvince: true,
  occupations: false,
  givenCode: true,
  unitCreditCodeExtra: '填写后，抽查本单位时该督导人员自动回避',
  accountExtra: '填写后开通督导账号（已有且未关联的督导账号则关联），初始密码只显示一次',
  passwordRecipient: '本人',
  editNote: '手机号已脱敏显示；如需更换请直接填写新号码，留空则不修改。停用后不再进入新的抽取。',
  conflictNote: '登记后，之后的抽查中该督导人员对此单位自动回避；公开页面只显示“申报利益冲突”，不显示原因。',
  canManage: (me) => me.role === 'province_center' || me.role === 'sys_admin',
  chooseCity: () => true,
  description: () =>
    '抽查复核“双随机”从在库督导人员中抽取；同一市州、本单位人员和申报利益冲突的自动回避。公开页面只显示编号。',
};
