import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../layout/RouterAnchor';
import classes from '../layout/AppLayout.module.css';
import { inboxQuery } from './queries';

/** The header's bell: the unread count, opening the inbox. */
export function NotificationBell({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const inbox = useQuery(inboxQuery(slug));
  const unread = inbox.data?.unread ?? 0;
  return (
    <RouterAnchor
      to="/w/$slug/notifications"
      params={{ slug }}
      className={classes.navLink}
      aria-label={t('notifications.bell', { count: unread })}
      data-testid="notification-bell"
    >
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <Badge size="xs" color="red.9" circle={unread < 10} ml={2} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </Badge>
      )}
    </RouterAnchor>
  );
}
