import { Spin } from 'antd';

export function PageLoading() {
  return (
    <div className="center-fill">
      <Spin size="large" />
    </div>
  );
}
