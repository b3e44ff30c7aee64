import { useEffect, useState } from 'react';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../layout/RouterAnchor';
import classes from '../layout/AppLayout.module.css';
import { inboxQuery } from './queries';

/**
 * True once the browser is idle after the page has been drawn: the unread count is not worth
 * delaying the page's own data for on a slow line.
 */
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(() => setIdle(true), 0);
      return () => window.clearTimeout(timer);
    }
    const request = window.requestIdleCallback(() => setIdle(true), { timeout: 3000 });
    return () => window.cancelIdleCallback(request);
  }, []);
  return idle;
}

/** The header's bell: the unread count, opening the inbox. */
export function NotificationBell({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const inbox = useQuery({ ...inboxQuery(slug), enabled: useIdle() });
  const unread = inbox.data?.unread ?? 0;
  return (
    <RouterAnchor
      to="/w/$slug/notifications"
      params={{ slug }}
      className={classes.navLink}
      aria-label={t('nav.bell', { count: unread })}
      data-testid="notification-bell"
    >
      <BellIcon />
      {unread > 0 && (
        <Badge size="xs" color="red.9" circle={unread < 10} ml={2} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </Badge>
      )}
    </RouterAnchor>
  );
}

/** Drawn, not an emoji: a system without a colour emoji font showed an empty box. */
function BellIcon() {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      style={{ verticalAlign: 'middle' }}
    >
      <path d="M6 17v-6a6 6 0 0 1 12 0v6l2 2H4z" />
      <path d="M10 21a2 2 0 0 0 4 0" />
    </svg>
  );
}
