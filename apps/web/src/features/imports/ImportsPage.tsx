import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { importsRoute } from '../../router';
import { useMembership } from '../auth/useMembership';
import { NotAllowedPage } from '../layout/NotAllowedPage';
import { RouterAnchor } from '../layout/RouterAnchor';
import { EmptyState, QueryState } from '../layout/states';
import { usePageTitle } from '../layout/usePageTitle';
import { ImportStateBadge } from './ImportStateBadge';
import { importHistoryQuery } from './queries';

/** `/w/$slug/imports`: who imported which file, when, and how it ended (an editor: their own). */
export function ImportsPage() {
  const { t } = useTranslation();
  const { slug } = importsRoute.useParams();
  const { can } = useMembership(slug);
  usePageTitle(t('imports.historyTitle'));
  if (!can('import')) return <NotAllowedPage />;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{t('imports.historyTitle')}</Title>
          <Text c="dimmed">{t('imports.historyIntro')}</Text>
        </Stack>
        <Button
          renderRoot={(props) => <Link {...props} to="/w/$slug/imports/new" params={{ slug }} />}
        >
          {t('imports.newImport')}
        </Button>
      </Group>
      <History slug={slug} />
    </Stack>
  );
}

function History({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(importHistoryQuery(slug));
  return (
    <QueryState query={query}>
      {(items) =>
        items.length === 0 ? (
          <EmptyState message={t('imports.historyEmpty')} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Caption>{t('imports.historyCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imports.history.file')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.by')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.when')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.state')}</Table.Th>
                  <Table.Th scope="col">{t('imports.history.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <RouterAnchor
                        to="/w/$slug/imports/$importId"
                        params={{ slug, importId: item.id }}
                      >
                        {item.fileName}
                      </RouterAnchor>
                    </Table.Td>
                    <Table.Td>{item.createdBy?.displayName ?? t('imports.unknownPerson')}</Table.Td>
                    <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <ImportStateBadge state={item.state} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t('imports.summary', {
                          creates: format.number(item.creates),
                          updates: format.number(item.updates),
                          unchanged: format.number(item.unchanged),
                          errors: format.number(item.errors),
                        })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </QueryState>
  );
}
