import {
  createRootRoute,
  createRoute,
  createRouter,
  type RouterHistory,
} from '@tanstack/react-router';
import { AppLayout } from './features/layout/AppLayout';
import { NotFoundPage } from './features/layout/NotFoundPage';
import { HomeRedirect } from './features/workspaces/HomeRedirect';
import { FrameworksPage } from './features/frameworks/FrameworksPage';
import { FrameworkTreePage } from './features/frameworks/FrameworkTreePage';
import { CommitmentsPage } from './features/commitments/CommitmentsPage';
import { CommitmentDetailPage } from './features/commitments/CommitmentDetailPage';
import { validateCommitmentSearch, validateDetailSearch } from './features/commitments/search';

const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: HomeRedirect,
});

const frameworksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$slug',
  component: FrameworksPage,
});

const frameworkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$slug/frameworks/$frameworkId',
  component: FrameworkTreePage,
});

const commitmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$slug/commitments',
  validateSearch: validateCommitmentSearch,
  component: CommitmentsPage,
});

const commitmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$slug/commitments/$commitmentId',
  validateSearch: validateDetailSearch,
  component: CommitmentDetailPage,
});

export const routeTree = rootRoute.addChildren([
  homeRoute,
  frameworksRoute,
  frameworkRoute,
  commitmentsRoute,
  commitmentRoute,
]);

export function createAppRouter(history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    defaultPreload: 'intent',
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
