import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  type RouterHistory,
} from '@tanstack/react-router';
import { AppLayout } from './features/layout/AppLayout';
import { NotFoundPage } from './features/layout/NotFoundPage';
import { HomeRedirect } from './features/workspaces/HomeRedirect';
import { FrameworksPage } from './features/frameworks/FrameworksPage';
import { FrameworkTreePage } from './features/frameworks/FrameworkTreePage';
import { CommitmentsPage } from './features/commitments/CommitmentsPage';
import { CommitmentDetailPage } from './features/commitments/CommitmentDetailPage';
import {
  parseReadableSearch,
  stringifyReadableSearch,
  validateCommitmentSearch,
  validateDetailSearch,
} from './features/commitments/search';
import { NewCommitmentPage } from './features/commitment-form/NewCommitmentPage';
import { EditCommitmentPage } from './features/commitment-form/EditCommitmentPage';
import { validateNewCommitmentSearch } from './features/commitment-form/search';
import { MyWorkPage } from './features/my-work/MyWorkPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { validateDashboardSearch } from './features/dashboard/search';
import { SignInPage } from './features/auth/SignInPage';
import { SetPasswordPage } from './features/auth/SetPasswordPage';
import { TokensPage } from './features/account/TokensPage';
import { MembersPage } from './features/admin/MembersPage';
import { OrganizationsPage } from './features/admin/OrganizationsPage';
import { ActivityPage } from './features/admin/ActivityPage';
import { ReportingAdminPage } from './features/reporting/ReportingAdminPage';
import { InboxPage } from './features/notifications/InboxPage';
import { CompliancePage, validateComplianceSearch } from './features/reporting/CompliancePage';
import {
  FrameworksAdminPage,
  validateFrameworksAdminSearch,
} from './features/admin/FrameworksAdminPage';

/** Pages anyone may open; every other page needs a session. */
export const PUBLIC_PATHS = ['/sign-in', '/set-password'];

const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' ? { next: search.next } : {},
  component: SignInPage,
});

const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/set-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' || typeof search.token === 'number'
      ? { token: String(search.token) }
      : {},
  component: SetPasswordPage,
});

/** Everything behind sign-in, inside the header and navigation. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_authenticated',
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: HomeRedirect,
});

const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/tokens',
  component: TokensPage,
});

const frameworksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug',
  component: FrameworksPage,
});

const frameworkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/frameworks/$frameworkId',
  component: FrameworkTreePage,
});

const commitmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/commitments',
  validateSearch: validateCommitmentSearch,
  component: CommitmentsPage,
});

const commitmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/commitments/$commitmentId',
  validateSearch: validateDetailSearch,
  component: CommitmentDetailPage,
});

const newCommitmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/commitments/new',
  validateSearch: validateNewCommitmentSearch,
  component: NewCommitmentPage,
});

const editCommitmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/commitments/$commitmentId/edit',
  component: EditCommitmentPage,
});

const myWorkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/my-work',
  component: MyWorkPage,
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/dashboard',
  validateSearch: validateDashboardSearch,
  component: DashboardPage,
});

const complianceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/compliance',
  validateSearch: validateComplianceSearch,
  component: CompliancePage,
});

const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/notifications',
  component: InboxPage,
});

const reportingAdminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/admin/reporting',
  component: ReportingAdminPage,
});

const membersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/admin/members',
  component: MembersPage,
});

const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/admin/organizations',
  component: OrganizationsPage,
});

const frameworksAdminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/admin/frameworks',
  validateSearch: validateFrameworksAdminSearch,
  component: FrameworksAdminPage,
});

const activityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug/admin/activity',
  component: ActivityPage,
});

export const routeTree = rootRoute.addChildren([
  signInRoute,
  setPasswordRoute,
  appRoute.addChildren([
    homeRoute,
    tokensRoute,
    frameworksRoute,
    frameworkRoute,
    commitmentsRoute,
    commitmentRoute,
    newCommitmentRoute,
    editCommitmentRoute,
    myWorkRoute,
    dashboardRoute,
    complianceRoute,
    inboxRoute,
    membersRoute,
    organizationsRoute,
    frameworksAdminRoute,
    activityRoute,
    reportingAdminRoute,
  ]),
]);

export function createAppRouter(history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    defaultPreload: 'intent',
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
    // Readable, shareable URLs: `?status=AT_RISK&status=OFF_TRACK&sort=-progress`, not JSON.
    parseSearch: parseReadableSearch,
    stringifySearch: stringifyReadableSearch,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
