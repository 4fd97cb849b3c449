/** Markers of the 2022 大典 (S 数字职业, L 绿色职业) and R5's flag, as tags. */
import { Space, Tag, Tooltip } from 'antd';
import { isSkillLevel, skillLevelLabel } from '@skillcert/domain';
import type { OccupationItem as Occupation } from '@skillcert/contracts';

export const OCCUPATION_LEVELS: Record<string, string> = {
  major: '大类',
  middle: '中类',
  minor: '小类',
  occupation: '职业',
};

const MARKERS: Record<string, { label: string; color: string }> = {
  S: { label: '数字', color: 'blue' },
  digital: { label: '数字', color: 'blue' },
  L: { label: '绿色', color: 'green' },
  green: { label: '绿色', color: 'green' },
};

export function OccupationTags({
  o,
}: {
  o: Pick<Occupation, 'markers' | 'restrictedByQualification' | 'restrictionReview'>;
}) {
  return (
    <Space size={2} wrap>
      {(o.markers ?? []).map((m) => {
        const k = MARKERS[m];
        return (
          <Tag key={m} color={k?.color} bordered={false}>
            {k?.label ?? m}
          </Tag>
        );
      })}
      {o.restrictedByQualification && (
        <Tooltip title="列入国家职业资格目录（准入类），按职业资格管理，不能作为职业技能等级认定范围备案（规则R5）">
          <Tag color="red">不可备案(准入类)</Tag>
        </Tooltip>
      )}
      {o.restrictionReview === 'uncertain' && (
        <Tooltip title="与国家职业资格目录的对应关系不确定，待系统管理员核对">
          <Tag color="orange">准入类待核对</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export const levelText = (level: string) => (isSkillLevel(level) ? skillLevelLabel(level) : level);
