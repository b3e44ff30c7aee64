import { useEffect } from 'react';
import { AppShell, Box, Container, Group, Text } from '@mantine/core';
import { Outlet, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { isLocale } from '../../i18n';
import { useMe } from '../auth/queries';
import { useMembership } from '../auth/useMembership';
import { UserMenu } from '../account/UserMenu';
import { NotificationBell } from '../notifications/NotificationBell';
import { WorkspaceSwitcher } from '../workspaces/WorkspaceSwitcher';
import { ErrorState, LoadingState } from './states';
import { RouterAnchor } from './RouterAnchor';
import classes from './AppLayout.module.css';

/** The pages behind sign-in: waits for the session, then shows the header and the page. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();

  const appName = t('app.name');
  useEffect(() => {
    document.title = appName;
  }, [appName]);

  // The language saved on the account wins over the one of this browser.
  const accountLocale = me.data?.user.locale;
  useEffect(() => {
    if (isLocale(accountLocale) && accountLocale !== i18n.resolvedLanguage) {
      void i18n.changeLanguage(accountLocale);
    }
  }, [accountLocale, i18n]);

  if (me.isError && !(me.error instanceof ApiError && me.error.status === 401)) {
    return (
      <Container size="sm" py="xl">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  // Pending, or 401 (the app is on its way to the sign-in page).
  if (!me.data) {
    return (
      <Container size="sm" py="xl">
        <LoadingState rows={2} />
      </Container>
    );
  }
  return <SignedInShell />;
}

function SignedInShell() {
  const { t } = useTranslation();
  const { slug } = useParams({ strict: false });
  const { membership, can } = useMembership(slug);
  const workspace = membership?.workspace;

  return (
    <AppShell header={{ height: { base: 148, sm: 64 } }} padding="md">
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="wrap" gap="xs" py={6}>
          <Group gap="sm" wrap="wrap">
            <RouterAnchor to="/" fw={700} c="dark" underline="never">
              {t('app.name')}
            </RouterAnchor>
            <WorkspaceSwitcher currentSlug={slug} />
          </Group>
          <Group gap="md" wrap="wrap">
            {slug !== undefined && (
              <nav aria-label={t('nav.main')}>
                <Group gap="sm">
                  <RouterAnchor
                    to="/w/$slug/dashboard"
                    params={{ slug }}
                    className={classes.navLink}
                  >
                    {t('nav.dashboard')}
                  </RouterAnchor>
                  <RouterAnchor
                    to="/w/$slug"
                    params={{ slug }}
                    activeOptions={{ exact: true }}
                    className={classes.navLink}
                  >
                    {t('nav.frameworks')}
                  </RouterAnchor>
                  <RouterAnchor
                    to="/w/$slug/commitments"
                    params={{ slug }}
                    className={classes.navLink}
                  >
                    {t('nav.commitments')}
                  </RouterAnchor>
                  <RouterAnchor
                    to="/w/$slug/compliance"
                    params={{ slug }}
                    className={classes.navLink}
                  >
                    {t('nav.compliance')}
                  </RouterAnchor>
                  {membership && (
                    <RouterAnchor
                      to="/w/$slug/my-work"
                      params={{ slug }}
                      className={classes.navLink}
                    >
                      {t('myWork.nav')}
                    </RouterAnchor>
                  )}
                  {can('workspace.manage') && (
                    <RouterAnchor
                      to="/w/$slug/admin/members"
                      params={{ slug }}
                      className={classes.navLink}
                    >
                      {t('nav.admin')}
                    </RouterAnchor>
                  )}
                </Group>
              </nav>
            )}
            {membership && slug !== undefined && <NotificationBell slug={slug} />}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main className={classes.main}>
        {workspace?.isDemo && (
          <Box className={classes.demoBanner} role="note" mb="md">
            <Text fw={600} ta="center">
              {t('app.demoBanner')}
            </Text>
          </Box>
        )}
        <Container size="xl" id="main" tabIndex={-1} px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
