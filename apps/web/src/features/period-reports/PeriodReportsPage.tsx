import { useState, type FormEvent } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@spct/contracts';
import type { CreatePeriodReportBody, PeriodReport } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { periodReportsRoute } from '../../router';
import { useMembership } from '../auth/useMembership';
import { useFilterOptions } from '../commitments/filterOptions';
import { DateField } from '../layout/DateField';
import { EmptyState, ErrorState, QueryState } from '../layout/states';
import { usePageTitle } from '../layout/usePageTitle';
import { frameworksQuery } from '../frameworks/queries';
import { organizationsQuery } from '../organizations/queries';
import { periodsQuery } from '../reporting/queries';
import { periodReportDownloadUrl, periodReportsQuery, useGeneratePeriodReport } from './queries';

const FILTERS = ['frameworkId', 'leadOrgId', 'theme', 'targetGroup'] as const;
type Filter = (typeof FILTERS)[number];

const STATE_COLORS: Record<PeriodReport['state'], string> = {
  QUEUED: 'gray',
  RUNNING: 'blue',
  SUCCEEDED: 'green',
  FAILED: 'red',
};

/**
 * `/w/$slug/reports`: the period reports (PDF) for tripartite meetings. Managers and
 * administrators choose a period or dates, the dashboard's filters and a language, and generate
 * one; everyone follows the history and downloads.
 */
