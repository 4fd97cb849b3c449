/** An unknown address under /public: a 404 page that leads back to the public home, never to the login. */
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export default function PublicNotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="请检查地址是否正确，或返回信息公开首页查找公示、名录和抽查结果。"
      extra={
        <Button type="primary" onClick={() => navigate('/public')}>
          返回信息公开首页
        </Button>
      }
    />
  );
}
