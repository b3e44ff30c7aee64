import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { signInFailuresRoute } from '../../router';
import { usePageTitle } from '../layout/usePageTitle';
import { signInFailuresQuery } from './queries';

/**
 * `/w/$slug/admin/sign-ins`: the members' failed sign-ins of the last day, per address
 * (administrators): many failures from an unknown address suggest someone guessing passwords.
 */
export function SignInFailuresPage() {
  const { slug } = signInFailuresRoute.useParams();
  return <SignInFailures slug={slug} />;
}

function SignInFailures({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('admin.signIns.title'));
  const query = useQuery(signInFailuresQuery(slug));
  return (
    <Stack gap="md">
      <div>
        <Text component="h2" fw={700} size="xl" m={0}>
          {t('admin.signIns.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('admin.signIns.intro')}
        </Text>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState message={t('admin.signIns.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" striped aria-label={t('admin.signIns.caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.signIns.member')}</Table.Th>
                <Table.Th>{t('admin.signIns.address')}</Table.Th>
                <Table.Th>{t('admin.signIns.failures')}</Table.Th>
                <Table.Th>{t('admin.signIns.last')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((failure) => (
                <Table.Tr key={`${failure.userId} ${failure.address}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {failure.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {failure.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {failure.address}
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.number(failure.failures)}</Table.Td>
                  <Table.Td>{format.dateTime(failure.lastFailedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
