import { useEffect, useState } from 'react';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { ApiError, onUnauthorized } from './api/client';
import { createAppRouter, PUBLIC_PATHS } from './router';

// Text meets WCAG AA contrast (4.5:1): links, buttons and filled badges use shade 8, and a
// filled colour light enough takes dark text (autoContrast) instead of white.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.18,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  focusRing: 'auto',
});

/** Secondary ("dimmed") text one shade darker than Mantine's, which reads at 3.3:1 only. */
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

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

interface AppProps {
  queryClient?: QueryClient;
  history?: RouterHistory;
  /** `test` disables Mantine transitions and portals (used by the tests). */
  mantineEnv?: 'default' | 'test';
}

export function App({ queryClient, history, mantineEnv = 'default' }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [router] = useState(() => createAppRouter(history));

  // The session ended (expired, signed out elsewhere, deactivated): forget everything that was
  // loaded for it and ask to sign in again, then come back here.
  useEffect(
    () =>
      onUnauthorized(() => {
        const location = router.latestLocation;
        if (PUBLIC_PATHS.includes(location.pathname)) return;
        void router
          .navigate({ to: '/sign-in', search: { next: location.href }, replace: true })
          .finally(() => client.clear());
      }),
    [router, client],
  );

  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env={mantineEnv}>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
