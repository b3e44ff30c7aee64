import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { NotFoundPage } from './features/layout/NotFoundPage';
import { LoadingState } from './features/layout/states';
import { RouteErrorPage } from './features/layout/RouteErrorPage';
import { meQuery } from './features/auth/queries';
import { frameworkQuery, frameworksQuery } from './features/frameworks/queries';
import { commitmentQuery, commitmentsQuery } from './features/commitments/queries';
import {
  filtersOf,
  parseReadableSearch,
  stringifyReadableSearch,
  validateCommitmentSearch,
  validateDetailSearch,
} from './features/commitments/search';
import { validateNewCommitmentSearch } from './features/commitment-form/search';
import { myWorkQuery } from './features/my-work/queries';
import { summaryQuery } from './features/dashboard/queries';
import { dashboardFilters, validateDashboardSearch } from './features/dashboard/search';
import { organizationsQuery } from './features/organizations/queries';
import { membersQuery } from './features/admin/queries';
import { validateFrameworksAdminSearch } from './features/admin/search';
import { validateComplianceSearch } from './features/reporting/search';
import { calendarQuery, complianceQuery, periodsQuery } from './features/reporting/queries';
import { periodReportsQuery } from './features/period-reports/queries';
import { followQuery, inboxQuery } from './features/notifications/queries';
import { notificationPreferencesQuery } from './features/account/queries';
import { importHistoryQuery, importQuery } from './features/imports/queries';
import { can } from './features/auth/permissions';
import { loadTextGroups } from './i18n';
import type { TextGroup } from './i18n/textGroups';

// Every page is its own chunk (`lazyRouteComponent`), loaded when its route matches or when a link
// to it is hovered; loaders start the page's queries at the same time, so opening a page waits on
// one round trip instead of a waterfall (script, then data).

/**
 * A page's chunk together with the texts only some pages use (TEXT_GROUPS): both load in parallel
 * (when the route matches or a link to it is hovered) and the page is drawn once both are there.
 */
function withTexts<T>(load: () => Promise<T>, ...groups: TextGroup[]): () => Promise<T> {
  return () => Promise.all([load(), loadTextGroups(groups)]).then(([module]) => module);
}

export interface RouterContext {
  queryClient: QueryClient;
}

/** Pages anyone may open; every other page needs a session. */
export const PUBLIC_PATHS = ['/sign-in', '/set-password'];

/**
 * Awaits a page's data: what the user may not see (404) is the not-found page; other failures
 * show the error page, whose retry loads the page again.
 */
async function load(promise: Promise<unknown>, missing: readonly number[] = [404]): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError && missing.includes(error.status)) throw notFound();
    throw error;
  }
}

/** The same for the one record a URL names: a malformed id (the GET answers 400) is not found. */
const loadRecord = (promise: Promise<unknown>) => load(promise, [404, 400]);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' ? { next: search.next } : {},
  component: lazyRouteComponent(() => import('./features/auth/SignInPage'), 'SignInPage'),
});

export const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/set-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' || typeof search.token === 'number'
      ? { token: String(search.token) }
      : {},
  component: lazyRouteComponent(
    withTexts(() => import('./features/auth/SetPasswordPage'), 'accountPages'),
    'SetPasswordPage',
  ),
});

/** An e-mail's unsubscribe link: the signed token is enough, no session needed. */
export const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/unsubscribe',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' ? { token: search.token } : {},
  component: lazyRouteComponent(
    withTexts(() => import('./features/account/UnsubscribePage'), 'accountPages'),
    'UnsubscribePage',
  ),
});

/** Everything behind sign-in, inside the header and navigation. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_authenticated',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw redirect({ to: '/sign-in', search: { next: location.href }, replace: true });
      }
      throw error;
    }
  },
  component: lazyRouteComponent(() => import('./features/layout/AppLayout'), 'AppLayout'),
  // Outside the frame (the session could not be read): the error is the whole page.
  errorComponent: (props) => (
    <main>
      <RouteErrorPage {...props} />
    </main>
  ),
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/workspaces/HomeRedirect'), 'HomeRedirect'),
});

export const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/tokens',
  component: lazyRouteComponent(() => import('./features/account/TokensPage'), 'TokensPage'),
});

export const notificationSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/notifications',
  loader: ({ context }) =>
    load(context.queryClient.ensureQueryData(notificationPreferencesQuery())),
  component: lazyRouteComponent(
    withTexts(() => import('./features/account/NotificationSettingsPage'), 'accountPages'),
    'NotificationSettingsPage',
  ),
});

/** A workspace: a workspace the user does not belong to does not exist for them. */
export const workspaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$slug',
  beforeLoad: async ({ context, params }) => {
    const me = await context.queryClient.ensureQueryData(meQuery());
    if (!me.memberships.some((membership) => membership.workspace.slug === params.slug)) {
      throw notFound();
    }
  },
  notFoundComponent: NotFoundPage,
});

export const frameworksRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/',
  loader: ({ context, params }) =>
    load(context.queryClient.ensureQueryData(frameworksQuery(params.slug))),
  component: lazyRouteComponent(
    withTexts(() => import('./features/frameworks/FrameworksPage'), 'frameworks'),
    'FrameworksPage',
  ),
});

