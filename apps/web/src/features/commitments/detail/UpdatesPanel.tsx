import { Alert, Group, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { EmptyState, QueryState } from '../../layout/states';
import { StatusBadge, UpdateStateBadge } from '../badges';
import { updatesQuery } from '../queries';

export function UpdatesPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(updatesQuery(slug, commitmentId));
  return (
    <QueryState query={query}>
      {(updates) =>
        updates.length === 0 ? (
          <EmptyState message={t('updates.empty')} />
        ) : (
          <Timeline bulletSize={16} lineWidth={2} active={-1}>
            {updates.map((update) => (
              <Timeline.Item
                key={update.id}
                title={
                  <Group gap="xs">
                    <Text fw={600} component="h3" size="md" m={0}>
                      {t('updates.period', { period: update.period })}
                    </Text>
                    <UpdateStateBadge state={update.state} />
                  </Group>
                }
              >
                <Group gap="xs" mt={4}>
                  <StatusBadge status={update.status} />
                  <Text size="sm">
                    {t('updates.proposed', {
                      status: t(`status.${update.status}`),
                      progress: format.percent(update.progress),
                    })}
                  </Text>
                </Group>
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-line' }}>
                  {format.text(update.narrative)}
                </Text>
                {update.state === 'RETURNED' && update.returnReason && (
                  <Alert color="orange" variant="light" mt="xs" title={t('updates.returnReason')}>
                    {update.returnReason}
                  </Alert>
                )}
                <Text size="xs" c="dimmed" mt="xs">
                  {[
                    t('updates.author', { name: update.author.displayName }),
                    update.submittedAt
                      ? t('updates.submittedAt', { date: format.date(update.submittedAt) })
                      : t('updates.createdAt', { date: format.date(update.createdAt) }),
                    update.decidedAt
                      ? t('updates.decidedAt', { date: format.date(update.decidedAt) })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )
      }
    </QueryState>
  );
}
