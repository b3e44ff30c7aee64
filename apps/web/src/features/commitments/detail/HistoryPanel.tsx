import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { infiniteQueryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { ActivityEvent } from '../../../api/types';
import { useFormat } from '../../../i18n/format';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../layout/states';
import { commitmentKeys, commitmentQuery } from '../queries';
import {
  FieldValue,
  type Names,
  useFieldLabel,
  useLooseTranslation,
  useNames,
} from './fieldValues';

export const HISTORY_PAGE_SIZE = 25;

/** The activity of one commitment, newest first (invalidated with the commitment's detail). */
export const historyQuery = (slug: string, id: string) =>
  infiniteQueryOptions({
    queryKey: commitmentKeys.related(slug, id, 'history'),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/workspaces/{slug}/commitments/{id}/history', {
          params: {
            path: { slug, id },
            query: { cursor: pageParam ?? undefined, limit: HISTORY_PAGE_SIZE },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** The `history` tab: who changed what and when, with readable field-level diffs. */
export function HistoryPanel({ slug, commitmentId }: { slug: string; commitmentId: string }) {
  const { t } = useTranslation();
  const commitment = useQuery(commitmentQuery(slug, commitmentId));
  const names = useNames(slug, commitment.data?.frameworkId);
  const query = useInfiniteQuery(historyQuery(slug, commitmentId));

  if (query.isPending) return <LoadingState rows={3} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const events = query.data.pages.flatMap((page) => page.items);
  if (events.length === 0) return <EmptyState message={t('history.empty')} />;

  return (
    <Stack gap="md">
      <Stack
        component="ol"
        gap="sm"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('history.label')}
      >
        {events.map((event) => (
          <li key={event.id}>
            <HistoryEvent event={event} names={names} />
          </li>
        ))}
      </Stack>
      <LoadMore query={query} />
    </Stack>
  );
}

function HistoryEvent({ event, names }: { event: ActivityEvent; names: Names }) {
  const { t } = useTranslation();
  const translate = useLooseTranslation();
  const format = useFormat();
  const fieldLabel = useFieldLabel();
  const when = format.dateTime(event.at);
  const fields = Object.entries(event.changes);
  const action = translate(`history.actions.${event.action}`, event.action);
  const entity = translate(`history.entities.${event.entityType}`, event.entityType);
  const headingId = `history-${event.id}`;

  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs" id={headingId}>
          <Text fw={600} size="sm">
            {event.actor?.displayName ?? t('history.unknownActor')}
          </Text>
          <Text size="sm">{action}</Text>
          <Badge variant="light" color="gray" size="sm">
            {entity}
          </Badge>
        </Group>
        <Text component="time" dateTime={event.at} size="sm" c="dimmed">
          {when}
        </Text>
      </Group>
      {fields.length > 0 && (
        <Table.ScrollContainer minWidth={480} mt="xs">
          <Table
            verticalSpacing={4}
            fz="sm"
            aria-label={t('history.changesOf', { action, entity })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="25%">{t('history.field')}</Table.Th>
                <Table.Th>{t('history.before')}</Table.Th>
                <Table.Th>{t('history.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map(([field, change]) => (
                <Table.Tr key={field}>
                  <Table.Th scope="row" fw={500}>
                    {fieldLabel(field)}
                  </Table.Th>
                  <Table.Td>
                    <FieldValue field={field} value={change.before} names={names} />
                  </Table.Td>
                  <Table.Td>
                    <FieldValue field={field} value={change.after} names={names} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