export function PeriodReportsPage() {
  const { slug } = periodReportsRoute.useParams();
  const { t } = useTranslation();
  usePageTitle(t('periodReports.title'));
  const access = useMembership(slug);
  const reports = useQuery(periodReportsQuery(slug));
  const options = useFilterOptions(slug);
  const names = useShortNames(slug, options);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('periodReports.title')}</Title>
      <Text c="dimmed">{t('periodReports.intro')}</Text>
      {access.can('report.generate') && <GenerateForm slug={slug} options={options} />}
      <Stack gap="sm" component="section" aria-labelledby="period-report-history">
        <Title order={2} size="h3" id="period-report-history">
          {t('periodReports.history')}
        </Title>
        <QueryState query={reports}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState message={t('periodReports.empty')} />
            ) : (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {items.map((report) => (
                  <ReportRow key={report.id} slug={slug} report={report} names={names} />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Stack>
  );
}

type Options = ReturnType<typeof useFilterOptions>;

/** What the history calls each filter value: codes and short names, labels of the rest. */
function useShortNames(slug: string, options: Options): (value: string) => string {
  const frameworks = useQuery(frameworksQuery(slug));
  const organizations = useQuery(organizationsQuery(slug));
  const names = new Map<string, string>([
    ...[...options.leadOrganizations, ...options.themes, ...options.targetGroups].map(
      (option): [string, string] => [option.value, option.label],
    ),
    ...(frameworks.data?.items ?? []).map((f): [string, string] => [f.id, f.code]),
    ...(organizations.data ?? []).map((o): [string, string] => [o.id, o.shortName]),
  ]);
  return (value) => names.get(value) ?? value;
}

const OPTIONS_OF: Record<Filter, 'frameworks' | 'leadOrganizations' | 'themes' | 'targetGroups'> = {
  frameworkId: 'frameworks',
  leadOrgId: 'leadOrganizations',
  theme: 'themes',
  targetGroup: 'targetGroups',
};

function GenerateForm({ slug, options }: { slug: string; options: Options }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const periods = useQuery(periodsQuery(slug));
  const generate = useGeneratePeriodReport(slug);
  const [scope, setScope] = useState<'period' | 'range'>('period');
  const [periodId, setPeriodId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filters, setFilters] = useState<Record<Filter, string[]>>({
    frameworkId: [],
    leadOrgId: [],
    theme: [],
    targetGroup: [],
  });
  const [language, setLanguage] = useState<Locale>(i18n.resolvedLanguage === 'en' ? 'en' : 'vi');
  const [invalid, setInvalid] = useState<{ from?: string; to?: string }>({});
  const chosenPeriod =
    periodId || periods.data?.find((p) => p.current)?.id || periods.data?.[0]?.id || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      from: scope === 'range' && !from ? t('periodReports.required') : undefined,
      to:
        scope === 'range' && !to
          ? t('periodReports.required')
          : scope === 'range' && from && to < from
            ? t('periodReports.toBeforeFrom')
            : undefined,
    };
    setInvalid(problems);
    if (problems.from || problems.to) return;
    const chosen = Object.fromEntries(
      FILTERS.filter((f) => filters[f].length > 0).map((f) => [f, filters[f]]),
    );
    const body = {
      ...(scope === 'period' ? { periodId: chosenPeriod } : { from, to }),
      ...chosen,
      language,
    } as CreatePeriodReportBody;
    generate.mutate(body);
  };

  const labels: Record<Filter, string> = {
    frameworkId: t('commitments.framework'),
    leadOrgId: t('commitments.leadOrg'),
    theme: t('commitments.theme'),
    targetGroup: t('commitments.targetGroup'),
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      aria-labelledby="period-report-new"
      noValidate
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="period-report-new">
          {t('periodReports.new')}
        </Title>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="period-report-scope">
            {t('periodReports.scope')}
          </Text>
          <SegmentedControl
            aria-labelledby="period-report-scope"
            value={scope}
            onChange={(value) => setScope(value as 'period' | 'range')}
            data={[
              { value: 'period', label: t('periodReports.byPeriod') },
              { value: 'range', label: t('periodReports.byDates') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        {scope === 'period' ? (
          <NativeSelect
            label={t('periodReports.period')}
            maw={360}
            value={chosenPeriod}
            onChange={(event) => setPeriodId(event.currentTarget.value)}
            data={(periods.data ?? []).map((p) => ({
              value: p.id,
              label: t('periodReports.periodOption', {
                period: p.key,
                from: format.date(p.startsOn),
                to: format.date(p.endsOn),
              }),
            }))}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={560}>
            <DateField
              label={t('periodReports.from')}
              value={from}
              onChange={setFrom}
              error={invalid.from}
              required
            />
            <DateField
              label={t('periodReports.to')}
              value={to}
              onChange={setTo}
              error={invalid.to}
              required
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {FILTERS.map((field) => (
            <MultiSelect
              key={field}
              label={labels[field]}
              placeholder={filters[field].length ? undefined : t('periodReports.all')}
              clearable
              searchable
              value={filters[field]}
              onChange={(value) => setFilters((current) => ({ ...current, [field]: value }))}
              data={options[OPTIONS_OF[field]]}
            />
          ))}
        </SimpleGrid>
        <NativeSelect
          label={t('periodReports.language')}
          maw={240}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as Locale)}
          data={LOCALES.map((locale) => ({
            value: locale,
            label: t(`periodReports.languages.${locale}`),
          }))}
        />
        {generate.isError && <ErrorState error={generate.error} />}
        <Group>
          <Button
            type="submit"
            loading={generate.isPending}
            disabled={scope === 'period' && !chosenPeriod}
          >
            {t('periodReports.generate')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ReportRow({
  slug,
  report,
  names,
}: {
  slug: string;
  report: PeriodReport;
  names: (value: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const period =
    report.periodKey ??
    t('periodReports.range', { from: format.date(report.from), to: format.date(report.to) });
  const scope = FILTERS.filter((field) => report.filters[field].length > 0).map(
    (field) =>
      `${t(`periodReports.filterNames.${field}`)}: ${report.filters[field].map(names).join('; ')}`,
  );
  const running = report.state === 'QUEUED' || report.state === 'RUNNING';

  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{t('periodReports.reportOf', { period })}</Text>
          <Badge color={STATE_COLORS[report.state]} variant="light">
            {t(`periodReports.states.${report.state}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('periodReports.requested', {
            who: report.createdBy?.displayName ?? t('periodReports.someone'),
            when: format.dateTime(report.createdAt),
          })}
          {' · '}
          {t(`periodReports.languages.${report.language}`)}
          {report.items !== null && ` · ${t('periodReports.items', { count: report.items })}`}
        </Text>
        <Text size="sm">{scope.length > 0 ? scope.join(' · ') : t('periodReports.noFilters')}</Text>
        {running && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('periodReports.running')}</Text>
          </Group>
        )}
        {report.state === 'FAILED' && (
          <Text size="sm" c="red.8" role="alert">
            {t('periodReports.failed')}
          </Text>
        )}
        {report.state === 'SUCCEEDED' && report.fileName && (
          <Group>
            <Anchor href={periodReportDownloadUrl(slug, report.id)} download={report.fileName}>
              {t('periodReports.download', { name: report.fileName })}
            </Anchor>
            {report.sizeBytes !== null && (
              <Text size="sm" c="dimmed">
                {format.bytes(report.sizeBytes)}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
