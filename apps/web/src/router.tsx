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
          page('public', () => import('./pages/public/home')),
          page('public/registry', () => import('./pages/public/registry')),
          page('public/registry/:creditCode', () => import('./pages/public/registry-body')),
          page('public/filing-lists', () => import('./pages/public/filing-lists')),
          page('public/filing-lists/:sequence', () => import('./pages/public/filing-list-detail')),
          page('public/draws', () => import('./pages/public/draws')),
          page('public/draws/:id', () => import('./pages/public/draws-detail')),
          page('public/notices', () => import('./pages/public/notices')),
          page('public/notices/:id', () => import('./pages/public/notice-detail')),
          page('public/objections', () => import('./pages/public/objection-tracking')),
          page('public/*', () => import('./pages/public/not-found')),
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
          page('filing-lists', () => import('./pages/filing-lists/index')),
          page('filing-lists/confirm/:noticeId', () => import('./pages/filing-lists/confirm')),
          page('filing-lists/:id', () => import('./pages/filing-lists/detail')),
          page('spot-checks', () => import('./pages/province/spot-checks')),
          page('spot-checks/:id', () => import('./pages/province/spot-check-detail')),
          page('inspectors', () => import('./pages/province/inspectors')),
          page('credit-blacklist', () => import('./pages/province/credit-blacklist')),
          page('self-evaluation-filings', () => import('./pages/province/self-evaluation-filings')),
          page('my/spot-checks', () => import('./pages/inspector/my-spot-checks')),
          // An inspector opens the application detail of a target under 我的抽查 (scope: its assignments).
          page('my/spot-checks/:id', () => import('./pages/application-detail')),
          page('my/inspector-conflicts', () => import('./pages/inspector/conflicts')),
          page('notices', () => import('./pages/notices/notices')),
          page('notices/:id', () => import('./pages/notices/notice-detail')),
          page('objections', () => import('./pages/notices/objections')),
          page('objections/:id', () => import('./pages/notices/objection-detail')),
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
