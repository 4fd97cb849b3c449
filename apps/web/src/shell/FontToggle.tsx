import { Space, Switch, Typography } from 'antd';
import { usePrefs } from '../components/prefs';

/** 大字模式 switch for the headers (blue background, hence the light text). */
export function FontToggle({ light = true }: { light?: boolean }) {
  const { largeFont, setLargeFont } = usePrefs();
  return (
    <Space size={4}>
      <Typography.Text style={{ color: light ? '#fff' : undefined }} id="large-font-label">
        大字模式
      </Typography.Text>
      <Switch
        size="small"
        className={light ? 'header-switch' : undefined}
        checked={largeFont}
        onChange={setLargeFont}
        aria-labelledby="large-font-label"
      />
    </Space>
  );
}
