import { useEffect } from 'react';
import { AppShell, Badge, Box, Container, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { workspacesQuery } from '../workspaces/queries';
import { LanguageSwitch } from './LanguageSwitch';
import { RouterAnchor } from './RouterAnchor';
import classes from './AppLayout.module.css';

export function AppLayout() {
  const { t } = useTranslation();
  const { slug } = useParams({ strict: false });
  const workspaces = useQuery({ ...workspacesQuery(), enabled: slug !== undefined });
  const workspace = workspaces.data?.items.find((item) => item.slug === slug);

  const appName = t('app.name');
  useEffect(() => {
    document.title = appName;
  }, [appName]);

  return (
    <AppShell header={{ height: { base: 112, sm: 64 } }} padding="md">
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="wrap" gap="xs" py={6}>
          <Group gap="sm" wrap="nowrap">
            <RouterAnchor to="/" fw={700} c="dark" underline="never">
              {appName}
            </RouterAnchor>
            {workspace && (
              <Badge variant="light" aria-label={t('nav.workspace', { name: workspace.name })}>
                {workspace.name}
              </Badge>
            )}
          </Group>
          <Group gap="md">
            {slug !== undefined && (
              <nav aria-label={t('nav.main')}>
                <Group gap="md">
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
                </Group>
              </nav>
            )}
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
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
