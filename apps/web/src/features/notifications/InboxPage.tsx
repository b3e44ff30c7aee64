import { Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { inboxRoute } from '../../router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../api/types';
import { useFormat } from '../../i18n/format';
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
  const text = t(`notifications.kind.${entry.kind}`, {
    actor: entry.actor?.displayName ?? t('notifications.someone'),
    period: entry.data.period ?? '',
  });
  return (
    <Paper component="li" withBorder p="sm" radius="md" bg={unread ? 'blue.0' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={unread ? 700 : 400}>
            {unread && <VisuallyHidden>{t('notifications.unread')} </VisuallyHidden>}
            {text}
          </Text>
          {unread && (
            <Button size="compact-xs" variant="subtle" onClick={onRead}>
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
            search={{ tab: 'updates' }}
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
