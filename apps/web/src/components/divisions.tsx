/** 市州/区县 from GET /api/public/divisions, fetched once per page load. */
import { Cascader, Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CityWithCounties as City } from '@skillcert/contracts';

let cached: Promise<City[]> | null = null;

export function loadDivisions(): Promise<City[]> {
  if (!cached) {
    cached = api.get('/api/public/divisions', undefined, { noAuthRedirect: true }).catch((e: unknown) => {
      cached = null;
      throw e;
    });
  }
  return cached;
}

export function useDivisions(): { cities: City[]; loading: boolean } {
  const [cities, setCities] = useState<City[]>([]);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    loadDivisions()
      .then((c) => live && setCities(Array.isArray(c) ? c : []))
      .catch(() => undefined)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  return { cities, loading };
}

export function CitySelect(props: SelectProps<string>) {
  const { cities, loading } = useDivisions();
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择市州"
      loading={loading}
      style={{ minWidth: 160 }}
      options={cities.map((c) => ({ value: c.code, label: c.name }))}
      {...props}
    />
  );
}

/** [cityCode, countyCode] */
export function CityCountyCascader(props: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const { cities, loading } = useDivisions();
  return (
    <Cascader
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(v) => props.onChange?.((v ?? []) as string[])}
      placeholder={loading ? '正在加载行政区划…' : '选择市州 / 区县'}
      showSearch
      options={cities.map((c) => ({
        value: c.code,
        label: c.name,
        children: c.counties.map((k) => ({ value: k.code, label: k.name })),
      }))}
      style={{ width: '100%' }}
    />
  );
}
