import { Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ComplianceCounts } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { ExportButtons } from '../exports/ExportButtons';
import { EmptyState, QueryState } from '../layout/states';
import { complianceRoute } from '../../router';
import { usePageTitle } from '../layout/usePageTitle';
import { complianceQuery, periodsQuery } from './queries';

const COLUMNS = ['expected', 'submittedOnTime', 'submittedLate', 'approved', 'missing'] as const;

/**
 * `/w/$slug/compliance`: how the lead organizations reported for a period (the current one unless
 * the URL names another): expected, on time, late, approved, missing and the reporting rate.
 */
export function CompliancePage() {
  const { slug } = complianceRoute.useParams();
  const { periodId } = complianceRoute.useSearch();
  const navigate = complianceRoute.useNavigate();
  const { t } = useTranslation();
  usePageTitle(t('compliance.title'));
  const format = useFormat();
  const periods = useQuery(periodsQuery(slug));
  const compliance = useQuery(complianceQuery(slug, periodId));
  const rate = (counts: ComplianceCounts) =>
    counts.rate === null ? '–' : format.percent(counts.rate * 100);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('compliance.title')}</Title>
      <Text c="dimmed">{t('compliance.intro')}</Text>
      <NativeSelect
        label={t('compliance.period')}
        maw={360}
        value={periodId ?? compliance.data?.period.id ?? ''}
        onChange={(event) =>
          void navigate({ search: { periodId: event.currentTarget.value || undefined } })
        }
        data={(periods.data ?? []).map((p) => ({
          value: p.id,
          label: t('compliance.periodOption', {
            period: p.key,
            due: format.date(p.dueOn),
            state: t(`periodState.${p.state}`),
          }),
        }))}
      />
      <QueryState query={compliance}>
        {(data) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
              {[...COLUMNS, 'rate' as const].map((column) => (
                <Paper key={column} withBorder p="sm" radius="md">
                  <Text size="sm" c="dimmed">
                    {t(`compliance.${column}`)}
                  </Text>
                  <Text fz="xl" fw={700}>
                    {column === 'rate' ? rate(data.totals) : format.number(data.totals[column])}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">
                {t('compliance.due', {
                  period: data.period.key,
                  due: format.date(data.period.dueOn),
                })}
              </Text>
              <ExportButtons
                slug={slug}
                name="reports"
                query={{ period: data.period.key }}
                label={t('exports.what.reports', { period: data.period.key })}
              />
            </Group>
            {data.organizations.length === 0 ? (
              <EmptyState message={t('compliance.empty')} />
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped verticalSpacing="sm">
                  <Table.Caption>
                    {t('compliance.caption', { period: data.period.key })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('compliance.organization')}</Table.Th>
                      {COLUMNS.map((column) => (
                        <Table.Th key={column} ta="right">
                          {t(`compliance.${column}`)}
                        </Table.Th>
                      ))}
                      <Table.Th ta="right">{t('compliance.rate')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.organizations.map((row) => (
                      <Table.Tr key={row.organizationId}>
                        <Table.Th scope="row" fw={600}>
                          <abbr title={format.text(row.name)}>{row.shortName}</abbr>
                        </Table.Th>
                        {COLUMNS.map((column) => (
                          <Table.Td key={column} ta="right">
                            {format.number(row[column])}
                          </Table.Td>
                        ))}
                        <Table.Td ta="right">{rate(row)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
