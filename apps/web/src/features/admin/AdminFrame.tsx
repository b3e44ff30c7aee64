import { Group, Stack, Title } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMembership } from '../auth/useMembership';
import { NotAllowedPage } from '../layout/NotAllowedPage';
import { RouterAnchor } from '../layout/RouterAnchor';
import { adminRoute } from '../../router';
import classes from '../layout/AppLayout.module.css';

/** The administration pages (the layout of `/w/$slug/admin`): only for those who may manage the workspace. */
export function AdminFrame() {
  const { t } = useTranslation();
  const { slug } = adminRoute.useParams();
  const { can } = useMembership(slug);
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
          <RouterAnchor to="/w/$slug/admin/sign-ins" params={{ slug }} className={classes.navLink}>
            {t('admin.signIns.title')}
          </RouterAnchor>
          <RouterAnchor to="/w/$slug/admin/outbox" params={{ slug }} className={classes.navLink}>
            {t('admin.outbox.title')}
          </RouterAnchor>
        </Group>
      </nav>
      <Outlet />
    </Stack>
  );
}
