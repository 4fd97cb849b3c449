import { RouterProvider } from 'react-router/dom';
import { SessionProvider } from './auth/session';
import { router } from './router';

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