export const frameworkRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'frameworks/$frameworkId',
  loader: ({ context, params }) =>
    loadRecord(
      context.queryClient.ensureQueryData(frameworkQuery(params.slug, params.frameworkId)),
    ),
  component: lazyRouteComponent(
    withTexts(() => import('./features/frameworks/FrameworkTreePage'), 'frameworks'),
    'FrameworkTreePage',
  ),
});

export const commitmentsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'commitments',
  validateSearch: validateCommitmentSearch,
  loaderDeps: ({ search }) => search,
  // New filters on an open list do not wait here: the controls change at once and the previous
  // rows stay on screen, dimmed, until the new ones arrive.
  loader: ({ context, params, deps, cause }) => {
    const list = commitmentsQuery(params.slug, filtersOf(deps), deps.after?.at(-1) ?? null);
    if (cause === 'stay') return void context.queryClient.prefetchQuery(list);
    return load(
      Promise.all([
        context.queryClient.ensureQueryData(list),
        context.queryClient.ensureQueryData(organizationsQuery(params.slug)),
        // The filter bar names the chosen frameworks by their codes.
        context.queryClient.ensureQueryData(frameworksQuery(params.slug)),
      ]),
    );
  },
  component: lazyRouteComponent(
    () => import('./features/commitments/CommitmentsPage'),
    'CommitmentsPage',
  ),
});

export const commitmentRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'commitments/$commitmentId',
  validateSearch: validateDetailSearch,
  loader: ({ context, params }) => {
    // What the overview and the header ask for too: started now, not awaited.
    void context.queryClient.prefetchQuery(organizationsQuery(params.slug));
    void context.queryClient.prefetchQuery(followQuery(params.slug, params.commitmentId));
    return loadRecord(
      context.queryClient.ensureQueryData(commitmentQuery(params.slug, params.commitmentId)),
    );
  },
  component: lazyRouteComponent(
    withTexts(
      () => import('./features/commitments/CommitmentDetailPage'),
      'commitment',
      'history',
      'inbox',
    ),
    'CommitmentDetailPage',
  ),
});

export const newCommitmentRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'commitments/new',
  validateSearch: validateNewCommitmentSearch,
  component: lazyRouteComponent(
    withTexts(() => import('./features/commitment-form/NewCommitmentPage'), 'commitmentForm'),
    'NewCommitmentPage',
  ),
});

export const editCommitmentRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'commitments/$commitmentId/edit',
  loader: ({ context, params }) =>
    loadRecord(
      context.queryClient.ensureQueryData(commitmentQuery(params.slug, params.commitmentId)),
    ),
  component: lazyRouteComponent(
    withTexts(
      () => import('./features/commitment-form/EditCommitmentPage'),
      'commitmentForm',
      'history',
    ),
    'EditCommitmentPage',
  ),
});

export const myWorkRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'my-work',
  loader: ({ context, params }) =>
    load(context.queryClient.ensureQueryData(myWorkQuery(params.slug))),
  component: lazyRouteComponent(
    withTexts(() => import('./features/my-work/MyWorkPage'), 'myWork'),
    'MyWorkPage',
  ),
});

export const dashboardRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'dashboard',
  validateSearch: validateDashboardSearch,
  loaderDeps: ({ search }) => dashboardFilters(search),
  // New filters on an open dashboard do not wait here: its figures stay on screen, dimmed, until
  // the new ones arrive.
  loader: ({ context, params, deps, cause }) =>
    cause === 'stay'
      ? void context.queryClient.prefetchQuery(summaryQuery(params.slug, deps))
      : load(context.queryClient.ensureQueryData(summaryQuery(params.slug, deps))),
  component: lazyRouteComponent(
    withTexts(() => import('./features/dashboard/DashboardPage'), 'dashboard', 'reporting'),
    'DashboardPage',
  ),
});

export const complianceRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'compliance',
  validateSearch: validateComplianceSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) =>
    load(context.queryClient.ensureQueryData(complianceQuery(params.slug, deps.periodId))),
  component: lazyRouteComponent(
    withTexts(() => import('./features/reporting/CompliancePage'), 'reporting'),
    'CompliancePage',
  ),
});

export const periodReportsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'period-reports',
  loader: ({ context, params }) =>
    load(context.queryClient.ensureQueryData(periodReportsQuery(params.slug))),
  component: lazyRouteComponent(
    withTexts(() => import('./features/period-reports/PeriodReportsPage'), 'reporting'),
    'PeriodReportsPage',
  ),
});

export const inboxRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'notifications',
  loader: ({ context, params }) =>
    load(context.queryClient.ensureQueryData(inboxQuery(params.slug))),
  component: lazyRouteComponent(
    withTexts(() => import('./features/notifications/InboxPage'), 'inbox'),
    'InboxPage',
  ),
});

// Imports: a member who may not import sees the not-allowed page (the history is not awaited).
export const importsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'imports',
  loader: ({ context, params }) =>
    void context.queryClient.prefetchQuery(importHistoryQuery(params.slug)),
  component: lazyRouteComponent(
    withTexts(() => import('./features/imports/ImportsPage'), 'imports'),
    'ImportsPage',
  ),
});

