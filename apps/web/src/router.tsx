/** Routes; every page is its own chunk, loaded with import() when first opened. */
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './shell/AppLayout';
import { PublicLayout } from './shell/PublicLayout';
import { Root } from './shell/Root';
import { RouteError } from './shell/RouteError';
import { PageLoading } from './components/PageLoading';

type PageModule = Promise<{ default: ComponentType }>;
const page = (path: string | undefined, load: () => PageModule, index = false): RouteObject => {
  const lazy = async () => ({ Component: (await load()).default });
  return index ? { index: true, lazy } : { path, lazy };
};

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          page('login', () => import('./pages/login')),
          page('register', () => import('./pages/register')),
          page('tools/working-days', () => import('./pages/working-days')),
        ],
      },
      {
        path: '/',
        element: <AppLayout />,
        children: [
          page(undefined, () => import('./pages/home'), true),
          page('admin/users', () => import('./pages/admin-users')),
          page('organizations', () => import('./pages/organizations')),
          page('my-organization', () => import('./pages/my-organization')),
          page('rounds', () => import('./pages/rounds')),
          page('applications', () => import('./pages/applications')),
          page('applications/:id', () => import('./pages/application-detail')),
          page('applications/:id/edit', () => import('./pages/application-edit')),
          page('dictionaries/occupations', () => import('./pages/dict-occupations')),
          page('dictionaries/divisions', () => import('./pages/dict-divisions')),
          page('dictionaries/holidays', () => import('./pages/dict-holidays')),
          page('dictionaries/chains', () => import('./pages/dict-chains')),
          page('dictionaries/standards', () => import('./pages/dict-standards')),
          page('inbox', () => import('./pages/inbox')),
          page('inbox/done', () => import('./pages/inbox')),
          page('experts', () => import('./pages/experts')),
          page('my/assignments', () => import('./pages/my-assignments')),
          page('my/assignments/:assignmentId', () => import('./pages/assignment-review')),
          page('my/conflicts', () => import('./pages/my-conflicts')),
          page('batches', () => import('./pages/batches')),
          page('messages', () => import('./pages/messages')),
          page('settings/stage-limits', () => import('./pages/stage-limits')),
          page('audit', () => import('./pages/audit')),
          page('security/sessions', () => import('./pages/sessions')),
          page('account/password', () => import('./pages/account-password')),
          page('*', () => import('./pages/not-found')),
        ],
      },
    ],
  },
]);
