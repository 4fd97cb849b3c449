/** Chinese labels for codes the API may answer without a label. */
export const ORG_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待激活', color: 'orange' },
  active: { label: '已激活', color: 'green' },
  disabled: { label: '已停用', color: 'default' },
};

export const ORG_KIND: Record<string, string> = { enterprise: '企业', school: '院校', other: '其它机构' };

/** Tag colours of application states (labels come from the API or APPLICATION_STATUS_LABELS). */
export const APPLICATION_STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  verified: 'cyan',
  rejected: 'red',
  recommended: 'geekblue',
  not_recommended: 'red',
  province_review: 'purple',
  spot_check_pool: 'gold',
  spot_check: 'gold',
  cleared: 'green',
  in_notice: 'blue',
  notice_passed: 'green',
  filed: 'success',
  withdrawn: 'default',
};

export const ROUND_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  open: { label: '征集中', color: 'green' },
  closed: { label: '已截止', color: 'red' },
};