export const newImportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'imports/new',
  component: lazyRouteComponent(
    withTexts(() => import('./features/imports/NewImportPage'), 'imports'),
    'NewImportPage',
  ),
});

export const importRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'imports/$importId',
  // Someone else's import, for an editor, is as good as missing.
  loader: ({ context, params }) =>
    load(
      context.queryClient.ensureQueryData(importQuery(params.slug, params.importId)),
      [404, 400, 403],
    ),
  component: lazyRouteComponent(
    withTexts(() => import('./features/imports/ImportPage'), 'imports', 'history'),
    'ImportPage',
  ),
});

/** The administration: its frame checks that the user may manage the workspace. */
export const adminRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'admin',
  // Loaded before the pages' loaders: those of someone who may not manage ask the API nothing.
  beforeLoad: async ({ context, params }) => {
    const me = await context.queryClient.ensureQueryData(meQuery());
    const membership = me.memberships.find((item) => item.workspace.slug === params.slug);
    const mayManage =
      membership !== undefined &&
      can(
        {
          userId: me.user.id,
          role: membership.role,
          organizationId: membership.organization?.id ?? null,
        },
        'workspace.manage',
      );
    return { mayManage };
  },
  component: lazyRouteComponent(
    withTexts(() => import('./features/admin/AdminFrame'), 'admin'),
    'AdminFrame',
  ),
});

export const membersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'members',
  loader: ({ context, params }) =>
    context.mayManage
      ? load(context.queryClient.ensureQueryData(membersQuery(params.slug)))
      : undefined,
  component: lazyRouteComponent(
    withTexts(() => import('./features/admin/MembersPage'), 'admin'),
    'MembersPage',
  ),
});

export const organizationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'organizations',
  loader: ({ context, params }) =>
    context.mayManage
      ? load(context.queryClient.ensureQueryData(organizationsQuery(params.slug)))
      : undefined,
  component: lazyRouteComponent(
    withTexts(() => import('./features/admin/OrganizationsPage'), 'admin'),
    'OrganizationsPage',
  ),
});

export const frameworksAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'frameworks',
  validateSearch: validateFrameworksAdminSearch,
  loader: ({ context, params }) =>
    context.mayManage
      ? load(context.queryClient.ensureQueryData(frameworksQuery(params.slug)))
      : undefined,
  component: lazyRouteComponent(
    withTexts(() => import('./features/admin/FrameworksAdminPage'), 'admin'),
    'FrameworksAdminPage',
  ),
});

export const reportingAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'reporting',
  loader: ({ context, params }) =>
    context.mayManage
      ? load(
          Promise.all([
            context.queryClient.ensureQueryData(calendarQuery(params.slug)),
            context.queryClient.ensureQueryData(periodsQuery(params.slug)),
          ]),
        )
      : undefined,
  component: lazyRouteComponent(
    withTexts(() => import('./features/reporting/ReportingAdminPage'), 'admin', 'reporting'),
    'ReportingAdminPage',
  ),
});

export const outboxRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'outbox',
  component: lazyRouteComponent(
    withTexts(() => import('./features/admin/OutboxPage'), 'admin'),
    'OutboxPage',
  ),
});

export const activityRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'activity',
  component: lazyRouteComponent(
    withTexts(() => import('./features/admin/ActivityPage'), 'admin', 'history'),
    'ActivityPage',
  ),
});

export const signInFailuresRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'sign-ins',
  component: lazyRouteComponent(
    withTexts(() => import('./features/admin/SignInFailuresPage'), 'admin'),
    'SignInFailuresPage',
  ),
});

export const routeTree = rootRoute.addChildren([
  signInRoute,
  setPasswordRoute,
  unsubscribeRoute,
  appRoute.addChildren([
    homeRoute,
    tokensRoute,
    notificationSettingsRoute,
    workspaceRoute.addChildren([
      frameworksRoute,
      frameworkRoute,
      commitmentsRoute,
      newCommitmentRoute,
      commitmentRoute,
      editCommitmentRoute,
      myWorkRoute,
      dashboardRoute,
      complianceRoute,
      periodReportsRoute,
      inboxRoute,
      importsRoute,
      newImportRoute,
      importRoute,
      adminRoute.addChildren([
        membersRoute,
        organizationsRoute,
        frameworksAdminRoute,
        reportingAdminRoute,
        activityRoute,
        signInFailuresRoute,
        outboxRoute,
      ]),
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient },
    defaultPreload: 'intent',
    // The query cache decides freshness: the router always runs the loaders, which are cheap
    // when the data is cached (ensureQueryData).
    defaultPreloadStaleTime: 0,
    defaultNotFoundComponent: NotFoundPage,
    defaultErrorComponent: RouteErrorPage,
    defaultPendingComponent: () => <LoadingState />,
    scrollRestoration: true,
    // Readable, shareable URLs: `?status=AT_RISK&status=OFF_TRACK&sort=-progress`, not JSON.
    parseSearch: parseReadableSearch,
    stringifySearch: stringifyReadableSearch,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
