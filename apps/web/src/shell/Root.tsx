/** Root route: wires API errors to antd messages and 401s to the login page, then renders the page. */
import { App } from 'antd';
import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { setErrorNotifier, setUnauthorizedHandler } from '../api/client';
import { useSession } from '../auth/session';
import { PUBLIC_PATHS } from './public-paths';

export function Root() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const { clear } = useSession();
  const navigation = useNavigation();

  useEffect(() => {
    setErrorNotifier((text) => {
      void message.error({ content: text, duration: 5 });
    });
  }, [message]);

  useEffect(() => {
    setUnauthorizedHandler((code) => {
      clear();
      if (PUBLIC_PATHS.some((p) => location.pathname.startsWith(p))) return;
      const next = encodeURIComponent(location.pathname + location.search);
      void navigate(`/login?next=${next}&reason=${encodeURIComponent(code)}`, { replace: true });
    });
  }, [clear, navigate, location]);

  return (
    <>
      {navigation.state === 'loading' && (
        <div className="route-progress" role="progressbar" aria-label="页面加载中" />
      )}
      <Outlet />
    </>
  );
}
