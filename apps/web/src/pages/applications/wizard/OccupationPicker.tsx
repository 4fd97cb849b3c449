/**
 * 职业选择: a debounced search of GET /api/applications/occupation-options?q=&limit= by code or name;
 * each option shows code, name, category, the standard tag (R4) and the qualification warning (R5); an
 * occupation that cannot be filed is listed greyed with the reason and clause (通知第三条).
 */
import { Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { OccupationOption } from '../../../api/filing-types';
import { CATEGORY_LABELS, standardText } from './occupation-levels';

export function OccupationTagsLine({ o }: { o: OccupationOption }) {
  const std = standardText(o);
  return (
    <Space size={2} wrap>
      <Tag>{CATEGORY_LABELS[o.majorCategory] ?? `第${o.majorCategory}大类`}</Tag>
      <Tag color={std.color}>{std.text}</Tag>
      {o.restrictedByQualification && o.code !== '6-18-02-04' && (
        <Tooltip title="列入国家职业资格目录（2021年版），实行职业资格评价，不能备案（规则R5）">
          <Tag color="red">R5 准入类不可备案</Tag>
        </Tooltip>
      )}
      {o.restrictionReview === 'uncertain' && (
        <Tooltip title="与国家职业资格目录的对应关系待管理员确认（规则R5）">
          <Tag color="orange">R5 待核对</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export function OccupationPicker({
  id,
  value,
  onChange,
  onOption,
}: {
  id?: string;
  value?: string;
  onChange?: (code: string) => void;
  onOption(o: OccupationOption | undefined): void;
}) {
  const [options, setOptions] = useState<OccupationOption[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const fetchOptions = async (q: string) => {
    const n = ++seq.current;
    setLoading(true);
    try {
      const d = await api.get('/api/applications/occupation-options', { query: { q, limit: 20 } });
      if (n === seq.current) setOptions(d.items);
      return d.items;
    } catch {
      // The client has shown why the search failed; the picker offers nothing meanwhile.
      return [];
    } finally {
      if (n === seq.current) setLoading(false);
    }
  };

  // An item being edited: load its occupation once so its jobs and levels are known.
  useEffect(() => {
    if (!value) return;
    void fetchOptions(value).then((items) => onOption(items.find((o) => o.code === value)));
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onSearch = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = setTimeout(() => void fetchOptions(q.trim()), 300);
  };

  return (
    <Select<string>
      id={id}
      value={value}
      showSearch={{ filterOption: false, onSearch }}
      placeholder="输入职业名称或编码搜索，如：焊工 或 6-18-02-04"
      notFoundContent={loading ? <Spin size="small" /> : '输入职业名称或编码后选择'}
      onChange={(code) => {
        onChange?.(code);
        onOption(options.find((o) => o.code === code));
      }}
      // An occupation that cannot be filed stays in the list, greyed, with the clause that excludes it.
      options={options.map((o) => ({
        value: o.code,
        label: `${o.name}（${o.code}）`,
        disabled: o.exclusion !== null,
      }))}
      optionRender={(opt) => {
        const o = options.find((x) => x.code === opt.value);
        if (!o) return opt.label;
        if (o.exclusion)
          return (
            <div data-testid="occupation-excluded" style={{ whiteSpace: 'normal' }}>
              <Typography.Text type="secondary">
                {o.name} {o.code}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  不可申报：{o.exclusion.reason}（规则{o.exclusion.rule}）
                </Typography.Text>
              </div>
            </div>
          );
        return (
          <div>
            <Typography.Text strong>{o.name}</Typography.Text>{' '}
            <Typography.Text type="secondary">{o.code}</Typography.Text>
            <div>
              <OccupationTagsLine o={o} />
            </div>
          </div>
        );
      }}
    />
  );
}
