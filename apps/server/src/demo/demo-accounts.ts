/** Demo accounts: created only in demo mode (the default of `npm start`), never with NODE_ENV=production. */
import type { Role } from '@skillcert/domain';

export const DEMO_PASSWORD = 'Skill@2026';

export interface DemoStaff {
  username: string;
  displayName: string;
  role: Role;
  cityCode?: string;
  phone?: string;
}

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'admin', displayName: '系统管理员', role: 'sys_admin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin' },
  { username: 'auditor', displayName: '安全审计员', role: 'audit_admin' },
  { username: 'sjzx', displayName: '省鉴定中心 王审核', role: 'province_center', phone: '13907310001' },
  { username: 'srst', displayName: '省人社厅 李处长', role: 'province_bureau', phone: '13907310002' },
  {
    username: 'cs_zx',
    displayName: '长沙市鉴定中心 赵核验',
    role: 'city_center',
    cityCode: '430100',
    phone: '13807310003',
  },
  {
    username: 'cs_rsj',
    displayName: '长沙市人社局 钱科长',
    role: 'city_bureau',
    cityCode: '430100',
    phone: '13807310004',
  },
  {
    username: 'zz_zx',
    displayName: '株洲市鉴定中心 孙核验',
    role: 'city_center',
    cityCode: '430200',
    phone: '13807330005',
  },
  {
    username: 'zz_rsj',
    displayName: '株洲市人社局 周科长',
    role: 'city_bureau',
    cityCode: '430200',
    phone: '13807330006',
  },
  {
    username: 'xt_zx',
    displayName: '湘潭市鉴定中心 吴核验',
    role: 'city_center',
    cityCode: '430300',
    phone: '13807320007',
  },
  {
    username: 'zhuanjia1',
    displayName: '评审专家 郑工',
    role: 'expert',
    cityCode: '430100',
    phone: '13607310008',
  },
  {
    username: 'zj_zz1',
    displayName: '评审专家 王焊',
    role: 'expert',
    cityCode: '430200',
    phone: '13607330011',
  },
  {
    username: 'zj_zz2',
    displayName: '评审专家 李铸',
    role: 'expert',
    cityCode: '430200',
    phone: '13607330012',
  },
  {
    username: 'zj_zz3',
    displayName: '评审专家 张锻',
    role: 'expert',
    cityCode: '430200',
    phone: '13607330013',
  },
  {
    username: 'zj_zz4',
    displayName: '评审专家 陈铆',
    role: 'expert',
    cityCode: '430200',
    phone: '13607330014',
  },
  {
    username: 'zj_cs2',
    displayName: '评审专家 罗焊',
    role: 'expert',
    cityCode: '430100',
    phone: '13607310021',
  },
  {
    username: 'zj_cs3',
    displayName: '评审专家 谢铆',
    role: 'expert',
    cityCode: '430100',
    phone: '13607310022',
  },
  {
    username: 'ducha1',
    displayName: '督导员 冯工',
    role: 'inspector',
    cityCode: '430200',
    phone: '13607330009',
  },
  // 抽查督导人员 of other cities: the 双随机 draw recuses an inspector of the target's own city.
  {
    username: 'ducha2',
    displayName: '督导员 蒋工',
    role: 'inspector',
    cityCode: '430300',
    phone: '13607320031',
  },
  {
    username: 'ducha3',
    displayName: '督导员 沈工',
    role: 'inspector',
    cityCode: '430400',
    phone: '13607340032',
  },
  {
    username: 'ducha4',
    displayName: '督导员 韩工',
    role: 'inspector',
    cityCode: '430600',
    phone: '13607300033',
  },
  {
    username: 'ducha5',
    displayName: '督导员 杨工',
    role: 'inspector',
    cityCode: '430100',
    phone: '13607310034',
  },
];

export interface DemoOrganization {
  name: string;
  /** first 17 characters; the check character is computed by the domain validator. */
  creditCodeBody: string;
  kind: 'enterprise' | 'school' | 'other';
  isAboveScale: boolean;
  cityCode: string;
  countyCode: string;
  status: 'pending' | 'active';
  admin: { username: string; displayName: string; phone: string };
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: '湖南示例工程机械股份有限公司',
    creditCodeBody: '91430100MA4L00001',
    kind: 'enterprise',
    isAboveScale: true,
    cityCode: '430100',
    countyCode: '430121',
    status: 'active',
    admin: { username: 'qy_admin', displayName: '企业经办人 陈明', phone: '13974100001' },
  },
  {
    name: '株洲示例职业技术学院',
    creditCodeBody: '12430200MB1234567',
    kind: 'school',
    isAboveScale: false,
    cityCode: '430200',
    countyCode: '430211',
    status: 'active',
    admin: { username: 'xx_admin', displayName: '院校经办人 刘芳', phone: '13974100002' },
  },
  {
    name: '衡阳示例重工机械有限公司',
    creditCodeBody: '91430400MA4P00002',
    kind: 'enterprise',
    isAboveScale: true,
    cityCode: '430400',
    countyCode: '430405',
    status: 'active',
    admin: { username: 'hy_admin', displayName: '企业经办人 周强', phone: '13974100004' },
  },
  {
    name: '长沙示例技师学院',
    creditCodeBody: '12430100MB0000011',
    kind: 'school',
    isAboveScale: false,
    cityCode: '430100',
    countyCode: '430104',
    status: 'active',
    admin: { username: 'jsxy_admin', displayName: '院校经办人 周敏', phone: '13974100011' },
  },
  {
    name: '长沙示例航空职业技术学院',
    creditCodeBody: '12430100MB0000022',
    kind: 'school',
    isAboveScale: false,
    cityCode: '430100',
    countyCode: '430121',
    status: 'active',
    admin: { username: 'hkxy_admin', displayName: '院校经办人 吴婷', phone: '13974100012' },
  },
  {
    name: '株洲示例轨道交通技师学院',
    creditCodeBody: '12430200MB0000033',
    kind: 'school',
    isAboveScale: false,
    cityCode: '430200',
    countyCode: '430211',
    status: 'active',
    admin: { username: 'zzgd_admin', displayName: '院校经办人 彭丽', phone: '13974100013' },
  },
  {
    name: '长沙示例工业职业技术学院',
    creditCodeBody: '12430100MB0000044',
    kind: 'school',
    isAboveScale: false,
    cityCode: '430100',
    countyCode: '430104',
    status: 'active',
    admin: { username: 'csgy_admin', displayName: '院校经办人 胡军', phone: '13974100014' },
  },
  {
    name: '湘潭示例技能评价服务中心',
    creditCodeBody: '52430300MJ0000123',
    kind: 'other',
    isAboveScale: false,
    cityCode: '430300',
    countyCode: '430302',
    status: 'pending',
    admin: { username: 'jg_admin', displayName: '机构经办人 黄伟', phone: '13974100003' },
  },
];
