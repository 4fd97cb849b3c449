/**
 * 审计日志的中文名称: every action the audit trail records and every kind of object it names, so the
 * audit admin reads 审计日志 in Chinese (the stable code stays beside it for searching). An application's
 * workflow moves are recorded as `application.<action>` and take their names from the lifecycle table.
 * The catalogue is also the type of what the trail may record (`AuditAction`): an action without a
 * Chinese name here cannot be written.
 */
import { APPLICATION_ACTION_LABELS, type ApplicationAction } from './filing/application-lifecycle';

export const AUDIT_ACTION_LABELS = {
  'account.password_changed': '修改本人密码',
  'account.password_reset': '重置用户密码',
  'application.created': '新建申请',
  'application.facts_saved': '保存申报单位信息',
  'application.scope_saved': '保存申报职业（工种）',
  'application.material_uploaded': '上传申报材料',
  'application.material_removed': '删除申报材料',
  'application.site_assessment_recorded': '记录实地评估',
  'application.site_photo_uploaded': '上传实地评估照片',
  'audit.chain_verified': '校验审计日志链',
  'audit.exported': '导出审计日志',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.account_locked': '账号锁定',
  'auth.second_factor_failed': '动态口令错误',
  'auth.second_factor_enrolled': '绑定动态口令',
  'auth.recovery_code_used': '使用恢复码登录',
  'user.second_factor_reset': '重置动态口令',
  'credit_blacklist.imported': '导入严重失信主体名单',
  'credit_blacklist.removed': '移出严重失信主体名单',
  'dictionary.chain_created': '新增产业链',
  'dictionary.chain_updated': '修改产业链',
  'dictionary.holidays_updated': '录入节假日安排',
  'dictionary.occupation_restriction_updated': '修改职业准入类标记',
  'dictionary.standard_updated': '修改国家职业标准',
  'dictionary.standards_imported': '导入国家职业标准',
  'expert.created': '新增专家',
  'expert.updated': '修改专家信息',
  'expert.conflict_declared': '专家申报回避关系',
  'expert_draw.drawn': '抽取评审专家',
  'expert_draw.replaced': '补抽评审专家',
  'expert_review.submitted': '提交专家评审意见',
  'expert_assignment.replaced': '替换评审专家',
  'filing.imported': '导入已备案机构',
  'filing.self_evaluation_recorded': '录入自主评价备案',
  'filing.self_evaluation_updated': '修改自主评价备案',
  'filing.self_evaluation_revoked': '撤销自主评价备案记录',
  'filing.evidence_uploaded': '上传自主评价备案文件',
  'filing_list.confirmed': '备案确认并发布名单',
  'inspector.created': '新增督导人员',
  'inspector.updated': '修改督导人员信息',
  'inspector.conflict_declared': '督导人员申报回避关系',
  'job.due_reminders': '发送办理时限提醒',
  'job.orphan_files': '清理未引用的文件',
  'notice.prepared': '拟定公示',
  'notice.draft_updated': '修改公示草稿',
  'notice.published': '发布公示',
  'notice.passed': '公示期满办结',
  'notice.window_extended': '公示期顺延（节假日安排公布后重算）',
  'notice.window_kept': '公示期维持（节假日安排公布后重算）',
  'notice.window_confirmed': '公示期确认（节假日安排公布后重算）',
  'notice_item.removed': '移出公示条目（异议成立）',
  'objection.submitted': '提出异议',
  'objection.answered': '答复异议',
  'organization.registered': '单位注册',
  'organization.activated': '激活单位账号',
  'organization.colleague_added': '添加单位经办人',
  'organization.admin_transferred': '移交单位管理员',
  'organization.dispute_settled': '处理注册争议',
  'personal_data.revealed': '查看完整个人信息',
  'policy.stage_limits_updated': '修改办理时限',
  'policy.decision_review_period_updated': '修改决定书复核申请期限',
  'recommendation_batch.created': '生成推荐批次',
  'round.created': '新建征集批次',
  'round.updated': '修改征集批次',
  'round.opened': '开始征集',
  'round.closed': '结束征集',
  'security.policy_updated': '修改安全策略',
  'session.force_logout': '强制下线',
  'spot_check.policy_updated': '修改抽查规则',
  'spot_check.committed': '抽查承诺（公布种子哈希）',
  'spot_check.drawn': '双随机抽取',
  'spot_check.replacement_committed': '替换抽取承诺',
  'spot_check.replacement_drawn': '替换抽取',
  'spot_check_assignment.replaced': '替换督导人员',
  'spot_check.voided': '作废抽查承诺',
  'spot_check.attachment_uploaded': '上传抽查复核材料',
  'spot_check.results_published': '公开抽查结果',
  'spot_check.result_drafted': '起草抽查复核结果',
  'spot_check.result_submitted': '提交抽查复核结果会签',
  'spot_check.result_signed': '签字确认抽查复核结果',
  'spot_check.result_dissented': '对抽查复核结果提出异议',
  'spot_check.result_decided': '裁决抽查复核结果',
  'system.demo_seeded': '生成演示数据',
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.unlocked': '解除账号锁定',
} as const satisfies Readonly<Record<string, string>>;

/** Every action the audit trail records: one of the catalogue above, or an application's workflow move. */
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS | `application.${ApplicationAction}`;

const LABELS: Readonly<Record<string, string>> = AUDIT_ACTION_LABELS;

export const AUDIT_TARGET_LABELS: Readonly<Record<string, string>> = {
  user: '用户',
  organization: '单位',
  application: '申请',
  collection_round: '征集批次',
  expert: '专家',
  expert_review: '专家评审意见',
  expert_assignment: '评审任务',
  draw: '专家抽取',
  inspector: '督导人员',
  spot_check_draw: '抽查复核',
  spot_check_assignment: '抽查任务',
  public_notice: '公示',
  public_notice_item: '公示条目',
  objection: '异议',
  filing: '已备案机构',
  filing_list: '备案名单',
  credit_blacklist_import: '严重失信主体名单导入',
  credit_blacklist_entry: '严重失信主体名单记录',
  recommendation_batch: '推荐批次',
  occupation: '职业',
  skill_standard: '国家职业标准',
  holiday_year: '节假日安排',
  industrial_chain: '产业链',
  system_parameter: '系统参数',
};

/** The Chinese name of an audit action; an action without one is named as such, never shown bare. */
export function auditActionLabel(action: string): string {
  const known = LABELS[action];
  if (known) return known;
  const [object, verb] = action.split('.', 2);
  if (object === 'application' && verb && verb in APPLICATION_ACTION_LABELS) {
    return `申请：${APPLICATION_ACTION_LABELS[verb as ApplicationAction]}`;
  }
  return `未命名操作（${action}）`;
}

/** The Chinese name of a kind of audited object. */
export const auditTargetLabel = (targetType: string): string =>
  AUDIT_TARGET_LABELS[targetType] ?? `其他对象（${targetType}）`;
