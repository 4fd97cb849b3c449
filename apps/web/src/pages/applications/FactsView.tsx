/** 单位情况 as declared in step 1 (read-only). */
import { Descriptions } from 'antd';
import { SCHOOL_TYPE_LABELS, type SchoolType } from '@skillcert/domain';
import type { ApplicationDetail } from '../../api/filing-types';

const yesNo = (v: boolean | undefined) => (v === undefined ? '—' : v ? '是' : '否');

export function FactsView({ detail }: { detail: ApplicationDetail }) {
  const f = detail.facts;
  const kind = detail.organization.kind;
  const items = [
    { key: 'org', label: '申报单位', children: detail.organizationName },
    { key: 'credit', label: '统一社会信用代码', children: detail.organization.creditCode },
    { key: 'kind', label: '单位类型', children: detail.organization.kindLabel },
    { key: 'city', label: '所在市州', children: detail.cityName ?? detail.cityCode },
    ...(kind === 'enterprise'
      ? [
          { key: 'scale', label: '规模以上企业', children: yesNo(f.isAboveScale) },
          { key: 'ref', label: '自主评价备案文号', children: f.selfEvaluationFilingRef || '—' },
        ]
      : []),
    ...(kind === 'school'
      ? [
          {
            key: 'type',
            label: '院校类型',
            children: f.schoolType ? SCHOOL_TYPE_LABELS[f.schoolType as SchoolType] : '—',
          },
          { key: 'majors', label: '开设专业', children: f.majors || '—' },
        ]
      : []),
    ...(kind === 'other'
      ? [
          { key: 'exp', label: '具有考核评价经验', children: yesNo(f.hasEvaluationExperience) },
          {
            key: 'duty',
            label: '主要职责为人才培养/评价',
            children: yesNo(f.mainDutyIsTrainingOrEvaluation),
          },
          { key: 'inf', label: '行业影响力说明', children: f.fieldInfluence || '—' },
        ]
      : []),
    { key: 'scope', label: '主营业务/业务范围', children: f.businessScope || '—' },
    { key: 'staff', label: '专职工作人员', children: f.fullTimeStaff ?? '—' },
    { key: 'experts', label: '评价专家', children: f.experts ?? '—' },
    { key: 'contact', label: '联系人', children: f.contactName || '—' },
    { key: 'phone', label: '联系电话', children: f.contactPhone || '—' },
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} />;
}
