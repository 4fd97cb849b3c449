/** sys_admin records a standard's levels and its 2022 occupation (PATCH /api/dict/standards/:id). */
import { Checkbox, Form, Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { FILABLE_SKILL_LEVELS, isSkillLevel, parseSkillLevel, skillLevelLabel } from '@skillcert/domain';
import { api, asPaged } from '../../api/client';
import type { StandardItem as SkillStandard } from '@skillcert/contracts';
import { FormModal } from '../../components/FormModal';
import { codedOccupation } from '../../components/occupation-label';

function OccupationPicker(props: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  initialLabel?: string;
}) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>(
    props.value ? [{ value: props.value, label: props.initialLabel ?? props.value }] : [],
  );
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!q.trim()) return;
    let live = true;
    const t = setTimeout(() => {
      setLoading(true);
      api
        .get('/api/dict/occupations', {
          query: {
            q: q.trim(),
            page: 1,
            pageSize: 30,
          },
        })
        .then((d) => {
          if (!live) return;
          setOptions(
            asPaged(d)
              .items.filter((o) => o.level === 'occupation')
              .map((o) => ({ value: o.code, label: codedOccupation(o.code, o.name) })),
          );
        })
        .catch(() => undefined)
        .finally(() => live && setLoading(false));
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      placeholder="输入职业代码或名称搜索（2022年版大典）"
      notFoundContent={loading ? <Spin size="small" /> : q ? '没有匹配的职业' : '请输入关键字'}
      options={options}
    />
  );
}

interface Values {
  levels: string[];
  mappedOccupationCode?: string;
}

export function StandardEditor({
  standard,
  onClose,
  onDone,
}: {
  standard: SkillStandard | null;
  onClose(): void;
  onDone(): void;
}) {
  const levels = (standard?.levels ?? [])
    .map((l) => (isSkillLevel(l) ? l : parseSkillLevel(l)))
    .filter(Boolean) as string[];
  return (
    <FormModal<Values>
      open={!!standard}
      title={standard ? `核对标准：${standard.name}` : ''}
      okText="保存"
      width={640}
      initialValues={{ levels, mappedOccupationCode: standard?.mappedOccupationCode ?? undefined }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!standard) return;
        await api.patch('/api/dict/standards/:id', {
          params: { id: standard.id },
          body: {
            levels: v.levels,
            mappedOccupationCode: v.mappedOccupationCode ?? null,
            version: standard.version,
          },
        });
        onDone();
      }}
    >
      <Form.Item
        name="levels"
        label="标准设置的等级"
        extra="按标准文本勾选；保存后该标准不再显示“待核对”"
        rules={[{ required: true, type: 'array', min: 1, message: '请至少勾选一个等级' }]}
      >
        <Checkbox.Group
          options={FILABLE_SKILL_LEVELS.map((l) => ({ value: l, label: skillLevelLabel(l) }))}
        />
      </Form.Item>
      <Form.Item name="mappedOccupationCode" label="对应职业（2022年版大典）">
        <OccupationPicker
          initialLabel={
            standard?.mappedOccupationCode
              ? codedOccupation(standard.mappedOccupationCode, standard.mappedOccupationName).trim()
              : undefined
          }
        />
      </Form.Item>
    </FormModal>
  );
}
