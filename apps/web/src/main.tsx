import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './app';
import { PrefsProvider } from './components/prefs';
import './styles.css';

dayjs.locale('zh-cn');

/** 政务蓝 primary; 大字模式 raises the base font from 14 to 18 px. */
const PRIMARY = '#1d4f91';

/** Server data loading (useQuery/useMutation): the API client already shows every error in Chinese. */
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <PrefsProvider>
        {({ largeFont }) => (
          <ConfigProvider
            locale={zhCN}
            theme={{ token: { colorPrimary: PRIMARY, colorLink: PRIMARY, fontSize: largeFont ? 18 : 14 } }}
          >
            <AntApp className={largeFont ? 'large-font' : undefined}>
              <App />
            </AntApp>
          </ConfigProvider>
        )}
      </PrefsProvider>
    </QueryClientProvider>
  </StrictMode>,
);
