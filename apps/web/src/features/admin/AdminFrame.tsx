import type { ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/queries';
import { useMembership } from '../auth/useMembership';
import { LoadingState } from '../layout/states';
import { NotAllowedPage } from '../layout/NotAllowedPage';
import { RouterAnchor } from '../layout/RouterAnchor';
import classes from '../layout/AppLayout.module.css';

/** The administration pages: only for those who may manage the workspace. */
export function AdminFrame({ slug, children }: { slug: string; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useMembership(slug);
  if (!me.data) return <LoadingState />;
  if (!can('workspace.manage')) return <NotAllowedPage />;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('admin.title')}</Title>
      <nav aria-label={t('admin.sections')}>
        <Group gap="lg">
          <RouterAnchor to="/w/$slug/admin/members" params={{ slug }} className={classes.navLink}>
            {t('admin.members.title')}
          </RouterAnchor>
          <RouterAnchor
            to="/w/$slug/admin/organizations"
            params={{ slug }}
            className={classes.navLink}
          >
            {t('admin.organizations.title')}
          </RouterAnchor>
          <RouterAnchor
            to="/w/$slug/admin/frameworks"
            params={{ slug }}
            className={classes.navLink}
          >
            {t('admin.frameworks.title')}
          </RouterAnchor>
          <RouterAnchor to="/w/$slug/admin/reporting" params={{ slug }} className={classes.navLink}>
            {t('admin.reporting.title')}
          </RouterAnchor>
          <RouterAnchor to="/w/$slug/admin/activity" params={{ slug }} className={classes.navLink}>
            {t('admin.activity.title')}
          </RouterAnchor>
        </Group>
      </nav>
      {children}
    </Stack>
  );
}
