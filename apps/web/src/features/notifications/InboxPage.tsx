import { Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { inboxRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import type { NotificationKind } from '@spct/contracts';
import type { Notification } from '../../api/types';
import { useFormat } from '../../i18n/format';
import type { DetailTab } from '../commitments/search';
import { RouterAnchor } from '../layout/RouterAnchor';
import { EmptyState, QueryState } from '../layout/states';
import { usePageTitle } from '../layout/usePageTitle';
import { inboxQuery, useMarkRead } from './queries';

/** `/w/$slug/notifications`: the caller's inbox, newest first; each entry opens its item. */
export function InboxPage() {
  const { slug } = inboxRoute.useParams();
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const inbox = useQuery(inboxQuery(slug));
  const markRead = useMarkRead(slug);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('notifications.title')}</Title>
        <Button
          variant="default"
          disabled={!inbox.data?.unread}
          loading={markRead.isPending && markRead.variables === 'all'}
          onClick={() => markRead.mutate('all')}
        >
          {t('notifications.readAll')}
        </Button>
      </Group>
      <QueryState query={inbox}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState message={t('notifications.empty')} />
          ) : (
            <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
              {page.items.map((entry) => (
                <Entry
                  key={entry.id}
                  slug={slug}
                  entry={entry}
                  onRead={() => markRead.mutate(entry.id)}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Entry({ slug, entry, onRead }: { slug: string; entry: Notification; onRead: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = entry.readAt === null;
  const item = entry.commitment;
  const text = useEntryText(entry);
  return (
    <Paper component="li" withBorder p="sm" radius="md" bg={unread ? 'blue.0' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={unread ? 700 : 400}>
            {unread && <VisuallyHidden>{t('notifications.unread')} </VisuallyHidden>}
            {text}
          </Text>
          {unread && (
            <Button size="compact-xs" variant="subtle" onClick={onRead} style={{ flexShrink: 0 }}>
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
        {entry.data.reason && (
          <Text size="sm">{t('notifications.reason', { reason: entry.data.reason })}</Text>
        )}
        {item && (
          <RouterAnchor
            to="/w/$slug/commitments/$commitmentId"
            params={{ slug, commitmentId: item.id }}
            search={{ tab: TAB_OF[entry.kind] }}
            onClick={() => unread && onRead()}
          >
            {item.reference} — {format.text(item.title)}
          </RouterAnchor>
        )}
        <Text size="xs" c="dimmed">
          {format.dateTime(entry.createdAt)}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The tab of the item that shows what an entry is about. */
const TAB_OF: Record<NotificationKind, DetailTab> = {
  REPORT_SUBMITTED: 'updates',
  REPORT_RETURNED: 'updates',
  REPORT_APPROVED: 'updates',
  MENTION: 'comments',
  COMMENT: 'comments',
  POSITION: 'positions',
  STATUS_ALERT: 'updates',
  REPORT_REMINDER: 'updates',
  REPORT_OVERDUE: 'updates',
};

/** What an entry says, from its kind and data, with dates in the interface language. */
function useEntryText(entry: Notification): string {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = entry;
  const params = {
    actor: entry.actor?.displayName ?? t('notifications.someone'),
    period: data.period ?? '',
    dueDate: format.date(data.dueOn),
    organization: data.organization ?? '',
    position: data.position ? t(`position.${data.position}`) : '',
    status: data.status ? t(`status.${data.status}`) : '',
    previous: data.previousStatus ? t(`status.${data.previousStatus}`) : '',
  };
  if (entry.kind === 'COMMENT' && data.parentId) return t('notifications.reply', params);
  if (entry.kind === 'REPORT_REMINDER' && data.daysOverdue !== undefined) {
    if (data.daysOverdue === 0) return t('notifications.reminderToday', params);
    if (data.daysOverdue > 0) {
      return t('notifications.reminderLate', { ...params, count: data.daysOverdue });
    }
  }
  return t(`notifications.kind.${entry.kind}`, params);
}
