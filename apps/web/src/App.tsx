import '@mantine/notifications/styles.css';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MantineProvider,
  createTheme,
  defaultVariantColorsResolver,
  mergeThemeOverrides,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { ApiError, onUnauthorized } from './api/client';
import { authKeys } from './features/auth/queries';
import { showSuccess, type SuccessKey } from './features/layout/toasts';
import { createAppRouter, PUBLIC_PATHS, type AppRouter } from './router';

/**
 * Text on coloured surfaces reaches 4.5:1 (WCAG AA): light and outline variants (badges, light
 * buttons) write in near-black on their tinted surface (even shade 9 of green or yellow is
 * below 4.5:1 there); the surface and the border keep the colour.
 */
const readableVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const color = input.color ?? input.theme.primaryColor;
  const named = color in input.theme.colors;
  if (named && (input.variant === 'light' || input.variant === 'outline')) {
    const text = 'var(--mantine-color-dark-7)';
    return {
      ...colors,
      color: text,
      hoverColor: text,
      border:
        input.variant === 'outline' ? `1px solid var(--mantine-color-${color}-9)` : colors.border,
    };
  }
  // White on these fills stays below 4.5:1 at any usable shade: they carry black text.
  if (input.variant === 'filled' && LIGHT_FILLS.has(color.split('.')[0]!)) {
    return { ...colors, color: 'var(--mantine-color-black)' };
  }
  return colors;
};

const LIGHT_FILLS = new Set(['green', 'teal', 'lime', 'yellow', 'orange', 'cyan']);

/** Dimmed text (hints, dates) stays readable: gray 7 instead of gray 6 (3.3:1 on white). */
const readableDimmed: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

const baseTheme = createTheme({
  primaryColor: 'blue',
  // Shade 8 of each colour: white text on filled buttons and coloured links reach 4.5:1; filled
  // surfaces too light for white (yellow, orange...) get dark text.
  primaryShade: 8,
  autoContrast: true,
  variantColorResolver: readableVariants,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  focusRing: 'auto',
  components: {
    // A closed list is not kept in the page: each one kept mounted (six in the list's filters)
    // re-measured its position on every layout of the page, a long task on a phone.
    Combobox: { defaultProps: { keepMounted: false } },
  },
});

// Not needed for the first screen: loaded after it.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((module) => ({ default: module.Notifications })),
);
const SessionEndedDialog = lazy(() =>
  import('./features/auth/SessionEndedDialog').then((module) => ({
    default: module.SessionEndedDialog,
  })),
);

declare module '@tanstack/react-query' {
  interface Register {
    /** `success`: the brief notification shown when the mutation succeeds. */
    mutationMeta: { success?: SuccessKey };
  }
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors (404, 400...) will not get better by asking again.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) &&
          failureCount < 2,
      },
    },
  });
}

/** Every successful save says so briefly: mutations name their message in `meta.success`. */
function announceSuccesses(client: QueryClient): () => void {
  const cache: MutationCache = client.getMutationCache();
  return cache.subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const key = event.mutation.meta?.success;
    if (key) showSuccess(key);
  });
}

interface AppProps {
  queryClient?: QueryClient;
  /** A router made with `createAppRouter(queryClient)`, possibly loaded already (main.tsx). */
  router?: AppRouter;
  history?: RouterHistory;
  /** `test` disables Mantine transitions and portals (used by the tests). */
  mantineEnv?: 'default' | 'test';
}

export function App({
  queryClient,
  router: loadedRouter,
  history,
  mantineEnv = 'default',
}: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [router] = useState(() => loadedRouter ?? createAppRouter(client, history));
  const [sessionEnded, setSessionEnded] = useState(false);
  const { t } = useTranslation();
  // Icon-only buttons Mantine draws itself say what they do, in the interface language.
  const theme = useMemo(
    () =>
      mergeThemeOverrides(baseTheme, {
        components: {
          Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
        },
      }),
    [t],
  );

  useEffect(() => announceSuccesses(client), [client]);

  // The session ended (expired, signed out elsewhere, deactivated). With a page open, the user
  // signs in again over it and nothing typed is lost; otherwise the sign-in page brings them back.
  useEffect(
    () =>
      onUnauthorized(() => {
        const location = router.latestLocation;
        if (PUBLIC_PATHS.includes(location.pathname)) return;
        if (client.getQueryData(authKeys.me())) {
          setSessionEnded(true);
          return;
        }
        void router
          .navigate({ to: '/sign-in', search: { next: location.href }, replace: true })
          .finally(() => client.clear());
      }),
    [router, client],
  );

  return (
    <MantineProvider theme={theme} env={mantineEnv} cssVariablesResolver={readableDimmed}>
      <Suspense>
        <Notifications position="top-center" limit={3} />
      </Suspense>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
        {sessionEnded && (
          <Suspense>
            <SessionEndedDialog
              opened
              onSignedIn={() => {
                setSessionEnded(false);
                // A page that could not load while signed out loads now.
                void router.invalidate();
              }}
              onOtherUser={() => {
                setSessionEnded(false);
                void router.navigate({ to: '/', replace: true });
              }}
            />
          </Suspense>
        )}
      </QueryClientProvider>
    </MantineProvider>
  );
}
