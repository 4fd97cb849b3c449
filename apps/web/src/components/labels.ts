/** Chinese labels for codes the API may answer without a label. */
export const ORG_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待激活', color: 'orange' },
  active: { label: '已激活', color: 'green' },
  disabled: { label: '已停用', color: 'default' },
};

export const ORG_KIND: Record<string, string> = { enterprise: '企业', school: '院校', other: '其它机构' };
