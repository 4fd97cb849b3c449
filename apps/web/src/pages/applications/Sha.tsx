import { Typography } from 'antd';

/** A SHA-256: the first 16 hex digits shown, the whole value copied. */
export function Sha({ value }: { value: string }) {
  return (
    <Typography.Text
      code
      copyable={{ text: value, tooltips: ['复制完整 SHA-256', '已复制'] }}
      title={`SHA-256：${value}`}
    >
      {value.slice(0, 16)}…
    </Typography.Text>
  );
}

export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
