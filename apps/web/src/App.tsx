import { useEffect, useState } from 'react';
import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { ApiError, onUnauthorized } from './api/client';
import { createAppRouter, PUBLIC_PATHS } from './router';

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  focusRing: 'auto',
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
    <MantineProvider theme={theme} env={mantineEnv}>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
