import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EmailState } from '@spct/contracts';
import { useFormat } from '../../i18n/format';
import { outboxRoute } from '../../router';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../layout/states';
import { usePageTitle } from '../layout/usePageTitle';
import { outboxQuery } from './queries';

const STATE_COLOR: Record<EmailState, string> = {
  SENT: 'green',
  PENDING: 'yellow',
  NOT_SENT: 'gray',
  FAILED: 'red',
};

/**
 * `/w/$slug/admin/outbox`: every e-mail the workspace's notifications made, as rendered, with
 * its delivery state; without a mail server they are kept here, marked not sent.
 */
export function OutboxPage() {
  const { slug } = outboxRoute.useParams();
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('admin.outbox.title'));
  const query = useInfiniteQuery(outboxQuery(slug));
  const pages = query.data?.pages ?? [];
  const emails = pages.flatMap((page) => page.items);
  const configured = pages[0]?.mailServerConfigured ?? true;
  return (
    <Stack gap="md">
      <div>
        <Text component="h2" fw={700} size="xl" m={0}>
          {t('admin.outbox.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('admin.outbox.intro')}
        </Text>
      </div>
      {!configured && (
        <Alert color="yellow" variant="light" title={t('admin.outbox.noServerTitle')}>
          {t('admin.outbox.noServer')}
        </Alert>
      )}
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : emails.length === 0 ? (
        <EmptyState message={t('admin.outbox.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" striped aria-label={t('admin.outbox.caption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.outbox.created')}</Table.Th>
                  <Table.Th>{t('admin.outbox.recipient')}</Table.Th>
                  <Table.Th>{t('admin.outbox.subject')}</Table.Th>
                  <Table.Th>{t('admin.outbox.state')}</Table.Th>
                  <Table.Th>{t('admin.outbox.attempts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {emails.map((email) => (
                  <Table.Tr key={email.id}>
                    <Table.Td>{format.dateTime(email.createdAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{email.recipient}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`language.${email.locale === 'en' ? 'en' : 'vi'}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lang={email.locale}>
                        {email.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLOR[email.state]} variant="light" tt="none">
                        {t(`admin.outbox.stateName.${email.state}`)}
                      </Badge>
                      {email.sentAt && (
                        <Text size="xs" c="dimmed">
                          {format.dateTime(email.sentAt)}
                        </Text>
                      )}
                      {email.lastError && (
                        <Text size="xs" c="red.8">
                          {t('admin.outbox.lastError', { error: email.lastError })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{format.number(email.attempts)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore query={query} />
        </>
      )}
    </Stack>
  );
}
