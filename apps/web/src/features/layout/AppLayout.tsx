import { useEffect, useState, type ReactNode } from 'react';
import { AppShell, Box, Burger, Container, Group, Stack, Text } from '@mantine/core';
import { Outlet, useParams, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../i18n';
import { useMe } from '../auth/queries';
import { useMembership, type MembershipAccess } from '../auth/useMembership';
import { UserMenu } from '../account/UserMenu';
import { NotificationBell } from '../notifications/NotificationBell';
import { WorkspaceSwitcher } from '../workspaces/WorkspaceSwitcher';
import { LoadingState } from './states';
import { RouterAnchor } from './RouterAnchor';
import classes from './AppLayout.module.css';

/** The pages behind sign-in (the router has loaded the session): the header and the page. */
export function AppLayout() {
  const { i18n } = useTranslation();
  const me = useMe();

  // The language saved on the account wins over the one of this browser.
  const accountLocale = me.data?.user.locale;
  useEffect(() => {
    if (isLocale(accountLocale) && accountLocale !== i18n.resolvedLanguage) {
      void i18n.changeLanguage(accountLocale);
    }
  }, [accountLocale, i18n]);

  // Signing out clears the session's data on the way to the sign-in page.
  if (!me.data) {
    return (
      <Container size="sm" py="xl">
        <LoadingState rows={2} />
      </Container>
    );
  }
  return <SignedInShell />;
}

/** The workspace's main pages, in the order of the navigation; `shown` hides what a role cannot use. */
const NAV_ITEMS = [
  { to: '/w/$slug/dashboard', label: 'nav.dashboard' },
  { to: '/w/$slug', label: 'nav.frameworks', exact: true },
  { to: '/w/$slug/commitments', label: 'nav.commitments' },
  { to: '/w/$slug/compliance', label: 'nav.compliance' },
  { to: '/w/$slug/period-reports', label: 'nav.periodReports' },
  { to: '/w/$slug/my-work', label: 'nav.myWork' },
  {
    to: '/w/$slug/imports',
    label: 'nav.imports',
    shown: (access: MembershipAccess) => access.can('import'),
  },
  {
    to: '/w/$slug/admin/members',
    label: 'nav.admin',
    shown: (access: MembershipAccess) => access.can('workspace.manage'),
  },
] as const satisfies readonly {
  to: string;
  label: string;
  exact?: boolean;
  shown?: (access: MembershipAccess) => boolean;
}[];

function WorkspaceNav({ slug, vertical }: { slug: string; vertical: boolean }) {
  const { t } = useTranslation();
  const access = useMembership(slug);
  const links = NAV_ITEMS.filter((item) => !('shown' in item) || item.shown(access)).map((item) => (
    <RouterAnchor
      key={item.to}
      to={item.to}
      params={{ slug }}
      activeOptions={{ exact: 'exact' in item && item.exact }}
      className={classes.navLink}
    >
      {t(item.label)}
    </RouterAnchor>
  ));
  return (
    <nav aria-label={t('nav.main')}>
      {vertical ? (
        <Stack gap="md">{links}</Stack>
      ) : (
        <Group gap="md" wrap="nowrap">
          {links}
        </Group>
      )}
    </nav>
  );
}

function SignedInShell() {
  const { t } = useTranslation();
  const { slug } = useParams({ strict: false });
  const { membership } = useMembership(slug);
  // On a phone the navigation is a panel under the header: open on the page where it was
  // opened, closed once another page is chosen.
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const navOpened = openedOn === pathname;
  const inWorkspace = slug !== undefined && membership !== undefined;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{
        width: 280,
        breakpoint: 'lg',
        collapsed: { mobile: !navOpened, desktop: true },
      }}
      padding="md"
    >
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger
              opened={navOpened}
              onClick={() => setOpenedOn(navOpened ? null : pathname)}
              hiddenFrom="lg"
              size="sm"
              aria-label={t('nav.menu')}
              aria-expanded={navOpened}
            />
            <RouterAnchor to="/" fw={700} c="dark" underline="never" visibleFrom="xl">
              {t('app.name')}
            </RouterAnchor>
            <WorkspaceSwitcher currentSlug={slug} />
          </Group>
          {/* On a phone the user's name gives way (the menu names it), the workspace's does not. */}
          <Group gap="md" wrap="nowrap" miw={0}>
            {inWorkspace && (
              <Box visibleFrom="lg">
                <WorkspaceNav slug={slug} vertical={false} />
              </Box>
            )}
            {inWorkspace && <NotificationBell slug={slug} />}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {navOpened && (
        <AppShell.Navbar p="md" hiddenFrom="lg" component="div">
          <Stack gap="lg">
            <RouterAnchor to="/" fw={700} c="dark" underline="never">
              {t('app.name')}
            </RouterAnchor>
            {inWorkspace && <WorkspaceNav slug={slug} vertical />}
          </Stack>
        </AppShell.Navbar>
      )}
      <AppShell.Main className={classes.main}>
        <DemoBanner shown={membership?.workspace.isDemo === true} />
        <Container size="xl" id="main" tabIndex={-1} px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

function DemoBanner({ shown }: { shown: boolean }): ReactNode {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <Box className={classes.demoBanner} role="note" mb="md">
      <Text fw={600} ta="center" size="sm">
        {t('app.demoBanner')}
      </Text>
    </Box>
  );
}
