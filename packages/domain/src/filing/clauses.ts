/**
 * 条款引用: every pre-check finding and every workflow stage names the clause of the notice
 * (湘人社 2022-10-20, shared/docs/notice-2022-10-20.md) that it enforces, so an applicant told "no" can
 * read why in the notice itself. Numbering: 第X条 = heading 一、…六、; 第Y款 = item (一)、(二)… under it.
 */
export const CLAUSES = {
  /** 一(一) 已备案自主评价的院校. */
  school: '通知第一条第一款',
  /** 一(二) 已备案自主评价的规模以上企业. */
  enterprise: '通知第一条第二款',
  /** 一(三) 其它具备考核评价经验、以人才培养评价为主要职责、在该职业领域有广泛影响力的单位. */
  otherBody: '通知第一条第三款',
  /** 二(一) 湖南省内独立法人、社会信用良好、职业与主营业务或专业相关. */
  legalEntity: '通知第二条第一款',
  /** 二(二) 理论考场（智能化考试）、技能考核场地设备工位耗材、视频监控. */
  venues: '通知第二条第二款',
  /** 二(三) 内部机构、专职人员、专家团队、题库、场地设备（含视频监控）. */
  organisation: '通知第二条第三款',
  /** 二(四) 质量管控措施、不以营利为目的、接受监督. */
  quality: '通知第二条第四款',
  /** 二(二)–(四) as a whole: cited for round-defined material slots that name no clause of their own. */
  materials: '通知第二条第二款至第四款',
  /** 三 大典第三至六类技能类职业，有国家职业技能标准. */
  occupationScope: '通知第三条',
  /** 三(一) 服务"三高四新"、对接产业链或地方特色产业. */
  industry: '通知第三条第一款',
  /** 三(二) 当地无或较少备案评价机构. */
  shortage: '通知第三条第二款',
  /** 四 认定权限：自主评价对象、先自主评价后社会评价. */
  authority: '通知第四条',
  /** 焊工 exception to R5. */
  welder: '中就培函〔2022〕50号',
  /** 新八级: only 五级…一级 filable. */
  levels: '人社部发〔2022〕14号',
} as const;
